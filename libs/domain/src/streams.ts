/** Stream ids of the event store, built in one place. */
export const toCaseStreamId = (caseId: string): string => `case-${caseId}`;
export const toPlanStreamId = (divisionCode: string, year: number): string => `plan-${divisionCode}-${year}`;
/**
 * Workflow ids of the engine. A client names its cases, so a case's workflow id has a prefix no
 * other workflow id has, and a case id cannot contain ':': no case id collides with a plan.
 */
export const toCaseWorkflowId = (caseId: string): string => `case:${caseId}`;
/** One plan entity per county and year. */
export const toPlanWorkflowId = (divisionCode: string, year: number): string => `annual-plan-${divisionCode}-${year}`;
/** Users and API clients: every change an admin makes to one is an event here. */
export const toPrincipalStreamId = (principalId: string): string => `principal-${principalId}`;
/**
 * Every character but [a-z0-9.-] as `_<hex code>_`: a one-to-one escape, so no caller id, however
 * chosen, yields another caller's stream id or leaves its place in the name.
 */
const streamSafe = (id: string): string =>
  id.replace(/[^a-z0-9.-]/g, (character) => `_${character.charCodeAt(0).toString(16)}_`);

/**
 * Refused requests of one office day by one caller (or by callers not signed in): auditors ask
 * who tried what, and why it was refused. A stream per caller and day, because each stream is
 * appended under its own lock: one stream for the whole office made every refusal wait for the last.
 */
export const toRefusalStreamId = (officeDay: string, actorId: string | undefined): string =>
  `refusals-${officeDay}-${actorId === undefined ? 'anonymous' : `by-${streamSafe(actorId)}`}`;
/** A recruitment round: its terms, roster, scores and rankings, in one stream. */
export const toRoundStreamId = (roundId: string): string => `round-${roundId}`;
/** Round ids follow the rules of case ids (no ':'), so no round collides with a case or a plan. */
export const toRoundWorkflowId = (roundId: string): string => `round:${roundId}`;
