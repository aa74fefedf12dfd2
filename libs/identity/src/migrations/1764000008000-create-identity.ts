import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may sign in: officers (password) and other systems (API keys). The rows are the current
 * state; every change to them is also an event in the principal's stream, which is what
 * auditors read and verify.
 */
export class CreateIdentity1764000008000 implements MigrationInterface {
  name = 'CreateIdentity1764000008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE principals (
        id                     text PRIMARY KEY,
        kind                   text NOT NULL CHECK (kind IN ('officer', 'api_client')),
        display_name           text NOT NULL,
        role                   text NOT NULL,
        case_kinds             text[],
        password_hash          text,
        disabled_at            timestamptz,
        credentials_changed_at timestamptz NOT NULL,
        -- Tokens carry the version they were issued under; any change of credentials ends them.
        credentials_version    integer NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL,
        last_sign_in_at        timestamptz,
        CHECK ((kind = 'api_client') = (role = 'api_client')),
        CHECK (kind = 'officer' OR case_kinds IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE TABLE api_keys (
        key_id       text PRIMARY KEY,
        principal_id text NOT NULL REFERENCES principals (id),
        name         text NOT NULL,
        secret_hash  bytea NOT NULL,
        created_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        last_used_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX api_keys_principal_idx ON api_keys (principal_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_keys');
    await queryRunner.query('DROP TABLE principals');
  }
}
