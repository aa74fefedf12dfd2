import { Body, Controller, Get, HttpCode, Logger, Post, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { type Principal, PRINCIPAL_ID_PATTERN, PrincipalStore } from '@talent/identity';
import { Allow, Public } from '@talent/platform';
import { ROLES } from '@talent/domain';
import { OpenDuringPasswordChange } from './access.guard';
import { AccessTokens } from './access-tokens';
import { CurrentPrincipal } from './current-actor.decorator';
import { present } from './principal.view';
import { ChangeOwnPasswordDto, SignInDto } from './identity.dto';
import { PASSWORD_CHECK_ROUTE } from './rate-limits';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    private readonly principals: PrincipalStore,
    private readonly tokens: AccessTokens,
  ) {}

  @Post('sign-in')
  @Public()
  @SetMetadata(PASSWORD_CHECK_ROUTE, true)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with user id and password; returns a short-lived bearer token',
    description:
      'With passwordChangeRequired (an admin set the password), the token is good for POST /auth/password only; ' +
      'every other endpoint answers 403 PASSWORD_CHANGE_REQUIRED.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        accessToken: 'eyJhbGciOiJIUzI1NiIs…',
        tokenType: 'Bearer',
        expiresAt: '2026-11-25T09:15:00.000Z',
        passwordChangeRequired: false,
        user: { id: 'officer-wang', role: 'hr_officer', displayName: '王芳' },
      },
    },
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or from this address' })
  async signIn(@Body() dto: SignInDto) {
    const principal = await this.principals.checkPassword(dto.userId, dto.password);
    if (!principal) {
      // Not the text as typed unless it is shaped like an id: people type passwords into the wrong box.
      const named = PRINCIPAL_ID_PATTERN.test(dto.userId) ? `user id ${dto.userId}` : 'a malformed user id';
      this.logger.warn(`sign-in refused for ${named}`);
      // One message for every cause, so that it does not tell which user ids exist.
      throw new UnauthorizedException('Wrong user id or password, or the account is disabled');
    }
    this.logger.log(`${principal.id} signed in`);
    return {
      ...(await this.tokens.issue(principal)),
      passwordChangeRequired: principal.passwordChangeRequired,
      user: present(principal),
    };
  }

  @Get('me')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'Who the token or key belongs to, and its role' })
  me(@CurrentPrincipal() principal: Principal) {
    return present(principal);
  }

  @Post('password')
  @Allow('hr_officer', 'approver', 'auditor', 'admin')
  @SetMetadata(PASSWORD_CHECK_ROUTE, true)
  @OpenDuringPasswordChange()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password (required after an admin set it); every token issued before stops working',
  })
  async changePassword(@Body() dto: ChangeOwnPasswordDto, @CurrentPrincipal() principal: Principal) {
    const changed = await this.principals.changeOwnPassword(principal.id, dto.currentPassword, dto.newPassword);
    if (!changed) throw new UnauthorizedException('currentPassword is wrong');
  }
}
