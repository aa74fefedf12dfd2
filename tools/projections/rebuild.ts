import { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { grantAppRole, roleOfUrl } from '@talent/platform';
import { allProjections, rebuildProjections } from '@talent/projections';

/**
 * `npm run projections:rebuild -- [name ...]`: rebuilds the named projections (all when none is
 * named) from the start of the store, on a running system: the live tables stay readable and
 * are swapped for the rebuilt ones at the end. Needs DATABASE_URL and, where the engine works as
 * an app login, DATABASE_OWNER_URL.
 */
async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !allProjections.some((projection) => projection.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown projection ${unknown.join(', ')}; known: ${allProjections.map((projection) => projection.name).join(', ')}`,
    );
  }
  const selected = names.length === 0 ? allProjections : allProjections.filter((p) => names.includes(p.name));
  const appUrl = process.env.DATABASE_URL;
  if (!appUrl) throw new Error('DATABASE_URL is required: the engine database whose projections to rebuild');
  // A rebuild creates and drops tables: the owner's work, after which the app login is granted
  // the new ones. Without DATABASE_OWNER_URL, DATABASE_URL's login owns the schema itself.
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  const pool = new Pool({ connectionString: ownerUrl ?? appUrl, max: 4 });
  try {
    const store = new PostgresEventStore(pool);
    let lastReport = 0;
    const total = await rebuildProjections(pool, store, selected, {
      onProgress: (progress) => {
        if (progress.done || Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          console.error(
            `${progress.projections.join(', ')}: ${progress.eventsApplied.toLocaleString('en-US')} events, ` +
              `${Math.round(progress.eventsPerSecond).toLocaleString('en-US')}/s${progress.done ? ', swapping in' : ''}`,
          );
        }
      },
    });
    if (ownerUrl) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await grantAppRole(client, roleOfUrl(appUrl));
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
    console.error(
      `rebuilt ${selected.map((projection) => projection.name).join(', ')} from ${total.toLocaleString('en-US')} events`,
    );
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
