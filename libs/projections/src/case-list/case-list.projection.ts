import type { RecordedEvent } from '@talent/event-store';
import type { Projection, ProjectionContext } from '../runtime/projection';

type Data = Record<string, unknown>;

/** One statement per event kind that changes a row; the rest of a case's events leave it as it is. */
async function applyOne(client: ProjectionContext['client'], table: string, event: RecordedEvent): Promise<void> {
  const caseId = event.streamId.slice('case-'.length);
  const data = event.data as Data;
  switch (event.type) {
    case 'CaseOpened':
      await client.query(
        `INSERT INTO ${table} (case_id, kind, channel, workstation_type, year, division_code, subject_name,
                               pipeline_id, pipeline_version, stage, status, opened_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', 'open', $10, $11)
         ON CONFLICT (case_id) DO NOTHING`,
        [
          caseId,
          data.kind,
          data.channel ?? null,
          data.workstationType ?? null,
          data.year,
          data.divisionCode,
          (data.subject as Data).name,
          data.pipelineId,
          data.pipelineVersion,
          event.occurredAt,
          event.recordedAt,
        ],
      );
      return;
    case 'StageEntered':
      await client.query(
        `UPDATE ${table} SET stage = $2, overdue = false, deadline_at = NULL, updated_at = $3 WHERE case_id = $1`,
        [caseId, data.stage, event.recordedAt],
      );
      return;
    case 'StageScheduled':
      if (data.deadlineAt) {
        await client.query(`UPDATE ${table} SET deadline_at = $2, updated_at = $3 WHERE case_id = $1`, [
          caseId,
          data.deadlineAt,
          event.recordedAt,
        ]);
      }
      return;
    case 'StageOverdue':
      await client.query(`UPDATE ${table} SET overdue = true, updated_at = $2 WHERE case_id = $1`, [
        caseId,
        event.recordedAt,
      ]);
      return;
    case 'ObjectionRaised':
    case 'ObjectionResolved':
      await client.query(`UPDATE ${table} SET status = $2, updated_at = $3 WHERE case_id = $1`, [
        caseId,
        event.type === 'ObjectionRaised' ? 'suspended' : 'open',
        event.recordedAt,
      ]);
      return;
    case 'CaseClosed':
      await client.query(
        `UPDATE ${table} SET status = 'closed', outcome = $2, overdue = false, updated_at = $3 WHERE case_id = $1`,
        [caseId, data.outcome, event.recordedAt],
      );
      return;
  }
}

/** The case list behind GET /cases: current stage, status, outcome and overdue flag per case. */
export const caseListProjection: Projection = {
  name: 'case_list',
  tables: ['case_list'],
  apply: async ({ client, table }, events) => {
    for (const event of events) {
      if (event.streamId.startsWith('case-')) await applyOne(client, table('case_list'), event);
    }
  },
};
