import { randomBytes } from 'node:crypto';
import { type ApiClient, approver, officer } from '@talent/api-client';
import { officeYear } from '@talent/domain';
import { buildWorkbook, identityCardNumber } from '../../../libs/spreadsheets/src/sheet-builder';
import { startTestStack, type TestStack } from '../../support/test-stack';

const ROSTER_HEADER = ['姓名', '性别', '准考证号', '身份证号', '报考职位代码'];

/**
 * An introduced-talent round holds its places in the year's 编制储备 when its post table is
 * approved, all of them or none, and gives back what it did not fill when it closes.
 */
describe('an introduced-talent round and the year’s plan', () => {
  let stack: TestStack;
  let api: ApiClient;
  const year = officeYear(new Date());
  const suffix = randomBytes(3).toString('hex');

  beforeAll(async () => {
    // Three shortage-talent posts in the year's plan.
    stack = await startTestStack('round-places', { PLAN_SHORTAGE_QUOTA: '3' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const terms = (title: string, posts: Array<{ code: string; places: number }>) => ({
    year,
    channel: 'shortage_talent',
    title,
    announcedOn: `${year}-01-05`,
    registrationOpensOn: `${year}-01-06`,
    registrationClosesOn: `${year}-01-20`,
    posts: posts.map((post) => ({ ...post, unit: '县人民医院', title: '临床医师' })),
    method: 'assessment',
    passMarks: { assessment: 60 },
    tieRules: [],
    substitution: { maxPerPost: 1, untilStage: 'inspection' },
  });
  const shortagePlaces = async () => (await api.plan(year)).body.quotas.shortage_talent;

  it('reserves every place or none, and releases the unfilled ones at the close', async () => {
    const first = `jqrc-${suffix}-1`;
    const second = `jqrc-${suffix}-2`;
    const announced = await api.announceRound({
      roundId: first,
      ...terms('调入引进紧缺型人才公告', [
        { code: 'Y01', places: 1 },
        { code: 'Y02', places: 1 },
      ]),
    });
    expect(announced.status).toBe(201);
    expect((await api.roundAction(first, { action: 'approvePostTable' }, approver)).body.status).toBe('approved');
    expect(await shortagePlaces()).toMatchObject({ total: 3, reserved: 2, available: 1 });

    // Two places asked of the one left: refused, and the plan keeps what it had.
    await api.announceRound({ roundId: second, ...terms('第二批紧缺型人才公告', [{ code: 'Z01', places: 2 }]) });
    const refused = await api.roundAction(second, { action: 'approvePostTable' }, approver);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('QUOTA_EXHAUSTED');
    expect(await shortagePlaces()).toMatchObject({ reserved: 2, available: 1 });

    // One candidate of Y01 goes on to 体检 and withdraws; nobody is left to move up.
    const applicants = [
      ['赵医生', '男', 'J001', identityCardNumber('990101', '19880315', '101'), 'Y01'],
      ['钱医生', '女', 'J002', identityCardNumber('990101', '19890420', '102'), 'Y01'],
    ];
    const roster = await buildWorkbook({ rows: [ROSTER_HEADER, ...applicants], textColumns: ['身份证号', '准考证号'] });
    expect((await api.upload(first, 'applicants', roster, '报名表.xlsx')).status).toBe(200);
    await api.roundAction(first, {
      action: 'reviewQualifications',
      decisions: [
        { ticket: 'J001', outcome: 'pass' },
        { ticket: 'J002', outcome: 'fail', reason: '不具备执业医师资格' },
      ],
    });
    const scores = await buildWorkbook({
      rows: [
        ['准考证号', '考核成绩'],
        ['J001', 88],
      ],
    });
    expect((await api.upload(first, 'scores', scores, '考核成绩.xlsx', 'exam=assessment')).status).toBe(200);
    expect((await api.roundAction(first, { action: 'rankPosts' })).status).toBe(200);
    const advanced = await api.roundAction(first, { action: 'advanceCandidates', postCode: 'Y01' });
    const [candidate] = advanced.body.openedCases as Array<{ caseId: string }>;
    expect((await api.view(candidate!.caseId, officer)).body.stage.id).toBe('physicalExam');
    expect((await api.act(candidate!.caseId, 'withdraw', {}, officer, '考生书面放弃')).status).toBe(200);
    const noSubstitute = await api.roundAction(first, {
      action: 'substitute',
      postCode: 'Y01',
      caseId: candidate!.caseId,
      reason: '放弃后递补',
    });
    expect(noSubstitute.body.error).toBe('NO_SUBSTITUTE_LEFT');

    // The withdrawal released nothing; closing the round gives both places back.
    expect(await shortagePlaces()).toMatchObject({ reserved: 2 });
    const closed = await api.roundAction(first, { action: 'closeRound' });
    expect(closed.body.status).toBe('closed');
    expect(await shortagePlaces()).toMatchObject({ reserved: 0, used: 0, available: 3 });
    const afterClose = await api.roundAction(first, { action: 'rankPosts' });
    expect(afterClose.body.error).toBe('ROUND_CLOSED');
  });
});
