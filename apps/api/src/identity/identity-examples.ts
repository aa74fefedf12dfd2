import { encodeIdCursor } from './identity-page';

/** Response examples for the OpenAPI document: what an admin's tools receive. */
export const userExample = {
  id: 'officer-wang',
  kind: 'officer',
  displayName: '王芳 (人社局)',
  role: 'hr_officer',
  disabled: false,
  passwordChangeRequired: false,
  createdAt: '2026-11-02T01:30:00.000Z',
  lastSignInAt: '2026-11-25T00:58:12.000Z',
};

export const apiClientExample = {
  id: 'hr-system',
  kind: 'api_client',
  displayName: '人社业务系统',
  role: 'api_client',
  caseKinds: ['recruitment'],
  disabled: false,
  passwordChangeRequired: false,
  createdAt: '2026-11-02T01:40:00.000Z',
  lastSignInAt: null,
};

const apiKeyExample = {
  keyId: '9f2c4e1a7b3d5c60',
  name: 'hr-system production',
  createdAt: '2026-11-25T08:00:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-11-25T09:14:00.000Z',
};

export const usersPageExample = { items: [userExample], nextCursor: encodeIdCursor(userExample.id) };
export const apiClientsPageExample = { items: [apiClientExample], nextCursor: null };
export const apiKeysPageExample = { items: [apiKeyExample], nextCursor: null };
