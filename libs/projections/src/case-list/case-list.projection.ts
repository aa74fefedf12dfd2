import { submittedBy, takenOnBy } from '@talent/domain';
import type { RecordedEvent } from '@talent/event-store';
import type { Projection, ProjectionContext } from '../runtime/projection';

type Data = Record<string, unknown>;

/** A row of the case_list table, as pg returns it. */
export interface CaseRow {
  case_id: string;
  kind: string;
  channel: string | null;
  workstation_type: string | null;
  year: number;
  division_code: string;
  subject_name: string;
  pipeline_id: string;
  pipeline_version: number;
  stage: string;
  status: string;
  outcome: string | null;
  overdue: boolean;
  deadline_at: Date | null;
  opened_at: Date;
  updated_at: Date;
  handling_officer: string | null;
  submitted_by: string | null;
}

const COLUMNS = [
  'case_id',
  'kind',
  'channel',
  'workstation_type',
  'year',
  'division_code',
  'subject_name',
  'pipeline_id',
  'pipeline_version',
  'stage',
  'status',
  'outcome',
  'overdue',
  'deadline_at',
  'opened_at',
  'updated_at',
  'handling_officer',
  'submitted_by',
] as const;

const SQL_TYPES: Record<(typeof COLUMNS)[number], string> = {
  case_id: 'text',
  kind: 'text',
  channel: 'text',
  workstation_type: 'text',
  year: 'int',
  division_code: 'text',
  subject_name: 'text',
  pipeline_id: 'text',
  pipeline_version: 'int',
  stage: 'text',
  status: 'text',
  outcome: 'text',
  overdue: 'boolean',
  deadline_at: 'timestamptz',
  opened_at: 'timestamptz',
  updated_at: 'timestamptz',
  handling_officer: 'text',
  submitted_by: 'text',
};

/** The case's 经办人, by the case's own rule; the engine's steps (no actor) change nothing. */
function handlingOfficer(row: CaseRow | undefined, event: RecordedEvent): string | null {
  const actor = event.metadata.actor;
  const current = row?.handling_officer ?? undefined;
  return (actor ? takenOnBy(current, actor) : current) ?? null;
}

/** How one event changes a case's row. */
function evolveRow(row: CaseRow | undefined, event: RecordedEvent): CaseRow | undefined {
  const data = event.data as Data;
  const officer = handlingOfficer(row, event);
  if (row && officer !== row.handling_officer) row = { ...row, handling_officer: officer };
  if (event.type === 'CaseOpened') {
    return (
      row ?? {
        case_id: event.streamId.slice('case-'.length),
        kind: String(data.kind),
        channel: (data.channel as string | undefined) ?? null,
        workstation_type: (data.workstationType as string | undefined) ?? null,
        year: Number(data.year),
        division_code: String(data.divisionCode),
        subject_name: String((data.subject as Data).name),
        pipeline_id: String(data.pipelineId),
        pipeline_version: Number(data.pipelineVersion),
        stage: '',
        status: 'open',
        outcome: null,
        overdue: false,
        deadline_at: null,
        opened_at: event.occurredAt,
        updated_at: event.recordedAt,
        handling_officer: officer,
        submitted_by: null,
      }
    );
  }
  if (!row) return undefined;
  const updated = { ...row, updated_at: event.recordedAt };
  switch (event.type) {
    case 'StageEntered': {
      // Who moved the case here, by the case's own rule: the engine's steps keep the last mover.
      const previous = row.submitted_by === null ? undefined : { id: row.submitted_by };
      const mover = event.metadata.actor;
      const submitter = mover ? (submittedBy(previous, mover)?.id ?? null) : row.submitted_by;
      return { ...updated, stage: String(data.stage), overdue: false, deadline_at: null, submitted_by: submitter };
    }
    case 'StageScheduled':
      return typeof data.deadlineAt === 'string' ? { ...updated, deadline_at: new Date(data.deadlineAt) } : row;
    case 'StageOverdue':
      return { ...updated, overdue: true };
    case 'ObjectionRaised':
      return { ...updated, status: 'suspended' };
    case 'ObjectionResolved':
      return { ...updated, status: 'open' };
    case 'CaseClosed':
      return { ...updated, status: 'closed', outcome: String(data.outcome), overdue: false };
    default:
      return row;
  }
}

/**
 * The case list behind GET /cases: current stage, status, outcome and overdue flag per case.
 * A batch is folded in memory per case and written back in one statement, so a rebuild goes
 * at the speed of reading events rather than of one UPDATE each.
 */
export const caseListProjection: Projection = {
  name: 'case_list',
  tables: ['case_list'],
  apply: async ({ client, table }: ProjectionContext, events) => {
    const caseEvents = events.filter((event) => event.streamId.startsWith('case-'));
    if (caseEvents.length === 0) return;
    const list = table('case_list');
    const ids = [...new Set(caseEvents.map((event) => event.streamId.slice('case-'.length)))];
    const { rows } = await client.query<CaseRow>(`SELECT ${COLUMNS.join(', ')} FROM ${list} WHERE case_id = ANY($1)`, [
      ids,
    ]);
    const cases = new Map(rows.map((row) => [row.case_id, row]));
    const changed = new Set<string>();
    for (const event of caseEvents) {
      const caseId = event.streamId.slice('case-'.length);
      const next = evolveRow(cases.get(caseId), event);
      if (next && next !== cases.get(caseId)) {
        cases.set(caseId, next);
        changed.add(caseId);
      }
    }
    if (changed.size === 0) return;
    const written = [...changed].map((caseId) => cases.get(caseId)!);
    await client.query(
      `INSERT INTO ${list} (${COLUMNS.join(', ')})
       SELECT * FROM unnest(${COLUMNS.map((column, index) => `$${index + 1}::${SQL_TYPES[column]}[]`).join(', ')})
       ON CONFLICT (case_id) DO UPDATE SET
         ${COLUMNS.filter((column) => column !== 'case_id')
           .map((column) => `${column} = excluded.${column}`)
           .join(', ')}`,
      COLUMNS.map((column) => written.map((row) => row[column])),
    );
  },
};
