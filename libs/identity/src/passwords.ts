import { hash, verify } from '@node-rs/argon2';

/** Argon2id is @node-rs/argon2's default; these are OWASP's minimum parameters for it. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why `password` may not be used, or undefined. Length beats composition rules (NIST SP 800-63B). */
export function passwordProblem(password: string, userId: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.toLowerCase().includes(userId.toLowerCase())) return 'password must not contain the user id';
  return undefined;
}

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/**
 * A hash to verify against when the user does not exist, so that an unknown user id takes as
 * long to refuse as a wrong password and sign-in timing does not reveal who has an account.
 */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    decoyHash ??= hashPassword('decoy password, never valid');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
