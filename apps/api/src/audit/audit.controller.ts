import { Controller, Get, Header, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, ROLES } from '@talent/domain';
import { Allow } from '@talent/platform';
import { CASE_ID_PATTERN } from '../cases/case-id';
import { CurrentActor } from '../identity/current-actor.decorator';
import { AuditService } from './audit.service';
import { HistoryExportQuery } from './history-export.query';
import { RefusalsQuery } from './refusals.query';

const HISTORY_READERS = ['hr_officer', 'approver', 'auditor'] as const;

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('cases/:id/history')
  @Allow(...HISTORY_READERS)
  @ApiOperation({
    summary: 'Every event of a case in order: what, who (and in which role), why, when; with the hash chain',
  })
  @ApiNotFoundResponse({ description: 'No such case' })
  history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.audit.history(this.checked(id), actor);
  }

  @Get('cases/:id/history/export')
  @Allow('auditor')
  @Header('content-disposition', 'attachment')
  @ApiOperation({
    summary:
      "The case's events exactly as stored, signed (Ed25519), with the ledger's tree head and each event's " +
      'inclusion proof: verify offline with npm run audit:verify-export',
  })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiBadRequestResponse({ description: 'consistencyFrom is malformed, or larger than the ledger' })
  @ApiConflictResponse({ description: 'EVENTS_NOT_YET_IN_LEDGER: export again in a moment' })
  exportHistory(@Param('id') id: string, @Query() query: HistoryExportQuery, @CurrentActor() actor: Actor) {
    return this.audit.exportCase(this.checked(id), actor, query.consistencyFrom);
  }

  @Get('cases/:id/history/verify')
  @Allow(...HISTORY_READERS)
  @ApiOperation({ summary: "Recomputes the case's hash chain and names the first broken link, if any" })
  verifyCase(@Param('id') id: string) {
    return this.audit.verifyCase(this.checked(id));
  }

  @Get('audit/verify')
  @Allow('auditor')
  @ApiOperation({ summary: 'Verifies every stream of the store and counts the streams and events verified' })
  verifyAll() {
    return this.audit.verifyAll();
  }

  @Get('audit/signing-key')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'The public key that signs history exports, to pin when verifying them' })
  signingKey() {
    return this.audit.signingKeyInfo();
  }

  @Get('audit/refusals')
  @Allow('auditor')
  @ApiOperation({ summary: 'Refused requests (403, 409): who tried what, when, and why it was refused' })
  refusals(@Query() query: RefusalsQuery) {
    return this.audit.refusals(query);
  }

  private checked(id: string): string {
    if (!CASE_ID_PATTERN.test(id)) throw new NotFoundException(`No case ${id}`);
    return id;
  }
}
