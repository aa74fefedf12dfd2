import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from '@talent/identity';

const ISSUER = 'talent-engine';
const AUDIENCE = 'talent-engine-api';

interface AccessClaims {
  sub: string;
  role: string;
  /** The credentials version the token was issued under. */
  cv: number;
}

/**
 * Short-lived signed tokens (JWT, HS256) for signed-in officers. Tokens are checked against the
 * user's row on every request, so disabling a user or changing a role or password ends them
 * at once rather than at expiry.
 */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  async issue(principal: Principal): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresAt: string }> {
    const accessToken = await this.jwt.signAsync(
      { role: principal.role, cv: principal.credentialsVersion },
      { subject: principal.id, issuer: ISSUER, audience: AUDIENCE, algorithm: 'HS256' },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string): Promise<{ principalId: string; credentialsVersion: number }> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return { principalId: claims.sub, credentialsVersion: claims.cv };
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired; sign in again (POST /auth/sign-in)');
    }
  }
}
