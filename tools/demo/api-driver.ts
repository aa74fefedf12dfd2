/**
 * Drives cases through the public api as offices do: each step as the role that takes it, dated
 * when it happened (occurredAt). Used by the 2023 demo and its end-to-end spec.
 */
export interface Identity {
  id: string;
  role: string;
}

export const OFFICER: Identity = { id: 'officer-wang', role: 'hr_officer' };
export const SECOND_OFFICER: Identity = { id: 'officer-li', role: 'hr_officer' };
export const APPROVER: Identity = { id: 'leader-zhao', role: 'approver' };

/** The parts of GET /cases/:id the driver reads. */
export interface CaseView {
  caseId: string;
  stage: { id: string; kind: string | null };
  state: { status: string; version: number; subsidy?: { committedCny: number; paidCny: number } };
  allowedActions: Array<{ action: string }>;
}

export class ApiDriver {
  constructor(
    private readonly baseUrl: string,
    private readonly credentials: (who: Identity) => Promise<Record<string, string>>,
  ) {}

  async call<T>(method: string, url: string, who: Identity, body?: unknown): Promise<T> {
    let response: Response;
    // A well-behaved client of a rate-limited api: wait as long as it is asked to, then try again.
    for (;;) {
      response = await fetch(`${this.baseUrl}${url}`, {
        method,
        headers: { 'content-type': 'application/json', ...(await this.credentials(who)) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (response.status !== 429) break;
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    }
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${url} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  open(body: Record<string, unknown>, who = OFFICER): Promise<CaseView> {
    return this.call<CaseView>('POST', '/cases', who, body);
  }

  view(caseId: string): Promise<CaseView> {
    return this.call<CaseView>('GET', `/cases/${caseId}`, OFFICER);
  }

  act(
    caseId: string,
    action: string,
    payload: object,
    occurredAt: string,
    who = OFFICER,
    reason?: string,
  ): Promise<CaseView> {
    return this.call<CaseView>('POST', `/cases/${caseId}/actions`, who, {
      action,
      payload,
      occurredAt,
      ...(reason && { reason }),
    });
  }

  /** Waits while the engine moves the case by itself (a reservation, a notice, a commitment). */
  async settle(caseId: string, until: (view: CaseView) => boolean, timeoutMs = 30_000): Promise<CaseView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await this.view(caseId);
      if (until(view)) return view;
      if (Date.now() > deadline) throw new Error(`case ${caseId} is stuck at ${view.stage.id}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Beijing-time instant of a date and hour: the office's calendar. */
export const on = (date: string, hour = 10): string => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
