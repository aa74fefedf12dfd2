import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { toCaseWorkflowId } from '@talent/domain';
import { type ApiClient, approver, auditor, officer, requestJson } from '@talent/api-client';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';
import { verifyExportOffline } from '../support/verify-export-command';

describe('the auditor’s view: a case’s history, the hash chain behind it, refusals and signed exports', () => {
  let stack: TestStack;
  let api: ApiClient;
  let pool: Pool;
  const get = async (url: string, who = auditor) =>
    requestJson(`${stack.baseUrl}${url}`, { headers: await authHeaders(stack.baseUrl, who) });

  beforeAll(async () => {
    stack = await startTestStack('audit', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
    // The owner's login: the api's may append and read events, never rewrite them.
    pool = new Pool({ connectionString: stack.database.ownerUrl, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await stack?.close();
  });

  async function withdrawnCase(): Promise<string> {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '审计', idCardNumber: '11010519491231002X', phone: '13812345678' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await api.step(caseId, 'register', { post: '语文教师' });
    await api.act(caseId, 'withdraw', {}, officer, '考生放弃');
    return caseId;
  }

  it('lists every event with who, in which role, why and when, with personal data masked', async () => {
    const caseId = await withdrawnCase();

    const history = await get(`/cases/${caseId}/history`);
    const intact = await get(`/cases/${caseId}/history/verify`);

    expect(history.status).toBe(200);
    expect(history.body.pipeline).toEqual({ id: 'recruitment.campus_teacher', version: 3 });
    expect(history.body.temporalWorkflow).toMatchObject({ workflowId: toCaseWorkflowId(caseId) });
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual([
      'CaseOpened',
      'StageEntered',
      'ActionTaken',
      'StageEntered',
      'StageScheduled',
      'CaseClosed',
    ]);
    expect(history.body.events.at(-1)).toMatchObject({
      actor: { id: officer.id, role: 'hr_officer' },
      reason: '考生放弃',
    });
    expect(history.body.events[0].data.subject).toEqual({
      name: '审计',
      idCardNumber: '1101**********002X',
      phone: '138****5678',
      personalData: 'masked',
    });
    expect(JSON.stringify(history.body)).not.toContain('11010519491231002X');
    expect(intact.body).toMatchObject({ valid: true, eventsVerified: 6 });
    expect((await get('/cases/no-such-case/history')).status).toBe(404);
  });

  it('finds an edit made by SQL through both verify endpoints', async () => {
    const caseId = await withdrawnCase();
    const before = await get('/audit/verify');
    expect(before.body).toMatchObject({
      valid: true,
      brokenStreams: 0,
      ledger: { valid: true, firstDifferingLeaf: null, streamHeads: [] },
    });

    await pool.query(
      `UPDATE events SET metadata = jsonb_set(metadata, '{actor,id}', '"someone-else"') WHERE stream_id = $1 AND stream_version = 3`,
      [`case-${caseId}`],
    );
    const tampered = await get(`/cases/${caseId}/history/verify`);
    const store = await get('/audit/verify');

    expect(tampered.body).toMatchObject({
      valid: false,
      firstBrokenLink: { streamVersion: 3, problem: 'hash_mismatch' },
    });
    expect(store.body).toMatchObject({ valid: false, brokenStreams: 1 });
    // Counting stops at a stream's first broken link: two events of this one verify, 4 are not counted.
    expect(store.body).toMatchObject({
      streamsVerified: before.body.streamsVerified,
      eventsVerified: before.body.eventsVerified - 4,
    });
    expect(store.body.firstBroken[0].streamId).toBe(`case-${caseId}`);
    await pool.query(
      `UPDATE events SET metadata = jsonb_set(metadata, '{actor,id}', to_jsonb($2::text)) WHERE stream_id = $1 AND stream_version = 3`,
      [`case-${caseId}`, officer.id],
    );
  });

  /** The export, once the ledger has taken the case's last events (a moment after they are readable). */
  async function exportOf(caseId: string, query = '') {
    for (;;) {
      const exported = await get(`/cases/${caseId}/history/export${query}`);
      if (exported.status !== 409) return exported;
      await sleep(100);
    }
  }

  it('exports a signed history that verifies offline against a tree head saved before, and fails to once edited', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'export-'));
    const saved = await requestJson(`${stack.baseUrl}/ledger/tree-heads`, {
      method: 'POST',
      body: {},
      headers: await authHeaders(stack.baseUrl, auditor),
    });
    const savedHeadFile = path.join(folder, 'saved-head.json');
    writeFileSync(savedHeadFile, JSON.stringify(saved.body));
    const caseId = await withdrawnCase();
    const exported = await exportOf(caseId, `?consistencyFrom=${saved.body.treeSize}`);
    const key = await get('/audit/signing-key', officer);
    const ledgerKey = await requestJson(`${stack.baseUrl}/ledger/public-key`);
    const file = path.join(folder, `${caseId}.json`);
    const keyFile = path.join(folder, 'office.pem');
    const ledgerKeyFile = path.join(folder, 'ledger-key.json');
    writeFileSync(file, JSON.stringify(exported.body, null, 2));
    writeFileSync(keyFile, key.body.publicKey);
    writeFileSync(ledgerKeyFile, JSON.stringify(ledgerKey.body));
    const pinned = ['--public-key', keyFile, '--tree-head', savedHeadFile, '--ledger-key', ledgerKeyFile];

    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      format: 'talent-engine/stream-export',
      formatVersion: 2,
      streamId: `case-${caseId}`,
      eventCount: 6,
      exportedBy: { id: auditor.id, role: 'auditor' },
      ledger: { treeHead: { keyId: ledgerKey.body.keyId }, consistency: { from: saved.body.treeSize } },
      signature: { algorithm: 'Ed25519', keyId: key.body.keyId },
    });
    expect(exported.body.ledger.inclusion).toHaveLength(6);
    // The export is the stored record: personal data stays encrypted in it.
    expect(JSON.stringify(exported.body)).not.toContain('13812345678');
    expect(exported.body.events[0].data.subject.phone).toMatch(/^pii:v1:/);
    const valid = await verifyExportOffline(file, ...pinned);
    expect(valid).toMatchObject({ status: 0 });
    expect(valid.output).toMatch(/in the ledger +6 of 6 events proven/);
    expect(valid.output).toMatch(/\nVALID$/m);
    // Without the office's key pinned, intact is all it can say: anyone may sign an export.
    const unpinned = await verifyExportOffline(file);
    expect(unpinned.status).toBe(3);
    expect(unpinned.output).toContain('UNTRUSTED');

    exported.body.events[2].metadata.actor.id = 'someone-else';
    writeFileSync(file, JSON.stringify(exported.body));
    const edited = await verifyExportOffline(file, ...pinned);
    expect(edited.status).toBe(1);
    expect(edited.output).toMatch(/event 3 \([^)]+\): hash does not match its content/);
    expect((await get(`/cases/${caseId}/history/export?consistencyFrom=99999999`)).status).toBe(400);
  });

  it('exports the whole ledger, which verifies offline against a saved head', async () => {
    await withdrawnCase();
    const folder = mkdtempSync(path.join(tmpdir(), 'ledger-'));
    const saved = await requestJson(`${stack.baseUrl}/ledger/tree-heads`, {
      method: 'POST',
      body: {},
      headers: await authHeaders(stack.baseUrl, auditor),
    });
    await withdrawnCase();
    const exported = await get('/ledger/export');
    const ledgerKey = await requestJson(`${stack.baseUrl}/ledger/public-key`);
    const [file, headFile, keyFile] = ['ledger.json', 'head.json', 'ledger.pem'].map((name) => path.join(folder, name));
    writeFileSync(file!, JSON.stringify(exported.body));
    writeFileSync(headFile!, JSON.stringify(saved.body));
    writeFileSync(keyFile!, ledgerKey.body.publicKey);

    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'talent-engine/ledger-export', formatVersion: 1 });
    expect(exported.body.treeHead.treeSize).toBeGreaterThan(saved.body.treeSize);
    const checked = await verifyExportOffline(file!, '--tree-head', headFile!, '--ledger-key', keyFile!);
    expect(checked.output).toMatch(/first differing +none/);
    expect(checked).toMatchObject({ status: 0 });
    expect((await get('/ledger/export', officer)).status).toBe(403);
  });

  it('records every refused request with who tried, what and why, and lets only auditors read them', async () => {
    const caseId = await withdrawnCase();
    const refusedRole = await api.act(caseId, 'approve', { opinion: '同意' }, auditor);
    const refusedState = await api.act(caseId, 'withdraw', {}, officer, '再次');
    const refusedAdmin = await get('/audit/refusals', approver);

    expect([refusedRole.status, refusedState.status, refusedAdmin.status]).toEqual([403, 409, 403]);
    const refusals = await get(`/audit/refusals?caseId=${caseId}`);
    expect(refusals.status).toBe(200);
    expect(refusals.body.items).toEqual([
      expect.objectContaining({
        actor: { id: auditor.id, role: 'auditor' },
        method: 'POST',
        path: `/cases/${caseId}/actions`,
        action: 'approve',
        status: 403,
        code: 'ROLE_NOT_ALLOWED',
        reason: expect.stringMatching(/hr_officer, approver/),
      }),
      expect.objectContaining({
        actor: { id: officer.id, role: 'hr_officer' },
        action: 'withdraw',
        status: 409,
        code: 'CASE_NOT_OPEN',
        reason: expect.stringMatching(/is closed/),
      }),
    ]);
    const byApprover = await get(`/audit/refusals?actorId=${approver.id}`);
    expect(byApprover.body.items).toEqual([
      expect.objectContaining({ path: '/audit/refusals', status: 403, code: 'ROLE_NOT_ALLOWED' }),
    ]);
    expect((await get('/audit/refusals?from=2026-13-01')).status).toBe(400);
    expect((await get('/audit/refusals?from=2026-01-01&to=2026-03-01')).body.message).toEqual([
      'at most 31 days at a time',
    ]);
  });

  /** Every page of `/audit/refusals?<query>`, following nextCursor. */
  async function allPages(query: string) {
    const pages: Array<{ items: Array<Record<string, unknown>>; nextCursor: string | null }> = [];
    let cursor: string | null = null;
    do {
      const response = await get(`/audit/refusals?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body);
      cursor = response.body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }

  it('pages through refusals with a cursor, in the order they occurred, keeping the filters', async () => {
    const pagerA = { id: 'pager-a', role: 'auditor' } as const;
    const pagerB = { id: 'pager-b', role: 'approver' } as const;
    for (const caseId of ['paging-case-1', 'paging-case-1', 'paging-case-1', 'paging-case-2', 'paging-case-2']) {
      expect((await api.act(caseId, 'register', {}, pagerA)).status).toBe(403);
    }
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await get('/audit/refusals', pagerB)).status).toBe(403);

    const byA = await allPages(`actorId=${pagerA.id}&limit=2`);
    const items = byA.flatMap((page) => page.items);
    expect(byA.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(byA.map((page) => page.nextCursor === null)).toEqual([false, false, true]);
    expect(items.map((item) => item.caseId)).toEqual([
      'paging-case-1',
      'paging-case-1',
      'paging-case-1',
      'paging-case-2',
      'paging-case-2',
    ]);
    expect(new Set(items.map((item) => item.eventId)).size).toBe(5);
    expect(items.map((item) => item.at)).toEqual(items.map((item) => item.at).sort());
    expect(items.every((item) => (item.actor as { id: string }).id === pagerA.id)).toBe(true);

    const byAOnCase2 = await allPages(`actorId=${pagerA.id}&caseId=paging-case-2&limit=1`);
    expect(byAOnCase2.map((page) => page.items.map((item) => item.caseId))).toEqual([
      ['paging-case-2'],
      ['paging-case-2'],
    ]);
    const byB = await allPages(`actorId=${pagerB.id}`);
    expect(byB).toEqual([
      {
        from: expect.any(String),
        to: expect.any(String),
        items: [expect.objectContaining({ status: 403 }), expect.objectContaining({ status: 403 })],
        nextCursor: null,
      },
    ]);
    expect((await get(`/audit/refusals?actorId=${pagerA.id}&from=2020-01-01&to=2020-01-01`)).body).toMatchObject({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses a malformed cursor, limit or date with 400 naming it', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-11-25T00:00:00.000Z', '99999999999999999999'])).toString(
      'base64url',
    );
    for (const [query, named] of [
      ['cursor=not-a-cursor', /^cursor /],
      [`cursor=${forged}`, /^cursor /],
      ['limit=0', /^limit /],
      ['limit=1001', /^limit /],
      ['limit=many', /^limit /],
      ['from=2026-02-31', /^from must be a calendar date/],
    ] as const) {
      const refused = await get(`/audit/refusals?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.body.message).toEqual(expect.arrayContaining([expect.stringMatching(named)]));
    }
  });

  it('records 20 concurrent refusals of 20 callers, each caller’s day a hash-chained stream of its own', async () => {
    const callers = Array.from({ length: 20 }, (_, index) => ({ id: `caller-${index}`, role: 'hr_officer' as const }));
    const headers = await Promise.all(callers.map((caller) => authHeaders(stack.baseUrl, caller)));

    const statuses = await Promise.all(
      headers.map(async (caller) => (await requestJson(`${stack.baseUrl}/audit/refusals`, { headers: caller })).status),
    );

    expect(statuses).toEqual(callers.map(() => 403));
    const recorded = (await allPages('limit=1000'))
      .flatMap((page) => page.items)
      .map((item) => (item.actor as { id: string }).id)
      .filter((id) => id.startsWith('caller-'));
    expect(recorded.sort()).toEqual(callers.map((caller) => caller.id).sort());
    const { rows } = await pool.query<{ stream_id: string }>(
      "SELECT stream_id FROM event_streams WHERE stream_id LIKE 'refusals-%-by-caller-%'",
    );
    expect(rows).toHaveLength(20);
    expect((await get('/audit/verify')).body).toMatchObject({ valid: true, brokenStreams: 0 });
  });
});
