import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 8, from SHA-256) of `name`: the same name always gives
 * the same id. Used where a retry must be recognised by its id.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the event at `version` of a stream: the same on every retry of the activity that
 * writes it, so the store recognises a retry and writes nothing twice.
 */
export function eventIdFor(streamId: string, version: number): string {
  return nameBasedUuid(`talent-event:${streamId}#${version}`);
}
