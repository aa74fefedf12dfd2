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
import { CurrentActor, USER_ID_HEADER, USER_ROLE_HEADER } from '../identity/current-actor.decorator';
import { caseListExample, caseViewExample, refusalExample } from './case-examples';
import { CASE_ID_PATTERN } from './case-id';
import { CasesService } from './cases.service';
import { CaseActionDto } from './dto/case-action.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { OpenCaseDto } from './dto/open-case.dto';

@ApiTags('cases')
@ApiHeader({ name: USER_ID_HEADER, required: true, description: 'The acting user', example: 'officer-wang' })
@ApiHeader({
  name: USER_ROLE_HEADER,
  required: true,
  description: 'The acting role: hr_officer, approver, auditor, api_client or admin',
  example: 'hr_officer',
})
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case; a repeated Idempotency-Key or caseId returns the existing case (200)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, example: 'hr-system-2023-000123' })
  @ApiCreatedResponse({ description: 'The new case, at its first stage', schema: { example: caseViewExample } })
  @ApiOkResponse({ description: 'The case this key or id already opened', schema: { example: caseViewExample } })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiConflictResponse({ description: 'The key or id belongs to a case with other details' })
  async open(
    @Body() dto: OpenCaseDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const { created, view } = await this.cases.open(dto, actor, idempotencyKey?.slice(0, 200));
    response.status(created ? 201 : 200);
    return this.cases.present(view, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Cases from the read model, newest first, filtered and paginated by cursor' })
  @ApiOkResponse({ schema: { example: caseListExample } })
  list(@Query() query: ListCasesQuery, @CurrentActor() _actor: Actor) {
    return this.cases.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: "A case's state, its pipeline version and the actions the caller may take now" })
  @ApiOkResponse({ schema: { example: caseViewExample } })
  @ApiNotFoundResponse({ description: 'No such case' })
  view(@Param('id') id: string, @CurrentActor() actor: Actor) {
    this.checkId(id);
    return this.cases.view(id, actor);
  }

  @Post(':id/actions')
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
