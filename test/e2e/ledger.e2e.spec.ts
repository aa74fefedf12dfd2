import { createPublicKey } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ApiClient, auditor, officer, requestJson } from '@talent/api-client';
import type { Actor } from '@talent/domain';
import { type TreeHead, verifyConsistency, verifyInclusion, verifyTreeHead } from '@talent/ledger';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describe('the verifiable ledger through the api: signed tree heads and the proofs behind them', () => {
  let stack: TestStack;
  let api: ApiClient;
  const get = async (url: string, who: Actor = auditor) =>
    requestJson(`${stack.baseUrl}${url}`, { headers: await authHeaders(stack.baseUrl, who) });
  const signTreeHead = async () =>
    requestJson(`${stack.baseUrl}/ledger/tree-heads`, {
      method: 'POST',
      body: {},
      headers: await authHeaders(stack.baseUrl, auditor),
    });

  beforeAll(async () => {
    stack = await startTestStack('ledger');
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  /**
   * Signs heads until one holds `events`: the tree takes an event once no transaction older than
   * it is still running (the gap-safe order), a moment after it is readable.
   */
  async function headHolding(events: Array<{ eventId: string }>): Promise<TreeHead> {
    for (;;) {
      const head = (await signTreeHead()).body as TreeHead;
      const last = await get(`/ledger/proofs/inclusion?eventId=${events.at(-1)!.eventId}&treeSize=${head.treeSize}`);
      if (last.status === 200) return head;
      await sleep(100);
    }
  }

  async function caseEvents(): Promise<Array<{ eventId: string; hash: string }>> {
    const opened = await api.open({ kind: 'recruitment', channel: 'civil_servant', subject: { name: '账本' } });
    const caseId = opened.body.caseId as string;
    const history = await get(`/cases/${caseId}/history`);
    return history.body.events as Array<{ eventId: string; hash: string }>;
  }

  it('proves a case’s events in a signed head, and each later head consistent with it, to anyone with the public key', async () => {
    const key = await requestJson(`${stack.baseUrl}/ledger/public-key`);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', publicKey: expect.stringContaining('BEGIN PUBLIC KEY') });
    const publicKey = createPublicKey(key.body.publicKey as string);

    const events = await caseEvents();
    const head = await headHolding(events);
    expect(head.keyId).toBe(key.body.keyId);
    expect(verifyTreeHead(head, publicKey)).toBe(true);
    expect((await get('/ledger/tree-heads/latest')).body).toEqual(head);

    for (const event of events) {
      const proof = await get(`/ledger/proofs/inclusion?eventId=${event.eventId}&treeSize=${head.treeSize}`);

      expect(proof.body).toMatchObject({ eventId: event.eventId, eventHash: event.hash, rootHash: head.rootHash });
      const included = verifyInclusion(
        proof.body.leafIndex as number,
        head.treeSize,
        bytes(event.hash),
        (proof.body.proof as string[]).map(bytes),
        bytes(head.rootHash),
      );
      expect(included).toBe(true);
    }

    const later = await headHolding(await caseEvents());
    const consistency = await get(`/ledger/proofs/consistency?from=${head.treeSize}&to=${later.treeSize}`);

    expect(later.treeSize).toBeGreaterThan(head.treeSize);
    const consistent = verifyConsistency(
      head.treeSize,
      later.treeSize,
      bytes(head.rootHash),
      bytes(later.rootHash),
      (consistency.body.proof as string[]).map(bytes),
    );
    expect(consistent).toBe(true);
    const listed = await get(`/ledger/tree-heads?from=${encodeURIComponent(head.issuedAt)}&limit=10`);
    expect(listed.body).toMatchObject({ items: expect.arrayContaining([head, later]), nextCursor: null });
  });

  it('answers what it cannot prove with a 4xx naming the field or the rule', async () => {
    const events = await caseEvents();
    const [event] = events;
    const head = await headHolding(events);

    const cases: Array<[string, number, string | RegExp]> = [
      [`/ledger/proofs/inclusion?eventId=not-a-uuid&treeSize=1`, 400, 'eventId must be a UUID'],
      [`/ledger/proofs/inclusion?eventId=${event!.eventId}&treeSize=-1`, 400, /treeSize must be a whole number/],
      [
        `/ledger/proofs/inclusion?eventId=${event!.eventId}&treeSize=${head.treeSize + 1}`,
        400,
        'TREE_SIZE_BEYOND_LEDGER',
      ],
      [`/ledger/proofs/inclusion?eventId=${event!.eventId}&treeSize=0`, 400, 'EVENT_AFTER_TREE_SIZE'],
      [`/ledger/proofs/inclusion?eventId=00000000-0000-4000-8000-000000000000&treeSize=1`, 404, 'EVENT_NOT_IN_LEDGER'],
      [`/ledger/proofs/consistency?from=2&to=1`, 400, 'INVALID_TREE_RANGE'],
      [`/ledger/proofs/consistency?from=1`, 400, /to must be a whole number/],
      [`/ledger/tree-heads?from=yesterday`, 400, /from must be an ISO 8601 instant/],
      [`/ledger/tree-heads?cursor=abc`, 400, /cursor is not one this api gave out/],
    ];
    for (const [url, status, said] of cases) {
      const response = await get(url);
      const text = JSON.stringify(response.body);
      expect({ url, status: response.status }).toEqual({ url, status });
      expect(typeof said === 'string' ? text.includes(said) : said.test(text)).toBe(true);
    }
  });

  it('keeps the proofs for auditors', async () => {
    const response = await get('/ledger/proofs/consistency?from=0&to=0', officer);

    expect(response.status).toBe(403);
  });
});
