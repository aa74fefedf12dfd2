import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '@talent/event-store';
import { PG_POOL } from '@talent/platform';
import type { Pool } from 'pg';
import { admin, requestJson } from '@talent/api-client';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('the stack, end to end on a real Temporal server and PostgreSQL', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('smoke');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('reports the database and Temporal healthy, with a worker polling', async () => {
    const { status, body } = await requestJson(`${stack.baseUrl}/health`);

    expect(status).toBe(200);
    expect(body.details.database.status).toBe('up');
    expect(body.details.temporal).toMatchObject({ status: 'up', taskQueue: stack.taskQueue });
    expect(body.details.temporal.workers).toBeGreaterThanOrEqual(1);
    expect(body.details.projections).toMatchObject({ status: 'up', projections: { activity_by_day: {} } });
  });

  it('keeps read models current: the worker’s projector applies a new event and /metrics shows no lag', async () => {
    const pool = stack.api.get<Pool>(PG_POOL);
    await new PostgresEventStore(pool).append(`case-${randomUUID()}`, 'no_stream', [
      { type: 'CaseOpened', data: {}, occurredAt: new Date('2023-05-04T09:00:00+08:00') },
    ]);

    let rows: unknown[] = [];
    for (let attempt = 0; attempt < 50 && rows.length === 0; attempt += 1) {
      rows = (await pool.query(`SELECT events FROM activity_by_day WHERE day = '2023-05-04'`)).rows;
      if (rows.length === 0) await sleep(100);
    }
    const metrics = await (await fetch(`${stack.baseUrl}/metrics`)).text();

    expect(rows).toEqual([{ events: '1' }]);
    expect(metrics).toContain('talent_projection_lag_seconds{projection="activity_by_day"} 0');
  });

  it('starts a workflow through the api and returns what the worker computed', async () => {
    const { status, body } = await requestJson(`${stack.baseUrl}/diagnostics/round-trip`, {
      body: { message: '你好，人才办' },
      headers: await authHeaders(stack.baseUrl, admin),
    });

    expect(status).toBe(200);
    expect(body.workflowId).toMatch(/^diagnostics-/);
    expect(body.echo).toMatchObject({ message: '你好，人才办', taskQueue: stack.taskQueue });
    expect(Date.parse(body.echo.handledAt)).not.toBeNaN();
  });

  it('refuses a malformed request with 400 naming the field', async () => {
    const { status, body } = await requestJson(`${stack.baseUrl}/diagnostics/round-trip`, {
      body: { message: 42 },
      headers: await authHeaders(stack.baseUrl, admin),
    });

    expect(status).toBe(400);
    expect(body.message).toContain('message must be a string');
  });

  it('serves the OpenAPI document, which lists every endpoint', async () => {
    const { status, body } = await requestJson(`${stack.baseUrl}/docs/openapi.json`);

    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/diagnostics/round-trip',
        '/cases',
        '/cases/{id}',
        '/cases/{id}/actions',
        '/plans/{year}',
      ]),
    );
    expect(
      body.paths['/cases/{id}'].get.responses['200'].content['application/json'].schema.example.allowedActions,
    ).toBeDefined();
  });
});
