import type { Actor } from '@talent/domain';
import { type JsonResponse, requestJson } from './http';
import { authHeaders } from './identities';

export const officer: Actor = { id: 'officer-wang', role: 'hr_officer' };
export const secondOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };
export const approver: Actor = { id: 'leader-zhao', role: 'approver' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };

/** Repeats `request` until its 200 answer satisfies `predicate`; returns that answer's body. */
async function pollUntil(
  request: () => Promise<JsonResponse>,
  predicate: (body: JsonResponse['body']) => unknown,
  timeoutMs: number,
  what: string,
): Promise<JsonResponse['body']> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request();
    if (response.status === 200 && predicate(response.body)) return response.body;
    if (Date.now() > deadline) throw new Error(`${what} never got there: ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The case api as a test drives it, with the acting user's credentials on every request. */
export function caseClient(baseUrl: string) {
  const identity = (actor: Actor) => authHeaders(baseUrl, actor);
  const client = {
    open: async (body: Record<string, unknown>, actor: Actor = officer, headers: Record<string, string> = {}) =>
      requestJson(`${baseUrl}/cases`, { body, headers: { ...(await identity(actor)), ...headers } }),
    view: async (caseId: string, actor: Actor = officer) =>
      requestJson(`${baseUrl}/cases/${caseId}`, { headers: await identity(actor) }),
    list: async (query: string, actor: Actor = officer) =>
      requestJson(`${baseUrl}/cases?${query}`, { headers: await identity(actor) }),
    act: async (
      caseId: string,
      action: string,
      payload: Record<string, unknown> = {},
      actor: Actor = officer,
      reason?: string,
    ) =>
      requestJson(`${baseUrl}/cases/${caseId}/actions`, {
        body: { action, payload, ...(reason && { reason }) },
        headers: await identity(actor),
      }),
    /** An action entered after the fact: `body` as the api takes it, occurredAt and reason included. */
    actAt: async (caseId: string, body: Record<string, unknown>, actor: Actor = officer) =>
      requestJson(`${baseUrl}/cases/${caseId}/actions`, { body, headers: await identity(actor) }),
    history: async (caseId: string, actor: Actor = auditor) =>
      requestJson(`${baseUrl}/cases/${caseId}/history`, { headers: await identity(actor) }),
    plan: async (year: number, actor: Actor = officer) =>
      requestJson(`${baseUrl}/plans/${year}`, { headers: await identity(actor) }),
    openPlan: async (year: number, body: Record<string, unknown>, actor: Actor = admin) =>
      requestJson(`${baseUrl}/plans/${year}`, { body, headers: await identity(actor) }),
    statistics: async (year: number, query = '', actor: Actor = officer) =>
      requestJson(`${baseUrl}/statistics/annual/${year}?${query}`, { headers: await identity(actor) }),
    statisticFacts: async (year: number, query: string, actor: Actor = officer) =>
      requestJson(`${baseUrl}/statistics/annual/${year}/facts?${query}`, { headers: await identity(actor) }),
    /** Polls the annual statistics (a read model) until `predicate` holds. */
    waitForStatistics(year: number, predicate: (body: JsonResponse['body']) => boolean, timeoutMs = 60_000) {
      return pollUntil(() => client.statistics(year), predicate, timeoutMs, `statistics of ${year}`);
    },
    /** Takes `action` and fails the spec with the api's answer unless it was accepted. */
    async step(
      caseId: string,
      action: string,
      payload: Record<string, unknown> = {},
      actor: Actor = officer,
    ): Promise<JsonResponse> {
      const response = await client.act(caseId, action, payload, actor);
      if (response.status !== 200) throw new Error(`${action} → ${response.status} ${JSON.stringify(response.body)}`);
      return response;
    },
    /** Polls the case until `predicate` holds (timers and automatic steps run in the background). */
    waitFor(caseId: string, predicate: (body: JsonResponse['body']) => boolean, timeoutMs = 60_000) {
      return pollUntil(() => client.view(caseId), predicate, timeoutMs, `case ${caseId}`);
    },
    /** Polls the case list (a read model, so eventually consistent) until `caseId` shows in it. */
    async waitForList(query: string, caseId: string, timeoutMs = 60_000) {
      const listed = (body: JsonResponse['body']) =>
        (body?.items ?? []).find((candidate: { caseId: string }) => candidate.caseId === caseId);
      return listed(await pollUntil(() => client.list(query), listed, timeoutMs, `case ${caseId} in ${query}`));
    },
  };
  return client;
}
