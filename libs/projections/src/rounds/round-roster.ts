import type { RoundEvent, RoundExam } from '@talent/domain';
import type { RecordedEvent } from '@talent/event-store';
import { type ApplicantRow, CANDIDATE_STAGES, isCandidateStage } from './round-applicant-row';

/** A round event as stored: its type still tells its data apart. */
type Stored<E> = E extends RoundEvent ? Omit<RecordedEvent, 'type' | 'data'> & Pick<E, 'type' | 'data'> : never;
export type StoredRoundEvent = Stored<RoundEvent>;

const keyOf = (roundId: string, ticket: string) => `${roundId}\u0000${ticket}`;
const postKeyOf = (roundId: string, postCode: string) => `${roundId}\u0000${postCode}`;

/**
 * The applicant rows one batch touches, folded in memory and written back once. A post-wide
 * event (a shortlist, a ranking) needs every applicant of the post loaded first.
 */
export class Roster {
  private readonly rows = new Map<string, ApplicantRow>();
  private readonly byPost = new Map<string, Set<string>>();
  private readonly byCase = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly postsChanged = new Map<string, [string, string]>();

  constructor(loaded: readonly ApplicantRow[]) {
    for (const row of loaded) this.index(row);
  }

  changedRows(): ApplicantRow[] {
    return [...this.changed].map((key) => this.rows.get(key)!);
  }

  /** The posts (round id, post code) whose applicants changed, and so whose counts did. */
  changedPosts(): Array<[string, string]> {
    return [...this.postsChanged.values()];
  }

  applyRoundEvent(roundId: string, event: StoredRoundEvent): void {
    const touch = (ticket: string, change: Partial<ApplicantRow>) => {
      const row = this.rows.get(keyOf(roundId, ticket));
      if (row) this.put({ ...row, ...change, updated_at: event.recordedAt });
    };
    const ofPost = (postCode: string) =>
      [...(this.byPost.get(postKeyOf(roundId, postCode)) ?? [])].map((key) => this.rows.get(key)!);
    switch (event.type) {
      case 'ApplicantRegistered':
        this.register(roundId, event);
        return;
      case 'QualificationReviewed':
        touch(event.data.ticket, {
          qualification: event.data.outcome,
          qualification_reason: event.metadata.reason ?? null,
        });
        return;
      case 'ScoresRecorded': {
        for (const line of event.data.scores) touch(line.ticket, scoreOf(event.data.exam, line.score));
        return;
      }
      case 'ShortlistDrawn': {
        const tickets = new Set(event.data.tickets);
        for (const row of ofPost(event.data.postCode)) touch(row.ticket, { shortlisted: tickets.has(row.ticket) });
        return;
      }
      case 'PostRanked': {
        const lines = new Map(event.data.ranking.map((line) => [line.ticket, line]));
        const tied = new Set(event.data.unresolvedTies.flat());
        for (const row of ofPost(event.data.postCode)) {
          const line = lines.get(row.ticket);
          touch(row.ticket, {
            composite: line?.composite ?? null,
            rank: line?.rank ?? null,
            tie_pending: tied.has(row.ticket),
          });
        }
        return;
      }
      case 'TieResolved': {
        // The tied applicants shared one rank; the officer's order spreads them from it.
        const ranks = event.data.order.map((ticket) => this.rows.get(keyOf(roundId, ticket))?.rank ?? Infinity);
        const first = Math.min(...ranks);
        if (!Number.isFinite(first)) return;
        event.data.order.forEach((ticket, index) => touch(ticket, { rank: first + index, tie_pending: false }));
        return;
      }
      case 'CandidateAdvanced':
        touch(event.data.ticket, { advanced: true, case_id: event.data.caseId });
        return;
      case 'CandidateSubstituted':
        touch(event.data.replaced.ticket, { replaced: true });
        touch(event.data.ticket, {
          advanced: true,
          substitute_number: event.data.number,
          case_id: event.data.caseId,
        });
        return;
      case 'RoundAnnounced':
      case 'PostTableApproved':
      case 'RoundPlacesReserved':
      case 'RoundPlacesRefused':
      case 'RoundClosed':
        return;
    }
  }

  /** The round and ticket of a case's candidate, when the case is a round's. */
  roundOf(caseId: string): { roundId: string; ticket: string } | undefined {
    const row = this.rows.get(this.byCase.get(caseId) ?? '');
    return row && { roundId: row.round_id, ticket: row.ticket };
  }

