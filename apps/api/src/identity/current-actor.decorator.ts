import {
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { type Actor, ROLES, type Role } from '@talent/domain';

export const USER_ID_HEADER = 'x-user-id';
export const USER_ROLE_HEADER = 'x-user-role';

/**
 * The acting user, from two request headers. A stand-in until real authentication (issue 6):
 * the api trusts the caller's gateway to set them.
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<Request>();
  const id = request.header(USER_ID_HEADER)?.trim();
  const role = request.header(USER_ROLE_HEADER)?.trim();
  if (!id || !role) {
    throw new UnauthorizedException(
      `Headers ${USER_ID_HEADER} and ${USER_ROLE_HEADER} must name the acting user and role`,
    );
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new BadRequestException(`${USER_ROLE_HEADER} must be one of: ${ROLES.join(', ')}`);
  }
  if (id.length > 100) throw new BadRequestException(`${USER_ID_HEADER} must be at most 100 characters`);
  return { id, role: role as Role };
});
