import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateAppendFunction1764000003000 } from './1764000003000-create-append-function';

/**
 * The database no longer trusts the hashes a client sends. JCS (RFC 8785) cannot be reproduced
 * exactly in SQL (jsonb reorders keys by length and prints numbers its own way), so the client
 * sends each event as its canonical JSON text and the function, under the stream's lock:
 * - parses it and stores the row from that very text, so the stored row is what was hashed;
 * - checks it names this stream, the next version and, as `previousHash`, the hash of the event
 *   before it, which the function itself computed or read from the stream head;
 * - hashes the text itself (sha256) and refuses the append if the client's claimed hash differs.
 * Everything else (locking, retries, version checks) is as in CreateAppendFunction1764000003000.
 *
 * Stored events then never change: UPDATE, DELETE and TRUNCATE of `events` and `event_streams`
 * are refused by trigger for every role but the tables' owner (whose migrations may need them);
 * the append function reaches `event_streams` as its definer, the owner.
 */
export class HashEventsInDatabase1764000030000 implements MigrationInterface {
  name = 'HashEventsInDatabase1764000030000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION append_events');
    await queryRunner.query(`
      CREATE FUNCTION append_events(
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
        v_event jsonb;
        v_events jsonb[] := '{}';
        v_hashes text[] := '{}';
        v_previous text;
        v_problem text;
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

        v_previous := v_hash;
        FOR n IN 1 .. v_count LOOP
          v_event := p_canonical[n]::jsonb;
          v_problem := CASE
            WHEN jsonb_typeof(v_event) <> 'object' THEN 'is not a JSON object'
            WHEN (SELECT count(*) FROM jsonb_object_keys(v_event)) <> 10 THEN 'has other fields than the ten hashed'
            WHEN v_event->>'streamId' IS DISTINCT FROM p_stream_id THEN 'names another stream'
            WHEN v_event->'streamVersion' IS DISTINCT FROM to_jsonb(v_version + n) THEN 'is not the next version'
            WHEN v_event->'previousHash' IS DISTINCT FROM coalesce(to_jsonb(v_previous), 'null'::jsonb)
              THEN 'does not chain to the hash of the event before it'
            WHEN v_event->>'eventId' IS DISTINCT FROM p_event_ids[n]::text THEN 'has another event id'
            WHEN jsonb_typeof(v_event->'type') <> 'string' OR jsonb_typeof(v_event->'schemaVersion') <> 'number'
              OR jsonb_typeof(v_event->'data') <> 'object' OR jsonb_typeof(v_event->'metadata') <> 'object'
              THEN 'has a type, schemaVersion, data or metadata of the wrong JSON type'
            WHEN v_event->>'occurredAt' !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$'
              OR v_event->>'recordedAt' !~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$'
              THEN 'has an occurredAt or recordedAt not written as toISOString writes it'
            WHEN encode(sha256(convert_to(p_canonical[n], 'UTF8')), 'hex') IS DISTINCT FROM p_hashes[n]
              THEN 'does not hash to the hash claimed for it'
          END;
          IF v_problem IS NOT NULL THEN
            RAISE EXCEPTION 'event % of the append to % %', n, p_stream_id, v_problem
              USING ERRCODE = 'invalid_parameter_value';
          END IF;
          v_previous := p_hashes[n];
          v_hashes := array_append(v_hashes, v_previous);
          v_events := array_append(v_events, v_event);
        END LOOP;

        INSERT INTO event_streams (stream_id, stream_type, version, last_hash)
        VALUES (p_stream_id, p_stream_type, v_version + v_count, v_hashes[v_count])
        ON CONFLICT (stream_id) DO UPDATE
          SET version = excluded.version, last_hash = excluded.last_hash, updated_at = now();

        WITH inserted AS (
          INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                              occurred_at, recorded_at, previous_hash, hash)
          SELECT p_stream_id, v_version + n, (j->>'eventId')::uuid, j->>'type', (j->>'schemaVersion')::integer,
                 j->'data', j->'metadata', (j->>'occurredAt')::timestamptz, (j->>'recordedAt')::timestamptz,
                 j->>'previousHash', h
          FROM unnest(v_events, v_hashes) WITH ORDINALITY AS x(j, h, n)
          RETURNING global_position, stream_version
        )
        SELECT array_agg(global_position ORDER BY stream_version) INTO v_positions FROM inserted;

        PERFORM pg_notify('talent_events', v_positions[v_count]::text);
        RETURN QUERY SELECT 'appended'::text, v_version + v_count, v_hashes[v_count], NULL::json, v_positions;
      END
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_rewriting_the_log() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION '% of % refused: the event log is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $fn$`);
    for (const table of ['events', 'event_streams']) {
      // A statement trigger runs once whatever the row count; returning NULL from it changes nothing.
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_the_log()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['events', 'event_streams']) {
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION refuse_rewriting_the_log');
    await queryRunner.query('DROP FUNCTION append_events');
    await new CreateAppendFunction1764000003000().up(queryRunner);
  }
}
