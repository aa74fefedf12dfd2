import type { EventMeta } from '../case/case-events';
import type { QuotaCategory, RecruitmentChannel } from '../shared/case-kinds';
import type { Actor } from '../shared/roles';

/**
 * A recruitment round (招录批次): one announcement (公告), its post table (职位表), the roster of
 * applicants per post, their reviews and scores, and the rankings that decide who goes on to
 * 体检. The roster lives in the round's event stream and its read models, never in a workflow's
 * state: a round of 10,000 applicants stays a handful of Updates in Temporal.
 */

/** One row of the 职位表. */
export interface Post {
  /** 职位代码: unique within the round, the key applicants and scores refer to. */
  code: string;
  /** 招录单位. */
  unit: string;
  /** 职位名称. */
  title: string;
  /** 招录人数: the places of the post. */
  places: number;
  /** 条件 (学历, 专业, 年龄 …) as announced. */
  conditions?: string;
}

/** 笔试 then 面试 (weighted 综合成绩), or 考核 only (直接考核, introduced talents). */
export type RoundMethod = 'exam' | 'assessment';

/** The exams whose scores a round records. */
export const ROUND_EXAMS = ['written', 'interview', 'assessment'] as const;
export type RoundExam = (typeof ROUND_EXAMS)[number];

/**
 * How equal 综合成绩 are ordered, in turn: by the higher written score, by the higher interview
 * score; what is still tied after the declared rules is left for an officer to decide, with a reason.
 */
export const TIE_RULES = ['higher_written', 'higher_interview'] as const;
export type TieRule = (typeof TIE_RULES)[number];

/** The candidate stages after which a drop-out is no longer replaced (e.g. 考察后不递补 → 'inspection'). */
export const SUBSTITUTION_STAGES = ['physicalExam', 'inspection', 'publicNotice', 'approval'] as const;
export type SubstitutionStage = (typeof SUBSTITUTION_STAGES)[number];

/** What the announcement says about 递补. */
export interface SubstitutionPolicy {
  /** At most this many 递补 per post (e.g. 不超过2次); 0 means none. */
  maxPerPost: number;
  /** A candidate who drops out after this stage is not replaced (a drop-out during it is). */
  untilStage: SubstitutionStage;
}

/** Everything the 公告 fixes about a round. */
export interface RoundTerms {
  year: number;
  channel: RecruitmentChannel;
  title: string;
  /** 公告 date and the 报名 period, as office dates (YYYY-MM-DD). */
  announcedOn: string;
  registrationOpensOn: string;
  registrationClosesOn: string;
  posts: Post[];
  method: RoundMethod;
  /** 面试 entry per place, e.g. 3 for 1:3; ties at the cut-off all enter. Exam rounds only. */
  shortlistRatio?: number;
  /** Percent weights of the 综合成绩, summing to 100 (笔试 50 + 面试 50). Exam rounds only. */
  weights?: { written: number; interview: number };
  /** 最低合格分数线: below it an applicant neither enters the shortlist nor is ranked. */
  passMarks?: Partial<Record<RoundExam, number>>;
  tieRules: TieRule[];
  substitution: SubstitutionPolicy;
}

/**
 * The person behind an application, as the 报名表 has it. `idCardNumber` and `phone` are
 * ciphertext (`pii:v1:…`) from the api on; `idCardKey` is a keyed digest of the card number, so a
 * second application of the same person is found without decrypting anyone.
 */
export interface Applicant {
  /** 准考证号: the applicant's key within the round; scores are matched by it. */
  ticket: string;
  postCode: string;
  name: string;
  gender: '男' | '女';
  ethnicity?: string;
  /** 出生年月, YYYY-MM. */
  birthMonth?: string;
  politicalStatus?: string;
  education?: string;
  degree?: string;
  school?: string;
  major?: string;
  professionalTitle?: string;
  idCardNumber: string;
  idCardKey: string;
  phone?: string;
}

/** Where an applicant or a score came from: one import of one file (its SHA-256) and its row. */
export interface ImportSource {
  importId: string;
  row?: number;
}

export interface ScoreLine {
  ticket: string;
  /** Absent (缺考) scores nothing and ranks nowhere. */
  score: number | null;
}

