import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { COMMAND_SIGNATURE_TTL_MS } from '@talent/domain';

/**
 * The api's word for a command: who may have sent it is decided at the api (sign-in, roles), and
 * the workflow takes no command, and no case, that the api did not sign. Without it anyone who
 * reaches Temporal could send an Update in an invented officer's name.
 */
export interface CommandSignature {
  /** Unique per command: the Update's id, and what a replayed command is recognised by. */
  commandId: string;
  issuedAt: string;
  /** HMAC-SHA256 of the workflow id, the command id, the issue time and the command, base64url. */
  mac: string;
}

export const generateCommandSigningKey = (): string => randomBytes(32).toString('base64');

function macOf(key: Buffer, workflowId: string, commandId: string, issuedAt: string, command: unknown): string {
  return createHmac('sha256', key)
    .update(canonicalize({ workflowId, commandId, issuedAt, command }))
    .digest('base64url');
}

export function signCommand(
  key: Buffer,
  workflowId: string,
  command: unknown,
  now = new Date(),
  commandId: string = randomUUID(),
): CommandSignature {
  const issuedAt = now.toISOString();
  return { commandId, issuedAt, mac: macOf(key, workflowId, commandId, issuedAt, command) };
}

/** Why the signature does not vouch for `command` sent to `workflowId`, or undefined when it does. */
export function commandSignatureProblem(
  key: Buffer,
  workflowId: string,
  command: unknown,
  signature: Partial<CommandSignature> | undefined,
  now = new Date(),
): string | undefined {
  const { commandId, issuedAt, mac } = signature ?? {};
  if (typeof commandId !== 'string' || typeof issuedAt !== 'string' || typeof mac !== 'string') {
    return 'the command carries no signature';
  }
  const expected = Buffer.from(macOf(key, workflowId, commandId, issuedAt, command));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return 'the command signature does not match the command';
  }
  const age = now.getTime() - Date.parse(issuedAt);
  if (!(Math.abs(age) <= COMMAND_SIGNATURE_TTL_MS)) return `the command was signed at ${issuedAt}, too long ago`;
  return undefined;
}
