import { accepted, ApiClient, officer } from '@talent/api-client';
import { OfficeAccounts } from './office-accounts';
import { compareRounds, compareWithReport, type Figures2023, runCounty2023 } from './county-2023.scenario';

/**
 * `npm run demo:2023`: replays the county's 2023 through the public api of a running stack (its
 * recruits through three rounds, each 转正 a year after 报到, so in 2024), then prints the annual
 * report it computes and checks it against the published figures. Start the stack so that
 * 2022–2024 facts may be entered:
 *   BACKDATE_LIMIT_DAYS=2000 API_RATE_LIMIT_PER_MINUTE=6000 npm start
 * on an empty data directory (a second run is refused: its rounds' ids are taken). The rate limit
 * only makes it quicker: the api client waits out 429s, as any client should.
 */
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';

async function caughtUp(): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const health = await fetch(`${API}/health`).then(
      (response) =>
        response.json() as Promise<{
          details?: { projections?: { projections?: Record<string, { caughtUp: boolean }> } };
        }>,
    );
    const projections = Object.values(health.details?.projections?.projections ?? {});
    if (projections.length > 0 && projections.every((projection) => projection.caughtUp)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The read models did not catch up at ${API}`);
}

async function main(): Promise<void> {
  const adminId = process.env.ADMIN_ID;
  const adminPassword = process.env.ADMIN_PASSWORD;
  if (!adminId || !adminPassword) {
    throw new Error(
      'Set ADMIN_ID and ADMIN_PASSWORD to an admin of the running stack (npm run admin:bootstrap creates the first); ' +
        'the demo signs in as it to set up the officers it acts as.',
    );
  }
  const accounts = new OfficeAccounts(API, { id: adminId, password: adminPassword });
  const api = new ApiClient(API, (who) => accounts.headersFor(who));
  const started = Date.now();
  await runCounty2023(api);
  await caughtUp();
  const figures = await accepted<Figures2023>(api.statistics(2023), 'the statistics of 2023');
  const report = await fetch(`${API}/reports/annual/2023?format=md`, {
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
  if (rows.some((row) => row.reported !== row.computed) || rounds.some((row) => row.entered !== row.computed)) {
    console.error('The computed figures differ from the report.');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.includes('BACKDATED_TOO_FAR') ? `${message}\nStart the stack with BACKDATE_LIMIT_DAYS=2000.` : message,
  );
  process.exit(1);
});
