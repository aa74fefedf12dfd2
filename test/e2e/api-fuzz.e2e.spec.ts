import fc from 'fast-check';
import type { Pool } from 'pg';
import type { Actor } from '@talent/domain';
import { PG_POOL } from '@talent/platform';
import { admin, approver, auditor, officer } from '@talent/api-client';
import { authHeaders } from '../support/identities';
import {
  fromSchema,
  hostileString,
  hostileValue,
  mutated,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type SchemaObject,
} from '../support/openapi-arbitraries';
import { startTestStack, type TestStack } from '../support/test-stack';

// Fixed, so a failure replays; fast-check prints the seed and path of any counterexample.
const SEED = Number(process.env.FUZZ_SEED ?? 20_231_101);
// Writes are where a bad value can reach the event store, so they get more runs than reads.
const RUNS = { read: Number(process.env.FUZZ_READ_RUNS ?? 8), write: Number(process.env.FUZZ_WRITE_RUNS ?? 30) };

const apiClient: Actor = { id: 'fuzz-client', role: 'api_client' };
const CALLERS: Array<Actor | 'anonymous'> = [officer, approver, auditor, admin, apiClient, 'anonymous'];

interface FuzzRequest {
  path: Record<string, string>;
  query: Array<[string, string]>;
  body?: unknown;
}

/** Business state a refused request must leave alone: events (but refusals) and credentials. */
const STATE_SQL = `
  SELECT (SELECT count(*) || ':' || coalesce(max(global_position), 0) FROM events
          WHERE stream_id NOT LIKE 'refusals-%') AS events,
         (SELECT md5(coalesce(string_agg(concat_ws('|', id, kind, display_name, role, case_kinds, password_hash,
                   disabled_at, credentials_version), ',' ORDER BY id), '')) FROM principals) AS principals,
         (SELECT md5(coalesce(string_agg(concat_ws('|', key_id, principal_id, name, revoked_at), ',' ORDER BY key_id),
                   '')) FROM api_keys) AS keys`;

// encodeURIComponent refuses lone surrogates; their (invalid) UTF-8 bytes are what a raw client sends.
const encodeSegment = (value: string) =>
  value.isWellFormed()
    ? encodeURIComponent(value)
    : encodeURIComponent(value.toWellFormed()).replaceAll('%EF%BF%BD', '%ED%A0%80');

