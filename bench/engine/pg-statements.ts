import type { Pool } from 'pg';
import { format } from './report';

export interface StatementCost {
  query: string;
  callsPerRequest: number;
  msPerRequest: number;
}

/**
 * What PostgreSQL ran for a measure (pg_stat_statements, loaded when BENCH_PG_STATEMENTS is
 * set): each statement's calls and execution milliseconds per request, to see which of the
 * store, the projections and the ledger a request costs the database.
 */
export class StatementMeter {
  private constructor(private readonly pool: Pool) {}

  static async start(pool: Pool): Promise<StatementMeter> {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return new StatementMeter(pool);
  }

  async reset(): Promise<void> {
    await this.pool.query('SELECT pg_stat_statements_reset()');
  }

  async read(requests: number, top = 12): Promise<StatementCost[]> {
    const { rows } = await this.pool.query<{ query: string; calls: string; ms: number }>(
      `SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, sum(calls)::text AS calls, sum(total_exec_time) AS ms
       FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT ILIKE '%pg_stat_statements%'
       GROUP BY 1 ORDER BY ms DESC LIMIT $1`,
      [top],
    );
    return rows.map((row) => ({
      query: row.query.length > 110 ? `${row.query.slice(0, 107)}...` : row.query,
      callsPerRequest: Number(row.calls) / requests,
      msPerRequest: row.ms / requests,
    }));
  }
}

export function statementsTable(measures: Array<{ measure: string; statements: StatementCost[] }>): string[] {
  return measures.flatMap(({ measure, statements }) => [
    `\n### ${measure}\n`,
    '| statement | calls per request | exec ms per request |',
    '| --- | ---: | ---: |',
    ...statements.map(
      (row) =>
        `| \`${row.query.replace(/\|/g, '\\|')}\` | ${format(row.callsPerRequest, 2)} | ${format(row.msPerRequest, 2)} |`,
    ),
  ]);
}
