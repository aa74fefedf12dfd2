import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { Pool } from 'pg';
import {
  importIdOf,
  type ImportContent,
  RoundImports,
  type RoundOpening,
  type RoundRequest,
  type RoundSummary,
  signCommand,
} from '@talent/activities';
import {
  type Actor,
  decideRound,
  DomainError,
  type RoundExam,
  toRoundStreamId,
  toRoundWorkflowId,
} from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL, requireCommandSigningKey } from '@talent/platform';
import { PipelineRegistry } from '@talent/pipelines';
import { readApplicantRoster, readScoreSheet } from '@talent/spreadsheets';
import { roundAnnouncedUpdate, roundRequestUpdate, roundWorkflow } from '@talent/workflows/round.workflow';
import { officeOccurredAt } from '../validation/occurred-at';
import { ApplicantPrivacy } from './applicant-privacy';
import type { AnnounceRoundDto } from './dto/announce-round.dto';
import type { RoundActionDto } from './dto/round-action.dto';
import type { RegisterApplicantsDto } from './dto/register-applicants.dto';

/** An uploaded file as multer hands it over. */
export interface UploadedSheet {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Announcing rounds and carrying officers' requests to them: the api's side of the round workflows. */
@Injectable()
export class RoundsService {
  private readonly commandKey: Buffer;
  private readonly imports: RoundImports;

  constructor(
    private readonly temporal: Client,
    private readonly pipelines: PipelineRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly privacy: ApplicantPrivacy,
  ) {
    this.commandKey = requireCommandSigningKey(config);
    this.imports = new RoundImports(pool);
  }

  private occurredAt(given: string | undefined): string {
    return officeOccurredAt(given, this.config.BACKDATE_LIMIT_DAYS);
  }

