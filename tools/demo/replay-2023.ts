import { accepted, ApiClient, officer } from '@talent/api-client';
import { OfficeAccounts } from './office-accounts';
import { compareRounds, compareWithReport, type Figures2023, runCounty2023 } from './county-2023.scenario';

/** Until every read model has caught up with the events: only then do the figures count everything. */
async function caughtUp(apiUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const health = await fetch(`${apiUrl}/health`).then(
      (response) =>
        response.json() as Promise<{
          details?: { projections?: { projections?: Record<string, { caughtUp: boolean }> } };
        }>,
    );
    const projections = Object.values(health.details?.projections?.projections ?? {});
    if (projections.length > 0 && projections.every((projection) => projection.caughtUp)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The read models did not catch up at ${apiUrl}`);
}

/**
 * Replays the county's 2023 through the public api as the office's accounts (set up by `admin`),
 * prints the annual report it computes and its comparison with the published figures, and says
 * whether every figure matched.
 */
export async function replay2023(apiUrl: string, admin: { id: string; password: string }): Promise<boolean> {
  const accounts = new OfficeAccounts(apiUrl, admin);
  const api = new ApiClient(apiUrl, (who) => accounts.headersFor(who));
  const started = Date.now();
  await runCounty2023(api);
  await caughtUp(apiUrl);
  const figures = await accepted<Figures2023>(api.statistics(2023), 'the statistics of 2023');
  const report = await fetch(`${apiUrl}/reports/annual/2023?format=md`, {
    headers: await accounts.headersFor(officer),
  }).then((response) => response.text());
  console.log(report);
  const rows = compareWithReport(figures);
  console.log('| 数字 | 报告 | 引擎计算 |\n| --- | ---: | ---: |');
  for (const row of rows)
    console.log(`| ${row.figure} | ${row.reported} | ${row.computed}${row.reported === row.computed ? '' : ' ✗'} |`);
  const rounds = compareRounds(figures);
  console.log('\n| 招录批次 | 录入 | 引擎计算 |\n| --- | ---: | ---: |');
  for (const row of rounds)
    console.log(`| ${row.figure} | ${row.entered} | ${row.computed}${row.entered === row.computed ? '' : ' ✗'} |`);
  console.log(`\n2023 replayed in ${Math.round((Date.now() - started) / 1000)} s`);
  return rows.every((row) => row.reported === row.computed) && rounds.every((row) => row.entered === row.computed);
}

/** The api's refusal of a date before its backdating limit, as a person starting the stack can fix it. */
export function explained(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes('BACKDATED_TOO_FAR') ? `${message}\nStart the stack with BACKDATE_LIMIT_DAYS=2000.` : message;
}
