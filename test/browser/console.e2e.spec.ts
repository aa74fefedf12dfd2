import type { Browser } from 'playwright-core';
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

/** The officer, approver and auditor work in the console in a real Chromium against the real stack. */
describe('the console in a browser', () => {
  let stack: TestStack;
  let api: ApiClient;
  let browser: Browser;

  beforeAll(async () => ({ stack, api, browser } = await startConsole('console')));
  afterAll(() => stopConsole({ stack, browser }));

  const asAdmin = () => authHeaders(stack.baseUrl, admin);

  const openCampusTeacher = async (name: string) => {
    const opened = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name }, year: 2023 });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };

  it('lets an officer sign in, open a case and take an action through its generated form', async () => {
    const caseId = await openCampusTeacher('陈老师');
    const password = await createAccount(stack.baseUrl, 'officer-wu', '吴科员', 'hr_officer');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await expectChinese(page, 'sign-in');

    await signInFirstTime(page, 'officer-wu', password);
    await page.getByRole('menuitem', { name: '案件办理' }).click();
    await page.getByRole('link', { name: '陈老师' }).waitFor();
    await expectChinese(page, 'cases');
    await page.getByRole('link', { name: '陈老师' }).click();
    await page.getByRole('button', { name: '登记报名' }).click();
    // Checked before sending: the required field is named, nothing reaches the api.
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('请输入报考岗位').waitFor();
    await expectChinese(page, 'action-form');
    await page.getByLabel('报考岗位').fill('语文教师');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已办理：登记报名').waitFor();
    await page.getByRole('button', { name: '登记资格审查结果' }).waitFor();
    await expectChinese(page, 'case');

    const view = await api.view(caseId);
    expect(view.body.stage.id).toBe('qualificationReview');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows an approver who submitted the case the rule that refuses the approval', async () => {
    const caseId = await openCampusTeacher('周老师');
    const submitter = { id: 'officer-zhou', role: 'hr_officer' } as const;
    await api.step(caseId, 'register', { post: '数学教师' }, submitter);
    for (const payload of [
      { outcome: 'pass' },
      { outcome: 'pass', score: 90 },
      { outcome: 'pass' },
      { outcome: 'pass' },
    ]) {
      await api.step(caseId, 'record', payload, submitter);
    }
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    const promoted = await requestJson(`${stack.baseUrl}/users/${submitter.id}`, {
      method: 'PATCH',
      body: { role: 'approver', displayName: '周科长', reason: '任科长' },
      headers: await asAdmin(),
    });
    expect(promoted.status).toBe(200);
    forgetCredentials(stack.baseUrl, submitter.id);
    const firstPassword = newPassword();
    const reset = await requestJson(`${stack.baseUrl}/users/${submitter.id}/password`, {
      body: { password: firstPassword },
      headers: await asAdmin(),
    });
    expect(reset.status).toBeLessThan(300);
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);

    await signInFirstTime(page, submitter.id, firstPassword);
    await page.goto(`${stack.baseUrl}/cases/${caseId}`);
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByLabel('审批意见').fill('同意聘用');
    await page.getByRole('button', { name: '提交' }).click();

    await page.getByText('您提交了本案的审批，不能审批本案').waitFor();
    await page.getByText('无权限').waitFor();
    await expectChinese(page, 'approval-refused');
    expect((await api.view(caseId)).body.stage.id).toBe('approval');
    expect(problems).toEqual([]);
    await close();
  });

  it("lets an auditor open a case's history and see its hash chain verified", async () => {
    const caseId = await openCampusTeacher('林老师');
    await api.step(caseId, 'register', { post: '英语教师' });
    const password = await createAccount(stack.baseUrl, 'auditor-he', '何审计', 'auditor');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);

    await signInFirstTime(page, 'auditor-he', password);
    await page.goto(`${stack.baseUrl}/cases/${caseId}`);
    await page.getByRole('tab', { name: '办理历史' }).click();

    await page.getByText('哈希链校验通过').waitFor();
    await page.getByText('登记报名').or(page.getByText('办理事项')).first().waitFor();
    await expectChinese(page, 'history');
    expect(problems).toEqual([]);
    await close();
  });
});
