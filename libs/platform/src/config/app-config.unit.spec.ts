import { ConfigError, loadConfig, temporalUsesTls } from './app-config';

const minimal = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/talent', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills every default from a minimal environment', () => {
    expect(loadConfig(minimal)).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'talent-cases',
      TEMPORAL_TLS: false,
      DATABASE_POOL_MAX: 10,
      LOG_LEVEL: 'info',
      PUBLIC_NOTICE_TERMS: '7_working_days',
    });
  });

  it('names each missing required variable', () => {
    const problems = problemsOf({});

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL: is required/),
        expect.stringMatching(/^TEMPORAL_ADDRESS: is required/),
      ]),
    );
  });

  it('names a malformed variable and says what it must be', () => {
    expect(problemsOf({ ...minimal, PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ ...minimal, DATABASE_URL: 'mysql://x' })).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
    ]);
    expect(problemsOf({ ...minimal, TEMPORAL_ADDRESS: 'http://temporal' })).toEqual([
      'TEMPORAL_ADDRESS: must be host:port, for example 127.0.0.1:7233',
    ]);
    expect(problemsOf({ ...minimal, TEMPORAL_TLS: 'yes' })).toEqual([expect.stringMatching(/^TEMPORAL_TLS: /)]);
    expect(problemsOf({ ...minimal, PUBLIC_NOTICE_TERMS: '7' })).toEqual([
      expect.stringMatching(/^PUBLIC_NOTICE_TERMS: .*"7_days"\|"7_working_days"/),
    ]);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '' }).PORT).toBe(3000);
  });

  it('refuses half an mTLS key pair', () => {
    expect(problemsOf({ ...minimal, TEMPORAL_TLS_CERT_PATH: '/certs/client.pem' })).toEqual([
      'TEMPORAL_TLS_KEY_PATH: mTLS needs both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    ]);
    expect(problemsOf({ ...minimal, TEMPORAL_TLS_KEY_PATH: '/certs/client.key' })).toEqual([
      'TEMPORAL_TLS_CERT_PATH: mTLS needs both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    ]);
  });

  it('uses TLS when asked, or when an API key or a client certificate implies it', () => {
    expect(temporalUsesTls(loadConfig(minimal))).toBe(false);
    expect(temporalUsesTls(loadConfig({ ...minimal, TEMPORAL_TLS: 'true' }))).toBe(true);
    expect(temporalUsesTls(loadConfig({ ...minimal, TEMPORAL_API_KEY: 'secret' }))).toBe(true);
    expect(
      temporalUsesTls(loadConfig({ ...minimal, TEMPORAL_TLS_CERT_PATH: '/c.pem', TEMPORAL_TLS_KEY_PATH: '/k.pem' })),
    ).toBe(true);
  });

  it('uses TLS when only the server side is configured: a private CA or a server name', () => {
    expect(temporalUsesTls(loadConfig({ ...minimal, TEMPORAL_TLS_CA_PATH: '/ca.pem' }))).toBe(true);
    expect(temporalUsesTls(loadConfig({ ...minimal, TEMPORAL_TLS_SERVER_NAME: 'temporal' }))).toBe(true);
  });

  it('states every problem in its message, one per line', () => {
    expect(() => loadConfig({})).toThrow(/Invalid configuration:\n {2}- DATABASE_URL: .*\n {2}- TEMPORAL_ADDRESS: /);
  });
});
