import { z } from 'zod';
import { DEFAULT_PUBLIC_NOTICE_TERMS, PUBLIC_NOTICE_TERMS } from '@talent/pipelines';

const booleanFromString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const port = z.coerce.number().int().min(1).max(65535);

/** Comma-separated YYYY-MM-DD dates. */
const dateList = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})(,\d{4}-\d{2}-\d{2})*$/, 'must be comma-separated dates, YYYY-MM-DD')
  .transform((value) => value.split(','))
  .optional()
  .transform((value) => value ?? []);

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64');

/**
 * Every variable the api and the worker read. Parsed once at boot so a missing or malformed
 * setting stops the process with a message naming it, instead of failing later at first use.
 */
const appConfigShape = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  SERVICE_NAME: z.string().min(1).default('talent-engine'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string({ error: 'is required (a postgres:// connection URL)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  // The schema's owner, for migrations only (a connection closed once they ran); DATABASE_URL's
  // login then appends and reads events but can never rewrite them. Unset: DATABASE_URL owns all.
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  TEMPORAL_ADDRESS: z
    .string({ error: 'is required (host:port of the Temporal frontend)' })
    .regex(/^[^\s:/]+:\d+$/, 'must be host:port, for example 127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('talent-cases'),
  TEMPORAL_TLS: booleanFromString.default(false),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_UI_URL: z.url().optional(),
  PROJECTION_LAG_LIMIT_SECONDS: z.coerce.number().positive().default(300),
  // 行政区划代码 of the county this deployment serves; every case, plan and event carries it.
  DIVISION_CODE: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit administrative division code (行政区划代码)')
    .default('530000'),
  // How the county names itself in the annual report.
  COUNTY_NAME: z.string().min(1).max(50).default('XX县'),
  // Length of one "day" of stage deadlines, notices and follow-ups; shortened only in tests.
  CASE_DAY_SECONDS: z.coerce.number().positive().default(86_400),
  // Open cases a worker keeps in memory; one evicted replays its (short) history on its next task.
  // About 1 MB each: 500 keep a worker well under 1 GiB however many cases are open (bench:engine).
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).default(500),
  // Threads that run workflow code. Every case's steps pass through them; on a machine with cores
  // to spare more may let cases move in parallel. On two cores one did better (bench:engine, 50
  // users: 64 actions/s with one thread, 54 with two), as the other core serves everything else.
  WORKER_WORKFLOW_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  // The least time between two batches of one projection while events keep coming (bench:engine):
  // under load each batch takes every event appended meanwhile; after a quiet spell there is no wait.
  PROJECTION_BATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(10_000).default(100),
  LOCAL_HOLIDAYS: dateList,
  LOCAL_WORKDAYS: dateList,
  BACKDATE_LIMIT_DAYS: z.coerce.number().int().min(0).default(30),
  // 公示 of teachers and introduced talents (事业单位): 7 days or 7 working days, as the county rules.
  PUBLIC_NOTICE_TERMS: z.enum(PUBLIC_NOTICE_TERMS).default(DEFAULT_PUBLIC_NOTICE_TERMS),
  PLAN_HIGH_LEVEL_QUOTA: z.coerce.number().int().min(0).default(10),
  PLAN_SHORTAGE_QUOTA: z.coerce.number().int().min(0).default(10),
  PLAN_FUND_CNY: z.coerce.number().int().min(0).default(5_000_000),
  // Secrets: no defaults in code. `npm start` generates them once into DATA_DIR/secrets.env.
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters of random text').optional(),
  AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  PII_ENCRYPTION_KEY: base64Key.optional(),
  // Earlier keys, comma-separated, still read after a rotation; new data uses PII_ENCRYPTION_KEY.
  PII_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(base64Key)),
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  // The api signs every command it sends to a workflow and the worker checks it: both need it.
  COMMAND_SIGNING_KEY: base64Key.optional(),
  // Ed25519 (base64 PKCS#8 DER) that signs the ledger's tree heads: the worker at the interval
  // below, the api on demand. Its public key is served at GET /ledger/public-key.
  LEDGER_SIGNING_KEY: z.string().min(1).optional(),
  // How often the worker signs a tree head, if events were appended since the last one.
  LEDGER_TREE_HEAD_INTERVAL_SECONDS: z.coerce.number().positive().default(300),
  // Where each signed tree head also goes, out of the database's reach: a directory (one JSON file
  // per head) and/or a witness that is POSTed each head. See docs/security.md.
  LEDGER_CHECKPOINT_DIR: z.string().min(1).optional(),
  LEDGER_WITNESS_URL: z.url().optional(),
  // Requests per minute per signed-in user or API client, and per address (an office may share one).
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  // Sign-in attempts per 15 minutes per account, and per address: a whole office may share one.
  SIGN_IN_ATTEMPTS_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
  SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: z.coerce.number().int().min(1).default(300),
  REQUEST_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(100),
});

