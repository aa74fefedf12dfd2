import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaseList1764000004000 implements MigrationInterface {
  name = 'CreateCaseList1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_list (
        case_id          text PRIMARY KEY,
        kind             text NOT NULL,
        channel          text,
        workstation_type text,
        year             integer NOT NULL,
        division_code    text NOT NULL,
        subject_name     text NOT NULL,
        pipeline_id      text NOT NULL,
        pipeline_version integer NOT NULL,
        stage            text NOT NULL,
        status           text NOT NULL,
        outcome          text,
        overdue          boolean NOT NULL DEFAULT false,
        deadline_at      timestamptz,
        opened_at        timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX case_list_opened_idx ON case_list (opened_at DESC, case_id DESC)');
    await queryRunner.query('CREATE INDEX case_list_filter_idx ON case_list (year, kind, status, stage)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_list');
  }
}
