import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Browser, chromium as playwright, type Page } from 'playwright-core';
import { admin, type ApiClient, requestJson } from '@talent/api-client';
import { authHeaders, newPassword } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

/** Screenshots of every page a spec visits, for a person to look at; git ignores the folder. */
export const ARTEFACTS = join(__dirname, '../../artefacts/console');

const UNPACK_CHROMIUM = `
import chromium from '@sparticuz/chromium';
process.stdout.write(JSON.stringify({ executablePath: await chromium.executablePath(), args: chromium.args }));
`;

/**
 * The Chromium that @sparticuz/chromium ships, unpacked on first use. It is an ES module, which
 * Jest's module system cannot load, so a child process unpacks it and names the binary.
 */
export async function launchBrowser(): Promise<Browser> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', UNPACK_CHROMIUM]);
  const { executablePath, args } = JSON.parse(stdout) as { executablePath: string; args: string[] };
  // Made for one page per function call, it runs single-process: the browser would end with its first context.
  return playwright.launch({ executablePath, args: args.filter((arg) => arg !== '--single-process'), headless: true });
}

/**
 * A page at 1366×768 that remembers every console error, uncaught exception and server error.
 * A 4xx is an answer the console shows (a refusal), which Chromium also logs: those are expected.
 */
export async function openConsolePage(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`server: ${response.status()} ${response.url()}`);
  });
  await page.goto(baseUrl);
  return { page, problems, close: () => context.close() };
}

/** Ids and codes may be Latin (officer-wang, 2023, APPROVER_IS_SUBMITTER); words may not. */
const ALLOWED = /^[\p{L}\p{N}]*[\d_-][\p{L}\p{N}_-]*$|^[A-Z][A-Z_]+$/u;

/** Runs in the page; a string because the specs' TypeScript program has no DOM types. */
const VISIBLE_TEXTS = `(() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && parent.getClientRects().length > 0 && getComputedStyle(parent).visibility !== 'hidden') {
      found.push(node.textContent ?? '');
    }
  }
  document.querySelectorAll('[placeholder]').forEach((element) => found.push(element.getAttribute('placeholder')));
  return found;
})()`;

/** Every visible text and placeholder in English words, which a zh-CN console must not show. */
export async function englishOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(VISIBLE_TEXTS);
  return texts
    .flatMap((text) => text.split(/[\s，。：；（）、()·:;,.]+/))
    .filter((token) => /[A-Za-z]{3,}/.test(token) && !ALLOWED.test(token));
}

export async function capture(page: Page, name: string): Promise<void> {
  await mkdir(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, userId: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(userId);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** What a person does the first time: sign in, choose a password, sign in with it. */
export async function signInFirstTime(page: Page, userId: string, firstPassword: string): Promise<void> {
  await signIn(page, userId, firstPassword);
  await page.getByText('请先设置自己的密码').waitFor();
  await capture(page, 'change-password');
  const own = newPassword();
  await page.getByLabel('当前密码').fill(firstPassword);
  await page.getByLabel('新密码', { exact: true }).fill(own);
  await page.getByLabel('再次输入新密码').fill(own);
  await page.getByRole('button', { name: '确认修改' }).click();
  await signIn(page, userId, own);
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** An account as an admin makes it: the first password is the admin's, to be replaced at first sign-in. */
export async function createAccount(baseUrl: string, id: string, displayName: string, role: string): Promise<string> {
  const password = newPassword();
  const created = await requestJson(`${baseUrl}/users`, {
    body: { id, displayName, role, password },
    headers: await authHeaders(baseUrl, admin),
  });
  if (created.status !== 201) throw new Error(`creating ${id}: ${created.status} ${JSON.stringify(created.body)}`);
  return password;
}

/** The stack, its api client and a browser that one spec file's tests share. */
export interface ConsoleUnderTest {
  stack: TestStack;
  api: ApiClient;
  browser: Browser;
}

/** Starts a stack of its own (50 ms days) and a browser, once the console is built. */
export async function startConsole(name: string): Promise<ConsoleUnderTest> {
  if (!existsSync(join(__dirname, '../../dist/console/index.html'))) {
    throw new Error('The console is not built: run `npm run build:console` (npm test does).');
  }
  const stack = await startTestStack(name, { CASE_DAY_SECONDS: '0.05' });
  return { stack, api: stack.client, browser: await launchBrowser() };
}

export async function stopConsole(running: Partial<ConsoleUnderTest>): Promise<void> {
  await running.browser?.close();
  await running.stack?.close();
}

/**
 * Saves a screenshot of the page and fails on English words in it, but for `typed`: words a
 * person entered (names, ids), which are data, not the console's text.
 */
export async function expectChinese(page: Page, name: string, typed: string[] = []): Promise<void> {
  await capture(page, name);
  expect((await englishOnPage(page)).filter((word) => !typed.includes(word))).toEqual([]);
}
