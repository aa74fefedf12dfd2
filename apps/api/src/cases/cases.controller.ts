import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@talent/domain';
import { Allow } from '@talent/platform';
import type { Principal } from '@talent/identity';
import { CurrentActor, CurrentPrincipal } from '../identity/current-actor.decorator';
import { caseAcceptedExample, caseListExample, caseViewExample, refusalExample } from './case-examples';
import { CASE_ID_PATTERN } from './case-id';
import { CaseOpeningService } from './case-opening.service';
import { CasesService } from './cases.service';
import { CaseActionDto } from './dto/case-action.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { OpenCaseDto } from './dto/open-case.dto';
import { prefersRespondAsync } from './respond-async';

/** Officers and approvers work cases, auditors read them, API clients read the kinds they were granted. */
const CASE_READERS = ['hr_officer', 'approver', 'auditor', 'api_client'] as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly opening: CaseOpeningService,
  ) {}

  @Post()
  @Allow('hr_officer', 'api_client')
  @ApiOperation({
    summary: 'Open a case; a repeated Idempotency-Key or caseId returns the existing case (200)',
    description:
      'With `Prefer: respond-async` (RFC 7240) the case is accepted (202) as soon as the engine holds it, ' +
      'before it is recorded: for batches from other systems. Every check of the request is made before ' +
      'either answer, so an accepted case opens; GET /cases/{id} (the Location) waits for it to open.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, example: 'hr-system-2023-000123' })
  @ApiHeader({
    name: 'prefer',
    required: false,
    example: 'respond-async',
    description: 'respond-async: answer 202 once the case is accepted, without waiting for it to be recorded',
  })
  @ApiCreatedResponse({ description: 'The new case, at its first stage', schema: { example: caseViewExample } })
  @ApiOkResponse({ description: 'The case this key or id already opened', schema: { example: caseViewExample } })
  @ApiAcceptedResponse({
    description:
      'Prefer: respond-async. The case is accepted and will open: the engine holds it durably and every check ' +
      'of the request has passed. It is not yet recorded, so it is not yet in the case list; GET the Location ' +
      'for its view. A retry while it is being opened is answered 202 again; once it is recorded, 200 with the view.',
    headers: {
      Location: { description: 'The case: /cases/{caseId}', schema: { type: 'string' } },
      'Preference-Applied': { description: 'respond-async', schema: { type: 'string' } },
    },
    schema: {
      type: 'object',
      required: ['caseId', 'accepted', 'recorded', 'location'],
      properties: {
        caseId: { type: 'string' },
        accepted: { type: 'boolean', enum: [true] },
        recorded: { type: 'boolean', enum: [false] },
        location: { type: 'string' },
      },
      example: caseAcceptedExample,
    },
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiConflictResponse({ description: 'The key or id belongs to a case with other details' })
  async open(
    @Body() dto: OpenCaseDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('prefer') prefer?: string,
  ) {
    const key = idempotencyKey?.slice(0, 200);
    if (prefersRespondAsync(prefer)) {
      const answer = await this.opening.accept(dto, actor, principal.caseKinds, key);
      if ('view' in answer) {
        // Recorded already: the preference is not applied, the case itself is the answer.
        response.status(200);
        return this.cases.present(answer.view, actor);
      }
      const location = `/cases/${answer.accepted}`;
      response.status(202).setHeader('Location', location).setHeader('Preference-Applied', 'respond-async');
      return { caseId: answer.accepted, accepted: true, recorded: false, location };
    }
    const { created, view } = await this.opening.open(dto, actor, principal.caseKinds, key);
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
  @ApiServiceUnavailableResponse({
    description: 'The case did not answer within 10 s: accepted (202) and not yet open, or the engine is busy',
  })
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
