import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Pool } from 'pg';
import {
  type Actor,
  availableActions,
  CASE_COMMAND_ACTIONS,
  DomainError,
  isCaseCommandAction,
  officeYear,
  type CaseKind,
  type CaseState,
  type PersonCommand,
  toCaseStreamId,
} from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { nameBasedUuid } from '@talent/activities';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { ownValue, payloadProblems, PipelineRegistry } from '@talent/pipelines';
import { decodeCursor, listCases } from '@talent/projections';
import { caseSearchAttributes } from '@talent/workflows/search-attributes';
import type { CaseView } from '@talent/workflows/case.workflow';
import { queryUntilAnswered } from '../workflow-queries';
import type { CaseActionDto } from './dto/case-action.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import type { OpenCaseDto } from './dto/open-case.dto';
import { SubjectPrivacy } from '../personal-data/subject-privacy';
import { caseStateOf } from './case-from-events';

const CLOCK_SKEW_MS = 60_000;

/** The case kinds an API client was granted; null for officers, whose role alone decides. */
type GrantedKinds = readonly CaseKind[] | null;

function checkGranted(granted: GrantedKinds, kind: CaseKind, verb: 'open' | 'read'): void {
  if (granted && !granted.includes(kind)) {
    throw new DomainError(
      'CASE_KIND_NOT_GRANTED',
      `This API client may ${verb} ${granted.join(', ')} cases only, not ${kind}; an admin grants more.`,
    );
  }
}

/** Starting, reading and acting on cases: the api's side of the case workflows. */
@Injectable()
export class CasesService {
  constructor(
    private readonly temporal: Client,
    private readonly pipelines: PipelineRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly privacy: SubjectPrivacy,
  ) {}

  /** Offices enter facts late but never early, and only so late (BACKDATE_LIMIT_DAYS). */
  occurredAt(given: string | undefined): string {
    const now = Date.now();
    if (given === undefined) return new Date(now).toISOString();
    const at = Date.parse(given);
    if (at > now + CLOCK_SKEW_MS) throw new DomainError('OCCURRED_IN_FUTURE', 'occurredAt is in the future.');
    if (at < now - this.config.BACKDATE_LIMIT_DAYS * 86_400_000) {
      throw new DomainError(
        'BACKDATED_TOO_FAR',
        `occurredAt is more than ${this.config.BACKDATE_LIMIT_DAYS} days ago (BACKDATE_LIMIT_DAYS).`,
      );
    }
    return new Date(at).toISOString();
  }

