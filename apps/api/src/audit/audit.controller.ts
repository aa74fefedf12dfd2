import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@talent/domain';
import { CASE_ID_PATTERN } from '../cases/case-id';
import { CurrentActor, USER_ID_HEADER, USER_ROLE_HEADER } from '../identity/current-actor.decorator';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiHeader({ name: USER_ID_HEADER, required: true, example: 'auditor-1' })
@ApiHeader({ name: USER_ROLE_HEADER, required: true, example: 'auditor' })
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('cases/:id/history')
  @ApiOperation({
    summary: 'Every event of a case in order: what, who (and in which role), why, when; with the hash chain',
  })
  @ApiNotFoundResponse({ description: 'No such case' })
  history(@Param('id') id: string, @CurrentActor() _actor: Actor) {
    return this.audit.history(this.checked(id));
  }

  @Get('cases/:id/history/verify')
  @ApiOperation({ summary: "Recomputes the case's hash chain and names the first broken link, if any" })
  verifyCase(@Param('id') id: string, @CurrentActor() _actor: Actor) {
    return this.audit.verifyCase(this.checked(id));
  }

  @Get('audit/verify')
  @ApiOperation({ summary: 'Verifies every stream of the store and counts the streams and events verified' })
  verifyAll(@CurrentActor() _actor: Actor) {
    return this.audit.verifyAll();
  }

  private checked(id: string): string {
    if (!CASE_ID_PATTERN.test(id)) throw new NotFoundException(`No case ${id}`);
    return id;
  }
}
