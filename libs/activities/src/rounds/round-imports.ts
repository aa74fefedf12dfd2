import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Applicant, RoundExam, ScoreLine } from '@talent/domain';

/** What one uploaded file holds once read and checked: applicants, or one exam's scores. */
export type ImportContent =
  | { kind: 'applicants'; rows: Array<{ row: number; applicant: Applicant }> }
  | { kind: 'scores'; exam: RoundExam; rows: Array<{ row: number } & ScoreLine> };

/**
 * The same file for the same round is the same import: a re-upload finds the rows already staged
 * and the round adds nothing twice.
 */
export const importIdOf = (roundId: string, kind: string, file: Buffer): string =>
  `${kind}-${createHash('sha256').update(roundId).update('\n').update(file).digest('hex').slice(0, 40)}`;

/**
 * Uploaded rosters and score sheets, kept as checked rows until the round takes them in. A file of
 * 10,000 applicants is megabytes: far past what a Temporal payload may carry, so the Update names
 * the import and the activity reads it from here. The rows stay, as the record of what was uploaded.
 */
export class RoundImports {
  constructor(private readonly pool: Pool) {}

  async stage(input: { importId: string; roundId: string; content: ImportContent; stagedBy: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO round_imports (import_id, round_id, content, staged_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (import_id) DO NOTHING`,
      [input.importId, input.roundId, JSON.stringify(input.content), input.stagedBy],
    );
  }

  async read(roundId: string, importId: string): Promise<ImportContent | undefined> {
    const result = await this.pool.query<{ content: ImportContent }>(
      'SELECT content FROM round_imports WHERE import_id = $1 AND round_id = $2',
      [importId, roundId],
    );
    return result.rows[0]?.content;
  }
}

export class CreateRoundImports1764000020000 implements MigrationInterface {
  name = 'CreateRoundImports1764000020000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE round_imports (
        import_id  text PRIMARY KEY,
        round_id   text NOT NULL,
        content    jsonb NOT NULL,
        staged_by  text NOT NULL,
        staged_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX round_imports_round_idx ON round_imports (round_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE round_imports');
  }
}
