import { createHash, randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowStartOptions,
} from '@temporalio/client';
import { type Actor, type CaseState, decideCase, officeYear, type OpenCase, toCaseWorkflowId } from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { nameBasedUuid, signCommand } from '@talent/activities';
import { APP_CONFIG, type AppConfig, requireCommandSigningKey } from '@talent/platform';
import { PipelineRegistry } from '@talent/pipelines';
import { caseStartAttributes } from '@talent/workflows/search-attributes';
import { caseOpenedUpdate, type CaseView, caseWorkflow } from '@talent/workflows/case.workflow';
import type { OpenCaseDto } from './dto/open-case.dto';
import { checkGranted, type GrantedKinds } from './granted-kinds';
import { storedCaseView } from './stored-case';
import { SubjectPrivacy } from '../personal-data/subject-privacy';
import { officeOccurredAt } from '../validation/occurred-at';

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

/** Opening cases: at once (201, the case open), or accepted (202, Prefer: respond-async). */
@Injectable()
export class CaseOpeningService {
  private readonly commandKey: Buffer;

  constructor(
    private readonly temporal: Client,
    private readonly pipelines: PipelineRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: PostgresEventStore,
    private readonly privacy: SubjectPrivacy,
  ) {
    this.commandKey = requireCommandSigningKey(config);
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
    const recorded = await storedCaseView(this.store, request.caseId);
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
    const occurredAt = officeOccurredAt(dto.occurredAt, this.config.BACKDATE_LIMIT_DAYS);
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
    const stored = dto.caseId || idempotencyKey ? await storedCaseView(this.store, caseId) : undefined;
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
}
