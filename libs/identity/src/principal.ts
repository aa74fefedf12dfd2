import { type Actor, CASE_KINDS, type CaseKind, ROLES, type Role } from '@talent/domain';

/** Who created the first admin, as its events record it. */
export const BOOTSTRAP_ACTOR: Actor = { id: 'bootstrap-command', role: 'admin' };

export type PrincipalKind = 'officer' | 'api_client';

/** Someone who may call the api: an officer who signs in, or another system with API keys. */
export interface Principal {
  id: string;
  kind: PrincipalKind;
  displayName: string;
  role: Role;
  /** What an API client may open and read; null for officers, whose role decides. */
  caseKinds: CaseKind[] | null;
  disabled: boolean;
  createdAt: string;
  credentialsChangedAt: string;
  /** Raised by every change of password, role or enablement; a token of an older version is void. */
  credentialsVersion: number;
  /**
   * Set when an admin chose the password (a new account's, or in a reset): until the officer
   * chooses their own, they may do nothing else.
   */
  passwordChangeRequired: boolean;
  lastSignInAt: string | null;
}

export const OFFICER_ROLES = ROLES.filter((role) => role !== 'api_client');

export const PRINCIPAL_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The closed set of identity rule violations; the api maps each to one HTTP status. */
export const IDENTITY_ERROR_CODES = [
  'INVALID_PRINCIPAL',
  'PRINCIPAL_EXISTS',
  'PRINCIPAL_NOT_FOUND',
  'API_KEY_NOT_FOUND',
  'LAST_ADMIN',
  'FIRST_ADMIN_EXISTS',
  'PASSWORD_CHANGE_REQUIRED',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

export function caseKindsProblem(kinds: readonly string[] | undefined): string | undefined {
  if (!kinds || kinds.length === 0) return `caseKinds must list at least one of: ${CASE_KINDS.join(', ')}`;
  const unknown = kinds.filter((kind) => !(CASE_KINDS as readonly string[]).includes(kind));
  return unknown.length
    ? `caseKinds has unknown kinds ${unknown.join(', ')}; known: ${CASE_KINDS.join(', ')}`
    : undefined;
}
