import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CommandSignature, RoundActivities, RoundOpening, RoundRequest, RoundSummary } from '@talent/activities';
import { CommandGuard, ExclusiveSection, refusal } from './workflow-support';

export interface RoundWorkflowInput {
  opening: RoundOpening;
  /** The api's signature of `opening`: a round nobody signed is never announced. */
  signature?: CommandSignature;
  /** Carried over by continue-as-new. */
  carried?: { summary: RoundSummary; usedCommands: Record<string, number> };
}

export const roundSummaryQuery = defineQuery<RoundSummary | undefined>('roundSummary');
/** Everything an officer or approver does to a round, signed by the api. */
export const roundRequestUpdate = defineUpdate<RoundSummary, [RoundRequest, CommandSignature?]>('roundRequest');
/** Answers once the round is announced: the api starts a round with it (update-with-start). */
export const roundAnnouncedUpdate = defineUpdate<RoundSummary>('roundAnnounced');

const { carryOutRoundRequest } = proxyActivities<RoundActivities>({
  // Reading and appending a roster of 10,000 applicants, or opening a post's candidates' cases.
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * One recruitment round (招录批次). The roster stays in the event store: each request is one
 * activity that folds the round's stream, decides and appends, so this workflow's history grows
 * by a few events per request, whatever the size of the roster, and its state is a summary. Its
 * jobs are the ones only Temporal does well: one request at a time per round, and every accepted
 * request carried to its end across crashes (the places reserved, the candidates' cases opened).
 */
export async function roundWorkflow(input: RoundWorkflowInput): Promise<RoundSummary> {
  const { opening } = input;
  const section = new ExclusiveSection();
  const guard = new CommandGuard(input.carried?.usedCommands);
  let summary: RoundSummary | undefined = input.carried?.summary;

  async function carryOut(request: RoundRequest, commandId: string): Promise<RoundSummary> {
    const answer = await carryOutRoundRequest({ opening, request, commandId });
    if (!answer.ok) throw refusal(answer.code, answer.message, answer.problems);
    summary = answer.summary;
    return summary;
  }

  setHandler(roundSummaryQuery, () => summary);
  /** Why the announcement was refused: the api hears it, and the workflow fails so its id is free again. */
  let refused: Error | undefined;
  setHandler(roundAnnouncedUpdate, async () => {
    await condition(() => summary !== undefined || refused !== undefined);
    if (refused !== undefined) throw refused;
    return summary!;
  });
  setHandler(roundRequestUpdate, async (request, signature) => {
    await condition(() => summary !== undefined);
    return section.run(async () => {
      await guard.requireSigned(request, signature);
      return carryOut(request, signature!.commandId);
    });
  });

  if (!summary) {
    // Only continue-as-new starts a round with carried state; a start nobody signed stops here.
    try {
      await section.run(async () => {
        await guard.requireSigned(opening, input.signature);
        await carryOut(opening.announce, input.signature!.commandId);
      });
    } catch (failure) {
      refused = failure as Error;
      await condition(allHandlersFinished);
      throw failure;
    }
  }
  await condition(() => summary!.status === 'closed' || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  if (summary!.status === 'closed') return summary!;
  return continueAsNew<typeof roundWorkflow>({
    opening,
    carried: { summary: summary!, usedCommands: guard.stillFresh() },
  });
}
