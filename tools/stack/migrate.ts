import { migrateAsOwner } from '@talent/platform';

/**
 * `npm run db:migrate`: the engine's migrations as the schema owner (DATABASE_OWNER_URL), then the
 * privileges of DATABASE_URL's login, which the api and the worker use. Run it before starting
 * them (compose's `migrate` job does), so that neither holds the owner's password.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  const appUrl = process.env.DATABASE_URL;
  if (!ownerUrl || !appUrl) {
    throw new Error("Set DATABASE_OWNER_URL (the schema owner's URL) and DATABASE_URL (the api's and worker's login)");
  }
  const applied = await migrateAsOwner(ownerUrl, appUrl);
  console.error(
    applied.length > 0 ? `applied ${applied.length} migrations: ${applied.join(', ')}` : 'no migration was pending',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
