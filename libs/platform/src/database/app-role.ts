/** The login of a postgres:// URL: the role whose privileges `grantAppRole` sets. */
export function roleOfUrl(databaseUrl: string): string {
  const role = decodeURIComponent(new URL(databaseUrl).username);
  if (!role) throw new Error('A database URL must name its login, so that its privileges can be granted');
  return role;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The api's and the worker's login, set after every migration and projection rebuild (both run
 * as the owner, whose new tables the login could not otherwise reach). Least privilege:
 * - every table readable, and the derived or operational ones (read models, identity, imports)
 *   writable: the projector and the api keep them;
 * - the append-only tables (those under the refuse_rewriting_the_log trigger) never updated,
 *   deleted or truncated; `events` and `event_streams` not even inserted into directly, only
 *   through append_events, which checks and hashes each event as its definer, the owner;
 * - no table owned, so no ALTER or DROP; nothing created in the schema.
 * Idempotent: revokes first, then grants, in one transaction of the caller.
 */
export async function grantAppRole(runner: { query(sql: string): Promise<unknown> }, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const appendOnly = (
    (await runner.query(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE p.proname = 'refuse_rewriting_the_log' AND c.relnamespace = 'public'::regnamespace
       ORDER BY 1`,
    )) as Array<{ name: string }>
  ).map((row) => quoteIdent(row.name));
  const throughAppendFunctionOnly = ['events', 'event_streams'].map(quoteIdent);
  const insertable = appendOnly.filter((table) => !throughAppendFunctionOnly.includes(table));
  const statements = [
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE INSERT, UPDATE, DELETE ON schema_migrations, ${[...throughAppendFunctionOnly, ...appendOnly].join(', ')} FROM ${app}`,
    ...(insertable.length > 0 ? [`GRANT INSERT ON ${insertable.join(', ')} TO ${app}`] : []),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `REVOKE USAGE ON SEQUENCE events_global_position_seq FROM ${app}`,
    // Tables the owner creates later (a projection rebuild's shadow tables, swapped in while the
    // api runs) are the login's at once, not only after the next grant.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // A SECURITY DEFINER function is callable by every login unless revoked from PUBLIC.
    'REVOKE EXECUTE ON FUNCTION append_events FROM PUBLIC',
    `GRANT EXECUTE ON FUNCTION append_events TO ${app}`,
  ];
  for (const statement of statements) await runner.query(statement);
}
