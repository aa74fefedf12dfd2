import type { RankedApplicant, RoundExam, RoundTerms, TieRule } from './round-model';

/** An applicant's recorded scores: a number, `null` for 缺考, absent when nothing was recorded. */
export interface ScoredApplicant {
  ticket: string;
  written?: number | null;
  interview?: number | null;
  assessment?: number | null;
}

export interface Shortlist {
  tickets: string[];
  /** The lowest written score that entered; `null` when nobody did. */
  cutoff: number | null;
}

const byTicket = (a: { ticket: string }, b: { ticket: string }): number =>
  a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0;

const passes = (score: number | null | undefined, mark: number | undefined): score is number =>
  typeof score === 'number' && (mark === undefined || score >= mark);

/**
 * 面试名单 of one post: qualified applicants by written score, `places × ratio` of them, and
 * everyone tied with the last one taken (同分者一并进入面试). Below the pass mark or absent, nobody enters.
 */
export function drawShortlist(
  applicants: readonly ScoredApplicant[],
  places: number,
  ratio: number,
  passMark?: number,
): Shortlist {
  const eligible = applicants
    .filter((applicant) => passes(applicant.written, passMark))
    .sort((a, b) => b.written! - a.written! || byTicket(a, b));
  // A ratio such as 1.5 may leave a fraction of a place: it rounds up, never squeezing anyone out.
  const size = Math.ceil(Number((places * ratio).toFixed(6)));
  const cutoff = eligible.length === 0 ? null : eligible[Math.min(size, eligible.length) - 1]!.written!;
  const entered = cutoff === null ? [] : eligible.filter((applicant) => applicant.written! >= cutoff);
  return { tickets: entered.map((applicant) => applicant.ticket), cutoff };
}

export interface RankingRules {
  method: RoundTerms['method'];
  weights?: RoundTerms['weights'];
  passMarks?: RoundTerms['passMarks'];
  tieRules: readonly TieRule[];
  places: number;
}

export interface PostRanking {
  ranking: RankedApplicant[];
  /** Groups still tied after the rules, where the tie decides who is within the places. */
  unresolvedTies: string[][];
}

/**
 * 综合成绩 to two decimals, as offices publish it (四舍五入). Weights are percent, so the weighted
 * sum in hundredths is whole up to float noise, which `toFixed` clears before rounding.
 */
export function compositeScore(written: number, interview: number, weights: { written: number; interview: number }) {
  return Math.round(Number((written * weights.written + interview * weights.interview).toFixed(6))) / 100;
}

const roundToCents = (score: number): number => Math.round(Number((score * 100).toFixed(6))) / 100;

function scored(applicant: ScoredApplicant, rules: RankingRules): RankedApplicant | undefined {
  const mark = (exam: RoundExam) => rules.passMarks?.[exam];
  const { ticket, written, interview, assessment } = applicant;
  if (rules.method === 'assessment') {
    if (!passes(assessment, mark('assessment'))) return undefined;
    return { ticket, assessment, composite: roundToCents(assessment), rank: 0 };
  }
  if (!passes(written, mark('written')) || !passes(interview, mark('interview'))) return undefined;
  return { ticket, written, interview, composite: compositeScore(written, interview, rules.weights!), rank: 0 };
}

const TIE_SCORE: Record<TieRule, (entry: RankedApplicant) => number> = {
  higher_written: (entry) => entry.written ?? 0,
  higher_interview: (entry) => entry.interview ?? 0,
};

/** Higher first: by 综合成绩, then by the declared tie rules in turn; 0 when the rules leave them tied. */
function compare(a: RankedApplicant, b: RankedApplicant, rules: readonly TieRule[]): number {
  if (a.composite !== b.composite) return b.composite - a.composite;
  for (const rule of rules) {
    const difference = TIE_SCORE[rule](b) - TIE_SCORE[rule](a);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Runs of applicants sharing a rank, in ranking order. */
export function tiedGroups(ranking: readonly RankedApplicant[]): RankedApplicant[][] {
  const groups: RankedApplicant[][] = [];
  ranking.forEach((entry, index) => {
    if (index > 0 && ranking[index - 1]!.rank === entry.rank) groups[groups.length - 1]!.push(entry);
    else groups.push([entry]);
  });
  return groups.filter((group) => group.length > 1);
}

/**
 * The ranking of one post: absent or below a pass mark, nobody is ranked; 综合成绩 descending,
 * then the tie rules; applicants the rules leave tied share a rank (1, 2, 2, 4). A tie that
 * reaches into the places is left for an officer to order; one wholly below them decides nothing.
 */
export function rankPost(applicants: readonly ScoredApplicant[], rules: RankingRules): PostRanking {
  const entries = applicants
    .map((applicant) => scored(applicant, rules))
    .filter((entry): entry is RankedApplicant => entry !== undefined)
    .sort((a, b) => compare(a, b, rules.tieRules) || byTicket(a, b));
  const ranking = entries.map((entry, index) => ({ ...entry, rank: index + 1 }));
  ranking.forEach((entry, index) => {
    const previous = ranking[index - 1];
    if (previous && compare(previous, entry, rules.tieRules) === 0) entry.rank = previous.rank;
  });
  const unresolvedTies = tiedGroups(ranking)
    .filter((group) => group[0]!.rank <= rules.places)
    .map((group) => group.map((entry) => entry.ticket));
  return { ranking, unresolvedTies };
}

/** The ranking after an officer ordered a tied group: its members take consecutive ranks in that order. */
export function withTieResolved(ranking: readonly RankedApplicant[], order: readonly string[]): RankedApplicant[] {
  const first = ranking.findIndex((entry) => order.includes(entry.ticket));
  const rank = ranking[first]!.rank;
  const ordered = order.map((ticket, index) => ({
    ...ranking.find((entry) => entry.ticket === ticket)!,
    rank: rank + index,
  }));
  return [...ranking.slice(0, first), ...ordered, ...ranking.slice(first + order.length)];
}