  applyCaseEvent(caseId: string, event: RecordedEvent): void {
    const data = event.data as Record<string, unknown>;
    const place = event.type === 'CaseOpened' ? roundPlaceOf(data) : undefined;
    const key = place ? keyOf(place.roundId, place.ticket) : this.byCase.get(caseId);
    const row = key === undefined ? undefined : this.rows.get(key);
    if (!row) return;
    const updated = { ...row, updated_at: event.recordedAt };
    switch (event.type) {
      case 'CaseOpened':
        this.put({ ...updated, case_id: caseId });
        return;
      case 'StageEntered': {
        const stage = String(data.stage);
        this.put({ ...updated, case_stage: stage, furthest_stage: furthest(row.furthest_stage, stage) });
        return;
      }
      case 'CaseClosed':
        this.put({ ...updated, case_outcome: String(data.outcome), case_result: String(data.result) });
        return;
      default:
        return;
    }
  }

  private register(roundId: string, event: Extract<StoredRoundEvent, { type: 'ApplicantRegistered' }>) {
    const { applicant } = event.data;
    const existing = this.rows.get(keyOf(roundId, applicant.ticket));
    this.put({
      round_id: roundId,
      ticket: applicant.ticket,
      qualification: 'pending',
      qualification_reason: null,
      written: null,
      written_absent: false,
      interview: null,
      interview_absent: false,
      assessment: null,
      assessment_absent: false,
      shortlisted: false,
      composite: null,
      rank: null,
      tie_pending: false,
      advanced: false,
      substitute_number: null,
      replaced: false,
      case_id: null,
      case_stage: null,
      furthest_stage: null,
      case_outcome: null,
      case_result: null,
      registered_at: event.occurredAt,
      ...existing,
      post_code: applicant.postCode,
      name: applicant.name,
      gender: applicant.gender,
      ethnicity: applicant.ethnicity ?? null,
      birth_month: applicant.birthMonth ?? null,
      political_status: applicant.politicalStatus ?? null,
      education: applicant.education ?? null,
      degree: applicant.degree ?? null,
      school: applicant.school ?? null,
      major: applicant.major ?? null,
      professional_title: applicant.professionalTitle ?? null,
      updated_at: event.recordedAt,
    });
  }

  private put(row: ApplicantRow) {
    const previous = this.rows.get(keyOf(row.round_id, row.ticket));
    for (const { round_id, post_code } of previous ? [previous, row] : [row]) {
      this.postsChanged.set(postKeyOf(round_id, post_code), [round_id, post_code]);
    }
    this.changed.add(this.index(row));
  }

  private index(row: ApplicantRow): string {
    const key = keyOf(row.round_id, row.ticket);
    const previous = this.rows.get(key);
    if (previous && previous.post_code !== row.post_code) {
      this.byPost.get(postKeyOf(row.round_id, previous.post_code))?.delete(key);
    }
    this.rows.set(key, row);
    const postKey = postKeyOf(row.round_id, row.post_code);
    const post = this.byPost.get(postKey) ?? new Set<string>();
    this.byPost.set(postKey, post.add(key));
    if (row.case_id !== null) this.byCase.set(row.case_id, key);
    return key;
  }
}

/** `CaseOpened.data.round`, read defensively: cases opened before rounds existed have none. */
export function roundPlaceOf(data: Record<string, unknown>): { roundId: string; ticket: string } | undefined {
  const round = data.round as Record<string, unknown> | undefined;
  if (typeof round?.roundId !== 'string' || typeof round.ticket !== 'string') return undefined;
  return { roundId: round.roundId, ticket: round.ticket };
}

function scoreOf(exam: RoundExam, score: number | null): Partial<ApplicantRow> {
  const absent = score === null;
  switch (exam) {
    case 'written':
      return { written: score, written_absent: absent };
    case 'interview':
      return { interview: score, interview_absent: absent };
    case 'assessment':
      return { assessment: score, assessment_absent: absent };
  }
}

function furthest(current: ApplicantRow['furthest_stage'], entered: string): ApplicantRow['furthest_stage'] {
  if (!isCandidateStage(entered)) return current;
  if (current === null) return entered;
  return CANDIDATE_STAGES.indexOf(entered) > CANDIDATE_STAGES.indexOf(current) ? entered : current;
}
