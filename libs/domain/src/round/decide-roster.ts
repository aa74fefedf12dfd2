import { DomainError, type DomainErrorCode } from '../shared/domain-error';
import {
  metaOf,
  requireOpenRound,
  requirePost,
  requireReason,
  requireRole,
  ROUND_WORKERS,
  roundEvent,
} from './round-guards';
import type { Applicant, RoundCommand, RoundEvent, RoundExam, ScoreLine } from './round-model';
import type { PostProgress, RoundState } from './round-state';
import { examsOf } from './round-terms';

type Command<T extends RoundCommand['type']> = Extract<RoundCommand, { type: T }>;

/** Ciphertexts differ on every encryption of the same number; the person is matched by `idCardKey`. */
const CIPHERTEXT_FIELDS: ReadonlySet<string> = new Set(['idCardNumber', 'phone']);
const REQUIRED_FIELDS = ['ticket', 'postCode', 'name', 'gender', 'idCardNumber', 'idCardKey'] as const;

/** The same application, whatever its personal numbers were encrypted to this time. */
export function sameApplicant(a: Applicant, b: Applicant): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Applicant>;
  return [...keys].every((key) => CIPHERTEXT_FIELDS.has(key) || a[key] === b[key]);
}

/** 面试名单 drawn (exam rounds) or ranking made: the post's roster and 资格审查 are final. */
const rosterFinal = (post: PostProgress): boolean => post.shortlist !== undefined || post.ranking !== undefined;

function requireComplete(applicant: Applicant, index: number): void {
  const missing = REQUIRED_FIELDS.find(
    (field) => typeof applicant[field] !== 'string' || applicant[field].trim() === '',
  );
  if (missing) {
    throw new DomainError('INVALID_PAYLOAD', `applicants[${index}].${missing} is required.`);
  }
  if (applicant.gender !== '男' && applicant.gender !== '女') {
    throw new DomainError('INVALID_PAYLOAD', `applicants[${index}].gender must be 男 or 女.`);
  }
}

/** 报名: a re-import of the same list adds nothing; a ticket or a person taken by another is refused. */
export function registerApplicants(state: RoundState | undefined, command: Command<'registerApplicants'>) {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Registering applicants');
  const registered = new Map<string, Applicant>();
  const personTickets = new Map<string, string>();
  const events: RoundEvent[] = [];
  command.applicants.forEach((applicant, index) => {
    requireComplete(applicant, index);
    const { ticket, idCardKey } = applicant;
    const earlier = round.applicants.get(ticket)?.applicant ?? registered.get(ticket);
    if (earlier) {
      if (sameApplicant(earlier, applicant)) return;
      throw new DomainError(
        'TICKET_TAKEN',
        `准考证号 ${ticket} (applicants[${index}]) is already registered to another applicant (${earlier.name}, post ${earlier.postCode}).`,
      );
    }
    const otherTicket = round.ticketOfPerson.get(idCardKey) ?? personTickets.get(idCardKey);
    if (otherTicket !== undefined) {
      throw new DomainError(
        'PERSON_ALREADY_REGISTERED',
        `${applicant.name} (applicants[${index}]) already applied in this round under 准考证号 ${otherTicket}; one application per person.`,
      );
    }
    const post = requirePost(round, applicant.postCode);
    if (rosterFinal(post)) {
      throw new DomainError(
        'ROUND_STEP_OUT_OF_ORDER',
        `Post ${post.post.code} has drawn its shortlist or ranking; no applicant can join it now.`,
      );
    }
    registered.set(ticket, applicant);
    personTickets.set(idCardKey, ticket);
    const row = command.source?.rows?.[index];
    const source = command.source && { importId: command.source.importId, ...(row !== undefined && { row }) };
    events.push(roundEvent('ApplicantRegistered', { applicant, ...(source && { source }) }, metaOf(command)));
  });
  return events;
}

