import type { RecordedEvent } from '@talent/event-store';
import type { Projection, ProjectionContext } from '../runtime/projection';
import { APPLICANT_COLUMNS, APPLICANT_SQL_TYPES, type ApplicantRow } from './round-applicant-row';
import { Roster, roundPlaceOf, type StoredRoundEvent } from './round-roster';
import { refreshRoundFigures, writeRoundEvent } from './round-tables';

const ROUND_PREFIX = 'round-';
const CASE_PREFIX = 'case-';
/** The case events that say where a round's candidate stands. */
const CASE_EVENT_TYPES = new Set(['CaseOpened', 'StageEntered', 'CaseClosed']);

const isRoundEvent = (event: RecordedEvent): event is RecordedEvent & StoredRoundEvent =>
  event.streamId.startsWith(ROUND_PREFIX);
const isCaseEvent = (event: RecordedEvent) =>
  event.streamId.startsWith(CASE_PREFIX) && CASE_EVENT_TYPES.has(event.type);
const roundIdOf = (event: RecordedEvent) => event.streamId.slice(ROUND_PREFIX.length);
const caseIdOf = (event: RecordedEvent) => event.streamId.slice(CASE_PREFIX.length);

/** Every applicant row the batch's events name: by ticket, by post (shortlists, rankings) or by case. */
function rowsNamedBy(events: readonly RecordedEvent[]) {
  const tickets: Array<[string, string]> = [];
  const posts: Array<[string, string]> = [];
  const caseIds: string[] = [];
  for (const event of events) {
    if (isCaseEvent(event)) {
      const place = event.type === 'CaseOpened' ? roundPlaceOf(event.data) : undefined;
      if (place) tickets.push([place.roundId, place.ticket]);
      else caseIds.push(caseIdOf(event));
      continue;
    }
    if (!isRoundEvent(event)) continue;
    const roundId = roundIdOf(event);
    const named = (...names: string[]) => names.forEach((ticket) => tickets.push([roundId, ticket]));
    switch (event.type) {
      case 'ApplicantRegistered':
        named(event.data.applicant.ticket);
        break;
      case 'QualificationReviewed':
      case 'CandidateAdvanced':
        named(event.data.ticket);
        break;
      case 'ScoresRecorded':
        named(...event.data.scores.map((line) => line.ticket));
        break;
      case 'TieResolved':
        named(...event.data.order);
        break;
      case 'CandidateSubstituted':
        named(event.data.replaced.ticket, event.data.ticket);
        break;
      case 'ShortlistDrawn':
      case 'PostRanked':
        posts.push([roundId, event.data.postCode]);
        break;
      case 'RoundAnnounced':
      case 'PostTableApproved':
      case 'RoundPlacesReserved':
      case 'RoundPlacesRefused':
      case 'RoundClosed':
        break;
    }
  }
  return { tickets, posts, caseIds: [...new Set(caseIds)] };
}

async function loadRoster({ client, table }: ProjectionContext, events: readonly RecordedEvent[]): Promise<Roster> {
  const { tickets, posts, caseIds } = rowsNamedBy(events);
  const applicants = table('round_applicants');
  const columns = APPLICANT_COLUMNS.join(', ');
  const { rows } = await client.query<ApplicantRow>(
    // Three indexed reads, one per way of naming a row; a row named twice is folded once by the Roster.
    `SELECT ${columns} FROM ${applicants} WHERE (round_id, ticket) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     UNION ALL SELECT ${columns} FROM ${applicants} WHERE (round_id, post_code) IN (SELECT * FROM unnest($3::text[], $4::text[]))
     UNION ALL SELECT ${columns} FROM ${applicants} WHERE case_id = ANY($5::text[])`,
    [
      tickets.map(([roundId]) => roundId),
      tickets.map(([, ticket]) => ticket),
      posts.map(([roundId]) => roundId),
      posts.map(([, postCode]) => postCode),
      caseIds,
    ],
  );
  return new Roster(rows);
}

async function writeApplicants({ client, table }: ProjectionContext, rows: readonly ApplicantRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ${table('round_applicants')} (${APPLICANT_COLUMNS.join(', ')})
     SELECT * FROM unnest(${APPLICANT_COLUMNS.map((column, index) => `$${index + 1}::${APPLICANT_SQL_TYPES[column]}[]`).join(', ')})
     ON CONFLICT (round_id, ticket) DO UPDATE SET
       ${APPLICANT_COLUMNS.filter((column) => column !== 'round_id' && column !== 'ticket')
         .map((column) => `${column} = excluded.${column}`)
         .join(', ')}`,
    APPLICANT_COLUMNS.map((column) => rows.map((row) => row[column])),
  );
}

/**
 * The read side of recruitment rounds (招录批次): the round list, each round's post table with its
 * counts, and the roster with reviews, scores, shortlist, ranking and where each candidate's case
 * stands. A batch is folded in memory and each table written with a few statements, so a roster
 * of 10,000 applicants projects at the speed of reading its events.
 */
export const roundsProjection: Projection = {
  name: 'rounds',
  tables: ['round_list', 'round_posts', 'round_applicants'],
  apply: async (context, events) => {
    const relevant = events.filter((event) => isRoundEvent(event) || isCaseEvent(event));
    if (relevant.length === 0) return;
    for (const event of relevant) if (isRoundEvent(event)) await writeRoundEvent(context, roundIdOf(event), event);
    const roster = await loadRoster(context, relevant);
    const lastChangedAt = new Map<string, Date>();
    const wholeRounds = new Set<string>();
    for (const event of relevant) {
      if (isRoundEvent(event)) {
        roster.applyRoundEvent(roundIdOf(event), event);
        lastChangedAt.set(roundIdOf(event), event.recordedAt);
        if (event.type === 'RoundAnnounced' || event.type === 'RoundClosed') wholeRounds.add(roundIdOf(event));
        continue;
      }
      roster.applyCaseEvent(caseIdOf(event), event);
      const candidate = roster.roundOf(caseIdOf(event));
      if (candidate) lastChangedAt.set(candidate.roundId, event.recordedAt);
    }
    await writeApplicants(context, roster.changedRows());
    await refreshRoundFigures(context, { lastChangedAt, posts: roster.changedPosts(), wholeRounds: [...wholeRounds] });
  },
};