describe('a property-based fuzz of every operation in the OpenAPI document', () => {
  let stack: TestStack;
  let pool: Pool;
  let document: OpenApiDocument;
  let caseIds: string[];
  let actionBodies: fc.Arbitrary<unknown>;

  beforeAll(async () => {
    stack = await startTestStack('fuzz', {
      SIGN_IN_ATTEMPTS_PER_15_MINUTES: '1000000',
      SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: '1000000',
    });
    pool = stack.api.get<Pool>(PG_POOL);
    document = (await (await fetch(`${stack.baseUrl}/docs/openapi.json`)).json()) as OpenApiDocument;
    for (const caller of CALLERS) if (caller !== 'anonymous') await authHeaders(stack.baseUrl, caller);
    const cases = stack.client;
    // Several cases, so that one withdrawn early leaves others for the actions that write.
    caseIds = [];
    for (const name of ['甲', '乙', '丙', '丁']) {
      const opened = await cases.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name } });
      caseIds.push(opened.body.caseId as string);
    }
    actionBodies = await pipelineActionBodies();
    await settled();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const state = async () => JSON.stringify((await pool.query(STATE_SQL)).rows[0]);

  /** Waits until the workflows a successful request started have written what they write. */
  async function settled(): Promise<string> {
    let last = await state();
    const deadline = Date.now() + 15_000;
    for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await state();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    return last;
  }

  /** Bodies of the actions a campus-teacher case takes, from the payload schemas its pipeline publishes. */
  async function pipelineActionBodies(): Promise<fc.Arbitrary<unknown>> {
    const response = await fetch(`${stack.baseUrl}/pipelines/recruitment.campus_teacher/versions/1`, {
      headers: await authHeaders(stack.baseUrl, officer),
    });
    const pipeline = (await response.json()) as {
      stages: Record<string, { actions: Record<string, { payloadSchema: SchemaObject }> }>;
    };
    // The first stages' actions most: the cases are there, so those actions write.
    const stageActions = Object.values(pipeline.stages).flatMap((stage, index) =>
      Object.entries(stage.actions).map(([action, { payloadSchema }]) => ({
        weight: index < 2 ? 8 : 1,
        arbitrary: fc.record({ action: fc.constant(action), payload: fromSchema(payloadSchema, document) }),
      })),
    );
    const caseCommand = fc.record(
      {
        action: fc.constantFrom('withdraw', 'reject', 'raiseObjection', 'resolveObjection'),
        payload: fc.record({ grounds: fc.string({ minLength: 1 }), upheld: fc.boolean() }, { requiredKeys: [] }),
        reason: fc.string({ minLength: 1, maxLength: 40 }),
      },
      { requiredKeys: ['action'] },
    );
    return fc.oneof({ weight: 6, arbitrary: fc.oneof(...stageActions) }, { weight: 1, arbitrary: caseCommand });
  }

  /** Real values for ids the fuzz could never guess, so requests reach past the 404. */
  const knownValue = (parameter: ParameterObject): fc.Arbitrary<string> => {
    const known: Record<string, string[]> = {
      id: [...caseIds, 'recruitment.campus_teacher', 'fuzz-client'],
      year: ['2023'],
      version: ['1'],
    };
    const values = known[parameter.name];
    return values ? fc.constantFrom(...values) : fc.string({ minLength: 1, maxLength: 20 });
  };

  function requestArbitrary(template: string, operation: OperationObject): fc.Arbitrary<FuzzRequest> {
    const parameters = operation.parameters ?? [];
    const value = (parameter: ParameterObject) =>
      fc.oneof(
        { weight: 3, arbitrary: parameter.in === 'path' ? knownValue(parameter) : fc.constant(undefined) },
        { weight: 2, arbitrary: parameter.schema ? fromSchema(parameter.schema, document).map(String) : fc.string() },
        { weight: 2, arbitrary: hostileString },
      );
    const path = fc.record(
      Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, value(p).map((v) => v ?? 'x')])),
    );
    const query = fc
      .tuple(
        ...parameters
          .filter((p) => p.in === 'query')
          .map((p) => fc.tuple(fc.constant(p.name), fc.array(value(p), { maxLength: 2 }))),
      )
      .map((pairs) =>
        pairs.flatMap(([name, values]) =>
          values.filter((v): v is string => v !== undefined).map((v): [string, string] => [name, v]),
        ),
      );
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) return fc.record({ path, query });
    // The body schema says only "an action and a payload"; the pipeline says which, so writes happen.
    const fitting =
      template === '/cases/{id}/actions'
        ? fc.oneof(fromSchema(schema, document), actionBodies)
        : fromSchema(schema, document);
    const body = fc.oneof(
      { weight: 2, arbitrary: fitting },
      { weight: 4, arbitrary: mutated(fitting) },
      { weight: 1, arbitrary: hostileValue },
    );
    return fc.record({ path, query, body });
  }

  async function send(method: string, template: string, request: FuzzRequest, caller: Actor | 'anonymous') {
    const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeSegment(request.path[name] ?? ''));
    const query = new URLSearchParams(request.query).toString();
    const headers = caller === 'anonymous' ? {} : await authHeaders(stack.baseUrl, caller);
    const response = await fetch(`${stack.baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: method.toUpperCase(),
      headers: { ...headers, 'content-type': 'application/json' },
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      // A request that never answers is the wedge this fuzz looks for, not a reason to hang.
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, text: await response.text() };
  }

  it('answers no request with a 5xx, and a refused request changes nothing', async () => {
    const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, template, operation })),
    );
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let before = await settled();
    for (const [index, { method, template, operation }] of operations.entries()) {
      for (const caller of CALLERS) {
        const who = caller === 'anonymous' ? caller : caller.role;
        try {
          await fc.assert(
            fc.asyncProperty(requestArbitrary(template, operation), async (request) => {
              const { status, text } = await send(method, template, request, caller);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status >= 500) throw new Error(`${status} ${text.slice(0, 300)}`);
              if (status >= 400) {
                const after = await state();
                if (after !== before)
                  throw new Error(`refused with ${status} but the state changed: ${text.slice(0, 300)}`);
              } else if (method !== 'get') {
                before = await settled();
              }
            }),
            { seed: SEED + index, numRuns: method === 'get' ? RUNS.read : RUNS.write, endOnFailure: true },
          );
        } catch (error) {
          failures.push(`${method.toUpperCase()} ${template} as ${who}: ${(error as Error).message.slice(0, 1500)}`);
          before = await settled();
        }
      }
    }

    const answered = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.info(`api fuzz, seed ${SEED}: ${operations.length} operations, answers ${answered.join(' ')}`);
    expect(operations.length).toBeGreaterThan(25);
    expect(failures).toEqual([]);
  }, 600_000);
});
