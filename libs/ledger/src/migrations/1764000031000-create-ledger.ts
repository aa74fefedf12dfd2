import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The global Merkle tree over the event log (see merkle.ts) and its signed heads:
 * - `ledger_leaves`: which event is leaf n, in the gap-safe global order (transaction, position);
 * - `ledger_nodes`: every complete subtree's hash, written once, never changed;
 * - `ledger_tree_heads`: each signed head, with its size, root and time.
 * All three are append-only like the events themselves (refuse_rewriting_the_log).
 */
export class CreateLedger1764000031000 implements MigrationInterface {
  name = 'CreateLedger1764000031000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_leaves (
        leaf_index      bigint PRIMARY KEY CHECK (leaf_index >= 0),
        transaction_id  xid8 NOT NULL,
        global_position bigint NOT NULL UNIQUE,
        event_id        uuid NOT NULL UNIQUE
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_nodes (
        level      smallint NOT NULL CHECK (level >= 0),
        node_index bigint NOT NULL CHECK (node_index >= 0),
        hash       bytea NOT NULL CHECK (octet_length(hash) = 32),
        PRIMARY KEY (level, node_index)
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_tree_heads (
        id          bigserial PRIMARY KEY,
        tree_size   bigint NOT NULL CHECK (tree_size >= 0),
        root_hash   bytea NOT NULL CHECK (octet_length(root_hash) = 32),
        issued_at   timestamptz NOT NULL,
        key_id      text NOT NULL,
        signature   bytea NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX ledger_tree_heads_issued_at_idx ON ledger_tree_heads (issued_at, id)');
    for (const table of ['ledger_leaves', 'ledger_nodes', 'ledger_tree_heads']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_the_log()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ledger_tree_heads');
    await queryRunner.query('DROP TABLE ledger_nodes');
    await queryRunner.query('DROP TABLE ledger_leaves');
  }
}
