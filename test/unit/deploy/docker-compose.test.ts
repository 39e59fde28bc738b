import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../../src/config/env';
import { customSearchAttributes } from '../../../src/temporal/search-attributes';
import { TypedSearchAttributes } from '@temporalio/common';

// No Docker engine here: this reads docker-compose.yml and checks it agrees with the code's configuration.
interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(join(__dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

/**
 * What `docker compose` would pass: operator-supplied secrets (`${NAME:?...}`) filled in, optional ones
 * (`${NAME:-default}`) at their default, and empty values left out, as loadConfig reads them.
 */
function resolvedEnv(name: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service(name).environment ?? {})
      .map(([key, value]) => [
        key,
        String(value)
          .replace(/^\$\{[A-Z_]+:\?.*\}$/, 'ab'.repeat(32))
          .replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1'),
      ])
      .filter(([, value]) => value !== ''),
  );
}

const hostPorts = (name: string) => (service(name).ports ?? []).map((mapping) => mapping.split(':').slice(-2));

describe('docker-compose.yml', () => {
  it('has the services of the production stack, each with a health check', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'worker', 'api']) {
      expect(service(name).healthcheck?.test).toBeDefined();
    }
    expect(service('temporal-setup').depends_on?.temporal?.condition).toBe('service_healthy');
  });

  it.each(['worker', 'api'])('gives the %s an environment the config schema accepts', (name) => {
    const env = resolvedEnv(name);
    for (const key of Object.keys(env)) expect(Object.keys(envSchema.shape)).toContain(key);
    expect(envSchema.safeParse(env).success).toBe(true);
  });

  it.each(['worker', 'api'])('points the %s at the compose Temporal and PostgreSQL', (name) => {
    const env = envSchema.parse(resolvedEnv(name));
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    const database = new URL(env.DATABASE_URL);
    const postgres = service('postgres').environment!;
    expect(database.hostname).toBe('postgres');
    expect(database.username).toBe(postgres.POSTGRES_USER);
    expect(database.password).toBe(postgres.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
    expect(service('temporal').environment).toMatchObject({ POSTGRES_SEEDS: 'postgres' });
  });

  it('publishes the ports the docs and the dev stack use', () => {
    expect(hostPorts('temporal')).toContainEqual(['7233', '7233']);
    expect(hostPorts('temporal-ui')).toContainEqual(['8233', '8080']);
    const api = envSchema.parse(resolvedEnv('api'));
    expect(hostPorts('api')).toContainEqual([String(api.API_PORT), String(api.API_PORT)]);
    const metricsPort = envSchema.parse(resolvedEnv('worker')).WORKER_METRICS_ADDRESS.split(':')[1];
    expect(hostPorts('worker')).toContainEqual([metricsPort, metricsPort]);
  });

  it("lets the Web UI's origins call the API's codec endpoint", () => {
    const [uiHostPort] = hostPorts('temporal-ui').find(([, container]) => container === '8080')!;
    const api = envSchema.parse(resolvedEnv('api'));
    expect(api.CODEC_CORS_ORIGINS).toEqual([`http://127.0.0.1:${uiHostPort}`, `http://localhost:${uiHostPort}`]);
    expect(service('temporal-ui').environment).toHaveProperty('TEMPORAL_CODEC_ENDPOINT');
  });

  it('registers exactly the search attributes the workflows use', () => {
    const script = [service('temporal-setup').command].flat().join(' ');
    const registered = [...script.matchAll(/(\w+)=(Keyword|Int|Datetime|Bool|Double|Text|KeywordList)/g)].map(
      ([, name, type]) => `${name}=${type}`,
    );
    const expected = customSearchAttributes.map(
      ({ name, type }) => `${name}=${TypedSearchAttributes.toMetadataType(type)}`,
    );
    expect(registered.sort()).toEqual(expected.sort());
  });
});
