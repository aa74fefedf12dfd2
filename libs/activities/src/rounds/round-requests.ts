import type { Actor, Applicant, PipelineDefinition, RoundExam, RoundTerms, ScoreLine } from '@talent/domain';

/**
 * What the api asks of a round, as its workflow receives it. Unlike the domain's commands these
 * name an uploaded file instead of carrying its rows, leave the candidates' case ids to the
 * engine and name a drop-out by its case: the round activity turns each into a domain command
 * against the roster as the event store has it.
 */
export type RoundRequest = { actor: Actor; occurredAt: string; reason?: string } & (
  | { type: 'announceRound'; roundId: string; divisionCode: string; terms: RoundTerms }
  | { type: 'approvePostTable' }
  | { type: 'registerApplicants'; applicants: Applicant[] }
  | { type: 'importApplicants'; importId: string }
  | { type: 'importScores'; importId: string }
  | { type: 'reviewQualifications'; decisions: Array<{ ticket: string; outcome: 'pass' | 'fail'; reason?: string }> }
  | { type: 'recordScores'; exam: RoundExam; scores: ScoreLine[] }
  | { type: 'drawShortlist'; postCodes?: string[] }
  | { type: 'rankPosts'; postCodes?: string[] }
  | { type: 'resolveTie'; postCode: string; order: string[] }
  /** 进入体检: the given applicants of a post, or every one ranked within its places. */
  | { type: 'advanceCandidates'; postCode: string; tickets?: string[] }
  | { type: 'substitute'; postCode: string; caseId: string }
  | { type: 'closeRound' }
);

export type RoundRequestType = RoundRequest['type'];

/** What a round answers after a request: enough for the caller, never the roster. */
export interface RoundSummary {
  roundId: string;
  divisionCode: string;
  year: number;
  channel: string;
  title: string;
  status: 'announced' | 'approved' | 'closed';
  /** Events of the round's stream so far. */
  version: number;
  posts: number;
  places: number;
  applicants: number;
  /** What this request changed, e.g. { ApplicantRegistered: 57 }. */
  recorded: Record<string, number>;
  /** Candidate cases this request opened at 体检 (advance, 递补). */
  openedCases: Array<{ postCode: string; ticket: string; caseId: string }>;
}

/** Everything the round's workflow was started with, the candidates' pipeline pinned in it. */
export interface RoundOpening {
  announce: Extract<RoundRequest, { type: 'announceRound' }>;
  /** Candidates within the places continue on this definition from 体检 on. */
  candidatePipeline: PipelineDefinition;
}

/**
 * The case of a round's candidate: known before it exists, so the api seals the applicant's
 * personal numbers for it at registration and the round opens it with them as they are.
 */
export const candidateCaseId = (roundId: string, ticket: string): string => `${roundId}-${ticket}`;
