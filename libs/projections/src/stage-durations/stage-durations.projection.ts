import type { Projection } from '../runtime/projection';

type Data = Record<string, unknown>;

export interface StageVisit {
  case_id: string;
  seq: number;
  stage: string;
  kind: string;
  channel: string | null;
  year: number;
  entered_at: Date;
  left_at: Date | null;
}

/**
 * Time spent in each stage of each case, by when things happened in the office (occurredAt):
 * one row per visit of a stage, closed when the case enters the next stage or closes.
 * The bottleneck report is a grouping of these rows.
 */
export const stageDurationsProjection: Projection = {
  name: 'stage_durations',
  tables: ['stage_durations'],
  apply: async ({ client, table }, events) => {
    const caseEvents = events.filter(
      (event) =>
        event.streamId.startsWith('case-') && ['CaseOpened', 'StageEntered', 'CaseClosed'].includes(event.type),
    );
    if (caseEvents.length === 0) return;
    const visits = table('stage_durations');
    const ids = [...new Set(caseEvents.map((event) => event.streamId.slice(5)))];
    const { rows } = await client.query<StageVisit>(
      `SELECT DISTINCT ON (case_id) case_id, seq, stage, kind, channel, year, entered_at, left_at
       FROM ${visits} WHERE case_id = ANY($1) ORDER BY case_id, seq DESC`,
      [ids],
    );
    const latest = new Map(rows.map((row) => [row.case_id, row]));
    const opened = new Map<string, Pick<StageVisit, 'kind' | 'channel' | 'year'>>();
    const changed = new Map<string, StageVisit>();
    const keep = (visit: StageVisit) => {
      latest.set(visit.case_id, visit);
      changed.set(`${visit.case_id}#${visit.seq}`, visit);
    };
    for (const event of caseEvents) {
      const caseId = event.streamId.slice(5);
      const data = event.data as Data;
      const last = latest.get(caseId);
      if (event.type === 'CaseOpened') {
        opened.set(caseId, {
          kind: String(data.kind),
          channel: (data.channel as string | undefined) ?? null,
          year: Number(data.year),
        });
        continue;
      }
      if (last && last.left_at === null) keep({ ...last, left_at: event.occurredAt });
      if (event.type === 'StageEntered') {
        const about = opened.get(caseId) ?? last;
        if (!about) continue;
        keep({
          case_id: caseId,
          seq: (last?.seq ?? 0) + 1,
          stage: String(data.stage),
          kind: about.kind,
          channel: about.channel,
          year: about.year,
          entered_at: event.occurredAt,
          left_at: null,
        });
      }
    }
    const written = [...changed.values()];
    if (written.length === 0) return;
    await client.query(
      `INSERT INTO ${visits} (case_id, seq, stage, kind, channel, year, entered_at, left_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])
       ON CONFLICT (case_id, seq) DO UPDATE SET left_at = excluded.left_at`,
      [
        written.map((visit) => visit.case_id),
        written.map((visit) => visit.seq),
        written.map((visit) => visit.stage),
        written.map((visit) => visit.kind),
        written.map((visit) => visit.channel),
        written.map((visit) => visit.year),
        written.map((visit) => visit.entered_at),
        written.map((visit) => visit.left_at),
      ],
    );
  },
};
