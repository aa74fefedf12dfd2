import type { Actor } from '@talent/domain';
import { type AnyJson, type JsonResponse, requestJson } from './request-json';

/** The office the demo and the specs act as: each call defaults to the one who usually makes it. */
export const officer: Actor = { id: 'officer-wang', role: 'hr_officer' };
export const secondOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };
export const approver: Actor = { id: 'leader-zhao', role: 'approver' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };

/** Headers that make a request come from `who`, e.g. `OfficeAccounts.headersFor`. */
export type Credentials = (who: Actor) => Promise<Record<string, string>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The case api as its clients drive it: every call as the account that takes it, every answer
 * returned whatever its status, so that a spec can assert a refusal. Only a 429 is not returned:
 * a well-behaved client of a rate-limited api waits as long as Retry-After asks, then tries again.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credentials: Credentials,
  ) {}

  private async request(
    path: string,
    who: Actor,
    init: { body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<JsonResponse> {
    for (;;) {
      const headers = { ...(await this.credentials(who)), ...init.headers };
      const response = await requestJson(`${this.baseUrl}${path}`, { ...init, headers });
      if (response.status !== 429) return response;
      await sleep((Number(response.headers.get('retry-after')) || 1) * 1000);
    }
  }

  open(body: object, who = officer, headers: Record<string, string> = {}) {
    return this.request('/cases', who, { body, headers });
  }

  view(caseId: string, who = officer) {
    return this.request(`/cases/${caseId}`, who);
  }

  list(query: string, who = officer) {
    return this.request(`/cases?${query}`, who);
  }

  act(caseId: string, action: string, payload: object = {}, who = officer, reason?: string) {
    return this.actAt(caseId, action, payload, undefined, who, reason);
  }

  /** An action dated when it happened in the office, for facts entered after the fact. */
  actAt(caseId: string, action: string, payload: object, occurredAt?: string, who = officer, reason?: string) {
    const body = { action, payload, ...(occurredAt && { occurredAt }), ...(reason && { reason }) };
    return this.request(`/cases/${caseId}/actions`, who, { body });
  }

  /** Takes `action` and stops the caller with the api's answer unless it was accepted. */
  step(caseId: string, action: string, payload: object = {}, who = officer) {
    return this.stepAt(caseId, action, payload, undefined, who);
  }

  /** A step dated when it happened in the office. */
  async stepAt(caseId: string, action: string, payload: object, occurredAt?: string, who = officer, reason?: string) {
    const answer = this.actAt(caseId, action, payload, occurredAt, who, reason);
    await accepted(answer, action);
    return answer;
  }

  history(caseId: string, who = auditor) {
    return this.request(`/cases/${caseId}/history`, who);
  }

  plan(year: number, who = officer) {
    return this.request(`/plans/${year}`, who);
  }

  openPlan(year: number, body: object, who = admin) {
    return this.request(`/plans/${year}`, who, { body });
  }

  statistics(year: number, query = '', who = officer) {
    return this.request(`/statistics/annual/${year}?${query}`, who);
  }

  statisticFacts(year: number, query: string, who = officer) {
    return this.request(`/statistics/annual/${year}/facts?${query}`, who);
  }

  /** Polls the case until `predicate` holds (timers and automatic steps run in the background). */
  waitFor<View = AnyJson>(caseId: string, predicate: (view: View) => unknown, timeoutMs = 60_000): Promise<View> {
    return poll(() => this.view(caseId), predicate, timeoutMs, `case ${caseId}`);
  }

  /** Polls the case list (a read model, so eventually consistent) until `caseId` shows in it. */
  async waitForList(query: string, caseId: string, timeoutMs = 60_000): Promise<AnyJson> {
    const listed = (body: { items?: Array<{ caseId: string }> }) => body.items?.find((item) => item.caseId === caseId);
    return listed(await poll(() => this.list(query), listed, timeoutMs, `case ${caseId} in ${query}`));
  }

  announceRound(body: object, who = officer) {
    return this.request('/rounds', who, { body });
  }

  round(roundId: string, who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}`, who);
  }

  roundApplicants(roundId: string, query = '', who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}/applicants${query && `?${query}`}`, who);
  }

  registerApplicants(roundId: string, applicants: object[], who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}/applicants`, who, { body: { applicants } });
  }

  /** Uploads an .xlsx file as an office's browser would (multipart, field "file"). */
  upload(roundId: string, what: 'applicants' | 'scores', file: Buffer, filename: string, query = '', who = officer) {
    return this.uploadAt(roundId, what, file, filename, undefined, query, who);
  }

  /** An upload dated when the office received the file (the form's occurredAt field), for facts entered later. */
  uploadAt(
    roundId: string,
    what: 'applicants' | 'scores',
    file: Buffer,
    filename: string,
    occurredAt?: string,
    query = '',
    who = officer,
  ) {
    const form = new FormData();
    form.append('file', new Blob([file]), filename);
    if (occurredAt) form.append('occurredAt', occurredAt);
    return this.request(`/rounds/${encodeURIComponent(roundId)}/imports/${what}${query && `?${query}`}`, who, { form });
  }

  roundAction(roundId: string, body: object, who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}/actions`, who, { body });
  }

  /** A day's 体检 or 考察 results of a round's candidates. */
  roundResults(roundId: string, body: object, who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}/results`, who, { body });
  }

  roundExport(roundId: string, file: string, who = officer) {
    return this.request(`/rounds/${encodeURIComponent(roundId)}/exports/${file}`, who);
  }

  /** Polls a round (its read model, so eventually consistent) until `predicate` holds. */
  waitForRound(roundId: string, predicate: (round: AnyJson) => unknown, timeoutMs = 60_000): Promise<AnyJson> {
    return poll(() => this.round(roundId), predicate, timeoutMs, `round ${roundId}`);
  }

  /** Polls the annual statistics (a read model) until `predicate` holds. */
  waitForStatistics(year: number, predicate: (body: AnyJson) => boolean, timeoutMs = 60_000): Promise<AnyJson> {
    return poll(() => this.statistics(year), predicate, timeoutMs, `statistics of ${year}`);
  }
}

/** The body of an answer the api accepted, as the shape the caller reads; any other answer is thrown, quoted. */
export async function accepted<Body>(answer: Promise<JsonResponse>, what: string): Promise<Body> {
  const response = await answer;
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as Body;
}

/** Repeats `request` until its 200 answer satisfies `predicate`; returns that answer's body. */
async function poll<Body>(
  request: () => Promise<JsonResponse>,
  predicate: (body: Body) => unknown,
  timeoutMs: number,
  what: string,
): Promise<Body> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request();
    const body = response.body as Body;
    if (response.status === 200 && predicate(body)) return body;
    if (Date.now() > deadline) throw new Error(`${what} never got there: ${JSON.stringify(body)}`);
    await sleep(100);
  }
}