  async open(
    dto: OpenCaseDto,
    actor: Actor,
    granted: GrantedKinds,
    idempotencyKey?: string,
  ): Promise<{ created: boolean; view: CaseView }> {
    checkGranted(granted, dto.kind, 'open');
    const pipeline = this.pipelines.latest(dto);
    const occurredAt = this.occurredAt(dto.occurredAt);
    const year = dto.year ?? officeYear(new Date(occurredAt));
    const caseId =
      dto.caseId ?? (idempotencyKey ? nameBasedUuid(`talent-case:${actor.id}\n${idempotencyKey}`) : randomUUID());
    const subject = this.privacy.seal(caseId, dto.subject);
    // The request's fingerprint: a retry must ask for the same case, or it is a conflict.
    const requested = JSON.stringify([
      dto.kind,
      dto.channel,
      dto.workstationType,
      this.privacy.fingerprint(dto.subject),
      year,
    ]);
    const fingerprint = createHash('sha256').update(requested).digest('hex');

    const existing = await this.describe(caseId);
    if (existing) return { created: false, view: await this.existingCase(caseId, existing, requested, fingerprint) };
    const archived = await this.fromEventStore(caseId);
    if (archived) {
      if (this.storedRequest(caseId, archived.state.opened) !== requested) {
        throw new ConflictException(`Case ${caseId} already exists with different details`);
      }
      return { created: false, view: archived };
    }
    let created = true;
    try {
      await this.temporal.workflow.start('caseWorkflow', {
        workflowId: caseId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { fingerprint },
        typedSearchAttributes: [
          { key: caseSearchAttributes.caseKind, value: pipeline.kind },
          {
            key: caseSearchAttributes.caseChannel,
            value: pipeline.channel ?? pipeline.workstationType ?? pipeline.kind,
          },
          { key: caseSearchAttributes.caseYear, value: year },
          { key: caseSearchAttributes.divisionCode, value: this.config.DIVISION_CODE },
          { key: caseSearchAttributes.caseStatus, value: 'open' },
          { key: caseSearchAttributes.caseStage, value: pipeline.initialStage },
        ],
        args: [
          {
            open: {
              type: 'openCase',
              caseId,
              pipeline,
              subject,
              year,
              divisionCode: this.config.DIVISION_CODE,
              actor,
              occurredAt,
            },
          },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      // The same request, at the same moment, from another caller or a retry: that one created it.
      created = false;
    }
    const after = await this.describe(caseId);
    return { created, view: await this.existingCase(caseId, after!, requested, fingerprint) };
  }

  /** What an open request for the stored case would have asked, in the form of `requested`. */
  private storedRequest(caseId: string, opened: CaseState['opened']): string {
    return JSON.stringify([
      opened.kind,
      opened.channel,
      opened.workstationType,
      this.privacy.storedFingerprint(caseId, opened.subject),
      opened.year,
    ]);
  }

  private async describe(caseId: string) {
    try {
      return await this.temporal.workflow.getHandle(caseId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  private async existingCase(
    caseId: string,
    description: { memo?: Record<string, unknown> },
    requested: string,
    fingerprint: string,
  ) {
    const view = await queryUntilAnswered<CaseView>(
      this.temporal.workflow.getHandle(caseId),
      'caseView',
      `Case ${caseId}`,
    );
    // The memo's fingerprint is keyed by the personal-data key of its day; after a rotation only
    // the stored case itself can say whether a retry asks for the same thing.
    if (description.memo?.fingerprint !== fingerprint && this.storedRequest(caseId, view.state.opened) !== requested) {
      throw new ConflictException(
        `Case ${caseId} already exists with different details; use another caseId or Idempotency-Key`,
      );
    }
    return view;
  }

  async view(caseId: string, actor: Actor, granted: GrantedKinds = null) {
    let view: CaseView | undefined;
    try {
      view = await this.temporal.workflow.getHandle(caseId).query<CaseView | undefined>('caseView');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal forgets closed workflows after the namespace's retention; the business log does not.
      view = await this.fromEventStore(caseId);
    }
    if (!view) throw new NotFoundException(`No case ${caseId}`);
    checkGranted(granted, view.state.opened.kind, 'read');
    return this.present(view, actor);
  }

  /** A case's view folded from its events: the same evolve the workflow uses. */
  private async fromEventStore(caseId: string): Promise<CaseView | undefined> {
    const state = caseStateOf(await this.store.readStream(toCaseStreamId(caseId)));
    if (!state) return undefined;
    return { state, pipelineId: state.opened.pipelineId, pipelineVersion: state.opened.pipelineVersion };
  }

  present(view: CaseView, actor: Actor) {
    const pipeline = this.pipelines.get(view.pipelineId, view.pipelineVersion);
    const stage = pipeline.stages[view.state.stage];
    const subject = this.privacy.reveal(
      view.state.caseId,
      view.state.opened.subject,
      actor,
      view.state.handlingOfficer,
    );
    return {
      caseId: view.state.caseId,
      pipeline: { id: pipeline.id, version: pipeline.version, label: pipeline.label },
      stage: { id: view.state.stage, label: stage?.label ?? null, kind: stage?.kind ?? null },
      outcome: view.state.outcome && { ...view.state.outcome, label: pipeline.outcomes[view.state.outcome.id]?.label },
      subject,
      state: { ...view.state, opened: { ...view.state.opened, subject } },
      allowedActions: availableActions(view.state, pipeline, actor),
    };
  }

  async act(caseId: string, dto: CaseActionDto, actor: Actor) {
    const current = await this.view(caseId, actor);
    const command = this.toCommand(current, dto, actor);
    const closed = () =>
      new DomainError(
        'CASE_NOT_OPEN',
        `Case ${caseId} is closed (${current.state.outcome?.id}); nothing more can be done in it.`,
      );
    // A closed case's workflow has completed and takes no Updates; the rule, not the engine, answers.
    if (current.state.status === 'closed') throw closed();
    try {
      const view = await this.temporal.workflow
        .getHandle(caseId)
        .executeUpdate<CaseView, [PersonCommand]>('caseCommand', { args: [command] });
      return this.present(view, actor);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw closed();
      throw error;
    }
  }

  /**
   * Checks the request's shape against the stage's payload schema, and every string of it for
   * personal numbers: bad input is a 400 naming the field.
   */
  private toCommand(current: ReturnType<CasesService['present']>, dto: CaseActionDto, actor: Actor): PersonCommand {
    const occurredAt = this.occurredAt(dto.occurredAt);
    const payload = dto.payload ?? {};
    const reason = dto.reason;
    const personal = this.privacy.freeTextProblems({ reason, payload });
    if (isCaseCommandAction(dto.action)) {
      const definition = CASE_COMMAND_ACTIONS[dto.action];
      const problems = [...payloadProblems(definition.payloadSchema, payload), ...personal];
      if (definition.reasonRequired && !reason) problems.push(`reason is required to ${dto.action}`);
      if (problems.length) throw new BadRequestException(problems);
      switch (dto.action) {
        case 'withdraw':
        case 'reject':
          return { type: dto.action, reason: reason!, actor, occurredAt };
        case 'raiseObjection':
          return { type: 'raiseObjection', grounds: payload.grounds as string, actor, occurredAt };
        case 'resolveObjection':
          return { type: 'resolveObjection', upheld: payload.upheld as boolean, reason: reason!, actor, occurredAt };
      }
    }
    const pipeline = this.pipelines.get(current.pipeline.id, current.pipeline.version);
    // An action the stage does not have is the workflow's to refuse (409), with its reason.
    const definition = ownValue(ownValue(pipeline.stages, current.state.stage)?.actions, dto.action);
    const problems = [...(definition ? payloadProblems(definition.payloadSchema, payload) : []), ...personal];
    if (problems.length) throw new BadRequestException(problems);
    return { type: 'takeAction', action: dto.action, payload, ...(reason && { reason }), actor, occurredAt };
  }

  async list(query: ListCasesQuery, granted: GrantedKinds = null) {
    if (query.kind) checkGranted(granted, query.kind as CaseKind, 'read');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new BadRequestException(['cursor is not one this api gave out']);
    const { limit = 50, cursor: _cursor, ...filters } = query;
    return listCases(
      this.pool,
      { ...filters, divisionCode: this.config.DIVISION_CODE, ...(granted && { kinds: granted }) },
      { limit, after },
    );
  }
}
