import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, type Role } from '@talent/domain';
import { IdentityError, type Principal, PrincipalStore } from '@talent/identity';
import { ALLOWED_ROLES, API_KEY_HEADER, PUBLIC_ROUTE } from '@talent/platform';
import { AccessTokens } from './access-tokens';
import type { AuthenticatedRequest } from './authenticated-request';

const OPEN_DURING_PASSWORD_CHANGE = 'talent:open-during-password-change';

/**
 * The one route open to an officer whose password an admin chose (a new account's, or a reset):
 * choosing their own. Until then the admin, who knows the password, must not be able to act as them.
 */
export const OpenDuringPasswordChange = () => SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);

/**
 * Every request but a public route's proves who it is (a bearer token or an API key) and holds a
 * role the route allows. Runs before the rate limiter, which then counts per caller.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly principals: PrincipalStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;
    if (
      principal.passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_DURING_PASSWORD_CHANGE, targets)
    ) {
      throw new IdentityError(
        'PASSWORD_CHANGE_REQUIRED',
        `An admin set the password of ${principal.id}, so it must be changed before anything else: ` +
          'POST /auth/password with currentPassword and newPassword, then sign in again',
      );
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
      throw new DomainError(
        'ROLE_NOT_ALLOWED',
        allowed.length
          ? `${route} is for the roles ${allowed.join(', ')}; ${principal.id} has the role ${principal.role}`
          : `${route} is not open to any role`,
      );
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const apiKey = request.header(API_KEY_HEADER);
    if (apiKey) {
      const client = await this.principals.authenticateApiKey(apiKey.trim());
      if (!client)
        throw new UnauthorizedException(`The ${API_KEY_HEADER} key is unknown, revoked or its client disabled`);
      return client;
    }
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException(
        `Sign in (POST /auth/sign-in) and send "Authorization: Bearer <token>", or send an API key in ${API_KEY_HEADER}`,
      );
    }
    const { principalId, credentialsVersion } = await this.tokens.verify(token);
    const principal = await this.principals.activeAt(principalId, credentialsVersion);
    if (!principal) {
      throw new UnauthorizedException(
        'The token was revoked (the account was disabled or its role or password changed); sign in again',
      );
    }
    return principal;
  }
}
