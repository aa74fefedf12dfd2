import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStageDurations1764000006000 implements MigrationInterface {
  name = 'CreateStageDurations1764000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stage_durations (
        case_id    text NOT NULL,
        seq        integer NOT NULL,
        stage      text NOT NULL,
        kind       text NOT NULL,
        channel    text,
        year       integer NOT NULL,
        entered_at timestamptz NOT NULL,
        left_at    timestamptz,
        PRIMARY KEY (case_id, seq)
      )`);
    await queryRunner.query('CREATE INDEX stage_durations_year_idx ON stage_durations (year, kind, stage)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stage_durations');
  }
}
