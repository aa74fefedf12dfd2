import type { Principal } from '@talent/identity';

/** A user or API client as the api shows it: never a hash, never a key. */
export function present(principal: Principal) {
  return {
    id: principal.id,
    kind: principal.kind,
    displayName: principal.displayName,
    role: principal.role,
    ...(principal.caseKinds && { caseKinds: principal.caseKinds }),
    disabled: principal.disabled,
    passwordChangeRequired: principal.passwordChangeRequired,
    createdAt: principal.createdAt,
    lastSignInAt: principal.lastSignInAt,
  };
}
