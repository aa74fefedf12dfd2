import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@talent/domain';

export const PUBLIC_ROUTE = 'talent:public';
export const ALLOWED_ROLES = 'talent:allowed-roles';
export const API_KEY_HEADER = 'x-api-key';

/** Open to anyone, signed in or not: health, metrics, sign-in. Every other route needs @Allow. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call a route. A route with neither @Public nor @Allow refuses everyone, so
 * a new endpoint is closed until someone decides who may use it.
 */
export const Allow = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ...(roles.includes('api_client') ? [ApiSecurity('api-key')] : []),
    ApiUnauthorizedResponse({ description: 'No valid token or API key' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );
