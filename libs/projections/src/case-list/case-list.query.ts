import type { Pool } from 'pg';
import { decodePageCursor, encodePageCursor } from '../runtime/page-cursor';
import type { CaseRow } from './case-list.projection';

export interface CaseListFilters {
  kind?: string;
  channel?: string;
  stage?: string;
  status?: string;
  year?: number;
  overdue?: boolean;
  divisionCode?: string;
  /** Only these kinds: what an API client was granted. */
  kinds?: readonly string[];
  /** Only cases this officer handles (经办人). */
  handlingOfficer?: string;
  /** Part of the subject's name, as a person types it into a search box. */
  name?: string;
  /** Only cases whose current stage falls due before this instant (办理期限). */
  dueBefore?: string;
  /** Only cases at one of these stages; a stage id means something only within its pipeline version. */
  stages?: readonly CaseStageRef[];
}

export interface CaseStageRef {
  pipelineId: string;
  pipelineVersion: number;
  stage: string;
}

export interface CaseListItem {
  caseId: string;
  kind: string;
  channel: string | null;
  workstationType: string | null;
  year: number;
  divisionCode: string;
  subjectName: string;
  pipelineId: string;
  pipelineVersion: number;
  stage: string;
  status: string;
  outcome: string | null;
  overdue: boolean;
  deadlineAt: string | null;
  openedAt: string;
  /** Who moved the case into its current stage: whose work an approver decides on. */
  submittedBy: string | null;
}

type Row = Omit<CaseRow, 'updated_at' | 'handling_officer'>;

/** Opaque to clients: the last row's sort key, newest cases first. */
export function encodeCursor(item: Pick<CaseListItem, 'openedAt' | 'caseId'>): string {
  return encodePageCursor([item.openedAt, item.caseId]);
}

export function decodeCursor(cursor: string): [string, string] | undefined {
  return decodePageCursor(cursor, 2) as [string, string] | undefined;
}

/** A page of the case list, keyset-paginated so pages stay stable while cases are added. */
export async function listCases(
  pool: Pool,
  filters: CaseListFilters,
  page: { limit: number; after?: [string, string] },
): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (column: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  where('kind', filters.kind);
  where('channel', filters.channel);
  where('stage', filters.stage);
  where('status', filters.status);
  where('year', filters.year);
  where('overdue', filters.overdue);
  where('division_code', filters.divisionCode);
  where('handling_officer', filters.handlingOfficer);
  if (filters.kinds) {
    params.push(filters.kinds);
    conditions.push(`kind = ANY($${params.length}::text[])`);
  }
  if (filters.name !== undefined) {
    params.push(filters.name);
    conditions.push(`strpos(subject_name, $${params.length}) > 0`);
  }
  if (filters.dueBefore !== undefined) {
    params.push(filters.dueBefore);
    conditions.push(`deadline_at < $${params.length}::timestamptz`);
  }
  if (filters.stages) {
    params.push(
      filters.stages.map((ref) => ref.pipelineId),
      filters.stages.map((ref) => ref.pipelineVersion),
      filters.stages.map((ref) => ref.stage),
    );
    const [ids, versions, stages] = [params.length - 2, params.length - 1, params.length];
    conditions.push(
      `(pipeline_id, pipeline_version, stage) IN (SELECT * FROM unnest($${ids}::text[], $${versions}::int[], $${stages}::text[]))`,
    );
  }
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    conditions.push(`(opened_at, case_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(page.limit + 1);
  const { rows } = await pool.query<Row>(
    `SELECT case_id, kind, channel, workstation_type, year, division_code, subject_name, pipeline_id, pipeline_version,
            stage, status, outcome, overdue, deadline_at, opened_at, submitted_by
     FROM case_list ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY opened_at DESC, case_id DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, page.limit).map((row) => ({
    caseId: row.case_id,
    kind: row.kind,
    channel: row.channel,
    workstationType: row.workstation_type,
    year: row.year,
    divisionCode: row.division_code,
    subjectName: row.subject_name,
    pipelineId: row.pipeline_id,
    pipelineVersion: row.pipeline_version,
    stage: row.stage,
    status: row.status,
    outcome: row.outcome,
    overdue: row.overdue,
    deadlineAt: row.deadline_at?.toISOString() ?? null,
    openedAt: row.opened_at.toISOString(),
    submittedBy: row.submitted_by,
  }));
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!) : null };
}
