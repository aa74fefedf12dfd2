import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActivityByDay1764000002000 implements MigrationInterface {
  name = 'CreateActivityByDay1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity_by_day (
        day         date NOT NULL,
        stream_type text NOT NULL,
        event_type  text NOT NULL,
        events      bigint NOT NULL,
        PRIMARY KEY (day, stream_type, event_type)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE activity_by_day');
  }
}
