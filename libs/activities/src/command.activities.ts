import { officeDate, type PayloadSchema, toRefusalStreamId } from '@talent/domain';
import type { PostgresEventStore } from '@talent/event-store';
import { payloadProblems } from '@talent/pipelines';
import { type CommandSignature, commandSignatureProblem } from './command-signature';

export interface CommandCheck {
  workflowId: string;
  command: unknown;
  signature?: CommandSignature;
  /** The workflow saw this signature's command id before: a captured command sent again. */
  replayed?: boolean;
  /** The schema of the action's payload in the case's current stage, when it is a stage's action. */
  payloadSchema?: PayloadSchema;
  /**
   * When the workflow took the command up: the signature must have been fresh then. A step
   * retried after an outage longer than a signature lives still checks it as its first attempt did.
   */
  at?: string;
}

/** Why a workflow does not act on a command: not the api's, or a payload its stage does not take. */
export type CommandRefusal =
  { code: 'COMMAND_NOT_SIGNED'; message: string } | { code: 'INVALID_PAYLOAD'; message: string; problems: string[] };

/** Who the command says sent it: an `actor` field, or the `openedBy` of a plan opened by hand. */
function claimedActor(command: unknown): { id: string; role: string } {
  const claimed = (command as { actor?: unknown; openedBy?: unknown } | null)?.actor;
  if (claimed && typeof claimed === 'object' && 'id' in claimed && 'role' in claimed) {
    return { id: String(claimed.id), role: String(claimed.role) };
  }
  return { id: 'unknown', role: 'none' };
}

/**
 * Run by the workflows, as local activities, before they act on a command: only the worker holds
 * the signing key, and the payload's schema is that of the stage the case is in now, which the
 * api does not read first. A command not signed is recorded where auditors read refusals, with
 * the actor it claimed, since whoever sent it went around the api and its sign-in.
 */
export function createCommandActivities(store: PostgresEventStore, signingKey: Buffer) {
  return {
    async verifyCommand(check: CommandCheck): Promise<CommandRefusal | undefined> {
      const now = check.at === undefined ? new Date() : new Date(check.at);
      const problem = check.replayed
        ? 'the command was already used once'
        : commandSignatureProblem(signingKey, check.workflowId, check.command, check.signature, now);
      if (!problem) {
        const payload = (check.command as { payload?: unknown }).payload;
        const problems = check.payloadSchema ? payloadProblems(check.payloadSchema, payload ?? {}) : [];
        return problems.length === 0 ? undefined : { code: 'INVALID_PAYLOAD', message: problems.join('; '), problems };
      }
      const type = (check.command as { type?: unknown } | null)?.type;
      const actor = claimedActor(check.command);
      const caseId = check.workflowId.startsWith('case:') ? check.workflowId.slice('case:'.length) : undefined;
      // Beside the api's refusals, so an auditor finds both in GET /audit/refusals.
      await store.append(toRefusalStreamId(officeDate(now), actor.id), 'any', [
        {
          type: 'RequestRefused',
          data: {
            via: 'temporal',
            workflowId: check.workflowId,
            ...(caseId && { caseId }),
            command: typeof type === 'string' ? type : 'unknown',
            status: 403,
            code: 'COMMAND_NOT_SIGNED',
            ...(check.signature?.commandId !== undefined && { commandId: String(check.signature.commandId) }),
          },
          metadata: { actor, reason: problem },
          occurredAt: now,
        },
      ]);
      return { code: 'COMMAND_NOT_SIGNED', message: problem };
    },
  };
}

export type CommandActivities = ReturnType<typeof createCommandActivities>;
