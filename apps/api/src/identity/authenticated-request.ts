import type { Request } from 'express';
import type { Principal } from '@talent/identity';

/** A request after the access guard: who is calling, once known. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}
