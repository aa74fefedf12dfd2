import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace for the engine's event ids (RFC 4122 v5 names). */
const EVENT_ID_NAMESPACE = 'c1b1d5a2-6f0e-4a7b-9a57-2a4a3d9e7c10';

/**
 * The id of the event at `version` of a stream: the same on every retry of the activity that
 * writes it, so the store recognises a retry and writes nothing twice.
 */
export function eventIdFor(streamId: string, version: number): string {
  return uuidv5(`${streamId}#${version}`, EVENT_ID_NAMESPACE);
}
