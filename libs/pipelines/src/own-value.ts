/**
 * `record[key]` only when the record itself has the key. Ids reach lookups from requests, and
 * `constructor` or `toString` would otherwise find what every object inherits.
 */
export const ownValue = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** Names no stage, action or outcome may take: every object already answers to them. */
export const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
