import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAnnualStatistics1764000005000 implements MigrationInterface {
  name = 'CreateAnnualStatistics1764000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per counted event: a figure is a sum over rows, and its rows name the events.
    await queryRunner.query(`
      CREATE TABLE annual_statistic_facts (
        year            integer NOT NULL,
        metric          text NOT NULL,
        dimension       text NOT NULL,
        amount          bigint NOT NULL DEFAULT 1,
        event_id        uuid NOT NULL,
        stream_id       text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        PRIMARY KEY (metric, dimension, event_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX annual_statistic_facts_year_idx ON annual_statistic_facts (year, metric, dimension, recorded_at)',
    );
    // What the facts need to know of a case that later events do not repeat.
    await queryRunner.query(`
      CREATE TABLE annual_statistic_cases (
        case_id          text PRIMARY KEY,
        kind             text NOT NULL,
        channel          text,
        workstation_type text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE annual_statistic_cases');
    await queryRunner.query('DROP TABLE annual_statistic_facts');
  }
}
