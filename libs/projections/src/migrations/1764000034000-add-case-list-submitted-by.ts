import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseListSubmittedBy1764000034000 implements MigrationInterface {
  name = 'AddCaseListSubmittedBy1764000034000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who moved each case into its current stage, shown to the approver deciding on it: the actor
    // of its last StageEntered that the engine did not take by itself (submittedBy). This fills
    // the column once; the projection keeps it by submittedBy from here on.
    await queryRunner.query('ALTER TABLE case_list ADD COLUMN submitted_by text');
    await queryRunner.query(`
      UPDATE case_list SET submitted_by = (
        SELECT metadata -> 'actor' ->> 'id' FROM events
        WHERE stream_id = 'case-' || case_list.case_id AND event_type = 'StageEntered'
          AND metadata -> 'actor' ->> 'id' <> 'system'
        ORDER BY stream_version DESC LIMIT 1
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE case_list DROP COLUMN submitted_by');
  }
}
