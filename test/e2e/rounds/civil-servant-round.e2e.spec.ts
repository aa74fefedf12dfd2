import { randomBytes } from 'node:crypto';
import { Workbook } from 'exceljs';
import { type ApiClient, approver, auditor, officer } from '@talent/api-client';
import { buildWorkbook, identityCardNumber, ROSTER_HEADER } from '../../../libs/spreadsheets/src/sheet-builder';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Beijing time of a day in 2024 (and of 2025, for the end of 试用期). */
const on = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

/** Three posts of a county's 2024 civil-service round: 2, 1 and 2 places; 24, 16 and 20 applicants. */
const POSTS = [
  { code: '45001', unit: '县人力资源和社会保障局', title: '一级科员', places: 2, applicants: 24 },
  { code: '45002', unit: '县财政局', title: '一级科员', places: 1, applicants: 16 },
  { code: '45003', unit: '县司法局', title: '四级主任科员及以下', places: 2, applicants: 20 },
];
const ticketOf = (post: number, n: number) => `2024${post + 1}${String(n).padStart(3, '0')}`;

interface Row {
  ticket: string;
  post: string;
  name: string;
  n: number;
}
const roster: Row[] = POSTS.flatMap((post, p) =>
  Array.from({ length: post.applicants }, (_, i) => ({
    ticket: ticketOf(p, i + 1),
    post: post.code,
    name: `考生${String.fromCharCode(0x7532 + p)}${i + 1}`,
    n: i + 1,
  })),
);

const rosterRow = (row: Row, index: number) => [
  row.name,
  index % 2 === 0 ? '男' : '女',
  '汉族',
  '1998-05',
  '共青团员',
  '大学本科',
  '学士',
  '某某大学',
  '法学',
  '',
  row.ticket,
  identityCardNumber('990101', `1998${String((index % 12) + 1).padStart(2, '0')}15`, String(100 + index)),
  `139${String(10_000_000 + index).padStart(8, '0')}`,
  row.post,
];

/**
 * 笔试 scores: 90 − n, except that in 45002 the 3rd and 4th share 84 at the cut-off of 1:3 (the
 * rest scoring 80 − n), and
 * 45003's 2nd did not sit it (缺考).
 */
function writtenScore(row: Row): number | '缺考' {
  if (row.post === '45002') return row.n <= 4 ? [88, 86, 84, 84][row.n - 1]! : 80 - row.n;
  if (row.post === '45003' && row.n === 2) return '缺考';
  return 90 - row.n;
}

/** 面试 scores of the shortlisted, by ticket, chosen so that the ranking differs from the written order. */
const INTERVIEW: Record<string, number | '缺考'> = {
  [ticketOf(0, 1)]: 70,
  [ticketOf(0, 2)]: 85,
  [ticketOf(0, 3)]: 80,
  [ticketOf(0, 4)]: 59,
  [ticketOf(0, 6)]: 90,
  [ticketOf(0, 7)]: 75,
  [ticketOf(1, 1)]: 80,
  [ticketOf(1, 2)]: 82,
  [ticketOf(1, 3)]: 70,
  [ticketOf(1, 4)]: '缺考',
  [ticketOf(2, 1)]: 80,
  [ticketOf(2, 3)]: 80,
  [ticketOf(2, 4)]: 85,
  [ticketOf(2, 5)]: 60,
  [ticketOf(2, 6)]: 90,
  [ticketOf(2, 7)]: 70,
};

const scoreSheet = (column: string, scores: Array<[string, number | '缺考']>) =>
  buildWorkbook({ rows: [['准考证号', column], ...scores] });

