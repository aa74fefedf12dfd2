export * from './principal';
export { PrincipalStore } from './principal-store';
export { API_KEY_ID_PATTERN } from './api-keys';
export type { ApiKeyView, NewPrincipal, Page, PageRequest, PrincipalChanges } from './principal-store';
export { passwordProblem, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './passwords';
export { CreateIdentity1764000008000 } from './migrations/1764000008000-create-identity';
export { AddPasswordChangeRequired1764000009000 } from './migrations/1764000009000-add-password-change-required';
