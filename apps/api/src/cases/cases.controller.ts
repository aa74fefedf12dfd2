import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@talent/domain';
import { Allow } from '@talent/platform';
import type { Principal } from '@talent/identity';
import { CurrentActor, CurrentPrincipal } from '../identity/current-actor.decorator';
import { caseListExample, caseViewExample, refusalExample } from './case-examples';
import { CASE_ID_PATTERN } from './case-id';
import { CasesService } from './cases.service';
import { CaseActionDto } from './dto/case-action.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { OpenCaseDto } from './dto/open-case.dto';

/** Officers and approvers work cases, auditors read them, API clients read the kinds they were granted. */
const CASE_READERS = ['hr_officer', 'approver', 'auditor', 'api_client'] as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Allow('hr_officer', 'api_client')
  @ApiOperation({ summary: 'Open a case; a repeated Idempotency-Key or caseId returns the existing case (200)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, example: 'hr-system-2023-000123' })
  @ApiCreatedResponse({ description: 'The new case, at its first stage', schema: { example: caseViewExample } })
  @ApiOkResponse({ description: 'The case this key or id already opened', schema: { example: caseViewExample } })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiConflictResponse({ description: 'The key or id belongs to a case with other details' })
  async open(
    @Body() dto: OpenCaseDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const { created, view } = await this.cases.open(dto, actor, principal.caseKinds, idempotencyKey?.slice(0, 200));
    response.status(created ? 201 : 200);
    return this.cases.present(view, actor);
  }

  @Get()
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'Cases from the read model, newest first, filtered and paginated by cursor' })
  @ApiOkResponse({ schema: { example: caseListExample } })
  list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.cases.list(query, actor, principal.caseKinds);
  }

  @Get(':id')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: "A case's state, its pipeline version and the actions the caller may take now" })
  @ApiOkResponse({ schema: { example: caseViewExample } })
  @ApiNotFoundResponse({ description: 'No such case' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    this.checkId(id);
    return this.cases.view(id, actor, principal.caseKinds);
  }

  @Post(':id/actions')
  @Allow('hr_officer', 'approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an action: the new state, or the rule that refuses it' })
  @ApiOkResponse({ description: 'The case after the action', schema: { example: caseViewExample } })
  @ApiBadRequestResponse({ description: 'The payload does not fit the action' })
  @ApiForbiddenResponse({ description: 'The role may not take it, or the approver submitted the case' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({
    description: 'Not allowed now: the stage does not accept it, the case is closed or suspended',
    schema: { example: refusalExample },
  })
  @ApiUnprocessableEntityResponse({ description: 'occurredAt is in the future or too far back' })
  act(@Param('id') id: string, @Body() dto: CaseActionDto, @CurrentActor() actor: Actor) {
    this.checkId(id);
    return this.cases.act(id, dto, actor);
  }

  private checkId(id: string): void {
    if (!CASE_ID_PATTERN.test(id)) throw new NotFoundException(`No case ${id}`);
  }
}
