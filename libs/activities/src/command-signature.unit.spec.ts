import { commandSignatureProblem, generateCommandSigningKey, signCommand } from './command-signature';

const key = Buffer.from(generateCommandSigningKey(), 'base64');
const command = { type: 'takeAction', action: 'approve', actor: { id: 'leader-zhao', role: 'approver' } };
const now = new Date('2026-11-25T08:00:00Z');

describe('signed commands', () => {
  it('vouch for the command they were made for, sent to the workflow they were made for', () => {
    const signature = signCommand(key, 'case:c-1', command, now);

    expect(commandSignatureProblem(key, 'case:c-1', command, signature, now)).toBeUndefined();
  });

  it('do not vouch for a changed command, another workflow, or another key', () => {
    const signature = signCommand(key, 'case:c-1', command, now);
    const forged = { ...command, actor: { id: 'someone-else', role: 'approver' } };
    const otherKey = Buffer.from(generateCommandSigningKey(), 'base64');

    expect(commandSignatureProblem(key, 'case:c-1', forged, signature, now)).toMatch(/does not match/);
    expect(commandSignatureProblem(key, 'case:c-2', command, signature, now)).toMatch(/does not match/);
    expect(commandSignatureProblem(otherKey, 'case:c-1', command, signature, now)).toMatch(/does not match/);
  });

  it('refuse a command without a signature, or one signed too long ago', () => {
    const old = signCommand(key, 'case:c-1', command, new Date(now.getTime() - 6 * 60_000));

    expect(commandSignatureProblem(key, 'case:c-1', command, undefined, now)).toMatch(/no signature/);
    expect(commandSignatureProblem(key, 'case:c-1', command, { commandId: 'x' }, now)).toMatch(/no signature/);
    expect(commandSignatureProblem(key, 'case:c-1', command, old, now)).toMatch(/too long ago/);
    expect(commandSignatureProblem(key, 'case:c-1', command, { ...old, issuedAt: 'not a date' }, now)).toMatch(
      /does not match/,
    );
  });
});
