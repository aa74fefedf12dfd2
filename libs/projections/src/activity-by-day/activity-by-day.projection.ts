import type { RecordedEvent } from '@talent/event-store';
import type { Projection, ProjectionContext } from '../runtime/projection';

/** Shanghai time: the office's day (China has one time zone and no daylight saving). */
const OFFICE_TIME_ZONE = 'Asia/Shanghai';

/**
 * How many facts of each kind the office recorded per day, by when they happened
 * (occurredAt): the activity chart of the console and a cheap check of the projector itself.
 */
export const activityByDayProjection: Projection = {
  name: 'activity_by_day',
  tables: ['activity_by_day'],

  apply: async ({ client, table }: ProjectionContext, events: readonly RecordedEvent[]): Promise<void> => {
    await client.query(
      `INSERT INTO ${table('activity_by_day')} AS a (day, stream_type, event_type, events)
       SELECT (occurred_at AT TIME ZONE '${OFFICE_TIME_ZONE}')::date, split_part(stream_id, '-', 1), event_type, count(*)
       FROM unnest($1::timestamptz[], $2::text[], $3::text[]) AS e(occurred_at, stream_id, event_type)
       GROUP BY 1, 2, 3
       ON CONFLICT (day, stream_type, event_type) DO UPDATE SET events = a.events + excluded.events`,
      [
        events.map((event) => event.occurredAt),
        events.map((event) => event.streamId),
        events.map((event) => event.type),
      ],
    );
  },
};
