import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tree writes 1.14 rows per event instead of 3 (bench:event-store, docs/event-store.md):
 * - each leaf's hash moves into its `ledger_leaves` row, which the tree wrote anyway, instead
 *   of a level-0 row of `ledger_nodes`;
 * - `ledger_nodes` keeps only every third level (3, 6, 9, ...); the others fold from at most
 *   four kept nodes or leaves below them (STORED_LEVEL_STRIDE in merkle.ts);
 * - `ledger_leaves.event_id` loses its unique index: a leaf is found through the event's global
 *   position (still unique), and an event is in the log once (events_event_id_unique).
 * The hashes are RFC 6962's as before, so every root, proof and signed head is unchanged.
 * `down` recomputes the dropped levels from the kept ones.
 */
export class ThinLedgerTree1764000035000 implements MigrationInterface {
  name = 'ThinLedgerTree1764000035000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ledger_leaves ADD COLUMN leaf_hash bytea');
    await queryRunner.query(
      `UPDATE ledger_leaves l SET leaf_hash = n.hash FROM ledger_nodes n
       WHERE n.level = 0 AND n.node_index = l.leaf_index`,
    );
    await queryRunner.query(
      `ALTER TABLE ledger_leaves ALTER COLUMN leaf_hash SET NOT NULL,
         ADD CONSTRAINT ledger_leaves_leaf_hash_check CHECK (octet_length(leaf_hash) = 32),
         DROP CONSTRAINT ledger_leaves_event_id_key`,
    );
    await queryRunner.query('DELETE FROM ledger_nodes WHERE level % 3 <> 0 OR level = 0');
    await queryRunner.query(
      'ALTER TABLE ledger_nodes ADD CONSTRAINT ledger_nodes_kept_level_check CHECK (level > 0 AND level % 3 = 0)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ledger_nodes DROP CONSTRAINT ledger_nodes_kept_level_check');
    await queryRunner.query(
      'INSERT INTO ledger_nodes (level, node_index, hash) SELECT 0, leaf_index, leaf_hash FROM ledger_leaves',
    );
    for (let level = 1; ; level += 1) {
      if (level % 3 !== 0) {
        await queryRunner.query(
          `INSERT INTO ledger_nodes (level, node_index, hash)
           SELECT $1::smallint, l.node_index / 2, sha256('\\x01'::bytea || l.hash || r.hash)
           FROM ledger_nodes l JOIN ledger_nodes r ON r.level = l.level AND r.node_index = l.node_index + 1
           WHERE l.level = $1::smallint - 1 AND l.node_index % 2 = 0`,
          [level],
        );
      }
      const [made] = (await queryRunner.query('SELECT count(*)::int AS count FROM ledger_nodes WHERE level = $1', [
        level,
      ])) as Array<{ count: number }>;
      if (made!.count === 0) break;
    }
    await queryRunner.query(
      `ALTER TABLE ledger_leaves ADD CONSTRAINT ledger_leaves_event_id_key UNIQUE (event_id),
         DROP COLUMN leaf_hash`,
    );
  }
}
