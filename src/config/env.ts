import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './config-error';

/** `host:port`, as Temporal and the metrics listener take it. */
export const hostPort = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233')
  .refine((value) => Number(value.split(':')[1]) <= 65535, 'port must be at most 65535');

const postgresUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
    message: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/epf',
  });

// The names @temporalio/envconfig reads for a Temporal connection (src/temporal/connection-options.ts).
const existingFile = z.string().refine((path) => existsSync(path), 'names no file that exists');
const pemText = z.string().regex(/-----BEGIN [A-Z0-9 ]+-----/, 'must be PEM text (-----BEGIN ...)');
const onOff = z.enum(['true', 'false', '1', '0'], 'must be true or false');

const port = z.coerce.number().int().min(1).max(65535);

const millis = (max: number) => z.coerce.number().int().min(0).max(max);

// 32 random bytes as 64 hex characters: `openssl rand -hex 32`.
const secretKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes): openssl rand -hex 32');

// `id:key,id:key`: the first key encrypts Temporal payloads, every key decrypts (src/temporal/codec/keys.ts).
const codecKeys = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.findIndex((entry) => !/^[A-Za-z0-9._-]{1,64}:[0-9a-fA-F]{64}$/.test(entry));
  if (bad >= 0) {
    // Named by position: a malformed entry may be all key.
    ctx.addIssue({
      code: 'custom',
      message: `must be id:key pairs separated by commas, each key 64 hex characters (openssl rand -hex 32); entry ${bad + 1} is not`,
    });
    return z.NEVER;
  }
  const keys = entries.map((entry) => {
    const [id, hexKey] = entry.split(':') as [string, string];
    return { id, hexKey };
  });
  const repeated = keys.find((key, index) => keys.findIndex((other) => other.id === key.id) !== index);
  if (repeated) {
    ctx.addIssue({ code: 'custom', message: `names key id ${repeated.id} twice` });
    return z.NEVER;
  }
  return keys;
});

const origins = z.string().transform((value, ctx) => {
  const list = value.split(',').map((origin) => origin.trim());
  const bad = list.find((origin) => !URL.canParse(origin) || new URL(origin).origin !== origin);
  if (bad === undefined) return list;
  ctx.addIssue({
    code: 'custom',
    message: `must be origins separated by commas, e.g. http://127.0.0.1:8233; bad: ${bad}`,
  });
  return z.NEVER;
});

