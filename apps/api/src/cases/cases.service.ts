import { createHash, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  Client,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type WorkflowHandle,
  type WorkflowStartOptions,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import {
  type Actor,
  availableActions,
  CASE_COMMAND_ACTIONS,
  decideCase,
  DomainError,
  isCaseCommandAction,
  officeYear,
  type CaseKind,
  type CaseState,
  type OpenCase,
  type PersonCommand,
  type StageDefinition,
  type StageKind,
  toCaseStreamId,
  toCaseWorkflowId,
} from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { calendarDaysLeft, caseStateOf, nameBasedUuid, signCommand, workingDaysLeft } from '@talent/activities';
import { APP_CONFIG, type AppConfig, PG_POOL, requireCommandSigningKey } from '@talent/platform';
import { payloadProblems, PipelineRegistry } from '@talent/pipelines';
import { type CaseStageRef, decodeCursor, listCases } from '@talent/projections';
import { caseStartAttributes } from '@talent/workflows/search-attributes';
import {
  caseCommandUpdate,
  caseOpenedUpdate,
  type CaseView,
  caseViewQuery,
  caseWorkflow,
} from '@talent/workflows/case.workflow';
import type { CaseActionDto } from './dto/case-action.dto';
import type { ListCasesQuery } from './dto/list-cases.query';
import type { OpenCaseDto } from './dto/open-case.dto';
import { SubjectPrivacy } from '../personal-data/subject-privacy';
import { officeOccurredAt } from '../validation/occurred-at';

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

/** Who asked for a case that exists, or is being opened, and what they asked for. */
interface RepeatedOpen {
  caseId: string;
  actor: Actor;
  requested: string;
}

interface OpenRequest {
  caseId: string;
  workflowId: string;
  repeat: RepeatedOpen;
  /** The case as the event store has it, when the request names a recorded one. */
  stored: CaseView | undefined;
  start: WorkflowStartOptions<typeof caseWorkflow> & { workflowIdConflictPolicy: 'FAIL' };
}

/** The memo of a case accepted before it opened: who asked, and a digest of what they asked for. */
const OPEN_REQUEST_MEMO = 'openRequest';

const openRequestMemo = (repeat: RepeatedOpen) => ({
  openedBy: repeat.actor.id,
  requested: createHash('sha256').update(repeat.requested).digest('base64url'),
});

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
   * Opens a case and answers once it is open: the case's workflow starts and reports back in one
   * trip (update-with-start), with no polling in between.
   */
  async open(
    dto: OpenCaseDto,
    actor: Actor,
    granted: GrantedKinds,
    idempotencyKey?: string,
  ): Promise<{ created: boolean; view: CaseView }> {
    const request = await this.openRequest(dto, actor, granted, idempotencyKey);
    if (request.stored) return { created: false, view: this.sameRequest(request.stored, request.repeat) };
    try {
      const view = await this.temporal.workflow.executeUpdateWithStart(caseOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(caseWorkflow, request.start),
      });
      return { created: true, view };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    // The same request, at the same moment, from another caller or a retry: that one created it.
    const view = await this.temporal.workflow.getHandle(request.workflowId).executeUpdate(caseOpenedUpdate);
    return { created: false, view: this.sameRequest(view, request.repeat) };
  }

  /**
   * Accepts an open (Prefer: respond-async): answered as soon as Temporal holds the case's start,
   * before its workflow has run. Everything the case's first step could refuse for the request's
   * content was refused in `openRequest`, so an accepted case is one that opens. A case already
   * recorded is answered with its view, as a synchronous open would be.
   */
  async accept(
    dto: OpenCaseDto,
    actor: Actor,
    granted: GrantedKinds,
    idempotencyKey?: string,
  ): Promise<{ accepted: string } | { view: CaseView }> {
    const request = await this.openRequest(dto, actor, granted, idempotencyKey);
    if (request.stored) return { view: this.sameRequest(request.stored, request.repeat) };
    try {
      await this.temporal.workflow.start(caseWorkflow, {
        ...request.start,
        // What a retry is compared with while the case has no state yet to compare it with.
        memo: { [OPEN_REQUEST_MEMO]: openRequestMemo(request.repeat) },
      });
      return { accepted: request.caseId };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.acceptedAgain(request);
  }

  /** A retry of an accepted open, or one that met another caller's start of the same case id. */
  private async acceptedAgain(request: OpenRequest): Promise<{ accepted: string } | { view: CaseView }> {
    const handle = this.temporal.workflow.getHandle(request.workflowId);
    const { memo, status } = await handle.describe();
    const accepted = memo?.[OPEN_REQUEST_MEMO] as ReturnType<typeof openRequestMemo> | undefined;
    // Started by a synchronous open, which is never left unopened: its view comes in a moment.
    if (!accepted) return { view: this.sameRequest(await handle.executeUpdate(caseOpenedUpdate), request.repeat) };
    const { requested } = openRequestMemo(request.repeat);
    this.requireSameRequest(accepted.openedBy, () => accepted.requested === requested, request.repeat);
    // Recorded since this request looked: the business log says so without waiting for the worker.
    const recorded = await this.fromEventStore(request.caseId);
    if (recorded) return { view: recorded };
    if (status.name !== 'RUNNING') {
      throw new ConflictException(
        `Case ${request.caseId} was accepted but never opened; use another caseId or Idempotency-Key`,
      );
    }
    return { accepted: request.caseId };
  }

  /**
   * An open request made ready to start its case, after every check its case's first step would
   * make of its content: the domain's own decider for the open, so a rule has one home and an
   * accepted open cannot be refused later. Text the store cannot hold the api's input pipe has
   * refused already; the signature is the api's own, fresh.
   */
  private async openRequest(
    dto: OpenCaseDto,
    actor: Actor,
    granted: GrantedKinds,
    idempotencyKey?: string,
  ): Promise<OpenRequest> {
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
    const workflowId = toCaseWorkflowId(caseId);
    const open: OpenCase = {
      type: 'openCase',
      caseId,
      pipeline,
      subject,
      year,
      divisionCode: this.config.DIVISION_CODE,
      actor,
      occurredAt,
    };
    decideCase(undefined, open, pipeline);
    // The business log outlives Temporal's memory of closed cases, and knows cases of every id form.
    // An id drawn at random just now names no case yet, so only a given id or key is looked up.
    const stored = dto.caseId || idempotencyKey ? await this.fromEventStore(caseId) : undefined;
    return {
      caseId,
      workflowId,
      repeat: { caseId, actor, requested },
      stored,
      start: {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        // Of concurrent opens with one key exactly one starts the case and answers 201 (or 202).
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: caseStartAttributes(pipeline, year, this.config.DIVISION_CODE, pipeline.initialStage),
        args: [{ open, signature: signCommand(this.commandKey, workflowId, open) }],
      },
    };
  }

  /**
   * A repeated open is answered with the case only for whoever opened it, and only when it asks
   * for the same thing. Anyone else hears that the id is taken, whatever they sent: otherwise
   * guessing a masked phone number against an existing case would tell a match from a mismatch.
   */
  private sameRequest(view: CaseView, repeat: RepeatedOpen): CaseView {
    const { opened, openedBy } = view.state;
    this.requireSameRequest(openedBy, () => this.storedRequest(repeat.caseId, opened) === repeat.requested, repeat);
    return view;
  }

  private requireSameRequest(openedBy: string | undefined, same: () => boolean, repeat: RepeatedOpen): void {
    if (openedBy !== repeat.actor.id) {
      throw new ConflictException(`Case id ${repeat.caseId} is taken; use another caseId or Idempotency-Key`);
    }
    if (!same()) {
      throw new ConflictException(
        `Case ${repeat.caseId} already exists with different details; use another caseId or Idempotency-Key`,
      );
    }
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
        `Case ${caseId} is accepted and still being opened; ask again in a few seconds`,
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
    const view = (await this.locate(caseId))?.view ?? (await this.fromEventStore(caseId));
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
    const stored = await this.fromEventStore(caseId);
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