/** The names of every variable the api and the worker read. */
export const APP_CONFIG_VARIABLES = Object.keys(appConfigShape.shape) as Array<keyof typeof appConfigShape.shape>;

const appConfigSchema = appConfigShape.superRefine((env, ctx) => {
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH'],
      message: 'mTLS needs both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    });
  }
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** The api signs tokens, encrypts personal data and signs audit exports; the worker needs none of it. */
export function requireApiSecrets(
  config: AppConfig,
): Required<Pick<AppConfig, 'AUTH_TOKEN_SECRET' | 'PII_ENCRYPTION_KEY' | 'AUDIT_SIGNING_KEY'>> {
  const missing = (['AUTH_TOKEN_SECRET', 'PII_ENCRYPTION_KEY', 'AUDIT_SIGNING_KEY'] as const).filter(
    (name) => !config[name],
  );
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name}: is required by the api (npm start generates one into DATA_DIR/secrets.env)`),
    );
  }
  return {
    AUTH_TOKEN_SECRET: config.AUTH_TOKEN_SECRET!,
    PII_ENCRYPTION_KEY: config.PII_ENCRYPTION_KEY!,
    AUDIT_SIGNING_KEY: config.AUDIT_SIGNING_KEY!,
  };
}

/** The key of command signatures, which the api and the worker share and nobody else holds. */
export function requireCommandSigningKey(config: AppConfig): Buffer {
  if (!config.COMMAND_SIGNING_KEY) {
    throw new ConfigError([
      'COMMAND_SIGNING_KEY: is required by the api and the worker (npm start generates one into DATA_DIR/secrets.env)',
    ]);
  }
  return Buffer.from(config.COMMAND_SIGNING_KEY, 'base64');
}

/** The key of the ledger's tree heads, which the api and the worker both sign with. */
export function requireLedgerSigningKey(config: AppConfig): string {
  if (!config.LEDGER_SIGNING_KEY) {
    throw new ConfigError([
      'LEDGER_SIGNING_KEY: is required by the api and the worker (npm start generates one into DATA_DIR/secrets.env)',
    ]);
  }
  return config.LEDGER_SIGNING_KEY;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty value in a .env file or a compose file means "not set", not "set to nothing".
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = appConfigSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
  );
}

/**
 * Whether the Temporal connection should use TLS: explicitly, or implied by any TLS setting or an
 * API key, so a CA or a server name given without TEMPORAL_TLS is used rather than ignored.
 */
export function temporalUsesTls(config: AppConfig): boolean {
  return (
    config.TEMPORAL_TLS ||
    Boolean(
      config.TEMPORAL_TLS_CERT_PATH ||
      config.TEMPORAL_TLS_CA_PATH ||
      config.TEMPORAL_TLS_SERVER_NAME ||
      config.TEMPORAL_API_KEY,
    )
  );
}
