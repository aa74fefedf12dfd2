import { accepted, type ApiClient, approver, officer } from '@talent/api-client';
import { buildWorkbook, identityCardNumber, ROSTER_HEADER } from '../../libs/spreadsheets/src/sheet-builder';
import { addDays, type Candidate, driveCandidate, on } from './candidate-case';
import {
  assessmentScore,
  failsReview,
  type Fate,
  interviewScore,
  type PostSpec,
  type RoundSpec,
  shortlisted,
  ticketOf,
  writtenScore,
} from './rounds-2023';

const CHANNEL_NAMES = { civil_servant: '公务员考生', campus_teacher: '师范毕业生', shortage_talent: '紧缺型人才' };

interface Applicant {
  post: PostSpec;
  n: number;
  ticket: string;
}

interface RoundSummary {
  openedCases: Array<{ postCode: string; ticket: string; caseId: string }>;
}

/** By construction the n-th applicant of a post ranks n-th, and the 准考证号 ends in n. */
const rankOf = (ticket: string) => Number(ticket.slice(-3));

const applicantsOf = (spec: RoundSpec): Applicant[] =>
  spec.posts.flatMap((post, p) =>
    Array.from({ length: post.applicants }, (_, i) => ({ post, n: i + 1, ticket: ticketOf(spec, p, i + 1) })),
  );

/** The 报名表 an office receives: one row per applicant, 身份证号 and 准考证号 kept as text. */
function roster(spec: RoundSpec, applicants: Applicant[]): Promise<Buffer> {
  const rows = applicants.map(({ post, n, ticket }, index) => [
    `${CHANNEL_NAMES[spec.channel]}${ticket.slice(-6)}`,
    index % 2 === 0 ? '男' : '女',
    '汉族',
    `199${index % 8}-0${(index % 9) + 1}`,
    n % 3 === 0 ? '中共党员' : '共青团员',
    spec.channel === 'shortage_talent' ? '硕士研究生' : '大学本科',
    spec.channel === 'shortage_talent' ? '硕士' : '学士',
    '某某大学',
    post.title,
    '',
    ticket,
    identityCardNumber('530000', `199${index % 8}0${(index % 9) + 1}15`, String(100 + index)),
    `139${ticket.slice(-8)}`,
    post.code,
  ]);
  return buildWorkbook({ rows: [ROSTER_HEADER, ...rows], textColumns: ['身份证号', '准考证号'] });
}

const scoreSheet = (column: string, scores: Array<[string, number | '缺考']>) =>
  buildWorkbook({ rows: [['准考证号', column], ...scores] });

/**
 * 公告, 职位表审定, the 报名表 imported from Excel, 资格审查, the scores imported, 面试名单 and
 * ranking, and 进入体检: a round up to the day its candidates' cases open. Answers them.
 */
