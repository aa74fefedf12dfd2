/**
 * How long a command the api signed stays usable (clocks of the api and the worker may differ
 * this much): the activities refuse an older one, and the workflows forget command ids past it.
 */
export const COMMAND_SIGNATURE_TTL_MS = 5 * 60_000;
