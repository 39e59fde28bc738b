import { ConfigError } from '../../../src/config/config-error';
import { envSchema, loadConfig } from '../../../src/config/env';
import { dataConverterFromEnv } from '../../../src/temporal/codec/data-converter';

const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/epf', EPF_SECRET_KEY: 'ab'.repeat(32) };
const KEY_1 = `k1:${'11'.repeat(32)}`;
const KEY_2 = `k2:${'22'.repeat(32)}`;

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(envSchema, { ...valid, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('payload codec settings', () => {
  it('parses TEMPORAL_CODEC_KEYS in order, the first one active', () => {
    const config = loadConfig(envSchema, { ...valid, TEMPORAL_CODEC_KEYS: `${KEY_2}, ${KEY_1}` });
    expect(config.TEMPORAL_CODEC_KEYS).toEqual([
      { id: 'k2', hexKey: '22'.repeat(32) },
      { id: 'k1', hexKey: '11'.repeat(32) },
    ]);
  });

  it('defaults: no listed keys, the Web UI origins of the dev server, token auth', () => {
    expect(loadConfig(envSchema, valid).TEMPORAL_CODEC_KEYS).toBeUndefined();
    expect(loadConfig(envSchema, valid)).toMatchObject({
      CODEC_CORS_ORIGINS: ['http://127.0.0.1:8233', 'http://localhost:8233'],
      CODEC_AUTH: 'token',
      CODEC_SESSION_HOURS: 12,
    });
  });

  it.each([
    ['a short key', `k1:${'11'.repeat(16)}`, 'entry 1 is not'],
    ['a key without an id', `${'11'.repeat(32)}`, 'must be id:key pairs'],
    ['an empty entry', `${KEY_1},`, 'entry 2 is not'],
    ['a repeated id', `${KEY_1},k1:${'33'.repeat(32)}`, 'names key id k1 twice'],
  ])('names TEMPORAL_CODEC_KEYS for %s, without printing the key', (_case, value, problem) => {
    const message = errorOf({ TEMPORAL_CODEC_KEYS: value });
    expect(message).toMatch(/^Invalid configuration: TEMPORAL_CODEC_KEYS /);
    expect(message).toContain(problem);
    expect(message).not.toContain('11'.repeat(16));
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names CODEC_CORS_ORIGINS and CODEC_AUTH', () => {
    expect(errorOf({ CODEC_CORS_ORIGINS: 'http://127.0.0.1:8233/path' })).toContain(
      'CODEC_CORS_ORIGINS must be origins separated by commas',
    );
    expect(errorOf({ CODEC_AUTH: 'none' })).toMatch(/^Invalid configuration: CODEC_AUTH /);
    expect(errorOf({ CODEC_SESSION_HOURS: '0' })).toMatch(/^Invalid configuration: CODEC_SESSION_HOURS /);
  });

  it('takes CODEC_AUTH=cookie and the session lifetime in hours', () => {
    expect(loadConfig(envSchema, { ...valid, CODEC_AUTH: 'cookie', CODEC_SESSION_HOURS: '8' })).toMatchObject({
      CODEC_AUTH: 'cookie',
      CODEC_SESSION_HOURS: 8,
    });
  });

  it('builds the CLI data converter from TEMPORAL_CODEC_KEYS alone, and names what is missing', () => {
    expect(dataConverterFromEnv({ TEMPORAL_CODEC_KEYS: KEY_1 }).payloadCodecs).toHaveLength(1);
    expect(() => dataConverterFromEnv({})).toThrow('EPF_SECRET_KEY is required (or TEMPORAL_CODEC_KEYS)');
    expect(() => dataConverterFromEnv({ TEMPORAL_CODEC_KEYS: 'k1:zz' })).toThrow(
      /^Invalid configuration: TEMPORAL_CODEC_KEYS/,
    );
  });
});
