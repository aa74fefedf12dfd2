import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1764000000000 implements MigrationInterface {
  name = 'CreateEventStore1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_streams (
        stream_id   text PRIMARY KEY,
        stream_type text NOT NULL,
        version     integer NOT NULL CHECK (version >= 0),
        last_hash   text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        stream_id       text NOT NULL REFERENCES event_streams (stream_id),
        stream_version  integer NOT NULL CHECK (stream_version >= 1),
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        schema_version  integer NOT NULL CHECK (schema_version >= 1),
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        -- The writing transaction: the first key of the global read order.
        transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
        previous_hash   text,
        hash            text NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    // The global read order (see EventCursor); readers scan it from their checkpoint.
    await queryRunner.query('CREATE INDEX events_global_order_idx ON events (transaction_id, global_position)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE events');
    await queryRunner.query('DROP TABLE event_streams');
  }
}
