import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAnnualStatisticTotals1764000007000 implements MigrationInterface {
  name = 'CreateAnnualStatisticTotals1764000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The facts summed as they are written: the current figures are a read of a few dozen rows.
    await queryRunner.query(`
      CREATE TABLE annual_statistic_totals (
        year      integer NOT NULL,
        metric    text NOT NULL,
        dimension text NOT NULL,
        amount    bigint NOT NULL,
        PRIMARY KEY (year, metric, dimension)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE annual_statistic_totals');
  }
}