describe('a civil-service recruitment round, as a county office runs it', () => {
  let stack: TestStack;
  let api: ApiClient;
  const roundId = `gwy-2024-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    // A whole 2024 round, with its 试用期 ending in 2025: facts entered after they happened.
    stack = await startTestStack('rounds', { BACKDATE_LIMIT_DAYS: '2000' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const act = async (body: object, who = officer) => {
    const answer = await api.roundAction(roundId, body, who);
    if (answer.status !== 200)
      throw new Error(`${JSON.stringify(body)} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const rankingOf = async (postCode: string) =>
    (
      (await api.round(roundId)).body.rankings[postCode] as Array<{ ticket: string; rank: number; composite: number }>
    ).filter((line) => line.rank !== null);

  it('runs from the 公告 to a hire, with a bad file refused, ties at the cut-off, a 体检 failure and a 递补', async () => {
    const announced = await api.announceRound({
      roundId,
      year: 2024,
      channel: 'civil_servant',
      title: '某县2024年考试录用公务员公告',
      announcedOn: '2024-03-01',
      registrationOpensOn: '2024-03-05',
      registrationClosesOn: '2024-03-12',
      posts: POSTS.map(({ applicants: _count, ...post }) => post),
      method: 'exam',
      shortlistRatio: 3,
      weights: { written: 50, interview: 50 },
      passMarks: { interview: 60 },
      tieRules: ['higher_written'],
      substitution: { maxPerPost: 1, untilStage: 'inspection' },
      occurredAt: on('2024-03-01'),
    });
    expect(announced.status).toBe(201);
    expect(announced.body).toMatchObject({ roundId, status: 'announced', posts: 3, places: 5 });

    // The announcer may not sign off his own post table (four-eyes); an approver does.
    expect((await api.roundAction(roundId, { action: 'approvePostTable' }, officer)).status).toBe(403);
    expect((await act({ action: 'approvePostTable', occurredAt: on('2024-03-02') }, approver)).status).toBe('approved');

    // A 报名 list with two wrong rows: both named, nothing imported.
    const rows = roster.map(rosterRow);
    const broken = rows.map((cells) => [...cells]);
    broken[6]![11] = '99010119980715107X';
    broken[11]![1] = '未知';
    const refused = await api.upload(
      roundId,
      'applicants',
      await buildWorkbook({ rows: [ROSTER_HEADER, ...broken], textColumns: ['身份证号', '准考证号'] }),
      '报名表.xlsx',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ row: 8, column: '身份证号' }),
      expect.objectContaining({ row: 13, column: '性别' }),
    ]);
    expect((await api.waitForRound(roundId, (body) => body.round.status === 'approved')).round.applicants).toBe(0);

    // The corrected file, uploaded twice: 60 applicants, once.
    const clean = await buildWorkbook({ rows: [ROSTER_HEADER, ...rows], textColumns: ['身份证号', '准考证号'] });
    const imported = await api.uploadAt(roundId, 'applicants', clean, '报名表.xlsx', on('2024-03-13'));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ applicants: 60, recorded: { ApplicantRegistered: 60 } });
    const again = await api.upload(roundId, 'applicants', clean, '报名表.xlsx');
    expect(again.body).toMatchObject({ applicants: 60, recorded: {} });

    // 资格审查 in one page: everyone passes but 45001's 5th.
    const failing = ticketOf(0, 5);
    await act({
      action: 'reviewQualifications',
      decisions: roster.map((row) =>
        row.ticket === failing
          ? { ticket: row.ticket, outcome: 'fail', reason: '专业不符合职位要求' }
          : { ticket: row.ticket, outcome: 'pass' },
      ),
      occurredAt: on('2024-03-15'),
    });

    // 笔试 scores from the provincial system, one unknown 准考证号 refused first.
    const written = roster
      .filter((row) => row.ticket !== failing)
      .map((row): [string, number | '缺考'] => [row.ticket, writtenScore(row)]);
    const unknown = await api.upload(
      roundId,
      'scores',
      await scoreSheet('笔试成绩', [...written, ['2024999999', 70]]),
      '笔试成绩.xlsx',
      'exam=written',
    );
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('2024999999');
    expect(
      (await api.upload(roundId, 'scores', await scoreSheet('笔试成绩', written), '笔试成绩.xlsx', 'exam=written'))
        .status,
    ).toBe(200);

    // 面试名单 at 1:3 per place: ties at the cut-off all enter; the absent and the disqualified never do.
    await act({ action: 'drawShortlist', occurredAt: on('2024-04-10') });
    await api.waitForRound(roundId, (round) => round.counts.shortlisted > 0);
    const shortlisted = await api.roundApplicants(roundId, 'limit=100');
    const onShortlist = (shortlisted.body.items as Array<{ ticket: string; shortlisted: boolean }>)
      .filter((item) => item.shortlisted)
      .map((item) => item.ticket)
      .sort();
    expect(onShortlist).toEqual(Object.keys(INTERVIEW).sort());

    await api.upload(
      roundId,
      'scores',
      await scoreSheet('面试成绩', Object.entries(INTERVIEW)),
      '面试成绩.xlsx',
      'exam=interview',
    );
    await act({ action: 'rankPosts', occurredAt: on('2024-05-10') });

    // 综合成绩 = 笔试 × 50% + 面试 × 50%, computed by hand; below the 面试 pass mark or absent: not ranked.
    await api.waitForRound(roundId, (round) =>
      Object.values(round.rankings).every((lines) => (lines as unknown[]).length > 0),
    );
    expect((await rankingOf('45001')).map((line) => [line.ticket, line.composite, line.rank])).toEqual([
      [ticketOf(0, 6), 87, 1],
      [ticketOf(0, 2), 86.5, 2],
      [ticketOf(0, 3), 83.5, 3],
      [ticketOf(0, 1), 79.5, 4],
      [ticketOf(0, 7), 79, 5],
    ]);
    // 84 and 84: the higher 笔试 goes first, as the 公告's tie rule says.
    expect((await rankingOf('45002')).map((line) => [line.ticket, line.composite, line.rank])).toEqual([
      [ticketOf(1, 1), 84, 1],
      [ticketOf(1, 2), 84, 2],
      [ticketOf(1, 3), 77, 3],
    ]);
    expect((await rankingOf('45003')).map((line) => line.ticket)).toEqual(
      [6, 4, 1, 3, 7, 5].map((n) => ticketOf(2, n)),
    );

    // 进入体检: those ranked within the places, each now a candidate's case at 体检.
    const sent = await Promise.all(
      POSTS.map((post) => act({ action: 'advanceCandidates', postCode: post.code, occurredAt: on('2024-06-01') })),
    );
    const cases = sent.flatMap((summary) => summary.openedCases as Array<{ ticket: string; caseId: string }>);
    expect(cases.map((opened) => opened.ticket).sort()).toEqual(
      [ticketOf(0, 6), ticketOf(0, 2), ticketOf(1, 1), ticketOf(2, 6), ticketOf(2, 4)].sort(),
    );
    const caseOf = (ticket: string) => cases.find((opened) => opened.ticket === ticket)!.caseId;
    const first = (await api.view(caseOf(ticketOf(0, 6)), officer)).body;
    expect(first.stage.id).toBe('physicalExam');
    expect(first.state.opened.round).toMatchObject({ roundId, postCode: '45001', ticket: ticketOf(0, 6), rank: 1 });

    // 45001's first fails 体检 and its 复检: the next in rank moves up (递补), once, as the 公告 allows.
    const failed = caseOf(ticketOf(0, 6));
    expect((await api.actAt(failed, 'record', { outcome: 'fail' }, on('2024-06-05'))).body.stage.id).toBe(
      'physicalReexamination',
    );
    expect((await api.actAt(failed, 'requestReexamination', {}, on('2024-06-06'))).status).toBe(200);
    expect(
      (await api.actAt(failed, 'recordReexamination', { outcome: 'fail' }, on('2024-06-10'))).body.outcome,
    ).toMatchObject({
      result: 'failure',
    });
    const moved = await act({
      action: 'substitute',
      postCode: '45001',
      caseId: failed,
      reason: '体检复检不合格，依公告递补',
      occurredAt: on('2024-06-12'),
    });
    expect(moved.openedCases).toEqual([expect.objectContaining({ ticket: ticketOf(0, 3), postCode: '45001' })]);
    expect((await api.view(moved.openedCases[0].caseId, officer)).body.stage.id).toBe('physicalExam');
    const second = await api.roundAction(roundId, {
      action: 'substitute',
      postCode: '45001',
      caseId: failed,
      reason: '再次递补',
    });
    expect(second.status).toBe(409);

    // 45002's candidate goes all the way: 体检, 考察, 公示, 审批, 报到, and 转正 after a year.
    const hire = caseOf(ticketOf(1, 1));
    // A day's 体检 results in one list: one line not a candidate at 体检 and nothing is recorded.
    const day = { stage: 'physicalExam', occurredAt: on('2024-06-05') };
    const passes = [ticketOf(1, 1), ticketOf(2, 6)].map((ticket) => ({ ticket, outcome: 'pass' }));
    const wrongLine = await api.roundResults(roundId, {
      ...day,
      results: [...passes, { ticket: ticketOf(0, 1), outcome: 'pass' }],
    });
    expect(wrongLine.status).toBe(422);
    expect(wrongLine.body.errors).toEqual([expect.objectContaining({ ticket: ticketOf(0, 1) })]);
    expect((await api.view(hire, officer)).body.stage.id).toBe('physicalExam');
    const recorded = await api.roundResults(roundId, { ...day, results: passes });
    expect(recorded.body.items).toEqual(
      passes.map(({ ticket }) => expect.objectContaining({ ticket, status: 200, stage: 'inspection' })),
    );
    const steps: Array<[string, object, string, typeof officer]> = [
      ['record', { outcome: 'pass' }, on('2024-06-20'), officer],
    ];
    for (const [action, payload, at, who] of steps)
      expect((await api.actAt(hire, action, payload, at, who)).status).toBe(200);
    expect((await api.act(hire, 'confirmNoticeEnded', {})).body.stage.id).toBe('approval');
    const approval = (await api.view(hire, approver)).body.allowedActions.find(
      (action: { action: string }) => action.action === 'approve',
    );
    const reply =
      'replyNumber' in (approval.payloadSchema.properties ?? {})
        ? { replyNumber: '某人社函〔2024〕12号', replyDate: '2024-07-05' }
        : {};
    expect(
      (await api.actAt(hire, 'approve', { opinion: '同意录用', ...reply }, on('2024-07-08'), approver)).status,
    ).toBe(200);
    expect((await api.actAt(hire, 'report', { unit: '县财政局' }, on('2024-07-15'))).body.stage.id).toBe('probation');
    const early = await api.actAt(hire, 'confirm', {}, on('2025-07-14'));
    expect(early).toMatchObject({ status: 422, body: { error: 'ACTION_TOO_EARLY' } });
    const confirmed = await api.actAt(hire, 'confirm', {}, on('2025-07-16'));
    expect(confirmed.body.outcome.id).toBe('hired');

    // The round's figures, its printed 名单 and the annual statistics.
    const round = await api.waitForRound(roundId, (body) => body.counts.hired === 1 && body.counts.substitutions === 1);
    expect(round.round).toMatchObject({ applicants: 60, places: 5, hired: 1, substitutions: 1 });
    expect(round.figures.applicantsPerPlace).toBe(12);
    const list = await api.roundExport(roundId, 'physicalExam.xlsx', auditor);
    expect(list.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(list.body as Parameters<typeof workbook.xlsx.load>[0]);
    const printed = workbook.worksheets[0]!;
    expect(printed.getCell('A1').text).toBe('某县2024年考试录用公务员公告体检名单');
    expect(printed.actualRowCount).toBe(2 + 6);
    const statistics = await api.waitForStatistics(
      2024,
      (body) => body.recruitment.recruitedByChannel.civil_servant === 1,
    );
    expect(statistics.recruitment.recruitedByChannel.civil_servant).toBe(1);
  });
});
