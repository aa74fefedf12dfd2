import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * append_events checks an append's events in one statement instead of a loop of them, and no
 * longer sends NOTIFY. A transaction that notified holds PostgreSQL's global
 * notify lock from its commit until the commit is flushed, so every append committed alone, one
 * WAL flush after another, and 16 writers were slower than 4 (bench:event-store, docs/event-store.md).
 * The store now wakes subscribers after the commit, from outside the append's transaction
 * (AppendNotifier), and appends commit in groups again. Everything else is as in
 * HashEventsInDatabase1764000030000: the same checks and messages, hashes, locks and order; CREATE
 * OR REPLACE keeps the function's owner and grants. `down` puts the NOTIFY back.
 */
export class NotifyAfterAppend1764000033000 implements MigrationInterface {
  name = 'NotifyAfterAppend1764000033000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunction({ notify: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunction({ notify: true }));
  }
}

const appendFunction = ({ notify }: { notify: boolean }) => `
      CREATE OR REPLACE FUNCTION append_events(
        p_stream_id text, p_stream_type text, p_expected_version integer,
        p_base_version integer, p_base_hash text,
        p_event_ids uuid[], p_canonical text[], p_hashes text[]
      ) RETURNS TABLE (outcome text, version integer, last_hash text, stored json, positions bigint[])
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      DECLARE
        v_version integer;
        v_hash text;
        v_stored json;
        v_positions bigint[];
        v_count integer := cardinality(p_event_ids);
        v_events jsonb[];
        v_failing bigint;
        v_problem text;
        c_hashed_fields CONSTANT text[] := ARRAY['previousHash', 'streamId', 'streamVersion', 'eventId', 'type',
          'schemaVersion', 'data', 'metadata', 'occurredAt', 'recordedAt'];
      BEGIN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'append_events must come before any other write of its transaction'
            USING ERRCODE = 'invalid_transaction_state';
        END IF;
        IF cardinality(p_canonical) IS DISTINCT FROM v_count OR cardinality(p_hashes) IS DISTINCT FROM v_count THEN
          RAISE EXCEPTION 'append_events needs as many canonical texts and hashes as event ids'
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));

        SELECT s.version, s.last_hash INTO v_version, v_hash FROM event_streams s WHERE s.stream_id = p_stream_id;
        v_version := coalesce(v_version, 0);

        SELECT json_agg(e ORDER BY e.global_position) INTO v_stored FROM (
          SELECT global_position::text, stream_id, stream_version, event_id, event_type, hash
          FROM events WHERE event_id = ANY(p_event_ids)) e;
        IF v_stored IS NOT NULL THEN
          RETURN QUERY SELECT 'stored'::text, v_version, v_hash, v_stored, NULL::bigint[];
          RETURN;
        END IF;

        -- p_expected_version: -1 any, -2 no stream, otherwise the exact current version.
        IF (p_expected_version = -2 AND v_version <> 0) OR (p_expected_version >= 0 AND p_expected_version <> v_version) THEN
          RETURN QUERY SELECT 'conflict'::text, v_version, v_hash, NULL::json, NULL::bigint[];
          RETURN;
        END IF;
        IF v_version <> p_base_version OR v_hash IS DISTINCT FROM p_base_hash THEN
          RETURN QUERY SELECT 'stale'::text, v_version, v_hash, NULL::json, NULL::bigint[];
          RETURN;
        END IF;

        v_events := p_canonical::jsonb[];
        -- One statement over all the events, not a loop of statements: the same checks, in the
        -- same order, reporting the first event that fails one.
        SELECT checks.n, checks.problem INTO v_failing, v_problem FROM (
          SELECT x.n, CASE
            WHEN jsonb_typeof(e) <> 'object' THEN 'is not a JSON object'
            WHEN NOT e ?& c_hashed_fields OR e - c_hashed_fields <> '{}'::jsonb
              THEN 'has other fields than the ten hashed'
            WHEN e->>'streamId' IS DISTINCT FROM p_stream_id THEN 'names another stream'
            WHEN e->'streamVersion' IS DISTINCT FROM to_jsonb(v_version + x.n) THEN 'is not the next version'
            WHEN e->'previousHash' IS DISTINCT FROM
                 coalesce(to_jsonb(CASE WHEN x.n = 1 THEN v_hash ELSE p_hashes[x.n - 1] END), 'null'::jsonb)
              THEN 'does not chain to the hash of the event before it'
            WHEN e->>'eventId' IS DISTINCT FROM p_event_ids[x.n]::text THEN 'has another event id'
            WHEN jsonb_typeof(e->'type') <> 'string' OR jsonb_typeof(e->'schemaVersion') <> 'number'
              OR jsonb_typeof(e->'data') <> 'object' OR jsonb_typeof(e->'metadata') <> 'object'
              THEN 'has a type, schemaVersion, data or metadata of the wrong JSON type'
            WHEN e->>'occurredAt' !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$'
              OR e->>'recordedAt' !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$'
              THEN 'has an occurredAt or recordedAt not written as toISOString writes it'
            WHEN encode(sha256(convert_to(x.c, 'UTF8')), 'hex') IS DISTINCT FROM p_hashes[x.n]
              THEN 'does not hash to the hash claimed for it'
          END AS problem
          FROM unnest(p_canonical, v_events) WITH ORDINALITY AS x(c, e, n)
        ) checks WHERE checks.problem IS NOT NULL ORDER BY checks.n LIMIT 1;
        IF v_problem IS NOT NULL THEN
          RAISE EXCEPTION 'event % of the append to % %', v_failing, p_stream_id, v_problem
            USING ERRCODE = 'invalid_parameter_value';
        END IF;

        INSERT INTO event_streams (stream_id, stream_type, version, last_hash)
        VALUES (p_stream_id, p_stream_type, v_version + v_count, p_hashes[v_count])
        ON CONFLICT (stream_id) DO UPDATE
          SET version = excluded.version, last_hash = excluded.last_hash, updated_at = now();

        WITH inserted AS (
          INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                              occurred_at, recorded_at, previous_hash, hash)
          SELECT p_stream_id, v_version + n, (j->>'eventId')::uuid, j->>'type', (j->>'schemaVersion')::integer,
                 j->'data', j->'metadata', (j->>'occurredAt')::timestamptz, (j->>'recordedAt')::timestamptz,
                 j->>'previousHash', h
          FROM unnest(v_events, p_hashes) WITH ORDINALITY AS x(j, h, n)
          RETURNING global_position, stream_version
        )
        SELECT array_agg(global_position ORDER BY stream_version) INTO v_positions FROM inserted;

        ${notify ? "PERFORM pg_notify('talent_events', v_positions[v_count]::text);" : ''}
        RETURN QUERY SELECT 'appended'::text, v_version + v_count, p_hashes[v_count], NULL::json, v_positions;
      END
      $fn$`;