  async announce(dto: AnnounceRoundDto, actor: Actor): Promise<RoundSummary> {
    const { roundId = randomUUID(), occurredAt, ...terms } = dto;
    const divisionCode = this.config.DIVISION_CODE;
    const workflowId = toRoundWorkflowId(roundId);
    const opening: RoundOpening = {
      announce: {
        type: 'announceRound',
        roundId,
        divisionCode,
        terms: { ...terms, posts: terms.posts.map((post) => ({ ...post })) },
        actor,
        occurredAt: this.occurredAt(occurredAt),
      },
      candidatePipeline: this.pipelines.latest({ kind: 'recruitment', channel: terms.channel }),
    };
    // The rules first, in the api: terms that break one never start a workflow.
    decideRound(undefined, opening.announce);
    if ((await this.store.streamVersion(toRoundStreamId(roundId))) > 0) throw this.taken(roundId);
    try {
      return await this.temporal.workflow.executeUpdateWithStart(roundAnnouncedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(roundWorkflow, {
          workflowId,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowIdConflictPolicy: 'FAIL',
          // A round whose announcement failed wrote nothing; its id may be announced again.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
          args: [{ opening, signature: signCommand(this.commandKey, workflowId, opening) }],
        }),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw this.taken(roundId);
      throw error;
    }
  }

  private taken(roundId: string): ConflictException {
    return new ConflictException(`Round id ${roundId} is taken; choose another roundId`);
  }

  /** One signed request to the round's workflow, answered once it is carried out. */
  async request(roundId: string, request: RoundRequest): Promise<RoundSummary> {
    const workflowId = toRoundWorkflowId(roundId);
    try {
      return await this.temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(roundRequestUpdate, { args: [request, signCommand(this.commandKey, workflowId, request)] });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    // Its workflow ends when a round closes; the business log still knows it.
    if ((await this.store.streamVersion(toRoundStreamId(roundId))) > 0) {
      throw new DomainError('ROUND_CLOSED', `Round ${roundId} is closed; nothing more can be recorded in it.`);
    }
    throw new NotFoundException(`No round ${roundId}`);
  }

  act(roundId: string, dto: RoundActionDto, actor: Actor): Promise<RoundSummary> {
    const base = {
      actor,
      occurredAt: this.occurredAt(dto.occurredAt),
      ...(dto.reason !== undefined && { reason: dto.reason }),
    };
    const posts = dto.postCodes && { postCodes: dto.postCodes };
    const request: RoundRequest = (() => {
      switch (dto.action) {
        case 'approvePostTable':
        case 'closeRound':
          return { ...base, type: dto.action };
        case 'reviewQualifications':
          return { ...base, type: dto.action, decisions: dto.decisions! };
        case 'drawShortlist':
        case 'rankPosts':
          return { ...base, type: dto.action, ...posts };
        case 'resolveTie':
          return { ...base, type: dto.action, postCode: dto.postCode!, order: dto.order! };
        case 'advanceCandidates':
          return { ...base, type: dto.action, postCode: dto.postCode!, ...(dto.tickets && { tickets: dto.tickets }) };
        case 'substitute':
          return { ...base, type: dto.action, postCode: dto.postCode!, caseId: dto.caseId! };
      }
    })();
    return this.request(roundId, request);
  }

  register(roundId: string, dto: RegisterApplicantsDto, actor: Actor): Promise<RoundSummary> {
    return this.request(roundId, {
      type: 'registerApplicants',
      applicants: this.privacy.seal(roundId, dto.applicants),
      actor,
      occurredAt: this.occurredAt(dto.occurredAt),
    });
  }

  /**
   * A 报名 list from Excel: every row checked first; one bad row and nothing is imported, and the
   * answer names each wrong row and column. The same file again adds nobody twice.
   */
  async importApplicants(roundId: string, file: UploadedSheet | undefined, actor: Actor, occurredAt?: string) {
    const sheet = this.requireSheet(file);
    const reading = await readApplicantRoster(sheet.buffer);
    if (!reading.ok) throw this.unreadable(sheet, reading.errors);
    const applicants = reading.rows.map((line) => line.applicant);
    const problems = this.privacy.problems(applicants);
    if (problems.length > 0) {
      throw this.unreadable(
        sheet,
        problems.map((message) => ({ message })),
      );
    }
    const sealed = this.privacy.seal(roundId, applicants);
    const content: ImportContent = {
      kind: 'applicants',
      rows: reading.rows.map((line, index) => ({ row: line.row, applicant: sealed[index]! })),
    };
    return this.stageAndImport(roundId, sheet, content, actor, occurredAt);
  }

  /** 笔试, 面试 or 考核 scores from Excel, matched to the roster by 准考证号. */
  async importScores(
    roundId: string,
    exam: RoundExam,
    file: UploadedSheet | undefined,
    actor: Actor,
    occurredAt?: string,
  ) {
    const sheet = this.requireSheet(file);
    const reading = await readScoreSheet(sheet.buffer, exam);
    if (!reading.ok) throw this.unreadable(sheet, reading.errors);
    const content: ImportContent = {
      kind: 'scores',
      exam,
      rows: reading.rows.map(({ row, ticket, score }) => ({ row, ticket, score })),
    };
    return this.stageAndImport(roundId, sheet, content, actor, occurredAt);
  }

  private async stageAndImport(
    roundId: string,
    sheet: UploadedSheet,
    content: ImportContent,
    actor: Actor,
    occurredAt: string | undefined,
  ) {
    const at = this.occurredAt(occurredAt);
    if ((await this.store.streamVersion(toRoundStreamId(roundId))) === 0) {
      throw new NotFoundException(`No round ${roundId}`);
    }
    const importId = importIdOf(
      roundId,
      content.kind === 'scores' ? `scores-${content.exam}` : 'applicants',
      sheet.buffer,
    );
    await this.imports.stage({ importId, roundId, content, stagedBy: actor.id });
    const type = content.kind === 'applicants' ? 'importApplicants' : 'importScores';
    const summary = await this.request(roundId, { type, importId, actor, occurredAt: at });
    return { importId, rows: content.rows.length, ...summary };
  }

  private requireSheet(file: UploadedSheet | undefined): UploadedSheet {
    if (!file) throw new UnprocessableEntityException('Upload the .xlsx file as the multipart field "file".');
    return file;
  }

  private unreadable(sheet: UploadedSheet, errors: Array<{ row?: number; column?: string; message: string }>) {
    return new UnprocessableEntityException({
      statusCode: 422,
      error: 'INVALID_FILE',
      message: `${sheet.originalname}: ${errors.length} problem(s); nothing was imported. Correct the rows and upload the whole file again.`,
      errors,
    });
  }
}
