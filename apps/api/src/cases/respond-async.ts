/**
 * Whether a request's Prefer header (RFC 7240) asks for `respond-async`. Preferences are
 * comma-separated, may carry parameters after `;` or a value after `=`, and their names are
 * case-insensitive; several Prefer headers reach here joined by commas.
 */
export function prefersRespondAsync(prefer: string | undefined): boolean {
  return (prefer ?? '')
    .split(',')
    .some((preference) => preference.split(/[;=]/, 1)[0]!.trim().toLowerCase() === 'respond-async');
}