/** 资格审查: a fail needs its reason; a decision may be changed until the post's roster is final. */
export function reviewQualifications(state: RoundState | undefined, command: Command<'reviewQualifications'>) {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Reviewing qualifications');
  const seen = new Set<string>();
  const events: RoundEvent[] = [];
  command.decisions.forEach(({ ticket, outcome, reason = command.reason }, index) => {
    if (seen.has(ticket)) throw new DomainError('INVALID_PAYLOAD', `decisions[${index}]: ${ticket} is decided twice.`);
    seen.add(ticket);
    const record = round.applicants.get(ticket);
    if (!record)
      throw new DomainError('APPLICANT_NOT_FOUND', `decisions[${index}]: no applicant has 准考证号 ${ticket}.`);
    if (outcome !== 'pass' && outcome !== 'fail') {
      throw new DomainError('INVALID_PAYLOAD', `decisions[${index}].outcome must be pass or fail.`);
    }
    if (outcome === 'fail') requireReason(reason, `decisions[${index}]: failing ${ticket} in 资格审查`);
    if (record.qualification === outcome) return;
    const post = round.posts.get(record.applicant.postCode)!;
    if (rosterFinal(post)) {
      throw new DomainError(
        'ROUND_STEP_OUT_OF_ORDER',
        `Post ${post.post.code} has drawn its shortlist or ranking; the 资格审查 of ${ticket} is final.`,
      );
    }
    events.push(roundEvent('QualificationReviewed', { ticket, outcome }, metaOf(command, reason)));
  });
  return events;
}

export interface ScoreProblem {
  ticket: string;
  code: DomainErrorCode;
  message: string;
}

function lineProblem(round: RoundState, exam: RoundExam, line: ScoreLine): Omit<ScoreProblem, 'ticket'> | undefined {
  const { ticket, score } = line;
  const record = round.applicants.get(ticket);
  if (!record) return { code: 'APPLICANT_NOT_FOUND', message: `no applicant has 准考证号 ${ticket}` };
  if (Object.hasOwn(record.scores, exam) && record.scores[exam] === score) return undefined;
  if (score !== null && (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100)) {
    return { code: 'INVALID_SCORE', message: `${ticket}: a score is from 0 to 100, or null for 缺考` };
  }
  if (record.qualification !== 'pass') {
    const why = record.qualification === 'fail' ? 'failed' : 'has not been through';
    return { code: 'APPLICANT_NOT_ELIGIBLE', message: `${ticket} ${why} 资格审查` };
  }
  const post = round.posts.get(record.applicant.postCode)!;
  if (exam === 'interview' && !post.shortlist) {
    return { code: 'ROUND_STEP_OUT_OF_ORDER', message: `${ticket}: post ${post.post.code} has no 面试名单 yet` };
  }
  if (exam === 'interview' && !post.shortlist!.tickets.has(ticket)) {
    return { code: 'APPLICANT_NOT_ELIGIBLE', message: `${ticket} is not on the 面试名单 of post ${post.post.code}` };
  }
  const final = exam === 'written' ? post.shortlist !== undefined : post.ranking !== undefined;
  if (final)
    return { code: 'SCORES_FINAL', message: `${ticket}: the ${exam} scores of post ${post.post.code} are final` };
  return undefined;
}

/** Every line of a score list the round would refuse, so an import can name all its bad rows at once. */
export function scoreLineProblems(state: RoundState, exam: RoundExam, scores: readonly ScoreLine[]): ScoreProblem[] {
  const seen = new Set<string>();
  const problems: ScoreProblem[] = [];
  for (const line of scores) {
    if (seen.has(line.ticket)) {
      problems.push({ ticket: line.ticket, code: 'INVALID_SCORE', message: `${line.ticket} appears twice` });
      continue;
    }
    seen.add(line.ticket);
    const problem = lineProblem(state, exam, line);
    if (problem) problems.push({ ticket: line.ticket, ...problem });
  }
  return problems;
}

const LISTED = 10;

/** 笔试 before the 面试名单, 面试 of those on it, 考核 in 直接考核 rounds; a recorded score is final once used. */
export function recordScores(state: RoundState | undefined, command: Command<'recordScores'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Recording scores');
  const exams = examsOf(round.terms.method);
  if (!exams.includes(command.exam)) {
    throw new DomainError(
      'INVALID_SCORE',
      `exam: this round records ${exams.join(' and ')} scores, not ${command.exam}.`,
    );
  }
  const problems = scoreLineProblems(round, command.exam, command.scores);
  if (problems.length > 0) {
    const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : '';
    const listed = problems.slice(0, LISTED).map((problem) => problem.message);
    throw new DomainError(problems[0]!.code, `${listed.join('; ')}${more}.`);
  }
  const changed = command.scores.filter((line) => {
    const scores = round.applicants.get(line.ticket)!.scores;
    return !Object.hasOwn(scores, command.exam) || scores[command.exam] !== line.score;
  });
  if (changed.length === 0) return [];
  const data = { exam: command.exam, scores: changed, ...(command.source && { source: command.source }) };
  return [roundEvent('ScoresRecorded', data, metaOf(command))];
}
