import type { Browser, Page } from 'playwright-core';
import { officeDate, officeYear } from '@talent/domain';
import { type ApiClient, approver, secondOfficer } from '@talent/api-client';
import type { TestStack } from '../support/test-stack';
import {
  createAccount,
  expectChinese,
  openConsolePage,
  signInFirstTime,
  startConsole,
  stopConsole,
} from './console-page';

/** The statistics page in a real Chromium against the real stack: charts drawn, figures traced to events. */
describe('the statistics page in a browser', () => {
  let stack: TestStack;
  let api: ApiClient;
  let browser: Browser;
  const year = officeYear(new Date());

  beforeAll(async () => ({ stack, api, browser } = await startConsole('console-statistics')));
  afterAll(() => stopConsole({ stack, browser }));

  /** A civil servant from 报名 to 报到 today: one recruit of this year, with a stage history behind it. */
  const recruit = async (name: string): Promise<string> => {
    const opened = await api.open({ kind: 'recruitment', channel: 'civil_servant', subject: { name }, year });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    await api.step(caseId, 'register', { post: '县人社局 一级科员' });
    for (const payload of [{ outcome: 'pass' }, { outcome: 'pass', score: 80 }, { outcome: 'pass', score: 86 }]) {
      await api.step(caseId, 'record', payload);
    }
    await api.step(caseId, 'record', { outcome: 'pass' });
    await api.step(caseId, 'record', { outcome: 'pass' }, secondOfficer);
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    const reply = { replyNumber: `市公务员局复〔${year}〕8号`, replyDate: officeDate(new Date()) };
    await api.step(caseId, 'approve', { opinion: '同意录用', ...reply }, approver);
    await api.step(caseId, 'report', { unit: '县人力资源和社会保障局' });
    return caseId;
  };

  /** A chart is drawn when its SVG has a size and shapes in it. */
  const drawn = async (page: Page, chart: string) => {
    const svg = page.getByRole('img', { name: chart }).locator('svg');
    await svg.locator('path').first().waitFor({ state: 'attached' });
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
    expect(await svg.locator('path').count()).toBeGreaterThan(5);
  };

  /** The middle of a chart's tallest bar, found in the page (a string: the specs have no DOM types). */
  const tallestBar = (chart: string) => `(() => {
    let tallest;
    for (const path of document.querySelectorAll('[aria-label="${chart}"] svg path')) {
      const fill = path.getAttribute('fill');
      const box = path.getBoundingClientRect();
      if (!fill || fill === 'none' || box.width < 4 || box.width > 80) continue;
      if (!tallest || box.height > tallest.height) tallest = box;
    }
    return tallest && { x: tallest.x + tallest.width / 2, y: tallest.y + tallest.height / 2 };
  })()`;

  it('draws the year in charts, traces a figure to the events behind it, and goes back in time', async () => {
    const recruited = await recruit('宋一鸣');
    await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name: '韩老师' }, year });
    await api.waitForStatistics(year, (body) => body.recruitment.recruitedByChannel.civil_servant === 1);
    const password = await createAccount(stack.baseUrl, 'auditor-qin', '秦审计', 'auditor');
    const { page, problems, close } = await openConsolePage(browser, stack.baseUrl);
    await signInFirstTime(page, 'auditor-qin', password);

    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await page.getByRole('spinbutton', { name: '年度' }).press('Enter');
    for (const chart of ['各渠道引进人数', '每月立案数', '在办案件', '环节用时']) await drawn(page, chart);
    await page.getByText('（三）广开进贤之路').waitFor();
    await expectChinese(page, 'statistics');

    await page.getByRole('button', { name: '引进人才' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('引进人才：所统计的事件').waitFor();
    await drawer.getByRole('link', { name: recruited }).waitFor();
    await drawer.getByText('公务员招录').first().waitFor();
    await expectChinese(page, 'statistics-facts');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A bar opens the events it counts, as a figure does.
    const bar = await page.evaluate<{ x: number; y: number } | undefined>(tallestBar('各渠道引进人数'));
    expect(bar).toBeDefined();
    await page.mouse.click(bar!.x, bar!.y);
    await drawer.getByText('公务员招录引进人数：所统计的事件').waitFor();
    await drawer.getByRole('link', { name: recruited }).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The report's numbers open the same events: its first is this year's civil servants.
    await page.locator('.annual-report a').first().click();
    await drawer.getByText('报告数字 1：所统计的事件').waitFor();
    await drawer.getByRole('link', { name: recruited }).waitFor();

    await drawer.getByRole('link', { name: recruited }).click();
    await page.waitForURL(`**/cases/${recruited}`);
    await page.getByText('试用期').first().waitFor();
    await expectChinese(page, 'statistics-case');

    await page.goBack();
    await page.getByPlaceholder('请选择日期').fill(`${year}-01-01`);
    await page.getByPlaceholder('请选择日期').press('Enter');
    await page.getByText(`正在查看截至 ${year}-01-01 的统计数字`).waitFor();
    await page.getByRole('button', { name: '引进人才' }).getByText('0', { exact: true }).waitFor();
    await expectChinese(page, 'statistics-as-of');

    expect(problems).toEqual([]);
    await close();
  });
});
