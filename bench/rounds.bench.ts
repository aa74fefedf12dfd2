import { cpus, totalmem } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { ApiClient, approver } from '@talent/api-client';
import { toRoundWorkflowId } from '@talent/domain';
import { TEMPORAL_CLI_VERSION } from '@talent/local-stack';
import { buildWorkbook, identityCardNumber } from '../libs/spreadsheets/src/sheet-builder';
import { OfficeAccounts } from '../tools/demo/office-accounts';
import { figuresTable, format } from './engine/report';
import { BenchStack } from './engine/stack';

/**
 * `npm run bench:rounds`: a round of BENCH_APPLICANTS (default 10,000) applicants over 200 posts,
 * driven through the api as an office would: the 报名 list and the 笔试 scores imported from .xlsx,
 * 资格审查 in pages, the shortlist, the 面试 scores, the ranking and the 名单 exported. Prints the
 * seconds of each step, how long the read model took to show the roster, and the round
 * workflow's history length (it must stay small whatever the roster).
 */
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 10_000);
const POSTS = 200;
const REVIEW_PAGE = 1000;
const ROSTER_HEADER = ['姓名', '性别', '民族', '出生年月', '学历', '准考证号', '身份证号', '手机号', '报考职位代码'];

// Issue 13, "Recruitment rounds".
const TARGETS = { import: 10, ranking: 1, export: 3 };

const log = (line: string) => console.error(`[bench] ${line}`);
const seconds = (from: number) => (performance.now() - from) / 1000;
const postCode = (index: number) => `P${String(index % POSTS).padStart(3, '0')}`;
const ticket = (index: number) => `2024${String(index).padStart(6, '0')}`;

function roster(): Buffer | Promise<Buffer> {
  const rows = Array.from({ length: APPLICANTS }, (_, index) => [
    `考生${index}`,
    index % 2 === 0 ? '男' : '女',
    '汉族',
    '1998-05',
    '大学本科',
    ticket(index),
    // One person each: the region and the sequence number together are unique up to 81,000.
    identityCardNumber(
      String(990101 + (index % 90)),
      `199${index % 10}0${(index % 9) + 1}1${index % 10}`,
      String(100 + Math.floor(index / 90)),
    ),
    `139${String(10_000_000 + index).padStart(8, '0')}`,
    postCode(index),
  ]);
  return buildWorkbook({ rows: [ROSTER_HEADER, ...rows], textColumns: ['身份证号', '准考证号'] });
}

/** Scores spread so that ties at a post's cut-off happen, as they do in real rounds. */
const writtenOf = (index: number) => 50 + ((index * 37) % 500) / 10;
const interviewOf = (index: number) => 60 + ((index * 53) % 400) / 10;

/** What the bench reads of GET /rounds/:id and of a page of its applicants. */
interface RoundRead {
  round: { applicants: number };
  counts: { shortlisted: number; ranked: number };
}
interface ApplicantsPage {
  items: Array<{ ticket: string; shortlisted: boolean }>;
  nextCursor: string | null;
}

