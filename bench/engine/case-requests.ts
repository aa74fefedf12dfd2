type Headers = Record<string, string>;

async function send(url: string, headers: Headers, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} from ${url}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The requests the benchmark makes of the case api, as an officer's client makes them. */
export class CaseRequests {
  private opened = 0;

  constructor(private readonly apiUrl: string) {}

  /**
   * A civil-servant recruitment case of a subject no other case has; its id. `async` asks for
   * Prefer: respond-async, as a system sending a batch does: answered once the case is accepted.
   */
  async open(headers: Headers, async = false): Promise<string> {
    this.opened += 1;
    const body = { kind: 'recruitment', channel: 'civil_servant', subject: { name: `考生${this.opened}` } };
    const answer = await send(`${this.apiUrl}/cases`, async ? { ...headers, prefer: 'respond-async' } : headers, body);
    return String(answer.caseId);
  }

  /** 登记报名, the first action of a recruitment: the case moves on to qualificationReview. */
  async register(headers: Headers, caseId: string): Promise<void> {
    await send(`${this.apiUrl}/cases/${caseId}/actions`, headers, {
      action: 'register',
      payload: { post: '县人力资源和社会保障局 一级科员' },
    });
  }

  /** How many cases the case list (a read model) shows at `stage`, page by page. */
  async countAtStage(headers: Headers, stage: string): Promise<number> {
    let count = 0;
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ kind: 'recruitment', stage, limit: '200', ...(cursor && { cursor }) });
      const page = (await send(`${this.apiUrl}/cases?${query.toString()}`, headers)) as {
        items: unknown[];
        nextCursor: string | null;
      };
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }
}

/**
 * Officers opening cases and taking the first action on them. Opened cases wait for their action
 * oldest first, so each action is on a case of its own.
 */
export class CaseWorkload {
  private readonly waiting: string[] = [];
  private acted = 0;
  private answered = 0;

  constructor(
    private readonly api: CaseRequests,
    private readonly officers: readonly Headers[],
  ) {}

  /** Cases moved on to qualificationReview so far. */
  get registered(): number {
    return this.acted;
  }

  /** Cases the api answered an open for, at once or accepted: each is in the case list once recorded. */
  get opened(): number {
    return this.answered;
  }

  get awaitingAction(): number {
    return this.waiting.length;
  }

  readonly open = async (user: number): Promise<void> => {
    this.waiting.push(await this.api.open(this.officer(user)));
    this.answered += 1;
  };

  /** An open answered 202 once accepted; the case is acted on only after the engine settled. */
  readonly openAsync = async (user: number): Promise<void> => {
    this.waiting.push(await this.api.open(this.officer(user), true));
    this.answered += 1;
  };

  /**
   * Acts on the newest case still waiting, as officers work the cases in hand: one the worker
   * holds in its cache. Taken oldest first, one measure's cases evicted the next one's from a
   * cache as large as the measure, and every action became a replay.
   */
  readonly register = (user: number): Promise<void> => this.registerCase(user, this.waiting.pop());

  /** Acts on the oldest case still waiting: one opened long ago, which the worker replays first. */
  readonly registerOldest = (user: number): Promise<void> => this.registerCase(user, this.waiting.shift());

  private async registerCase(user: number, caseId: string | undefined): Promise<void> {
    if (!caseId) throw new Error('no opened case left to act on');
    await this.api.register(this.officer(user), caseId);
    this.acted += 1;
  }

  /** How long until the case list shows every case moved so far. */
  async projectionLagMs(): Promise<number> {
    const since = performance.now();
    while ((await this.api.countAtStage(this.officer(0), 'qualificationReview')) < this.acted) {
      if (performance.now() - since > 120_000) throw new Error(`the case list never showed ${this.acted} cases`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - since;
  }

  private officer(user: number): Headers {
    return this.officers[user % this.officers.length]!;
  }
}
