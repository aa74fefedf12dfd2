import type { Pool, PoolClient } from 'pg';
import { type Actor, type CaseKind, type Role, toPrincipalStreamId } from '@talent/domain';
import type { PostgresEventStore } from '@talent/event-store';
import { newApiKey, parseApiKey, secretMatches } from './api-keys';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import {
  caseKindsProblem,
  IdentityError,
  OFFICER_ROLES,
  type Principal,
  PRINCIPAL_ID_PATTERN,
  type PrincipalKind,
} from './principal';

interface PrincipalRow {
  id: string;
  kind: PrincipalKind;
  display_name: string;
  role: Role;
  case_kinds: CaseKind[] | null;
  password_hash: string | null;
  disabled_at: Date | null;
  credentials_changed_at: Date;
  credentials_version: number;
  password_change_required: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
}

export interface NewPrincipal {
  id: string;
  displayName: string;
  role: Role;
  /**
   * Officers only: their first password. The admin who chose it knows it, so the officer must
   * replace it before doing anything else (but the first admin, who chose their own).
   */
  password?: string;
  /** API clients only. */
  caseKinds?: CaseKind[];
}

export interface PrincipalChanges {
  displayName?: string;
  role?: Role;
  caseKinds?: CaseKind[];
  disabled?: boolean;
}

