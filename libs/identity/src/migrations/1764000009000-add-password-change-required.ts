import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An officer whose password an admin set must choose their own before doing anything else:
 * otherwise the admin, who knows the password, could act as them (separation of duties).
 */
export class AddPasswordChangeRequired1764000009000 implements MigrationInterface {
  name = 'AddPasswordChangeRequired1764000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE principals ADD COLUMN password_change_required boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE principals DROP COLUMN password_change_required');
  }
}
