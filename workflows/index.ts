export { diagnosticsRoundTrip } from './diagnostics.workflow';
export type { RoundTripResult } from './diagnostics.workflow';