export interface ApiKeyView {
  keyId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A page of a list in order of id: `afterId` is the previous page's last. */
export interface PageRequest {
  limit: number;
  afterId?: string;
}

export interface Page<T> {
  items: T[];
  /** Whether a page follows this one. */
  more: boolean;
}

interface ApiKeyRow {
  key_id: string;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const API_KEY_COLUMNS = 'key_id, name, created_at, revoked_at, last_used_at';

// Serialises every change to identities, so that "keep one admin" cannot be raced past. An
// advisory lock rather than SELECT … FOR UPDATE: a row lock would give the transaction its id
// before the event append, which must be its first write.
const IDENTITY_LOCK_KEY = 0x6964656e74; // "ident"
// Recording every use would make each request a write; a minute's precision is what admins need.
const LAST_USED_PRECISION = "interval '1 minute'";

const toApiKeyView = (row: ApiKeyRow): ApiKeyView => ({
  keyId: row.key_id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

// One row more than asked for says whether another page follows.
const pageOf = <T>(rows: T[], limit: number): Page<T> => ({ items: rows.slice(0, limit), more: rows.length > limit });

const toPrincipal = (row: PrincipalRow): Principal => ({
  id: row.id,
  kind: row.kind,
  displayName: row.display_name,
  role: row.role,
  caseKinds: row.case_kinds,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at.toISOString(),
  credentialsChangedAt: row.credentials_changed_at.toISOString(),
  credentialsVersion: row.credentials_version,
  passwordChangeRequired: row.password_change_required,
  lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
});

/**
 * Users and API clients in PostgreSQL. Each change is appended to the principal's event stream
 * in the same transaction as the row it changes, so the audit trail and the state never differ.
 */
export class PrincipalStore {
  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  create(input: NewPrincipal, by: Actor, reason?: string): Promise<Principal> {
    return this.insert(input, by, reason, { passwordChangeRequired: input.password !== undefined });
  }

  /** The first admin, from the bootstrap command: refused once any admin exists. */
  createFirstAdmin(input: Omit<NewPrincipal, 'role' | 'caseKinds'>, by: Actor): Promise<Principal> {
    return this.insert({ ...input, role: 'admin' }, by, 'first admin, created by the bootstrap command', {
      // Whoever runs the bootstrap command types the password themselves: nobody else knows it.
      passwordChangeRequired: false,
      precondition: async (client) => {
        const { rows } = await client.query<{ id: string }>("SELECT id FROM principals WHERE role = 'admin' LIMIT 1");
        if (rows.length > 0) {
          throw new IdentityError(
            'FIRST_ADMIN_EXISTS',
            `An admin (${rows[0]!.id}) already exists; admins create further users through the api (POST /users)`,
          );
        }
      },
    });
  }

  private async insert(
    input: NewPrincipal,
    by: Actor,
    reason: string | undefined,
    options: { passwordChangeRequired: boolean; precondition?: (client: PoolClient) => Promise<void> },
  ): Promise<Principal> {
    const kind: PrincipalKind = input.role === 'api_client' ? 'api_client' : 'officer';
    const problem = this.newPrincipalProblem(input, kind);
    if (problem) throw new IdentityError('INVALID_PRINCIPAL', problem);
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.change(input.id, async (client, existing) => {
      await options.precondition?.(client);
      if (existing) throw new IdentityError('PRINCIPAL_EXISTS', `A user or API client ${input.id} already exists`);
      const caseKinds = kind === 'api_client' ? [...new Set(input.caseKinds)] : null;
      const { passwordChangeRequired } = options;
      await this.append(client, input.id, by, reason, {
        type: 'PrincipalCreated',
        data: {
          kind,
          displayName: input.displayName,
          role: input.role,
          caseKinds,
          ...(kind === 'officer' && { passwordChangeRequired }),
        },
      });
      const { rows } = await client.query<PrincipalRow>(
        `INSERT INTO principals
           (id, kind, display_name, role, case_kinds, password_hash, password_change_required, credentials_changed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now()) RETURNING *`,
        [input.id, kind, input.displayName, input.role, caseKinds, passwordHash, passwordChangeRequired],
      );
      return toPrincipal(rows[0]!);
    });
  }

  async get(id: string): Promise<Principal> {
    const row = await this.row(this.pool, id);
    if (!row) throw new IdentityError('PRINCIPAL_NOT_FOUND', `No user or API client ${id}`);
    return toPrincipal(row);
  }

  /** The principal a token names, if it still may act: enabled, and its credentials still of `version`. */
  async activeAt(id: string, version: number): Promise<Principal | undefined> {
    const row = await this.row(this.pool, id);
    if (!row || row.disabled_at || row.credentials_version !== version) return undefined;
    return toPrincipal(row);
  }

  async list(kind: PrincipalKind, page: PageRequest): Promise<Page<Principal>> {
    const { rows } = await this.pool.query<PrincipalRow>(
      'SELECT * FROM principals WHERE kind = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3',
      [kind, page.afterId ?? null, page.limit + 1],
    );
    return pageOf(rows.map(toPrincipal), page.limit);
  }

  async update(id: string, changes: PrincipalChanges, by: Actor, reason?: string): Promise<Principal> {
    return this.change(id, async (client, existing) => {
      if (!existing) throw new IdentityError('PRINCIPAL_NOT_FOUND', `No user or API client ${id}`);
      const problem = this.changesProblem(existing, changes);
      if (problem) throw new IdentityError('INVALID_PRINCIPAL', problem);
      const losesAdmin =
        existing.role === 'admin' &&
        !existing.disabled_at &&
        ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
      if (losesAdmin) await this.refuseLastAdmin(client, id);
      await this.append(client, id, by, reason, { type: 'PrincipalChanged', data: { ...changes } });
      // A new role or a disabled account ends every token issued before it.
      const revokesTokens = (changes.role !== undefined && changes.role !== existing.role) || changes.disabled === true;
      const { rows } = await client.query<PrincipalRow>(
        `UPDATE principals SET
           display_name = coalesce($2, display_name),
           role = coalesce($3, role),
           case_kinds = coalesce($4, case_kinds),
           disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at WHEN $5 THEN coalesce(disabled_at, now()) END,
           credentials_changed_at = CASE WHEN $6 THEN now() ELSE credentials_changed_at END,
           credentials_version = credentials_version + CASE WHEN $6 THEN 1 ELSE 0 END
         WHERE id = $1 RETURNING *`,
        [
          id,
          changes.displayName ?? null,
          changes.role ?? null,
          changes.caseKinds ? [...new Set(changes.caseKinds)] : null,
          changes.disabled ?? null,
          revokesTokens,
        ],
      );
      return toPrincipal(rows[0]!);
    });
  }

  /**
   * An admin sets an officer's password (a forgotten one); older tokens end. The admin knows the
   * new password, so unless it is their own the officer must change it before doing anything else.
   */
  async setPassword(id: string, password: string, by: Actor): Promise<void> {
    const problem = passwordProblem(password, id);
    if (problem) throw new IdentityError('INVALID_PRINCIPAL', problem);
    await this.writePassword(id, password, by, by.id !== id);
  }

  /**
   * The officer replaces their own password, proving the current one; clears a required change
   * and ends older tokens. False when `currentPassword` is not (or, by the time of the write, no
   * longer) the current password.
   */
  async changeOwnPassword(id: string, currentPassword: string, newPassword: string): Promise<boolean> {
    const problem =
      passwordProblem(newPassword, id) ??
      (newPassword === currentPassword ? 'newPassword must differ from the current password' : undefined);
    if (problem) throw new IdentityError('INVALID_PRINCIPAL', problem);
    const proven = await this.provenRow(id, currentPassword);
    if (!proven) return false;
    return this.writePassword(id, newPassword, { id, role: proven.role }, false, proven.credentials_version);
  }

  /**
   * `expectedVersion`: the credentials version a proof of the old password was made at; if they
   * changed since (a reset by an admin meanwhile), nothing is written and the answer is false.
   */
  private async writePassword(
    id: string,
    password: string,
    by: Actor,
    changeRequired: boolean,
    expectedVersion?: number,
  ): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    return this.change(id, async (client, existing) => {
      if (!existing) throw new IdentityError('PRINCIPAL_NOT_FOUND', `No user or API client ${id}`);
      if (existing.kind !== 'officer') {
        throw new IdentityError('INVALID_PRINCIPAL', `${id} is an API client; API clients use keys, not passwords`);
      }
      if (expectedVersion !== undefined && existing.credentials_version !== expectedVersion) return false;
      await this.append(client, id, by, undefined, {
        type: 'PasswordChanged',
        data: { by: by.id === id ? 'self' : 'admin', changeRequired },
      });
      await client.query(
        `UPDATE principals SET password_hash = $2, password_change_required = $3,
           credentials_changed_at = now(), credentials_version = credentials_version + 1
         WHERE id = $1`,
        [id, passwordHash, changeRequired],
      );
      return true;
    });
  }

  /** The officer whose password this is, or undefined, in the same time whether or not the id exists. */
  async checkPassword(id: string, password: string): Promise<Principal | undefined> {
    const row = await this.provenRow(id, password);
    if (!row) return undefined;
    // Only if nothing changed while the hash was checked: a password reset or a disabling in
    // those milliseconds must not hand out a token of the new credentials version.
    const { rows } = await this.pool.query<PrincipalRow>(
      `UPDATE principals SET last_sign_in_at = now()
       WHERE id = $1 AND credentials_version = $2 AND disabled_at IS NULL RETURNING *`,
      [id, row.credentials_version],
    );
    return rows[0] && toPrincipal(rows[0]);
  }

  /** The enabled officer's row if `password` is theirs, checked in the same time whether or not the id exists. */
  private async provenRow(id: string, password: string): Promise<PrincipalRow | undefined> {
    const row = PRINCIPAL_ID_PATTERN.test(id) ? await this.row(this.pool, id) : undefined;
    const valid = await verifyPassword(row?.password_hash ?? undefined, password);
    return valid && row && !row.disabled_at ? row : undefined;
  }

  async issueApiKey(principalId: string, name: string, by: Actor): Promise<ApiKeyView & { key: string }> {
    const key = newApiKey();
    return this.change(principalId, async (client, existing) => {
      if (!existing) throw new IdentityError('PRINCIPAL_NOT_FOUND', `No API client ${principalId}`);
      if (existing.kind !== 'api_client') {
        throw new IdentityError('INVALID_PRINCIPAL', `${principalId} is an officer; only API clients hold keys`);
      }
      await this.append(client, principalId, by, undefined, { type: 'ApiKeyIssued', data: { keyId: key.keyId, name } });
      const { rows } = await client.query<{ created_at: Date }>(
        `INSERT INTO api_keys (key_id, principal_id, name, secret_hash, created_at)
         VALUES ($1, $2, $3, $4, now()) RETURNING created_at`,
        [key.keyId, principalId, name, key.secretHash],
      );
      return {
        keyId: key.keyId,
        name,
        key: key.secret,
        createdAt: rows[0]!.created_at.toISOString(),
        revokedAt: null,
        lastUsedAt: null,
      };
    });
  }

  async revokeApiKey(principalId: string, keyId: string, by: Actor, reason?: string): Promise<ApiKeyView> {
    return this.change(principalId, async (client) => {
      const { rows } = await client.query<ApiKeyRow>(
        `SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE key_id = $1 AND principal_id = $2`,
        [keyId, principalId],
      );
      const key = rows[0];
      if (!key) throw new IdentityError('API_KEY_NOT_FOUND', `${principalId} has no key ${keyId}`);
      // Revoking twice is not an error and records nothing new.
      if (key.revoked_at) return toApiKeyView(key);
      await this.append(client, principalId, by, reason, { type: 'ApiKeyRevoked', data: { keyId } });
      const revoked = await client.query<ApiKeyRow>(
        `UPDATE api_keys SET revoked_at = now() WHERE key_id = $1 RETURNING ${API_KEY_COLUMNS}`,
        [keyId],
      );
      return toApiKeyView(revoked.rows[0]!);
    });
  }

  /** An API client's keys, revoked ones included, never the secrets. */
  async listApiKeys(principalId: string, page: PageRequest): Promise<Page<ApiKeyView>> {
    const { rows } = await this.pool.query<ApiKeyRow>(
      `SELECT ${API_KEY_COLUMNS} FROM api_keys
       WHERE principal_id = $1 AND ($2::text IS NULL OR key_id > $2) ORDER BY key_id LIMIT $3`,
      [principalId, page.afterId ?? null, page.limit + 1],
    );
    return pageOf(rows.map(toApiKeyView), page.limit);
  }

  /** The API client holding `key`, if the key is well formed, known, not revoked and its client enabled. */
  async authenticateApiKey(key: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(key);
    if (!parsed) return undefined;
    const { rows } = await this.pool.query<PrincipalRow & { secret_hash: Buffer; last_use_stale: boolean }>(
      `SELECT p.*, k.secret_hash,
              (k.last_used_at IS NULL OR k.last_used_at < now() - ${LAST_USED_PRECISION}) AS last_use_stale
       FROM api_keys k JOIN principals p ON p.id = k.principal_id
       WHERE k.key_id = $1 AND k.revoked_at IS NULL AND p.disabled_at IS NULL`,
      [parsed.keyId],
    );
    const row = rows[0];
    if (!row || !secretMatches(parsed.secret, row.secret_hash)) return undefined;
    // Only the first use of each minute writes; the rest of a busy client's requests stay reads.
    if (row.last_use_stale) {
      await this.pool.query(
        `UPDATE api_keys SET last_used_at = now()
         WHERE key_id = $1 AND (last_used_at IS NULL OR last_used_at < now() - ${LAST_USED_PRECISION})`,
        [parsed.keyId],
      );
    }
    return toPrincipal(row);
  }

  private newPrincipalProblem(input: NewPrincipal, kind: PrincipalKind): string | undefined {
    if (!PRINCIPAL_ID_PATTERN.test(input.id)) {
      return 'id must be 2-64 characters: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit';
    }
    if (!input.displayName?.trim() || input.displayName.length > 100) return 'displayName must be 1-100 characters';
    if (kind === 'api_client') {
      if (input.password !== undefined) return 'API clients have no password; issue them a key';
      return caseKindsProblem(input.caseKinds);
    }
    if (!(OFFICER_ROLES as readonly string[]).includes(input.role)) {
      return `role must be one of: ${[...OFFICER_ROLES, 'api_client'].join(', ')}`;
    }
    if (input.caseKinds !== undefined) return 'caseKinds applies to API clients only';
    if (input.password === undefined) return 'password is required for an officer';
    return passwordProblem(input.password, input.id);
  }

  private changesProblem(existing: PrincipalRow, changes: PrincipalChanges): string | undefined {
    if (changes.displayName !== undefined && (!changes.displayName.trim() || changes.displayName.length > 100)) {
      return 'displayName must be 1-100 characters';
    }
    if (changes.role !== undefined) {
      if (existing.kind === 'api_client' && changes.role !== 'api_client') {
        return 'an API client keeps the role api_client; create an officer instead';
      }
      if (existing.kind === 'officer' && !(OFFICER_ROLES as readonly string[]).includes(changes.role)) {
        return `an officer's role must be one of: ${OFFICER_ROLES.join(', ')}`;
      }
    }
    if (changes.caseKinds !== undefined) {
      if (existing.kind !== 'api_client') return 'caseKinds applies to API clients only';
      return caseKindsProblem(changes.caseKinds);
    }
    return undefined;
  }

  private async refuseLastAdmin(client: PoolClient, id: string): Promise<void> {
    const { rows } = await client.query<{ others: string }>(
      "SELECT count(*) AS others FROM principals WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1",
      [id],
    );
    if (Number(rows[0]!.others) === 0) {
      throw new IdentityError('LAST_ADMIN', `${id} is the last active admin; make another admin first`);
    }
  }

  private async change<T>(
    id: string,
    work: (client: PoolClient, existing: PrincipalRow | undefined) => Promise<T>,
  ): Promise<T> {
    return this.withIdentityLock(async (client) => work(client, await this.row(client, id)));
  }

  private async withIdentityLock<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [IDENTITY_LOCK_KEY]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private append(
    client: PoolClient,
    id: string,
    by: Actor,
    reason: string | undefined,
    event: { type: string; data: object },
  ) {
    return this.store.appendWithin(client, toPrincipalStreamId(id), 'any', [
      { ...event, metadata: { actor: by, ...(reason && { reason }) } },
    ]);
  }

  private async row(client: Pick<PoolClient, 'query'>, id: string): Promise<PrincipalRow | undefined> {
    const { rows } = await client.query<PrincipalRow>('SELECT * FROM principals WHERE id = $1', [id]);
    return rows[0];
  }
}
