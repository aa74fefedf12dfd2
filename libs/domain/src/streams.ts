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
/** Refused requests of one office day: auditors ask who tried what, and why it was refused. */
export const toRefusalStreamId = (officeDay: string): string => `refusals-${officeDay}`;
