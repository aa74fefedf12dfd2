export * from './principal';
export { PrincipalStore } from './principal-store';
export type { ApiKeyView, NewPrincipal, PrincipalChanges } from './principal-store';
export { passwordProblem, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './passwords';
export { CreateIdentity1764000008000 } from './migrations/1764000008000-create-identity';
export { AddPasswordChangeRequired1764000009000 } from './migrations/1764000009000-add-password-change-required';
