import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  Client,
  ServiceError,
  WorkflowNotFoundError,
  type WorkflowHandle,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import {
  type Actor,
  availableActions,
  CASE_COMMAND_ACTIONS,
  DomainError,
  isCaseCommandAction,
  type CaseKind,
  type CaseState,
  type PersonCommand,
  type StageDefinition,
  type StageKind,
  toCaseWorkflowId,
} from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { calendarDaysLeft, signCommand, workingDaysLeft } from '@talent/activities';
import { APP_CONFIG, type AppConfig, PG_POOL, requireCommandSigningKey } from '@talent/platform';
import { payloadProblems, PipelineRegistry } from '@talent/pipelines';
import { type CaseStageRef, decodeCursor, listCases } from '@talent/projections';
import {
  caseCommandUpdate,
  caseOpenedUpdate,
  type CaseView,
  caseViewQuery,
  caseWorkflow,
} from '@talent/workflows/case.workflow';
import type { CaseActionDto } from './dto/case-action.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import { checkGranted, type GrantedKinds } from './granted-kinds';
import { storedCaseView } from './stored-case';
import { SubjectPrivacy } from '../personal-data/subject-privacy';
import { officeOccurredAt } from '../validation/occurred-at';

/**
 * How long a read of a case accepted and still being opened waits for it to open: the time a
 * busy engine takes to reach a new case, and no longer than a client waits for an answer.
 */
const OPENING_WAIT_MS = 10_000;

