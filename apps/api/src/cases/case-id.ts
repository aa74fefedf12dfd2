/** What a case id (the workflow id) may look like: 1–64 letters, digits, _ or -. */
export const CASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
