import type { ProjectionContext } from '../runtime/projection';
import { stagesFrom } from './round-applicant-row';
import type { StoredRoundEvent } from './round-roster';

const inList = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * How each counter of round_posts is counted from the post's applicants (`a`). round_list holds
 * the same counters summed over its posts.
 */
export const POST_COUNTERS = {
  applicants: 'a.ticket IS NOT NULL',
  reviewed: "a.qualification <> 'pending'",
  qualified: "a.qualification = 'pass'",
  written_present: 'a.written IS NOT NULL',
  interview_present: 'a.interview IS NOT NULL',
  assessment_present: 'a.assessment IS NOT NULL',
  shortlisted: 'a.shortlisted',
  scored: 'coalesce(a.written, a.interview, a.assessment) IS NOT NULL',
  ranked: 'a.rank IS NOT NULL',
  ties_pending: 'a.tie_pending',
  advanced: 'a.advanced',
  physical_exam_passed: `a.furthest_stage IN ${inList(stagesFrom('inspection'))}`,
  physical_exam_failed: "a.case_result = 'failure' AND a.furthest_stage = 'physicalExam'",
  inspection_passed: `a.furthest_stage IN ${inList(stagesFrom('publicNotice'))}`,
  inspection_failed: "a.case_result = 'failure' AND a.furthest_stage = 'inspection'",
  // Advanced, its case not closed (or not opened yet): the place is taken, not yet filled.
  in_progress: "a.case_id IS NOT NULL AND a.case_result IS NULL AND a.furthest_stage IS DISTINCT FROM 'servicePeriod'",
  // Hired at 转正: an introduced talent's case then stays open through the 服务期 (version 3).
  hired: "a.case_result = 'success' OR (a.case_result IS NULL AND a.furthest_stage = 'servicePeriod')",
  dropped_out: "a.case_result = 'failure'",
  substitutions: 'a.substitute_number IS NOT NULL',
} as const;
export type PostCounter = keyof typeof POST_COUNTERS;
const COUNTERS = Object.keys(POST_COUNTERS) as PostCounter[];

/** Writes what a round event says about the round itself and its post table. */
export async function writeRoundEvent(
  { client, table }: ProjectionContext,
  roundId: string,
  event: StoredRoundEvent,
): Promise<void> {
  const list = table('round_list');
  switch (event.type) {
    case 'RoundAnnounced': {
      const { posts, ...terms } = event.data.terms;
      await client.query(
        `INSERT INTO ${list} (round_id, division_code, year, channel, title, method, status, announced_on, terms,
                              post_count, places, announced_at, recorded_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'announced', $7, $8, $9, $10, $11, $12, $12)
         ON CONFLICT (round_id) DO NOTHING`,
        [
          roundId,
          event.data.divisionCode,
          terms.year,
          terms.channel,
          terms.title,
          terms.method,
          terms.announcedOn,
          JSON.stringify(terms),
          posts.length,
          posts.reduce((sum, post) => sum + post.places, 0),
          event.occurredAt,
          event.recordedAt,
        ],
      );
      await client.query(
        `INSERT INTO ${table('round_posts')} (round_id, post_code, position, unit, title, places, conditions)
         SELECT $1, post.code, post.position, post.unit, post.title, post.places, post.conditions
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
              WITH ORDINALITY AS post (code, unit, title, places, conditions, position)
         ON CONFLICT (round_id, post_code) DO NOTHING`,
        [
          roundId,
          posts.map((post) => post.code),
          posts.map((post) => post.unit),
          posts.map((post) => post.title),
          posts.map((post) => post.places),
          posts.map((post) => post.conditions ?? null),
        ],
      );
      return;
    }
    case 'PostTableApproved':
      await client.query(`UPDATE ${list} SET status = 'approved', approved_at = $2 WHERE round_id = $1`, [
        roundId,
        event.occurredAt,
      ]);
      return;
    case 'RoundPlacesReserved':
      await client.query(`UPDATE ${list} SET places_reserved = $2, reservation_refused = NULL WHERE round_id = $1`, [
        roundId,
        event.data.holders.length,
      ]);
      return;
    case 'RoundPlacesRefused':
      await client.query(`UPDATE ${list} SET reservation_refused = $2 WHERE round_id = $1`, [
        roundId,
        event.data.reason,
      ]);
      return;
    case 'ShortlistDrawn':
      await client.query(`UPDATE ${table('round_posts')} SET cutoff = $3 WHERE round_id = $1 AND post_code = $2`, [
        roundId,
        event.data.postCode,
        event.data.cutoff,
      ]);
      return;
    case 'RoundClosed':
      await client.query(`UPDATE ${list} SET status = 'closed', closed_at = $2 WHERE round_id = $1`, [
        roundId,
        event.occurredAt,
      ]);
      return;
    case 'ApplicantRegistered':
    case 'QualificationReviewed':
    case 'ScoresRecorded':
    case 'PostRanked':
    case 'TieResolved':
    case 'CandidateAdvanced':
    case 'CandidateSubstituted':
      return;
  }
}

