/** Who may act. String literals, not enums: they cross the Temporal boundary as plain JSON. */
export const ROLES = ['hr_officer', 'approver', 'auditor', 'api_client', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something, in which role: every event records it. */
export interface Actor {
  id: string;
  role: Role;
}

/** The engine itself (timers, automatic steps), as the actor of the events it records. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'admin' };
