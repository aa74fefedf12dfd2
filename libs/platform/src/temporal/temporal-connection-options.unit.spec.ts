import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from '@talent/testing';
import { ConfigError, loadConfig } from '../config/app-config';
import { temporalConnectionSettings } from './temporal-connection-options';

const minimal = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/talent', TEMPORAL_ADDRESS: 'temporal:7233' };

let dir: string;
const file = (name: string, content: string) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'temporal-tls-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function settingsFor(env: Record<string, string>) {
  return temporalConnectionSettings(loadConfig({ ...minimal, ...env }));
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    settingsFor(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function mtlsFiles() {
  const client = selfSignedCertificate('talent-engine');
  const ca = selfSignedCertificate('talent-office-ca');
  return {
    TEMPORAL_TLS_CERT_PATH: file('client.pem', client.certificate),
    TEMPORAL_TLS_KEY_PATH: file('client.key', client.privateKey),
    TEMPORAL_TLS_CA_PATH: file('ca.pem', ca.certificate),
  };
}

describe('temporalConnectionSettings', () => {
  it('connects in plain text when nothing asks for TLS', () => {
    expect(settingsFor({})).toEqual({ address: 'temporal:7233', tls: false });
  });

  it('uses TLS with the system roots for an API key, and sends the key', () => {
    expect(settingsFor({ TEMPORAL_API_KEY: 'secret' })).toEqual({
      address: 'temporal:7233',
      tls: {},
      apiKey: 'secret',
    });
  });

  it('presents the client certificate and trusts the given CA under the given server name', () => {
    const files = mtlsFiles();

    const { tls } = settingsFor({ ...files, TEMPORAL_TLS_SERVER_NAME: 'temporal' });

    expect(tls).toEqual({
      serverNameOverride: 'temporal',
      serverRootCACertificate: readFileSync(files.TEMPORAL_TLS_CA_PATH),
      clientCertPair: {
        crt: readFileSync(files.TEMPORAL_TLS_CERT_PATH),
        key: readFileSync(files.TEMPORAL_TLS_KEY_PATH),
      },
    });
  });

  it('verifies the server against a private CA without a client certificate', () => {
    const { TEMPORAL_TLS_CA_PATH } = mtlsFiles();

    expect(settingsFor({ TEMPORAL_TLS_CA_PATH }).tls).toEqual({
      serverRootCACertificate: readFileSync(TEMPORAL_TLS_CA_PATH),
    });
  });

  it('names each file it cannot read, with the reason', () => {
    const files = mtlsFiles();
    rmSync(files.TEMPORAL_TLS_CA_PATH);

    expect(problemsOf({ ...files, TEMPORAL_TLS_CERT_PATH: path.join(dir, 'missing.pem') })).toEqual([
      `TEMPORAL_TLS_CERT_PATH: cannot read ${path.join(dir, 'missing.pem')} (ENOENT)`,
      `TEMPORAL_TLS_CA_PATH: cannot read ${files.TEMPORAL_TLS_CA_PATH} (ENOENT)`,
    ]);
  });

  // root reads any file, whatever its mode.
  (process.getuid?.() === 0 ? it.skip : it)('names a file its user may not read', () => {
    const files = mtlsFiles();
    chmodSync(files.TEMPORAL_TLS_KEY_PATH, 0o000);

    expect(problemsOf(files)).toEqual([`TEMPORAL_TLS_KEY_PATH: cannot read ${files.TEMPORAL_TLS_KEY_PATH} (EACCES)`]);
  });

  it('names a path that is a directory', () => {
    const files = mtlsFiles();

    expect(problemsOf({ ...files, TEMPORAL_TLS_CA_PATH: dir })).toEqual([
      `TEMPORAL_TLS_CA_PATH: cannot read ${dir} (EISDIR)`,
    ]);
  });

  it('refuses files that are not PEM certificates or keys', () => {
    const files = mtlsFiles();
    const swapped = {
      TEMPORAL_TLS_CERT_PATH: files.TEMPORAL_TLS_KEY_PATH,
      TEMPORAL_TLS_KEY_PATH: files.TEMPORAL_TLS_CERT_PATH,
      TEMPORAL_TLS_CA_PATH: file('ca.txt', 'not a certificate'),
    };

    expect(problemsOf(swapped)).toEqual([
      `TEMPORAL_TLS_CERT_PATH: ${swapped.TEMPORAL_TLS_CERT_PATH} is not a PEM certificate`,
      `TEMPORAL_TLS_KEY_PATH: ${swapped.TEMPORAL_TLS_KEY_PATH} is not a PEM private key`,
      `TEMPORAL_TLS_CA_PATH: ${swapped.TEMPORAL_TLS_CA_PATH} is not a PEM certificate`,
    ]);
  });

  it('refuses a key that belongs to another certificate', () => {
    const files = mtlsFiles();
    const otherKey = file('other.key', selfSignedCertificate().privateKey);

    expect(problemsOf({ ...files, TEMPORAL_TLS_KEY_PATH: otherKey })).toEqual([
      'TEMPORAL_TLS_KEY_PATH: is not the private key of the certificate in TEMPORAL_TLS_CERT_PATH',
    ]);
  });

  it('says what is wrong in the message the process exits with', () => {
    expect(() => settingsFor({ TEMPORAL_TLS_CA_PATH: '/nowhere/ca.pem' })).toThrow(
      'Invalid configuration:\n  - TEMPORAL_TLS_CA_PATH: cannot read /nowhere/ca.pem (ENOENT)',
    );
  });
});