/** The gRPC status under a Temporal client's error, if it carries one. */
const grpcCodeOf = (error: unknown): number | undefined => {
  const code = ((error instanceof ServiceError ? error.cause : error) as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
};

/** Starting, reading and acting on cases: the api's side of the case workflows. */
@Injectable()
export class CasesService {
  private readonly commandKey: Buffer;

  constructor(
    private readonly temporal: Client,
    private readonly pipelines: PipelineRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly privacy: SubjectPrivacy,
  ) {
    this.commandKey = requireCommandSigningKey(config);
  }

  occurredAt(given: string | undefined): string {
    return officeOccurredAt(given, this.config.BACKDATE_LIMIT_DAYS);
  }

  /**
   * The running workflow of a case and its view. Cases opened before case workflow ids had their
   * own prefix run under the bare case id; they are found there, if that workflow is a case's.
   */
  private async locate(caseId: string): Promise<{ workflowId: string; view: CaseView } | undefined> {
    try {
      const workflowId = toCaseWorkflowId(caseId);
      return { workflowId, view: await this.openedView(workflowId, caseId) };
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    try {
      const { type } = await this.temporal.workflow.getHandle(caseId).describe();
      if (type !== caseWorkflow.name) return undefined;
      const view = await this.temporal.workflow.getHandle(caseId).query(caseViewQuery);
      return view && { workflowId: caseId, view };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * A case's view from its workflow. One accepted (202) and not yet open has none: read-your-writes,
   * the read waits for it to open, as long as a client waits for an answer. A workflow that ended
   * without opening answers WorkflowNotFoundError, and the case is looked for elsewhere.
   */
  private async openedView(workflowId: string, caseId: string): Promise<CaseView> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      return await this.temporal.withDeadline(
        Date.now() + OPENING_WAIT_MS,
        async () => (await this.queryView(handle)) ?? (await handle.executeUpdate(caseOpenedUpdate)),
      );
    } catch (error) {
      const timedOut =
        error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || grpcCodeOf(error) === GrpcStatus.DEADLINE_EXCEEDED;
      if (!timedOut) throw error;
      throw new ServiceUnavailableException(
        `Case ${caseId} did not answer within ${OPENING_WAIT_MS / 1000} s: it is still being opened, or the engine is busy; ask again in a few seconds`,
      );
    }
  }

  private async queryView(handle: WorkflowHandle): Promise<CaseView | undefined> {
    try {
      return await handle.query(caseViewQuery);
    } catch (error) {
      // Temporal answers queries once a workflow's first task is done: a case accepted, not yet run.
      if (grpcCodeOf(error) === GrpcStatus.FAILED_PRECONDITION) return undefined;
      throw error;
    }
  }

  async view(caseId: string, actor: Actor, granted: GrantedKinds = null) {
    // Temporal forgets closed workflows after the namespace's retention; the business log does not.
    const view = (await this.locate(caseId))?.view ?? (await storedCaseView(this.store, caseId));
    if (!view) throw new NotFoundException(`No case ${caseId}`);
    checkGranted(granted, view.state.opened.kind, 'read');
    return this.present(view, actor);
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
      notice: this.noticeCountdown(view.state, stage),
      allowedActions: availableActions(view.state, pipeline, actor),
    };
  }

  /**
   * A running 公示's end and the days it has left, counted as its stage counts them: working days
   * by the office's calendar, or calendar days (7 days for 事业单位 under some county rules).
   */
  private noticeCountdown(state: CaseState, stage: StageDefinition | undefined) {
    if (!state.noticeEndsAt || state.noticeCompleted || state.status === 'closed') return null;
    const now = new Date();
    const endsAt = new Date(state.noticeEndsAt);
    if (stage?.noticeDays && !stage.noticeWorkingDays) {
      return { endsAt: state.noticeEndsAt, daysLeft: calendarDaysLeft(now, endsAt), counted: 'days' as const };
    }
    const calendar = { extraHolidays: this.config.LOCAL_HOLIDAYS, extraWorkdays: this.config.LOCAL_WORKDAYS };
    return {
      endsAt: state.noticeEndsAt,
      daysLeft: workingDaysLeft(now, endsAt, calendar),
      counted: 'working_days' as const,
    };
  }

  /**
   * One trip: the command goes straight to the case, whose Update checks it against the rules and
   * the stage's payload schema and answers with the new state. Only when no case runs under the id
   * does the api look further: a case opened before case workflow ids had a prefix, or a closed one.
   */
  async act(caseId: string, dto: CaseActionDto, actor: Actor) {
    const command = this.toCommand(dto, actor);
    try {
      return this.present(await this.command(toCaseWorkflowId(caseId), command), actor);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    if (await this.isUnprefixedCase(caseId)) return this.present(await this.command(caseId, command), actor);
    const stored = await storedCaseView(this.store, caseId);
    if (!stored) throw new NotFoundException(`No case ${caseId}`);
    // A closed case's workflow has completed and takes no Updates; the rule, not the engine, answers.
    throw new DomainError(
      'CASE_NOT_OPEN',
      `Case ${caseId} is closed (${stored.state.outcome?.id}); nothing more can be done in it.`,
    );
  }

  private command(workflowId: string, command: PersonCommand): Promise<CaseView> {
    const signature = signCommand(this.commandKey, workflowId, command);
    return this.temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(caseCommandUpdate, { args: [command, signature], updateId: signature.commandId });
  }

  private async isUnprefixedCase(caseId: string): Promise<boolean> {
    try {
      const { type, status } = await this.temporal.workflow.getHandle(caseId).describe();
      return type === caseWorkflow.name && status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /**
   * The command a request asks for. Its payload is checked against its stage's schema by the case
   * itself, which knows the stage; here, the case commands' own payloads and, in every string,
   * personal numbers: bad input is a 400 naming the field.
   */
  private toCommand(dto: CaseActionDto, actor: Actor): PersonCommand {
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
        case 'confirmNoticeEnded':
          return { type: 'confirmNoticeEnded', actor, occurredAt };
      }
    }
    if (personal.length) throw new BadRequestException(personal);
    return { type: 'takeAction', action: dto.action, payload, ...(reason && { reason }), actor, occurredAt };
  }

  async list(query: ListCasesQuery, actor: Actor, granted: GrantedKinds = null) {
    if (query.kind) checkGranted(granted, query.kind as CaseKind, 'read');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new BadRequestException(['cursor is not one this api gave out']);
    const { limit = 50, cursor: _cursor, stageKind, mine, ...filters } = query;
    return listCases(
      this.pool,
      {
        ...filters,
        divisionCode: this.config.DIVISION_CODE,
        ...(granted && { kinds: granted }),
        ...(stageKind && { stages: this.stagesOfKind(stageKind) }),
        ...(mine && { handlingOfficer: actor.id }),
      },
      { limit, after },
    );
  }

  /** Every stage of this kind in every pipeline version a case may still run on. */
  private stagesOfKind(kind: StageKind): CaseStageRef[] {
    return this.pipelines.list().flatMap((pipeline) =>
      Object.entries(pipeline.stages)
        .filter(([, stage]) => stage.kind === kind)
        .map(([stage]) => ({ pipelineId: pipeline.id, pipelineVersion: pipeline.version, stage })),
    );
  }
}
