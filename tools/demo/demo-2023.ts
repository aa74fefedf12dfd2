import { explained, replay2023 } from './replay-2023';

/**
 * `npm run demo:2023`: replays the county's 2023 through the public api of a running stack (its
 * recruits through three rounds, each 转正 a year after 报到, so in 2024), then prints the annual
 * report it computes and checks it against the published figures. Start the stack so that
 * 2022–2024 facts may be entered:
 *   BACKDATE_LIMIT_DAYS=2000 API_RATE_LIMIT_PER_MINUTE=6000 npm start
 * on an empty data directory (a second run is refused: its rounds' ids are taken). The rate limit
 * only makes it quicker: the api client waits out 429s, as any client should. `npm run demo` does
 * all of this, and the accounts, in one command.
 */
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';

async function main(): Promise<void> {
  const adminId = process.env.ADMIN_ID;
  const adminPassword = process.env.ADMIN_PASSWORD;
  if (!adminId || !adminPassword) {
    throw new Error(
      'Set ADMIN_ID and ADMIN_PASSWORD to an admin of the running stack (npm run admin:bootstrap creates the first); ' +
        'the demo signs in as it to set up the officers it acts as.',
    );
  }
  if (!(await replay2023(API, { id: adminId, password: adminPassword }))) {
    console.error('The computed figures differ from the report.');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(explained(error));
  process.exit(1);
});