/** Every environment variable the worker and the API read, with its default. Documented in docs/configuration.md. */
export const envSchema = z.object({
  // Unset, the TOML profile's value, else 127.0.0.1:7233 and default (src/temporal/connection-options.ts).
  TEMPORAL_ADDRESS: hostPort.optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  /** A TOML file of connection profiles; unset, ~/.config/temporalio/temporal.toml when it exists. */
  TEMPORAL_CONFIG_FILE: existingFile.optional(),
  /** The profile of that file to use; unset, `default`. */
  TEMPORAL_PROFILE: z.string().min(1).optional(),
  /** Temporal Cloud API key; turns TLS on unless TEMPORAL_TLS=false. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: onOff.optional(),
  TEMPORAL_TLS_CLIENT_CERT_PATH: existingFile.optional(),
  TEMPORAL_TLS_CLIENT_CERT_DATA: pemText.optional(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: existingFile.optional(),
  TEMPORAL_TLS_CLIENT_KEY_DATA: pemText.optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: existingFile.optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: pemText.optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  // The TypeScript SDK has no switch to skip verification: refused rather than silently ignored.
  TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: z
    .enum(
      ['false', '0'],
      'is not supported by the TypeScript SDK: set TEMPORAL_TLS_SERVER_NAME to the name in the server certificate, or TEMPORAL_TLS_SERVER_CA_CERT_PATH to its CA',
    )
    .optional(),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('epf'),
  DATABASE_URL: postgresUrl,
  // How long a process waits on PostgreSQL (src/config/database.ts), so nothing hangs on a database that stopped
  // answering. 0 turns a server-side timeout off.
  /** Opening a connection, or waiting for a free one of the pool. */
  DATABASE_CONNECT_TIMEOUT_MS: millis(600_000).default(15_000),
  /** PostgreSQL cancels a statement running longer (`statement_timeout`); the client gives up 5 s after it. */
  DATABASE_STATEMENT_TIMEOUT_MS: millis(3_600_000).default(30_000),
  /** PostgreSQL ends a session idle this long inside a transaction, releasing its locks. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(3_600_000).default(60_000),
  /** TCP keepalive probes start after this long without traffic, so a peer that vanished is noticed. */
  DATABASE_KEEPALIVE_DELAY_MS: millis(3_600_000).default(10_000),
  EPF_SECRET_KEY: secretKey,
  /** EasyPost Fulfillment vendor API; the local stack points it at the simulator. */
  EASYPOST_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.easypost.com/fulfillment/vendor/v2/'),
  /** Verifies EasyPost webhooks (`POST /webhooks/easypost`); unset, that route answers 404 and polling alone runs. */
  EASYPOST_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Where new exceptions are posted as JSON every 5 minutes (the `exceptions-alert` schedule); unset, no alerts. */
  EXCEPTIONS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * How long an EasyPost create whose answer was lost may take to commit and appear in listings; a retry looks the
   * order up only after it. Longer is safer against a duplicate, shorter resends sooner after a timeout.
   */
  EASYPOST_CREATE_SETTLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * The API's address as the carts reach it (e.g. `https://epf.example.com/`). Set, the worker registers cart
   * webhooks that point here and a new order is pulled within seconds; unset, the interval pulls alone bring orders.
   */
  PUBLIC_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** Bearer token of the admin API (every route but /healthz); the API refuses to start without one. */
  API_TOKEN: z.string().min(32, 'must be at least 32 characters: openssl rand -hex 32').optional(),
  /** Keys of the Temporal payload codec, `id:hex,...`, first active; unset, one key derived from EPF_SECRET_KEY. */
  TEMPORAL_CODEC_KEYS: codecKeys.optional(),
  /** Web UI origins allowed to call the API's codec endpoint (`/codec/decode`) from the browser. */
  CODEC_CORS_ORIGINS: origins.default(['http://127.0.0.1:8233', 'http://localhost:8233']),
  /**
   * `token`: /codec needs the API_TOKEN like every route; `loopback`: calls from this machine need none (npm run dev);
   * `cookie`: the token, or the cookie a browser gets at /codec/session for it (the Web UI in docker compose).
   */
  CODEC_AUTH: z.enum(['token', 'loopback', 'cookie']).default('token'),
  /** How long the /codec/session cookie of CODEC_AUTH=cookie lasts before the operator signs in again. */
  CODEC_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /**
   * Workflows a worker keeps in memory between their tasks; its memory is bounded by this. An order waits days
   * between tasks (held until 01:00, at the warehouse until shipped), so a modest cache costs little: a workflow not
   * in it is replayed from its history, at most ~200 events, when its next task comes.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(1000),
  /** Where the worker serves Prometheus metrics (`/metrics`); also its liveness probe. */
  WORKER_METRICS_ADDRESS: hostPort.default('127.0.0.1:9464'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** Path of a prebuilt workflow bundle (npm run build:workflows); without it the worker bundles at start. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof envSchema>;

/**
 * Parses the environment with `schema` (the whole envSchema, or a `pick` of it for tools that need less);
 * throws one ConfigError naming every bad or missing variable.
 */
export function loadConfig<S extends z.ZodType = typeof envSchema>(
  schema: S = envSchema as unknown as S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  // An empty variable means "not set" so that `DATABASE_URL= npm run worker` reports it as missing.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return present[name] === undefined ? `${name} is required` : `${name} ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
