import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { admin, type ApiClient, requestJson } from '@talent/api-client';
import { authHeaders, forgetCredentials, newPassword } from '../support/identities';
import type { TestStack } from '../support/test-stack';
import {
  createAccount,
  expectChinese,
  openConsolePage,
  signInFirstTime,
  startConsole,
  stopConsole,
} from './console-page';

/** Each role's home in a real Chromium against the real stack, and the admin's pages. */
describe('the role homes in a browser', () => {
  let stack: TestStack;
  let api: ApiClient;
  let browser: Browser;

  beforeAll(async () => ({ stack, api, browser } = await startConsole('console-homes')));
  afterAll(() => stopConsole({ stack, browser }));

  /** The test stack's first admin is named in English: words a person typed, not console text. */
  const STACK_ADMIN_NAME = ['Test', 'admin'];
  const requestJsonAs = async (path: string) =>
    requestJson(`${stack.baseUrl}${path}`, { headers: await authHeaders(stack.baseUrl, admin) });

  const openCampusTeacher = async (name: string) => {
    const opened = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name }, year: 2023 });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };

  /** Picks an option of the antd Select labelled `label`, as a person clicks it open and chooses. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label).click();
    await page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  };

  it('lets an admin create a user and open the year’s plan, then see its figures', async () => {
    const password = await createAccount(stack.baseUrl, 'admin-zhao', '赵管理员', 'admin');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'admin-zhao', password);

    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByLabel('账号').fill('officer-sun');
    await page.getByLabel('姓名').fill('孙科员');
    await choose(page, '角色', '经办人');
    await page.getByLabel('初始密码').fill(`${password}-sun`);
    await expectChinese(page, 'admin-user-create', STACK_ADMIN_NAME);
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建用户：孙科员').waitFor();
    await page.getByRole('row', { name: /officer-sun.*孙科员.*经办人.*待设置密码/ }).waitFor();
    await expectChinese(page, 'admin-users', STACK_ADMIN_NAME);
    // The same id again: the rule, in Chinese, stays in the form.
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByLabel('账号').fill('officer-sun');
    await page.getByLabel('姓名').fill('另一位孙科员');
    await choose(page, '角色', '审计人员');
    await page.getByLabel('初始密码').fill(`${password}-sun2`);
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('该账号或系统标识已被使用，请换一个。').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await page
      .getByRole('row', { name: /officer-sun/ })
      .getByRole('button', { name: '修改角色或状态' })
      .click();
    await choose(page, '角色', '审批人');
    await page.getByLabel('理由').fill('任科长');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('row', { name: /officer-sun.*孙科员.*审批人/ }).waitFor();

    await page.getByRole('menuitem', { name: '年度计划' }).click();
    const year = new Date().getFullYear();
    await page.getByText(`${year}年度尚未建立计划`).waitFor();
    await page.getByLabel('高层次人才编制').fill('12');
    await page.getByLabel('紧缺型人才编制').fill('8');
    await page.getByLabel('专项资金（元）').fill('3000000');
    await page.getByRole('button', { name: '建立计划' }).click();
    await page.getByText('高层次人才编制', { exact: true }).waitFor();
    await page.getByText('3,000,000 元').first().waitFor();
    await expectChinese(page, 'admin-plan');

    expect((await requestJsonAs(`/users/officer-sun`)).body).toMatchObject({ role: 'approver' });
    expect((await api.plan(year)).body).toMatchObject({
      quotas: { high_level_talent: { total: 12 }, shortage_talent: { total: 8 } },
      fund: { totalCny: 3_000_000 },
    });
    expect(problems).toEqual([]);
    await close();
  });

  it('lets an admin register another system, issue it a key shown once, and revoke it', async () => {
    const password = await createAccount(stack.baseUrl, 'admin-qin', '秦管理员', 'admin');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'admin-qin', password);

    await page.getByRole('menuitem', { name: '对接系统' }).click();
    await page.getByRole('button', { name: '登记对接系统' }).click();
    await page.getByLabel('系统标识').fill('hr-system');
    await page.getByLabel('名称').fill('县人事管理系统');
    await choose(page, '可办理类别', '招聘引进');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('已登记：县人事管理系统').waitFor();
    await page
      .getByRole('row', { name: /hr-system/ })
      .getByRole('button')
      .first()
      .click();
    await page.getByPlaceholder(/密钥用途/).fill('人事系统正式环境');
    await page.getByRole('button', { name: '签发密钥' }).click();
    await page.getByText('仅显示这一次').waitFor();
    const key = (await page.locator('.ant-alert-description').first().innerText()).trim();
    await expectChinese(page, 'admin-clients');

    const opened = await requestJson(`${stack.baseUrl}/cases`, {
      body: { kind: 'recruitment', channel: 'campus_teacher', subject: { name: '许老师' }, year: 2023 },
      headers: { 'x-api-key': key },
    });
    expect(opened.status).toBe(201);
    await page.getByRole('button', { name: '吊销' }).click();
    await page.getByText('密钥已吊销').waitFor();
    const refused = await requestJson(`${stack.baseUrl}/cases?limit=1`, { headers: { 'x-api-key': key } });
    expect(refused.status).toBe(401);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows an officer their own overdue cases first on the home page', async () => {
    const feng = { id: 'officer-feng', role: 'hr_officer' } as const;
    const open = async (name: string, by?: typeof feng) => {
      const opened = await api.open(
        { kind: 'recruitment', channel: 'campus_teacher', subject: { name }, year: 2023 },
        by,
      );
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      await api.step(caseId, 'register', { post: '历史教师' }, by);
      return caseId;
    };
    const own = await open('郑老师', feng);
    const colleagues = await open('吕老师');
    // A day lasts 50 ms here: both cases pass their 资格审查 deadline (15 days) while the officer waits.
    await api.waitForList('overdue=true&status=open', own);
    await api.waitForList('overdue=true&status=open', colleagues);
    // The account the api client made for feng gets a first password the browser can use.
    forgetCredentials(stack.baseUrl, feng.id);
    const firstPassword = newPassword();
    const reset = await requestJson(`${stack.baseUrl}/users/${feng.id}/password`, {
      body: { password: firstPassword },
      headers: await authHeaders(stack.baseUrl, admin),
    });
    expect(reset.status).toBe(204);
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);

    await signInFirstTime(page, feng.id, firstPassword);
    await page.getByRole('heading', { name: '已超期（1）' }).waitFor();
    const firstRow = page.locator('.ant-table-row').first();
    await firstRow.getByRole('link', { name: '郑老师' }).waitFor();
    await firstRow.getByText('超期', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: '吕老师' }).count()).toBe(0);
    await expectChinese(page, 'home-officer');
    expect(problems).toEqual([]);
    await close();
  });

  it('lets an officer open a new case from the console and work it', async () => {
    const password = await createAccount(stack.baseUrl, 'officer-chu', '褚科员', 'hr_officer');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'officer-chu', password);

    await page.getByRole('button', { name: '新建案件' }).click();
    // Checked before sending: the missing channel and name are named, nothing reaches the api.
    await page.getByRole('button', { name: '立案' }).click();
    await page.getByText('请选择渠道').waitFor();
    await page.getByText('请输入姓名').waitFor();
    await expectChinese(page, 'case-create');
    await choose(page, '渠道', '教师校园招聘');
    await page.getByLabel('姓名').fill('卫老师');
    await page.getByRole('button', { name: '立案' }).click();
    await page.getByText('卫老师 ·').waitFor();
    await page.getByRole('button', { name: '登记报名' }).waitFor();
    await expectChinese(page, 'case-created');

    const caseId = page.url().split('/cases/')[1]!;
    expect((await api.view(caseId)).body.state.opened).toMatchObject({
      channel: 'campus_teacher',
      year: new Date().getFullYear(),
    });
    expect(problems).toEqual([]);
    await close();
  });

  it("lists a case waiting for approval on the approver's home", async () => {
    const caseId = await openCampusTeacher('蒋老师');
    await api.step(caseId, 'register', { post: '物理教师' });
    for (const payload of [
      { outcome: 'pass' },
      { outcome: 'pass', score: 88 },
      { outcome: 'pass' },
      { outcome: 'pass' },
    ]) {
      await api.step(caseId, 'record', payload);
    }
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    await api.waitForList('stageKind=approval', caseId);
    const password = await createAccount(stack.baseUrl, 'approver-shen', '沈科长', 'approver');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);

    await signInFirstTime(page, 'approver-shen', password);
    await page.getByRole('heading', { name: /待审批案件/ }).waitFor();
    await page.getByRole('link', { name: '蒋老师' }).waitFor();
    // The 公示 ended by itself: who submitted the case is the officer who sent it into the notice.
    await page
      .getByRole('row', { name: /蒋老师/ })
      .getByText('officer-wang', { exact: true })
      .waitFor();
    await expectChinese(page, 'home-approver');
    await page.getByRole('link', { name: '蒋老师' }).click();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor();
    // Whose work the approver decides on: the officer who sent the case on, whom 四眼原则 keeps from approving it.
    await page
      .getByRole('row', { name: /提交审批人/ })
      .getByText('officer-wang（经办人）')
      .waitFor();
    await expectChinese(page, 'case-approval');
    expect(problems).toEqual([]);
    await close();
  });

  it('lets an auditor find a case by name and a round by its 公告, verify the store and download the signed history', async () => {
    const caseId = await openCampusTeacher('韩老师');
    await api.step(caseId, 'register', { post: '化学教师' });
    await api.waitForList('name=%E9%9F%A9', caseId);
    const year = new Date().getFullYear();
    const announced = await api.announceRound({
      roundId: `jsz-audit-${year}`,
      year,
      channel: 'campus_teacher',
      title: `某县${year}年校园直招教师公告`,
      announcedOn: `${year}-01-02`,
      registrationOpensOn: `${year}-01-03`,
      registrationClosesOn: `${year}-01-10`,
      posts: [{ code: '47001', unit: '县第一中学', title: '化学教师', places: 1 }],
      method: 'assessment',
      tieRules: [],
      substitution: { maxPerPost: 1, untilStage: 'inspection' },
    });
    expect(announced.status).toBe(201);
    const password = await createAccount(stack.baseUrl, 'auditor-yang', '杨审计', 'auditor');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);

    await signInFirstTime(page, 'auditor-yang', password);
    await page.getByRole('button', { name: '核验全部记录' }).click();
    await page.getByText(/^核验通过：/).waitFor();
    await page.getByPlaceholder('按姓名查询案件').fill('韩');
    await page.getByPlaceholder('按姓名查询案件').press('Enter');
    await page.getByPlaceholder('按公告标题或编号查询招录批次').fill('校园直招');
    await page.getByPlaceholder('按公告标题或编号查询招录批次').press('Enter');
    await page.getByRole('link', { name: `某县${year}年校园直招教师公告` }).waitFor();
    await expectChinese(page, 'home-auditor');
    await page.getByRole('link', { name: '韩老师' }).click();
    await page.getByRole('tab', { name: '办理历史' }).click();
    await page.getByText('哈希链校验通过').waitFor();
    await expectChinese(page, 'history-export');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载签名的办理历史' }).click();
    const file = await (await download).path();

    const exported = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain(caseId);
    expect(problems).toEqual([]);
    await close();
  });
});
