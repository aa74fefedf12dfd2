import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@talent/domain';

/**
 * A refused rule as Temporal carries it: an Update fails with the rule's code as the failure
 * type (the api maps it to 403 or 409), and nothing is retried.
 */
export function refusal(code: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

export function asWorkflowFailure<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof DomainError) throw refusal(error.code, error.message);
    throw error;
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
