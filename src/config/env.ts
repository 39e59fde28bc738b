import { z } from 'zod';
import { ConfigError } from './config-error';

const hostPort = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233')
  .refine((value) => Number(value.split(':')[1]) <= 65535, 'port must be at most 65535');

const postgresUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
    message: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/epf',
  });

const port = z.coerce.number().int().min(1).max(65535);

// 32 random bytes as 64 hex characters: `openssl rand -hex 32`.
const secretKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes): openssl rand -hex 32');

/** Every environment variable the worker and the API read, with its default. Documented in docs/configuration.md. */
export const envSchema = z.object({
  TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('epf'),
  DATABASE_URL: postgresUrl,
  EPF_SECRET_KEY: secretKey,
  /** EasyPost Fulfillment vendor API; the local stack points it at the simulator. */
  EASYPOST_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.easypost.com/fulfillment/vendor/v2/'),
  /** Verifies EasyPost webhooks (`POST /webhooks/easypost`); unset, that route answers 404 and polling alone runs. */
  EASYPOST_WEBHOOK_SECRET: z.string().min(1).optional(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /** Bearer token of the admin API (every route but /healthz); the API refuses to start without one. */
  API_TOKEN: z.string().min(32, 'must be at least 32 characters: openssl rand -hex 32').optional(),
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
