import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseListHandlingOfficer1764000032000 implements MigrationInterface {
  name = 'AddCaseListHandlingOfficer1764000032000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The officer handling a case (经办人): the first officer among its events' actors, as the case
    // itself decides (takenOnBy). This fills the column once, by the rule as it stands today; the
    // projection keeps it by takenOnBy from here on.
    await queryRunner.query('ALTER TABLE case_list ADD COLUMN handling_officer text');
    await queryRunner.query(`
      UPDATE case_list SET handling_officer = (
        SELECT metadata -> 'actor' ->> 'id' FROM events
        WHERE stream_id = 'case-' || case_list.case_id AND metadata -> 'actor' ->> 'role' = 'hr_officer'
        ORDER BY stream_version LIMIT 1
      )`);
    await queryRunner.query(
      'CREATE INDEX case_list_handling_officer_idx ON case_list (handling_officer, opened_at DESC, case_id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_list DROP COLUMN handling_officer');
  }
}