/** What a batch changed: each round's last change, the posts to recount, the rounds to recount whole. */
export interface ChangedRounds {
  lastChangedAt: ReadonlyMap<string, Date>;
  posts: ReadonlyArray<readonly [string, string]>;
  /** Rounds whose every post needs recounting: announced (no counts yet) or closed (unfilled places). */
  wholeRounds: readonly string[];
}

/**
 * Recounts the changed posts from their applicants, then each changed round from its posts:
 * a few indexed scans per batch instead of keeping deltas right across re-reviews, re-rankings
 * and 递补. Unfilled places are counted once a round is closed (places − hired − in progress).
 */
export async function refreshRoundFigures(
  { client, table }: ProjectionContext,
  { lastChangedAt, posts: changedPosts, wholeRounds }: ChangedRounds,
): Promise<void> {
  if (lastChangedAt.size === 0) return;
  const [list, posts] = [table('round_list'), table('round_posts')];
  await client.query(
    `UPDATE ${posts} p SET ${COUNTERS.map((column) => `${column} = c.${column}`).join(', ')},
       unfilled = CASE WHEN r.status = 'closed' THEN greatest(p.places - c.hired - c.in_progress, 0) END
     FROM (
       SELECT p.round_id, p.post_code,
              ${COUNTERS.map((column) => `count(*) FILTER (WHERE ${POST_COUNTERS[column]})::int AS ${column}`).join(', ')}
       FROM ${posts} p LEFT JOIN ${table('round_applicants')} a ON a.round_id = p.round_id AND a.post_code = p.post_code
       WHERE (p.round_id, p.post_code) IN (SELECT * FROM unnest($1::text[], $2::text[])) OR p.round_id = ANY($3::text[])
       GROUP BY p.round_id, p.post_code
     ) c JOIN ${list} r ON r.round_id = c.round_id
     WHERE p.round_id = c.round_id AND p.post_code = c.post_code`,
    [changedPosts.map(([roundId]) => roundId), changedPosts.map(([, postCode]) => postCode), wholeRounds],
  );
  await client.query(
    `UPDATE ${list} r SET ${COUNTERS.map((column) => `${column} = s.${column}`).join(', ')},
       unfilled = s.unfilled, updated_at = greatest(r.updated_at, t.at)
     FROM (
       SELECT round_id, ${COUNTERS.map((column) => `sum(${column})::int AS ${column}`).join(', ')},
              sum(unfilled)::int AS unfilled
       FROM ${posts} WHERE round_id = ANY($1::text[]) GROUP BY round_id
     ) s JOIN unnest($1::text[], $2::timestamptz[]) AS t (round_id, at) ON t.round_id = s.round_id
     WHERE r.round_id = s.round_id`,
    [[...lastChangedAt.keys()], [...lastChangedAt.values()]],
  );
}
