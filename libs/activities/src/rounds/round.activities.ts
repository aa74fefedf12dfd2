import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { Pool } from 'pg';
import {
  type Actor,
  type CaseSubject,
  decideRound,
  DomainError,
  evolveRound,
  nextSubstitute,
  type OpenCase,
  placeHoldersOf,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
  roundQuotaCategory,
  SYSTEM_ACTOR,
  toCaseStreamId,
  toCaseWorkflowId,
  toRoundStreamId,
} from '@talent/domain';
import { LruMap, type PostgresEventStore, type RecordedEvent } from '@talent/event-store';
import { caseOpenedUpdate, caseWorkflow } from '@talent/workflows/case.workflow';
import { caseStartAttributes } from '@talent/workflows/search-attributes';
import { signCommand } from '../command-signature';
import { nameBasedUuid } from '../event-ids';
import { createPlanActivities, type PlanDefaults } from '../plan.activities';
import { RoundImports } from './round-imports';
import type { RoundOpening, RoundRequest, RoundSummary } from './round-requests';
import { candidateCaseId } from './round-requests';

export type RoundAnswer =
  { ok: true; summary: RoundSummary } | { ok: false; code: string; message: string; problems?: string[] };

const PAGE = 10_000;
/** Rounds whose fold a worker keeps: a 10,000-applicant round is a few tens of MB. */
const FOLDS_KEPT = 8;

const evolveOnto = (state: RoundState | undefined, event: RoundEvent): RoundState => evolveRound(state, event);

/** A stored row of a round's stream as the domain event it was. */
const toRoundEvent = (event: RecordedEvent): RoundEvent =>
  ({
    type: event.type,
    data: event.data,
    meta: {
      actor: event.metadata.actor as Actor,
      ...(event.metadata.reason !== undefined && { reason: event.metadata.reason }),
      occurredAt: event.occurredAt.toISOString(),
    },
  }) as RoundEvent;

/** 进入体检 by default: every applicant ranked within the post's places and not yet sent on. */
function withinPlacesNotSentOn(state: RoundState, postCode: string): string[] {
  const post = state.posts.get(postCode);
  if (!post?.ranking) return [];
  return post.ranking
    .filter((line) => line.rank <= post.post.places && !post.caseOfTicket.has(line.ticket))
    .map((line) => line.ticket);
}

/**
 * The round's side of the engine. Its workflow only orders requests and survives crashes; the
 * roster, which may hold 10,000 applicants, is folded here from the event store for each request,
 * decided on by the pure domain and appended in one transaction under the stream's expected
 * version. Event ids come from the request's command id, so a retried activity recognises what it
 * already wrote and only finishes what follows it (opening candidates' cases, releasing places).
 */
