import { ConfigError } from '../../../src/config/config-error';
import { envSchema, loadConfig } from '../../../src/config/env';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/epf',
  EPF_SECRET_KEY: 'ab'.repeat(32),
};

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(envSchema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills defaults around the required values', () => {
    expect(loadConfig(envSchema, valid)).toMatchObject({
      TEMPORAL_TASK_QUEUE: 'epf',
      API_PORT: 3000,
      DATABASE_URL: valid.DATABASE_URL,
    });
  });

  it('names a missing DATABASE_URL in one line', () => {
    const message = errorOf({ EPF_SECRET_KEY: valid.EPF_SECRET_KEY });
    expect(message).toBe('Invalid configuration: DATABASE_URL is required');
  });

  it('treats an empty variable as missing', () => {
    expect(errorOf({ ...valid, DATABASE_URL: '' })).toContain('DATABASE_URL is required');
  });

  it.each(['mysql://localhost/epf', 'not a url', 'localhost:5432'])('rejects DATABASE_URL=%s', (url) => {
    const message = errorOf({ ...valid, DATABASE_URL: url });
    expect(message).toMatch(/^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(message).not.toContain('\n');
  });

  it.each(['localhost', 'http://localhost:7233', '127.0.0.1:99999'])('rejects TEMPORAL_ADDRESS=%s', (address) => {
    expect(errorOf({ ...valid, TEMPORAL_ADDRESS: address })).toMatch(/TEMPORAL_ADDRESS (must be host:port|port must)/);
  });

  it('reports every bad variable at once', () => {
    const message = errorOf({ TEMPORAL_ADDRESS: 'nope', API_PORT: '70000' });
    for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'EPF_SECRET_KEY', 'API_PORT']) {
      expect(message).toContain(name);
    }
  });

  it('requires a 32-byte hex secret key', () => {
    expect(errorOf({ ...valid, EPF_SECRET_KEY: 'short' })).toContain('EPF_SECRET_KEY must be 64 hex characters');
  });
});
