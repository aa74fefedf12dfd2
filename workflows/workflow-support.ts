import { ApplicationFailure, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { CommandActivities, CommandCheck, CommandRefusal, CommandSignature } from '@talent/activities';
import { COMMAND_SIGNATURE_TTL_MS, DomainError, type PayloadSchema } from '@talent/domain';

/** Commands verified against the api's signature before they are acted on (issue 11). */
export const SIGNED_COMMANDS_PATCH = 'signed-commands';

const { verifyCommand } = proxyLocalActivities<CommandActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * A refused rule as Temporal carries it: an Update fails with the rule's code as the failure
 * type (the api maps it to 403 or 409), and nothing is retried.
 */
export function refusal(code: string, message: string, problems?: string[]): ApplicationFailure {
  return ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    ...(problems && { details: [problems] }),
  });
}

export function asWorkflowFailure<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof DomainError) throw refusal(error.code, error.message);
    throw error;
  }
}

/** A refused check as the workflow throws it: the api maps the code to 403 or 422. */
export function commandRefusal(refused: CommandRefusal): ApplicationFailure {
  if (refused.code === 'INVALID_PAYLOAD') return refusal(refused.code, refused.message, refused.problems);
  return refusal(refused.code, `Refused: ${refused.message}. Commands reach the engine only through its api.`);
}

/**
 * Lets through only commands the api signed. Only the worker holds the key, so the check runs as
 * a local activity (its answer is recorded, so a replay or a new key never changes the past):
 * on its own, or inside the step that records the command (recordCaseStep).
 * A case also refuses a signed command it has already acted on: one captured from its history
 * and sent again.
 */
export class CommandGuard {
  private readonly used: Map<string, number>;

  constructor(
    carried: Record<string, number> = {},
    private readonly refuseRepeats = true,
  ) {
    this.used = new Map(Object.entries(carried));
  }

  /**
   * What the worker checks of a command: its signature, that it is not a repeat, and its payload
   * against `payloadSchema`; the signature as of `at`, by default the moment the workflow took it up.
   */
  checkOf(
    command: unknown,
    signature: CommandSignature | undefined,
    payloadSchema?: PayloadSchema,
    at: Date = new Date(),
  ): CommandCheck {
    const replayed = this.refuseRepeats && signature !== undefined && this.used.has(signature.commandId);
    return {
      workflowId: workflowInfo().workflowId,
      command,
      replayed,
      at: at.toISOString(),
      ...(signature && { signature }),
      ...(payloadSchema && { payloadSchema }),
    };
  }

  /** The check passed: the command is not taken again. */
  accept(check: CommandCheck): void {
    if (this.refuseRepeats) this.used.set(check.signature!.commandId, Date.parse(check.signature!.issuedAt));
  }

  /** Checks a command on its own, refusing it when the api did not sign it or its payload does not fit. */
  async requireSigned(
    command: unknown,
    signature: CommandSignature | undefined,
    payloadSchema?: PayloadSchema,
  ): Promise<void> {
    const check = this.checkOf(command, signature, payloadSchema);
    const refused = await verifyCommand(check);
    if (refused) throw commandRefusal(refused);
    this.accept(check);
  }

  /** The command ids still young enough to be sent again, for the next run after continue-as-new. */
  stillFresh(): Record<string, number> {
    const horizon = Date.now() - 2 * COMMAND_SIGNATURE_TTL_MS;
    return Object.fromEntries([...this.used].filter(([, issuedAt]) => issuedAt >= horizon));
  }
}

/**
 * Runs workflow sections one at a time. Update handlers and timers await activities, and without
 * this two of them could decide against the same state; in here each decides on the state the
 * previous one left, so of two concurrent conflicting actions one wins and the other is refused.
 */
export class ExclusiveSection {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
