import { newApiKey, parseApiKey, secretMatches } from './api-keys';
import { passwordProblem, verifyPassword } from './passwords';

describe('API keys', () => {
  it('are shown once as tke_<key id>_<secret> and checked against the stored hash only', () => {
    const key = newApiKey();
    const parsed = parseApiKey(key.secret);

    expect(key.secret).toMatch(/^tke_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parsed?.keyId).toBe(key.keyId);
    expect(key.secretHash.toString('hex')).not.toContain(parsed!.secret);
    expect(secretMatches(parsed!.secret, key.secretHash)).toBe(true);
    const lastChanged = `${parsed!.secret.slice(0, -1)}${parsed!.secret.endsWith('A') ? 'B' : 'A'}`;
    expect(secretMatches(lastChanged, key.secretHash)).toBe(false);
  });

  it('refuses anything not shaped like a key before touching the database', () => {
    for (const candidate of [
      '',
      'tke_',
      'Bearer x',
      `tke_${'0'.repeat(16)}_short`,
      `xyz_${'0'.repeat(16)}_${'a'.repeat(43)}`,
    ]) {
      expect(parseApiKey(candidate)).toBeUndefined();
    }
  });
});

describe('passwords', () => {
  it('must be long, and must not contain the user id', () => {
    expect(passwordProblem('short', 'officer-wang')).toBe('password must be at least 12 characters');
    expect(passwordProblem('x'.repeat(257), 'officer-wang')).toBe('password must be at most 256 characters');
    expect(passwordProblem('my-OFFICER-WANG-pass', 'officer-wang')).toBe('password must not contain the user id');
    expect(passwordProblem('correct horse battery staple', 'officer-wang')).toBeUndefined();
  });

  it('never verify for a user that does not exist', async () => {
    await expect(verifyPassword(undefined, 'decoy password, never valid')).resolves.toBe(false);
  });
});
