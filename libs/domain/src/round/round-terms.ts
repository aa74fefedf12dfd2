import { type QuotaCategory, RECRUITMENT_CHANNELS, type RecruitmentChannel } from '../shared/case-kinds';
import {
  type Post,
  ROUND_EXAMS,
  type RoundExam,
  type RoundTerms,
  SUBSTITUTION_STAGES,
  TIE_RULES,
  type TieRule,
} from './round-model';

/** One thing wrong with a round's terms, named by its path in the terms (`posts[2].places`). */
export interface TermsProblem {
  field: string;
  message: string;
}

/** Introduced talents hold 编制储备 of the year's plan; the other channels have no plan quota. */
export function roundQuotaCategory(channel: RecruitmentChannel): QuotaCategory | undefined {
  return channel === 'shortage_talent' || channel === 'high_level_talent' ? channel : undefined;
}

/**
 * One holder id per place, in post order, the same on every call. The plan's ledger keys holders
 * by case id; a case id cannot contain ':', so no place holder is ever taken for a case's.
 */
export function placeHoldersOf(roundId: string, posts: readonly Post[]): string[] {
  return posts.flatMap((post) =>
    Array.from({ length: post.places }, (_, index) => `round:${roundId}:${post.code}:${index + 1}`),
  );
}

/** The exams a round of this method records scores for. */
export const examsOf = (method: RoundTerms['method']): readonly RoundExam[] =>
  method === 'exam' ? ['written', 'interview'] : ['assessment'];

const OFFICE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isOfficeDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  OFFICE_DATE.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isCount = (value: unknown, least: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= least;
const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

function postProblems(posts: unknown): TermsProblem[] {
  if (!Array.isArray(posts) || posts.length === 0) {
    return [{ field: 'posts', message: 'the post table (职位表) needs at least one post' }];
  }
  const problems: TermsProblem[] = [];
  const seen = new Set<string>();
  (posts as Post[]).forEach((post, index) => {
    const at = `posts[${index}]`;
    if (!isText(post.code)) problems.push({ field: `${at}.code`, message: 'a post needs its 职位代码' });
    else if (seen.has(post.code))
      problems.push({ field: `${at}.code`, message: `职位代码 ${post.code} appears twice` });
    else seen.add(post.code);
    if (!isText(post.unit)) problems.push({ field: `${at}.unit`, message: 'a post needs its 招录单位' });
    if (!isText(post.title)) problems.push({ field: `${at}.title`, message: 'a post needs its 职位名称' });
    if (!isCount(post.places, 1)) {
      problems.push({ field: `${at}.places`, message: '招录人数 must be a whole number of at least 1' });
    }
  });
  return problems;
}

function dateProblems(terms: RoundTerms): TermsProblem[] {
  const fields = ['announcedOn', 'registrationOpensOn', 'registrationClosesOn'] as const;
  const problems = fields
    .filter((field) => !isOfficeDate(terms[field]))
    .map((field) => ({ field, message: 'must be an office date, YYYY-MM-DD' }));
  if (problems.length > 0) return problems;
  if (terms.registrationOpensOn < terms.announcedOn) {
    problems.push({ field: 'registrationOpensOn', message: '报名 cannot open before the 公告 is published' });
  }
  if (terms.registrationClosesOn < terms.registrationOpensOn) {
    problems.push({ field: 'registrationClosesOn', message: '报名 cannot close before it opens' });
  }
  return problems;
}

function methodProblems(terms: RoundTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  if (terms.method === 'exam') {
    const ratio = terms.shortlistRatio;
    if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 1) {
      problems.push({ field: 'shortlistRatio', message: 'an exam round needs a 面试 ratio of at least 1 (1:1)' });
    }
    const weights = terms.weights;
    if (!weights || !isScore(weights.written) || !isScore(weights.interview)) {
      problems.push({ field: 'weights', message: 'an exam round needs 笔试 and 面试 weights in percent' });
    } else if (weights.written + weights.interview !== 100) {
      problems.push({
        field: 'weights',
        message: `the weights sum to ${weights.written + weights.interview}, not 100`,
      });
    }
  } else if (terms.method === 'assessment') {
    if (terms.shortlistRatio !== undefined) {
      problems.push({ field: 'shortlistRatio', message: 'a 直接考核 round has no 面试 shortlist' });
    }
    if (terms.weights !== undefined) {
      problems.push({ field: 'weights', message: 'a 直接考核 round ranks by its 考核 score alone' });
    }
  } else {
    problems.push({ field: 'method', message: "must be 'exam' or 'assessment'" });
    return problems;
  }
  const exams = examsOf(terms.method);
  for (const [exam, mark] of Object.entries(terms.passMarks ?? {})) {
    const field = `passMarks.${exam}`;
    if (!(ROUND_EXAMS as readonly string[]).includes(exam) || !exams.includes(exam as RoundExam)) {
      problems.push({ field, message: `this round records no ${exam} score; its exams are ${exams.join(', ')}` });
    } else if (!isScore(mark)) problems.push({ field, message: 'a pass mark is a score from 0 to 100' });
  }
  return problems;
}

function tieRuleProblems(terms: RoundTerms): TermsProblem[] {
  if (!Array.isArray(terms.tieRules)) return [{ field: 'tieRules', message: 'must be a list (empty for none)' }];
  const problems: TermsProblem[] = [];
  terms.tieRules.forEach((rule: TieRule, index) => {
    const field = `tieRules[${index}]`;
    if (!(TIE_RULES as readonly string[]).includes(rule)) {
      problems.push({ field, message: `must be one of: ${TIE_RULES.join(', ')}` });
    } else if (terms.tieRules.indexOf(rule) !== index) problems.push({ field, message: `${rule} appears twice` });
    else if (terms.method === 'assessment') {
      problems.push({ field, message: 'a 直接考核 round has no 笔试 or 面试 score to break ties by' });
    }
  });
  return problems;
}

function substitutionProblems(terms: RoundTerms): TermsProblem[] {
  const policy = terms.substitution as Partial<RoundTerms['substitution']> | undefined;
  const problems: TermsProblem[] = [];
  if (!isCount(policy?.maxPerPost, 0)) {
    problems.push({
      field: 'substitution.maxPerPost',
      message: 'the 递补 limit per post is a whole number, 0 for none',
    });
  }
  if (!(SUBSTITUTION_STAGES as readonly unknown[]).includes(policy?.untilStage)) {
    problems.push({ field: 'substitution.untilStage', message: `must be one of: ${SUBSTITUTION_STAGES.join(', ')}` });
  }
  return problems;
}

/** Everything wrong with a 公告's terms at once, so a caller can show all of it in one answer. */
export function roundTermsProblems(terms: RoundTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  if (!isCount(terms.year, 2000)) problems.push({ field: 'year', message: 'must be a year such as 2024' });
  if (!RECRUITMENT_CHANNELS.includes(terms.channel)) {
    problems.push({ field: 'channel', message: `must be one of: ${RECRUITMENT_CHANNELS.join(', ')}` });
  }
  if (!isText(terms.title)) problems.push({ field: 'title', message: 'a round needs the title of its 公告' });
  return [
    ...problems,
    ...dateProblems(terms),
    ...postProblems(terms.posts),
    ...methodProblems(terms),
    ...tieRuleProblems(terms),
    ...substitutionProblems(terms),
  ];
}
