/** What the rounds api answers (GET /rounds, /rounds/:id, /rounds/:id/applicants), as the pages read it. */
export type RoundStatus = 'announced' | 'approved' | 'closed';

export interface RoundListItem {
  roundId: string;
  year: number;
  channel: string;
  title: string;
  method: 'exam' | 'assessment';
  status: RoundStatus;
  announcedOn: string;
  postCount: number;
  places: number;
  applicants: number;
  qualified: number;
  advanced: number;
  hired: number;
  substitutions: number;
  applicantsPerPlace: number | null;
}

export interface RoundList {
  items: RoundListItem[];
  nextCursor: string | null;
}

export interface RoundCounts {
  applicants: number;
  reviewed: number;
  qualified: number;
  shortlisted: number;
  ranked: number;
  tiesPending: number;
  advanced: number;
  inProgress: number;
  hired: number;
  droppedOut: number;
  substitutions: number;
}

export interface StageRate {
  label: string;
  of: number;
  passed: number;
  rate: number | null;
}

export interface RoundFigures {
  applicantsPerPlace: number | null;
  stageRates: Record<string, StageRate>;
  placesFilled: number;
  placesUnfilled: number;
  substitutions: number;
}

export interface RoundPost {
  postCode: string;
  unit: string;
  title: string;
  places: number;
  conditions: string | null;
  cutoff: number | null;
  counts: RoundCounts;
  figures: RoundFigures;
}

export interface RoundApplicant {
  ticket: string;
  postCode: string;
  name: string;
  gender: string;
  education: string | null;
  school: string | null;
  major: string | null;
  qualification: 'pending' | 'pass' | 'fail';
  qualificationReason: string | null;
  written: number | null;
  writtenAbsent: boolean;
  interview: number | null;
  interviewAbsent: boolean;
  assessment: number | null;
  assessmentAbsent: boolean;
  shortlisted: boolean;
  composite: number | null;
  rank: number | null;
  tiePending: boolean;
  advanced: boolean;
  substituteNumber: number | null;
  replaced: boolean;
  caseId: string | null;
  caseStage: string | null;
  caseOutcome: string | null;
  caseResult: string | null;
}

export interface RoundDetail {
  round: RoundListItem & {
    terms: {
      shortlistRatio?: number;
      weights?: { written: number; interview: number };
      tieRules: string[];
      substitution: { maxPerPost: number; untilStage: string };
    };
    approvedAt: string | null;
    closedAt: string | null;
  };
  counts: RoundCounts;
  figures: RoundFigures;
  posts: RoundPost[];
  rankings: Record<string, RoundApplicant[]>;
}

export interface RoundApplicantPage {
  items: RoundApplicant[];
  nextCursor: string | null;
}

/** A wrong cell of an uploaded sheet, as the api names it in a 422. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}
