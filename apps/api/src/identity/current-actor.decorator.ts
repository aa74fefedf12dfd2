import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@talent/domain';
import type { Principal } from '@talent/identity';
import type { AuthenticatedRequest } from './authenticated-request';

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only reachable on a route marked @Public, where the caller is by definition unknown.
  if (!principal) throw new Error('CurrentActor used on a public route');
  return principal;
}

/** Who calls, as events record it: the signed-in user or API client and its role. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { id, role } = principalOf(context);
  return { id, role };
});

/** The whole principal, for checks beyond the role (an API client's case kinds). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context));
