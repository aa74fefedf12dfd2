import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events of one type across streams, in the order they occurred: what `readByOccurrence` pages
 * through (the audit's refused requests), one page at a time instead of whole streams.
 */
export class IndexEventsByTypeAndOccurrence1764000010000 implements MigrationInterface {
  name = 'IndexEventsByTypeAndOccurrence1764000010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX events_type_occurrence_idx ON events (event_type, occurred_at, global_position)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX events_type_occurrence_idx');
  }
}
