import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The write side of an append in one server-side call (one round trip, its own transaction
 * unless the caller has one open). The client computes the hash chain from the stream head it
 * believes current and passes that head as `base`; after taking the stream's lock the function
 * re-reads the head and answers `stale` if it moved, so the client recomputes and retries.
 *
 * Order of work matters:
 * 1. The advisory lock comes before any write, so the transaction id is assigned only once the
 *    stream is held: a stream's later versions always come from later transactions, which keeps
 *    each stream's order inside the global (transaction, position) order.
 * 2. Every statement after the lock takes a fresh snapshot (READ COMMITTED, VOLATILE function),
 *    so it sees what the previous holder of the lock committed.
 * 3. Stored event ids are checked before the expected version, so a retried append returns the
 *    stored result even though the stream has moved on.
 */
export class CreateAppendFunction1764000003000 implements MigrationInterface {
  name = 'CreateAppendFunction1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION append_events(
        p_stream_id text, p_stream_type text, p_expected_version integer,
        p_base_version integer, p_base_hash text,
        p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
        p_occurred_at timestamptz[], p_recorded_at timestamptz, p_previous_hashes text[], p_hashes text[]
      ) RETURNS TABLE (outcome text, version integer, last_hash text, stored json, positions bigint[])
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_version integer;
        v_hash text;
        v_stored json;
        v_positions bigint[];
        v_count integer := cardinality(p_event_ids);
      BEGIN
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          RAISE EXCEPTION 'append_events must come before any other write of its transaction'
            USING ERRCODE = 'invalid_transaction_state';
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

        INSERT INTO event_streams (stream_id, stream_type, version, last_hash)
        VALUES (p_stream_id, p_stream_type, v_version + v_count, p_hashes[v_count])
        ON CONFLICT (stream_id) DO UPDATE
          SET version = excluded.version, last_hash = excluded.last_hash, updated_at = now();

        WITH inserted AS (
          INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                              occurred_at, recorded_at, previous_hash, hash)
          SELECT p_stream_id, v_version + n, i, t, sv, d, m, o, p_recorded_at, ph, h
          FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_metadata, p_occurred_at,
                      p_previous_hashes, p_hashes) WITH ORDINALITY AS x(i, t, sv, d, m, o, ph, h, n)
          RETURNING global_position, stream_version
        )
        SELECT array_agg(global_position ORDER BY stream_version) INTO v_positions FROM inserted;

        PERFORM pg_notify('talent_events', v_positions[v_count]::text);
        RETURN QUERY SELECT 'appended'::text, v_version + v_count, p_hashes[v_count], NULL::json, v_positions;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION append_events');
  }
}