/** One line of a post's ranking. */
export interface RankedApplicant {
  ticket: string;
  written?: number;
  interview?: number;
  assessment?: number;
  /** 综合成绩, rounded to two decimals as offices publish it. */
  composite: number;
  /** 1-based; applicants still tied after the rules share a rank until an officer orders them. */
  rank: number;
}

type RoundEventOf<Type extends string, Data> = { type: Type; data: Data; meta: EventMeta };

export type RoundEvent =
  | RoundEventOf<'RoundAnnounced', { roundId: string; divisionCode: string; terms: RoundTerms }>
  /** 职位表审定: an approver other than the announcer signs the post table off. */
  | RoundEventOf<'PostTableApproved', { posts: number; places: number }>
  /** Introduced-talent rounds hold their places from the year's 编制储备 as one holder per place. */
  | RoundEventOf<'RoundPlacesReserved', { category: QuotaCategory; year: number; holders: string[] }>
  | RoundEventOf<'RoundPlacesRefused', { category: QuotaCategory; year: number; reason: string }>
  | RoundEventOf<'ApplicantRegistered', { applicant: Applicant; source?: ImportSource }>
  | RoundEventOf<'QualificationReviewed', { ticket: string; outcome: 'pass' | 'fail' }>
  | RoundEventOf<'ScoresRecorded', { exam: RoundExam; scores: ScoreLine[]; source?: ImportSource }>
  | RoundEventOf<
      'ShortlistDrawn',
      { postCode: string; ratio: number; places: number; cutoff: number | null; tickets: string[] }
    >
  | RoundEventOf<'PostRanked', { postCode: string; ranking: RankedApplicant[]; unresolvedTies: string[][] }>
  /** An officer orders applicants the rules left tied (`meta.reason` says why). */
  | RoundEventOf<'TieResolved', { postCode: string; order: string[] }>
  /** 进入体检: the candidate's case is opened at 体检 on the post's place. */
  | RoundEventOf<
      'CandidateAdvanced',
      { postCode: string; ticket: string; rank: number; caseId: string; placeHolder?: string }
    >
  /** 递补: the next in rank takes the place of a candidate who dropped out. */
  | RoundEventOf<
      'CandidateSubstituted',
      {
        postCode: string;
        replaced: { ticket: string; caseId: string; lastStage: string; outcome: string };
        ticket: string;
        rank: number;
        caseId: string;
        placeHolder?: string;
        /** 1 for the post's first 递补. */
        number: number;
      }
    >
  | RoundEventOf<'RoundClosed', { filled: number; unfilled: number; releasedHolders: string[] }>;

export type RoundEventType = RoundEvent['type'];

interface RoundCommandBase {
  actor: Actor;
  occurredAt: string;
  reason?: string;
}

export type RoundCommand = RoundCommandBase &
  (
    | { type: 'announceRound'; roundId: string; divisionCode: string; terms: RoundTerms }
    | { type: 'approvePostTable' }
    | { type: 'recordPlacesReserved'; holders: string[] }
    | { type: 'recordPlacesRefused'; reason: string }
    | { type: 'registerApplicants'; applicants: Applicant[]; source?: Omit<ImportSource, 'row'> & { rows?: number[] } }
    | { type: 'reviewQualifications'; decisions: Array<{ ticket: string; outcome: 'pass' | 'fail'; reason?: string }> }
    | { type: 'recordScores'; exam: RoundExam; scores: ScoreLine[]; source?: ImportSource }
    | { type: 'drawShortlist'; postCodes?: string[] }
    | { type: 'rankPosts'; postCodes?: string[] }
    | { type: 'resolveTie'; postCode: string; order: string[] }
    | { type: 'advanceCandidates'; postCode: string; tickets: string[]; caseIdOf: Record<string, string> }
    | {
        type: 'substitute';
        postCode: string;
        /** The drop-out, as its case's stream records it. */
        replaced: { caseId: string; lastStage: string; outcome: string; result: 'success' | 'failure' | 'open' };
        caseId: string;
      }
    | {
        type: 'closeRound';
        /** Candidates' cases that closed as a failure and were not replaced: their places are released. */
        failedCaseIds?: string[];
      }
  );
