export { accepted, admin, ApiClient, approver, auditor, officer, secondOfficer } from './api-client';
export type { Credentials } from './api-client';
export { requestJson } from './request-json';
export type { JsonResponse } from './request-json';