export function createRoundActivities(deps: {
  store: PostgresEventStore;
  pool: Pool;
  client: Client;
  signingKey: Buffer;
  plan: PlanDefaults;
}) {
  const { store, client, signingKey } = deps;
  const imports = new RoundImports(deps.pool);
  const folds = new LruMap<string, { state: RoundState; version: number }>(FOLDS_KEPT);
  const plans = createPlanActivities(client, deps.plan, signingKey);

  /**
   * The round folded up to its stream's head. A round's stream only grows, so the fold of its
   * first n events never changes: the last fold is kept and only what was appended since is read
   * and applied. It is taken out while a request uses it (the domain's evolve updates it in
   * place), so a failed request, or a retry running beside a timed-out attempt, folds afresh.
   */
  async function foldedRound(roundId: string): Promise<{ state: RoundState | undefined; version: number }> {
    const kept = folds.get(roundId);
    folds.delete(roundId);
    let state = kept?.state;
    let version = kept?.version ?? 0;
    for (;;) {
      const page = await store.readStream(toRoundStreamId(roundId), { fromVersion: version + 1, maxCount: PAGE });
      for (const event of page) state = evolveRound(state, toRoundEvent(event));
      version += page.length;
      if (page.length < PAGE) return { state, version };
    }
  }

  /** The events a request wrote before, if an earlier attempt of it got as far as the append. */
  async function writtenBefore(roundId: string, firstEventId: string, commandId: string): Promise<RoundEvent[]> {
    const found = await deps.pool.query<{ stream_version: number }>(
      'SELECT stream_version FROM events WHERE event_id = $1',
      [firstEventId],
    );
    const from = found.rows[0]?.stream_version;
    if (from === undefined) return [];
    const events = await store.readStream(toRoundStreamId(roundId), { fromVersion: Number(from), maxCount: PAGE });
    return events.filter((event) => event.metadata.causationId === commandId).map(toRoundEvent);
  }

  /** The domain command a request stands for, on the roster as it is now. */
  async function toCommand(state: RoundState | undefined, opening: RoundOpening, request: RoundRequest) {
    const { actor, occurredAt, reason } = request;
    const base = { actor, occurredAt, ...(reason !== undefined && { reason }) };
    const roundId = opening.announce.roundId;
    switch (request.type) {
      case 'importApplicants':
      case 'importScores': {
        const content = await imports.read(roundId, request.importId);
        if (!content) throw new DomainError('IMPORT_NOT_FOUND', `No upload ${request.importId} for round ${roundId}.`);
        const source = { importId: request.importId };
        return content.kind === 'applicants'
          ? ({
              ...base,
              type: 'registerApplicants',
              applicants: content.rows.map((line) => line.applicant),
              source: { ...source, rows: content.rows.map((line) => line.row) },
            } satisfies RoundCommand)
          : ({
              ...base,
              type: 'recordScores',
              exam: content.exam,
              scores: content.rows.map(({ ticket, score }) => ({ ticket, score })),
              source,
            } satisfies RoundCommand);
      }
      case 'advanceCandidates': {
        const tickets = request.tickets ?? (state ? withinPlacesNotSentOn(state, request.postCode) : []);
        const caseIdOf = Object.fromEntries(tickets.map((ticket) => [ticket, candidateCaseId(roundId, ticket)]));
        return { ...base, type: 'advanceCandidates', postCode: request.postCode, tickets, caseIdOf } as RoundCommand;
      }
      case 'substitute': {
        const closed = (await store.readStream(toCaseStreamId(request.caseId))).find(
          (event) => event.type === 'CaseClosed',
        );
        const data = closed?.data as { outcome: string; result: 'success' | 'failure'; lastStage: string } | undefined;
        const next = state && nextSubstitute(state, request.postCode);
        return {
          ...base,
          type: 'substitute',
          postCode: request.postCode,
          replaced: data
            ? { caseId: request.caseId, lastStage: data.lastStage, outcome: data.outcome, result: data.result }
            : { caseId: request.caseId, lastStage: '', outcome: '', result: 'open' },
          caseId: next ? candidateCaseId(roundId, next.ticket) : '',
        } as RoundCommand;
      }
      case 'closeRound':
        return {
          ...base,
          type: 'closeRound',
          failedCaseIds: state ? await failedCandidateCases(state) : [],
        } as RoundCommand;
      case 'announceRound':
      case 'approvePostTable':
      case 'drawShortlist':
      case 'rankPosts':
      case 'recordScores':
      case 'registerApplicants':
      case 'resolveTie':
      case 'reviewQualifications': {
        const { actor: _actor, occurredAt: _at, reason: _reason, ...rest } = request;
        return { ...base, ...rest } as RoundCommand;
      }
    }
  }

  /** Candidates whose case ended without a hire: their places are unfilled unless someone moved up. */
  async function failedCandidateCases(state: RoundState): Promise<string[]> {
    const failed: string[] = [];
    for (const post of state.posts.values()) {
      for (const candidate of post.candidates.values()) {
        if (candidate.replacedBy !== undefined) continue;
        const events = await store.readStream(toCaseStreamId(candidate.caseId));
        const closed = events.find((event) => event.type === 'CaseClosed');
        if ((closed?.data as { result?: string } | undefined)?.result === 'failure') failed.push(candidate.caseId);
      }
    }
    return failed;
  }

  /** 编制储备 for the places of an introduced-talent round: all of them, or none. */
  async function reservePlaces(opening: RoundOpening, holders: string[], commandId: string, actor: Actor) {
    const { divisionCode, terms } = opening.announce;
    const category = roundQuotaCategory(terms.channel)!;
    const reserved: string[] = [];
    for (const holder of holders) {
      const answer = await plans.sendPlanCommand({
        divisionCode,
        year: terms.year,
        command: { type: 'reserveQuota', caseId: holder, category },
        actor,
        commandId: `${commandId}/reserve/${holder}`,
      });
      if (!answer.ok) {
        await releasePlaces(opening, reserved, `${commandId}/undo`, actor);
        throw new DomainError(
          answer.code,
          `${answer.message} The post table needs ${holders.length} ${category} places; approve it when the plan has them.`,
        );
      }
      reserved.push(holder);
    }
  }

  async function releasePlaces(opening: RoundOpening, holders: readonly string[], commandId: string, actor: Actor) {
    const { divisionCode, terms } = opening.announce;
    for (const holder of holders) {
      await plans.sendPlanCommand({
        divisionCode,
        year: terms.year,
        command: { type: 'releaseQuota', caseId: holder },
        actor,
        commandId: `${commandId}/release/${holder}`,
      });
    }
  }

  /** Each candidate this request advanced gets their case, opened at 体检 (once, however often retried). */
  async function openCandidateCases(
    opening: RoundOpening,
    state: RoundState,
    written: readonly RoundEvent[],
  ): Promise<RoundSummary['openedCases']> {
    const opened: RoundSummary['openedCases'] = [];
    const { roundId, divisionCode, terms } = opening.announce;
    const pipeline = opening.candidatePipeline;
    for (const event of written) {
      if (event.type !== 'CandidateAdvanced' && event.type !== 'CandidateSubstituted') continue;
      const { postCode, ticket, rank, caseId, placeHolder } = event.data;
      const { applicant } = state.applicants.get(ticket)!;
      const post = terms.posts.find((candidate) => candidate.code === postCode)!;
      const subject: CaseSubject = {
        name: applicant.name,
        details: { post: `${post.code} ${post.unit} ${post.title}`, ticket, gender: applicant.gender },
        idCardNumber: applicant.idCardNumber,
        ...(applicant.phone !== undefined && { phone: applicant.phone }),
      };
      const open: OpenCase = {
        type: 'openCase',
        caseId,
        pipeline,
        subject,
        year: terms.year,
        divisionCode,
        actor: event.meta.actor,
        occurredAt: event.meta.occurredAt,
        round: { roundId, postCode, ticket, rank, ...(placeHolder !== undefined && { placeHolder }) },
      };
      const workflowId = toCaseWorkflowId(caseId);
      await client.workflow.executeUpdateWithStart(caseOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(caseWorkflow, {
          workflowId,
          taskQueue: deps.plan.taskQueue,
          // A retry finds the case it opened before and leaves it as it is.
          workflowIdConflictPolicy: 'USE_EXISTING',
          typedSearchAttributes: caseStartAttributes(
            pipeline,
            terms.year,
            divisionCode,
            pipeline.roundEntryStage ?? pipeline.initialStage,
          ),
          args: [{ open, signature: signCommand(signingKey, workflowId, open) }],
        }),
      });
      opened.push({ postCode, ticket, caseId });
    }
    return opened;
  }

  function summarise(
    opening: RoundOpening,
    state: RoundState,
    version: number,
    written: readonly RoundEvent[],
    openedCases: RoundSummary['openedCases'],
  ): RoundSummary {
    const { roundId, divisionCode, terms } = opening.announce;
    const recorded: Record<string, number> = {};
    for (const event of written) recorded[event.type] = (recorded[event.type] ?? 0) + 1;
    return {
      roundId,
      divisionCode,
      year: terms.year,
      channel: terms.channel,
      title: terms.title,
      status: state.status,
      version,
      posts: terms.posts.length,
      places: terms.posts.reduce((sum, post) => sum + post.places, 0),
      applicants: state.applicants.size,
      recorded,
      openedCases,
    };
  }

  return {
    async carryOutRoundRequest(input: {
      opening: RoundOpening;
      request: RoundRequest;
      commandId: string;
    }): Promise<RoundAnswer> {
      const { opening, request, commandId } = input;
      const { roundId, divisionCode } = opening.announce;
      const streamId = toRoundStreamId(roundId);
      const eventId = (index: number) => nameBasedUuid(`talent-round:${roundId}\n${commandId}\n${index}`);
      try {
        const { state: before, version } = await foldedRound(roundId);
        const earlier = await writtenBefore(roundId, eventId(1), commandId);
        if (earlier.length > 0) {
          // A retry after the append: finish what follows it, write nothing again.
          await afterAppend(opening, earlier, commandId, request.actor);
          const openedCases = await openCandidateCases(opening, before!, earlier);
          folds.set(roundId, { state: before!, version });
          return { ok: true, summary: summarise(opening, before!, version, earlier, openedCases) };
        }
        let events: RoundEvent[];
        let command: RoundCommand;
        try {
          command = await toCommand(before, opening, request);
          events = decideRound(before, command);
        } catch (refusal) {
          // Refused before anything was applied: the fold is still the stream's, keep it.
          if (before) folds.set(roundId, { state: before, version });
          throw refusal;
        }
        // evolveRound updates the state it is given: `before` is the state after from here on.
        let state = events.reduce<RoundState | undefined>(evolveOnto, before);
        if (
          command.type === 'approvePostTable' &&
          events.length > 0 &&
          roundQuotaCategory(opening.announce.terms.channel)
        ) {
          const holders = placeHoldersOf(roundId, opening.announce.terms.posts);
          await reservePlaces(opening, holders, commandId, command.actor);
          const reserved = decideRound(state, {
            type: 'recordPlacesReserved',
            holders,
            actor: SYSTEM_ACTOR,
            occurredAt: command.occurredAt,
          });
          state = reserved.reduce<RoundState | undefined>(evolveOnto, state);
          events = [...events, ...reserved];
        }
        if (events.length > 0) {
          await store.append(
            streamId,
            version === 0 ? 'no_stream' : version,
            events.map((event, index) => ({
              eventId: eventId(index + 1),
              type: event.type,
              data: event.data,
              metadata: {
                actor: event.meta.actor,
                ...(event.meta.reason !== undefined && { reason: event.meta.reason }),
                correlationId: roundId,
                causationId: commandId,
                divisionCode,
              },
              occurredAt: new Date(event.meta.occurredAt),
            })),
          );
        }
        if (!state) throw new DomainError('ROUND_NOT_ANNOUNCED', `No round ${roundId}.`);
        await afterAppend(opening, events, commandId, request.actor);
        const openedCases = await openCandidateCases(opening, state, events);
        folds.set(roundId, { state, version: version + events.length });
        return { ok: true, summary: summarise(opening, state, version + events.length, events, openedCases) };
      } catch (error) {
        if (error instanceof DomainError) {
          return { ok: false, code: error.code, message: error.message };
        }
        throw error;
      }
    },
  };

  /** Places a closed round never filled go back to the year's plan. */
  async function afterAppend(
    opening: RoundOpening,
    written: readonly RoundEvent[],
    commandId: string,
    actor: Actor,
  ): Promise<void> {
    for (const event of written) {
      if (event.type === 'RoundClosed') await releasePlaces(opening, event.data.releasedHolders, commandId, actor);
    }
  }
}

export type RoundActivities = ReturnType<typeof createRoundActivities>;