async function answered<T>(what: string, request: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await request;
  if (response.status >= 300) throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<{ result: T; s: number }> {
  const from = performance.now();
  const result = await run();
  const s = seconds(from);
  log(`${what}: ${format(s, 2)} s`);
  return { result, s };
}

async function main(stack: BenchStack): Promise<void> {
  console.log('# Rounds benchmark\n');
  console.log(
    `${cpus().length} cores, ${format(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; embedded PostgreSQL, ` +
      `Temporal CLI ${TEMPORAL_CLI_VERSION} dev server; worker and api from dist/; ` +
      `${format(APPLICANTS)} applicants over ${POSTS} posts (BENCH_APPLICANTS)\n`,
  );
  const running = await stack.start();
  const office = new OfficeAccounts(running.apiUrl, running.admin);
  const api = new ApiClient(running.apiUrl, (who) => office.headersFor(who));
  const roundId = 'bench-round';
  const posts = Array.from({ length: POSTS }, (_, index) => ({
    code: postCode(index),
    unit: `县直单位${index}`,
    title: '一级科员',
    places: 1 + (index % 3),
  }));
  await answered(
    'announce',
    api.announceRound({
      roundId,
      year: 2026,
      channel: 'civil_servant',
      title: '某县2026年考试录用公务员公告',
      announcedOn: '2026-03-01',
      registrationOpensOn: '2026-03-05',
      registrationClosesOn: '2026-03-12',
      posts,
      method: 'exam',
      shortlistRatio: 3,
      weights: { written: 50, interview: 50 },
      tieRules: ['higher_written', 'higher_interview'],
      substitution: { maxPerPost: 2, untilStage: 'inspection' },
    }),
  );
  await answered('approve', api.roundAction(roundId, { action: 'approvePostTable' }, approver));
  log('building the .xlsx files');
  const rosterFile = await roster();
  const writtenFile = await buildWorkbook({
    rows: [
      ['准考证号', '笔试成绩'],
      ...Array.from({ length: APPLICANTS }, (_, index) => [ticket(index), writtenOf(index)]),
    ],
  });

  const imported = await timed('import of the 报名 list', () =>
    answered('import', api.upload(roundId, 'applicants', rosterFile, '报名表.xlsx')),
  );
  const projected = await timed('read model shows the whole roster', () =>
    api.waitForRound(roundId, (round: RoundRead) => round.round.applicants === APPLICANTS, 600_000),
  );
  const review = await timed('资格审查 of everyone, in pages', async () => {
    for (let from = 0; from < APPLICANTS; from += REVIEW_PAGE) {
      const decisions = Array.from({ length: Math.min(REVIEW_PAGE, APPLICANTS - from) }, (_, offset) => ({
        ticket: ticket(from + offset),
        outcome: 'pass',
      }));
      await answered('review', api.roundAction(roundId, { action: 'reviewQualifications', decisions }));
    }
  });
  const scores = await timed('import of the 笔试 scores', () =>
    answered('scores', api.upload(roundId, 'scores', writtenFile, '笔试成绩.xlsx', 'exam=written')),
  );
  const shortlist = await timed('shortlist of every post', () =>
    answered('shortlist', api.roundAction(roundId, { action: 'drawShortlist' })),
  );
  await api.waitForRound(roundId, (round: RoundRead) => round.counts.shortlisted > 0, 600_000);
  const shortlisted: string[] = [];
  for (let cursor: string | null | undefined; cursor !== null;) {
    const page = await answered<ApplicantsPage>(
      'applicants',
      api.roundApplicants(roundId, `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    );
    shortlisted.push(...page.items.filter((item) => item.shortlisted).map((item) => item.ticket));
    cursor = page.nextCursor;
  }
  const interviewFile = await buildWorkbook({
    rows: [['准考证号', '面试成绩'], ...shortlisted.map((id) => [id, interviewOf(Number(id.slice(4)))])],
  });
  await answered('interview', api.upload(roundId, 'scores', interviewFile, '面试成绩.xlsx', 'exam=interview'));
  const ranking = await timed('ranking of every post', () =>
    answered('rank', api.roundAction(roundId, { action: 'rankPosts' })),
  );
  await api.waitForRound(roundId, (round: RoundRead) => round.counts.ranked > 0, 600_000);
  const exported = await timed(`export of the 面试名单 (${format(shortlisted.length)} rows)`, () =>
    answered<Buffer>('export', api.roundExport(roundId, 'interview.xlsx')),
  );

  const connection = await Connection.connect({ address: running.temporalAddress });
  try {
    const client = new Client({ connection, namespace: running.namespace });
    const described = await client.workflow.getHandle(toRoundWorkflowId(roundId)).describe();
    console.log(
      figuresTable([
        {
          figure: `import of ${format(APPLICANTS)} applicants (.xlsx upload → answer)`,
          value: `${format(imported.s, 2)} s`,
          target: `≤ ${TARGETS.import} s`,
          met: imported.s <= TARGETS.import,
        },
        { figure: 'read model shows the roster, after the import answered', value: `${format(projected.s, 2)} s` },
        {
          figure: `资格审查 of ${format(APPLICANTS)}, pages of ${format(REVIEW_PAGE)}`,
          value: `${format(review.s, 2)} s`,
        },
        {
          figure: `import of ${format(APPLICANTS)} 笔试 scores`,
          value: `${format(scores.s, 2)} s`,
          target: `≤ ${TARGETS.import} s`,
          met: scores.s <= TARGETS.import,
        },
        {
          figure: `shortlist of ${POSTS} posts (${format(shortlisted.length)} shortlisted)`,
          value: `${format(shortlist.s, 2)} s`,
        },
        {
          figure: `ranking of ${POSTS} posts`,
          value: `${format(ranking.s, 2)} s`,
          target: `≤ ${TARGETS.ranking} s`,
          met: ranking.s <= TARGETS.ranking,
        },
        {
          figure: `面试名单 export (${format(shortlisted.length)} rows, ${format(exported.result.length / 1024)} KiB)`,
          value: `${format(exported.s, 2)} s`,
          target: `≤ ${TARGETS.export} s`,
          met: exported.s <= TARGETS.export,
        },
        { figure: 'round workflow history length (events)', value: format(described.historyLength) },
        { figure: 'round stream length (events)', value: format((shortlist.result as { version: number }).version) },
      ]).join('\n'),
    );
  } finally {
    await connection.close();
  }
}

const stack = new BenchStack((name) => {
  log(`${name} died; stopping`);
  void stopAndExit(1);
});
async function stopAndExit(code: number): Promise<void> {
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(143));
main(stack).then(
  () => stopAndExit(0),
  (error: unknown) => {
    console.error(error);
    return stopAndExit(1);
  },
);
