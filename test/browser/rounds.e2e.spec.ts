import { randomBytes } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { type ApiClient } from '@talent/api-client';
import { buildWorkbook, identityCardNumber, ROSTER_HEADER } from '../../libs/spreadsheets/src/sheet-builder';
import type { TestStack } from '../support/test-stack';
import {
  createAccount,
  expectChinese,
  openConsolePage,
  signInFirstTime,
  startConsole,
  stopConsole,
} from './console-page';

const NAMES = ['赵一', '钱二', '孙三', '李四'];
const ticketOf = (index: number) => `2024800${index + 1}`;
const rosterRow = (name: string, index: number) => [
  name,
  index % 2 === 0 ? '男' : '女',
  '汉族',
  '1998-05',
  '共青团员',
  '大学本科',
  '学士',
  '某某大学',
  '法学',
  '',
  ticketOf(index),
  identityCardNumber('990101', `1998${String(index + 1).padStart(2, '0')}15`, String(200 + index)),
  `139${String(20_000_000 + index)}`,
  '46001',
];
const sheet = (rows: (string | number)[][]) => buildWorkbook({ rows, textColumns: ['身份证号', '准考证号'] });

/** An officer and an approver run a round in the console, from its 职位表 to a candidate's case at 体检. */
describe('recruitment rounds in the console', () => {
  let stack: TestStack;
  let api: ApiClient;
  let browser: Browser;
  const roundId = `gwy-console-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => ({ stack, api, browser } = await startConsole('console-rounds')));
  afterAll(() => stopConsole({ stack, browser }));

  /** A file chosen in the browser's file dialog, as a person picks it from disk. */
  const chooseFile = async (page: Page, button: string, name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: button }).click();
    await (
      await chooser
    ).setFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  };

  it('takes a round from the 职位表 through imports, review, shortlist and ranking to a candidate at 体检', async () => {
    const year = new Date().getFullYear();
    const announced = await api.announceRound({
      roundId,
      year,
      channel: 'civil_servant',
      title: `某县${year}年考试录用公务员公告`,
      announcedOn: `${year}-01-02`,
      registrationOpensOn: `${year}-01-03`,
      registrationClosesOn: `${year}-01-10`,
      posts: [{ code: '46001', unit: '县人力资源和社会保障局', title: '一级科员', places: 1 }],
      method: 'exam',
      shortlistRatio: 2,
      weights: { written: 50, interview: 50 },
      tieRules: ['higher_written'],
      substitution: { maxPerPost: 1, untilStage: 'inspection' },
    });
    expect(announced.status).toBe(201);
    const officerPassword = await createAccount(stack.baseUrl, 'officer-lu', '陆科员', 'hr_officer');
    const approverPassword = await createAccount(stack.baseUrl, 'approver-qian', '钱科长', 'approver');
    const title = `某县${year}年考试录用公务员公告`;

    // The approver signs off the post table (the api client's officer announced it).
    const approverSide = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(approverSide.page, 'approver-qian', approverPassword);
    await approverSide.page.getByRole('menuitem', { name: '招录批次' }).click();
    await approverSide.page.getByRole('link', { name: title }).click();
    await approverSide.page.getByRole('button', { name: '审定职位表' }).click();
    await approverSide.page.getByText('职位表已审定').waitFor();
    await approverSide.page.getByText('进行中').waitFor();
    await expectChinese(approverSide.page, 'round-approved');
    expect(approverSide.problems).toEqual([]);
    await approverSide.close();

    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'officer-lu', officerPassword);
    await page.getByRole('menuitem', { name: '招录批次' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    await expectChinese(page, 'rounds');
    await page.getByRole('button', { name: '发布招录公告' }).click();
    await page.getByText('职位表').first().waitFor();
    await expectChinese(page, 'round-create');
    await page.goto(`${stack.baseUrl}/rounds/${roundId}`);

    // A roster with a wrong 身份证号 and 性别: both rows named in a table, nothing imported.
    const rows = NAMES.map(rosterRow);
    const broken = rows.map((cells) => [...cells]);
    const identity = rows[1]![11]!;
    broken[1]![11] = identity.slice(0, 17) + (identity.endsWith('0') ? '1' : '0');
    broken[2]![1] = '未知';
    await chooseFile(page, '导入报名表', '报名表.xlsx', await sheet([ROSTER_HEADER, ...broken]));
    await page.getByText('报名表有2处错误').waitFor();
    await page.getByRole('cell', { name: '第3行 身份证号：校验位不正确' }).waitFor();
    await page.getByRole('cell', { name: '性别', exact: true }).waitFor();
    await expectChinese(page, 'round-import-errors');
    await chooseFile(page, '导入报名表', '报名表.xlsx', await sheet([ROSTER_HEADER, ...rows]));
    await page.getByText('已导入：报名表').waitFor();
    await api.waitForRound(roundId, (round) => round.counts.applicants === NAMES.length);

    // 资格审查 of the whole page at once.
    await page.getByRole('tab', { name: '报名考生' }).click();
    await page.getByRole('cell', { name: NAMES[3] }).waitFor();
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: '资格审查通过' }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText(`已登记资格审查通过：${NAMES.length}人`).waitFor();
    await api.waitForRound(roundId, (round) => round.counts.qualified === NAMES.length);
    await page.getByText('通过', { exact: true }).first().waitFor();
    await expectChinese(page, 'round-applicants');

    // 笔试, the 面试名单 at 1:2, 面试, and the ranking.
    const written = NAMES.map((_, index) => [ticketOf(index), 90 - index * 5]);
    await chooseFile(page, '导入笔试成绩', '笔试成绩.xlsx', await sheet([['准考证号', '笔试成绩'], ...written]));
    await page.getByText('已导入：笔试成绩').waitFor();
    await page.getByRole('button', { name: '确定面试名单' }).click();
    await page.getByText('已确定面试名单').waitFor();
    await api.waitForRound(roundId, (round) => round.counts.shortlisted === 2);
    const interview = [
      [ticketOf(0), 70],
      [ticketOf(1), 90],
    ];
    await chooseFile(page, '导入面试成绩', '面试成绩.xlsx', await sheet([['准考证号', '面试成绩'], ...interview]));
    await page.getByText('已导入：面试成绩').waitFor();
    await page.getByRole('button', { name: '计算综合成绩并排名' }).click();
    await page.getByText('已排名').waitFor();
    await api.waitForRound(roundId, (round) => round.counts.ranked === 2);

    // 钱二: 85 × 50% + 90 × 50% = 87.5, first; 赵一: 90 × 50% + 70 × 50% = 80.
    await page.getByRole('tab', { name: '成绩排名' }).click();
    await page.getByRole('cell', { name: '87.5' }).waitFor();
    await expectChinese(page, 'round-ranking');
    await page.getByRole('button', { name: '进入体检' }).click();
    await page.getByText('46001职位人选已进入体检').waitFor();
    const candidate = page.getByRole('row', { name: new RegExp(NAMES[1]!) }).getByRole('link');
    await candidate.waitFor();
    await page.getByRole('tab', { name: '职位与统计' }).click();
    await expectChinese(page, 'round-posts');

    await page.getByRole('tab', { name: '成绩排名' }).click();
    await candidate.click();
    await page.getByText(`${NAMES[1]} ·`).waitFor();
    await page.getByText('当前环节').waitFor();
    await expectChinese(page, 'round-candidate-case');
    const round = await api.round(roundId);
    expect(round.body.rankings['46001'][0]).toMatchObject({ ticket: ticketOf(1), advanced: true });
    const caseId = round.body.rankings['46001'][0].caseId as string;
    expect((await api.view(caseId)).body.stage.id).toBe('physicalExam');
    expect(problems).toEqual([]);
    await close();
  });

  // Goes on from the round the test above took to 体检.
  it('replaces a candidate who withdrew (递补 with a reason), downloads the 体检名单 and closes the round', async () => {
    const ranked = (await api.round(roundId)).body.rankings['46001'] as Array<{ caseId: string; name: string }>;
    const dropout = ranked[0]!;
    expect(dropout.name).toBe(NAMES[1]);
    expect((await api.act(dropout.caseId, 'withdraw', {}, undefined, '考生书面放弃')).status).toBe(200);
    await api.waitForRound(roundId, (round) => round.rankings['46001'][0].caseResult === 'failure');
    const password = await createAccount(stack.baseUrl, 'officer-jiang', '蒋科员', 'hr_officer');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'officer-jiang', password);
    await page.goto(`${stack.baseUrl}/rounds/${roundId}`);

    await page.getByRole('tab', { name: '成绩排名' }).click();
    await page
      .getByRole('row', { name: new RegExp(NAMES[1]!) })
      .getByRole('button', { name: '递补' })
      .click();
    const dialog = page.getByRole('dialog');
    // No reason, no 递补: the button stays disabled until one is written.
    expect(await dialog.getByRole('button', { name: '递补' }).isDisabled()).toBe(true);
    await dialog.getByPlaceholder(/理由（必填）/).fill('体检前书面放弃，依公告递补');
    await expectChinese(page, 'round-substitute');
    await dialog.getByRole('button', { name: '递补' }).click();
    await page.getByText('已递补，递补人选进入体检').waitFor();
    await page
      .getByRole('row', { name: new RegExp(NAMES[0]!) })
      .getByRole('link')
      .waitFor();
    await page.getByText('第1次递补').waitFor();
    await expectChinese(page, 'round-substituted');

    await page.getByRole('button', { name: '下载名单' }).hover();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '体检名单' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`某县${new Date().getFullYear()}年考试录用公务员公告体检名单.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await saved.path());
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells).toContain(NAMES[0]);

    await page.getByRole('button', { name: '结束本批次' }).click();
    await page.getByText('结束后不能再办理本批次的任何事项').waitFor();
    await expectChinese(page, 'round-close');
    await page.getByRole('button', { name: '结束', exact: true }).click();
    await page.getByText('本批次已结束').waitFor();
    await page.getByText('已结束').first().waitFor();
    // The button goes once the round's page has read the closed round again.
    await page.getByRole('button', { name: '结束本批次' }).waitFor({ state: 'detached' });
    expect((await api.round(roundId)).body.round.status).toBe('closed');
    expect(problems).toEqual([]);
    await close();
  });

  it('lets an officer publish a 公告 with its 职位表 from the form', async () => {
    const year = new Date().getFullYear();
    const title = `某县${year}年事业单位公开招聘工作人员公告`;
    const password = await createAccount(stack.baseUrl, 'officer-han', '韩科员', 'hr_officer');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'officer-han', password);
    await page.getByRole('menuitem', { name: '招录批次' }).click();
    await page.getByRole('button', { name: '发布招录公告' }).click();

    // Checked before sending: an empty 职位表 row is marked, nothing reaches the api.
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('必填').first().waitFor();
    await page.getByLabel('公告标题').fill(title);
    await page.getByLabel('渠道').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '教师校园招聘' }).click();
    await page.getByLabel('公告日期').fill(`${year}-03-01`);
    await page.getByLabel('公告日期').press('Enter');
    const registration = page.locator('.ant-picker-range input');
    await registration.first().click();
    await registration.first().fill(`${year}-03-02`);
    await registration.first().press('Enter');
    await registration.last().fill(`${year}-03-09`);
    await registration.last().press('Enter');
    const post = page.locator('.ant-table-row').first().locator('input');
    await post.nth(0).fill('51001');
    await post.nth(1).fill('县第一中学');
    await post.nth(2).fill('高中语文教师');
    await post.nth(3).fill('2');
    await expectChinese(page, 'round-announce-form');
    await page.getByRole('button', { name: '发布' }).click();

    await page.getByText('公告已发布，请审批人审定职位表').waitFor();
    await page.getByText('待审定职位表').first().waitFor();
    await expectChinese(page, 'round-announced');
    const roundId = page.url().split('/rounds/')[1]!;
    const announced = (await api.round(roundId)).body;
    expect(announced.round).toMatchObject({
      title,
      channel: 'campus_teacher',
      announcedOn: `${year}-03-01`,
      terms: { registrationOpensOn: `${year}-03-02`, registrationClosesOn: `${year}-03-09` },
    });
    expect(announced.posts).toEqual([expect.objectContaining({ postCode: '51001', unit: '县第一中学', places: 2 })]);
    expect(problems).toEqual([]);
    await close();
  });
});
