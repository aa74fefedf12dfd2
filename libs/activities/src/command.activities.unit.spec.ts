import type { PostgresEventStore } from '@talent/event-store';
import { createCommandActivities } from './command.activities';
import { generateCommandSigningKey, signCommand } from './command-signature';

const key = Buffer.from(generateCommandSigningKey(), 'base64');
const command = { type: 'takeAction', action: 'approve', actor: { id: 'leader-zhao', role: 'approver' } };
const signedAt = new Date(Date.now() - 60 * 60_000);
const signature = signCommand(key, 'case:c-1', command, signedAt);
const minutesAfterSigning = (minutes: number) => new Date(signedAt.getTime() + minutes * 60_000).toISOString();

/** Records what a refusal would append; an accepted command appends nothing. */
function refusalLog() {
  const appended: unknown[] = [];
  const store = { append: (...args: unknown[]) => Promise.resolve(void appended.push(args)) };
  return { appended, store: store as unknown as PostgresEventStore };
}

describe('verifyCommand', () => {
  it('checks a signature at the moment the workflow took the command up, so a step retried an hour later keeps it', async () => {
    const { appended, store } = refusalLog();

    const refused = await createCommandActivities(store, key).verifyCommand({
      workflowId: 'case:c-1',
      command,
      signature,
      at: minutesAfterSigning(1),
    });

    expect(refused).toBeUndefined();
    expect(appended).toEqual([]);
  });

  it('refuses, and records, a command the workflow took up after its signature expired', async () => {
    const { appended, store } = refusalLog();

    const refused = await createCommandActivities(store, key).verifyCommand({
      workflowId: 'case:c-1',
      command,
      signature,
      at: minutesAfterSigning(6),
    });

    expect(refused).toMatchObject({ code: 'COMMAND_NOT_SIGNED', message: expect.stringMatching(/too long ago/) });
    expect(appended).toHaveLength(1);
  });
});