async function openRound(api: ApiClient, spec: RoundSpec): Promise<Candidate[]> {
  const { roundId, dates } = spec;
  const act = (body: object, who = officer) => accepted<RoundSummary>(api.roundAction(roundId, body, who), roundId);
  const upload = async (file: Promise<Buffer>, name: string, date: string, exam?: string) =>
    accepted(
      api.uploadAt(roundId, exam ? 'scores' : 'applicants', await file, name, on(date), exam ? `exam=${exam}` : ''),
      `${roundId} ${name}`,
    );
  const exam = spec.method === 'exam';
  await accepted(
    api.announceRound({
      roundId,
      year: 2023,
      channel: spec.channel,
      title: spec.title,
      announcedOn: dates.announcedOn,
      registrationOpensOn: dates.registrationOpensOn,
      registrationClosesOn: dates.registrationClosesOn,
      posts: spec.posts.map(({ applicants: _count, ...post }) => post),
      method: spec.method,
      ...(exam && { shortlistRatio: 3, weights: { written: 50, interview: 50 } }),
      passMarks: exam ? { interview: 60 } : { assessment: 60 },
      tieRules: exam ? ['higher_written'] : [],
      substitution: { maxPerPost: spec.maxSubstitutionsPerPost, untilStage: 'inspection' },
      occurredAt: on(dates.announcedOn),
    }),
    `announce ${roundId}`,
  );
  await act({ action: 'approvePostTable', occurredAt: on(addDays(dates.announcedOn, 1)) }, approver);
  const applicants = applicantsOf(spec);
  await upload(roster(spec, applicants), '报名表.xlsx', dates.importedOn);
  await act({
    action: 'reviewQualifications',
    decisions: applicants.map(({ post, n, ticket }) =>
      failsReview(post, n) ? { ticket, outcome: 'fail', reason: '专业不符合职位要求' } : { ticket, outcome: 'pass' },
    ),
    occurredAt: on(dates.reviewedOn),
  });
  const qualified = applicants.filter(({ post, n }) => !failsReview(post, n));
  if (exam) {
    const written = qualified.map(({ post, n, ticket }): [string, number | '缺考'] => [ticket, writtenScore(post, n)]);
    await upload(scoreSheet('笔试成绩', written), '笔试成绩.xlsx', dates.firstScoresOn, 'written');
    await act({ action: 'drawShortlist', occurredAt: on(dates.shortlistedOn!) });
    const interview = qualified
      .filter(({ post, n }) => shortlisted(post, n))
      .map(({ post, n, ticket }): [string, number] => [ticket, interviewScore(post, n)]);
    await upload(scoreSheet('面试成绩', interview), '面试成绩.xlsx', dates.interviewOn!, 'interview');
  } else {
    const assessed = qualified.map(({ post, n, ticket }): [string, number] => [ticket, assessmentScore(post, n)]);
    await upload(scoreSheet('考核成绩', assessed), '考核成绩.xlsx', dates.firstScoresOn, 'assessment');
  }
  await act({ action: 'rankPosts', occurredAt: on(dates.rankedOn) });
  const candidates: Candidate[] = [];
  for (const post of spec.posts) {
    const sent = await act({ action: 'advanceCandidates', postCode: post.code, occurredAt: on(dates.advancedOn) });
    for (const opened of sent.openedCases) {
      candidates.push({
        roundId,
        channel: spec.channel,
        postCode: post.code,
        unit: post.unit,
        rank: rankOf(opened.ticket),
        caseId: opened.caseId,
        enteredOn: dates.advancedOn,
      });
    }
  }
  return candidates;
}

/** A candidate's year: a drop-out's place goes to the next in rank (递补), whose case then runs to 转正. */
async function candidateYear(api: ApiClient, spec: RoundSpec, candidate: Candidate, fate: Fate): Promise<void> {
  const droppedOn = await driveCandidate(api, candidate, fate);
  if (!droppedOn) return;
  const substitutedOn = addDays(droppedOn, 2);
  const moved = await accepted<RoundSummary>(
    api.roundAction(spec.roundId, {
      action: 'substitute',
      postCode: candidate.postCode,
      caseId: candidate.caseId,
      reason: '拟录用人员出现缺额，依公告按综合成绩从高到低递补',
      occurredAt: on(substitutedOn, 11),
    }),
    `递补 for ${candidate.caseId}`,
  );
  const next = moved.openedCases[0]!;
  const substitute = { ...candidate, rank: rankOf(next.ticket), caseId: next.caseId, enteredOn: substitutedOn };
  await driveCandidate(api, substitute, 'hired');
}

/**
 * Runs the year's rounds up to 体检, then answers one task per candidate, each carrying its case
 * (and any 递补 it causes) to its end. The tasks may run in any order: a round holds its places,
 * so a drop-out's place waits for its substitute whatever else is going on.
 */
export async function roundTasks(api: ApiClient, specs: readonly RoundSpec[]): Promise<Array<() => Promise<void>>> {
  const opened = await Promise.all(specs.map((spec) => openRound(api, spec)));
  return specs.flatMap((spec, index) =>
    opened[index]!.map(
      (candidate) => () =>
        candidateYear(api, spec, candidate, spec.fates[`${candidate.postCode}#${candidate.rank}`] ?? 'hired'),
    ),
  );
}
