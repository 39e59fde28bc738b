import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../src/config/config-error';
import { temporalConnectionSettings } from '../../../src/temporal/connection-options';

// Option building only; test/integration/temporal-tls.test.ts connects over TLS for real.
let dir: string;
// A HOME without ~/.config/temporalio/temporal.toml, so the developer's own profiles stay out of the tests.
let home: { HOME: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'epf-temporal-connection-'));
  home = { HOME: dir };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    temporalConnectionSettings({ ...home, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const pem = (label: string) => `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`;

describe('temporalConnectionSettings', () => {
  it('connects to a local server in plain text when nothing is set', () => {
    expect(temporalConnectionSettings(home)).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      addressSetting: 'TEMPORAL_ADDRESS',
      connectionOptions: { address: '127.0.0.1:7233' },
    });
  });

  it('reaches Temporal Cloud with an API key from the environment alone, over TLS', () => {
    const settings = temporalConnectionSettings({
      ...home,
      TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233',
      TEMPORAL_NAMESPACE: 'epf-prod.a1b2c',
      TEMPORAL_API_KEY: 'secret-key',
    });
    expect(settings).toMatchObject({
      address: 'eu-west-1.aws.api.temporal.io:7233',
      namespace: 'epf-prod.a1b2c',
      addressSetting: 'TEMPORAL_ADDRESS',
      connectionOptions: { tls: true, apiKey: 'secret-key' },
    });
  });

  it('reads a TOML profile, mTLS files included, and lets the environment override it', () => {
    const cert = file('client.pem', pem('CERTIFICATE'));
    const key = file('client.key', pem('PRIVATE KEY'));
    const config = file(
      'temporal.toml',
      [
        '[profile.cloud]',
        'address = "epf-prod.a1b2c.tmprl.cloud:7233"',
        'namespace = "epf-prod.a1b2c"',
        '[profile.cloud.tls]',
        `client_cert_path = "${cert}"`,
        `client_key_path = "${key}"`,
        'server_name = "epf-prod.a1b2c.tmprl.cloud"',
      ].join('\n'),
    );
    const settings = temporalConnectionSettings({
      ...home,
      TEMPORAL_CONFIG_FILE: config,
      TEMPORAL_PROFILE: 'cloud',
      TEMPORAL_NAMESPACE: 'epf-staging.a1b2c',
    });
    expect(settings).toMatchObject({
      address: 'epf-prod.a1b2c.tmprl.cloud:7233',
      namespace: 'epf-staging.a1b2c',
      addressSetting: 'address of profile cloud',
    });
    expect(settings.connectionOptions.tls).toEqual({
      serverNameOverride: 'epf-prod.a1b2c.tmprl.cloud',
      serverRootCACertificate: undefined,
      clientCertPair: { crt: Buffer.from(pem('CERTIFICATE')), key: Buffer.from(pem('PRIVATE KEY')) },
    });
  });

  it('takes certificates as PEM text too, and TEMPORAL_TLS=false turns TLS off even with an API key', () => {
    const tls = temporalConnectionSettings({ ...home, TEMPORAL_TLS_SERVER_CA_CERT_DATA: pem('CERTIFICATE') })
      .connectionOptions.tls;
    expect(tls).toMatchObject({ serverRootCACertificate: Buffer.from(pem('CERTIFICATE')) });
    const plain = temporalConnectionSettings({ ...home, TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' });
    expect(plain.connectionOptions).toMatchObject({ tls: false, apiKey: 'k' });
  });

  it('treats an empty variable as unset, as compose passes optional ones', () => {
    expect(temporalConnectionSettings({ ...home, TEMPORAL_API_KEY: '', TEMPORAL_TLS: '' }).connectionOptions).toEqual({
      address: '127.0.0.1:7233',
    });
  });

  it.each([
    [{ TEMPORAL_TLS: 'yes' }, 'TEMPORAL_TLS must be true or false'],
    [{ TEMPORAL_TLS_CLIENT_CERT_PATH: '/nonexistent/client.pem' }, 'TEMPORAL_TLS_CLIENT_CERT_PATH names no file'],
    [{ TEMPORAL_TLS_SERVER_CA_CERT_DATA: '/etc/ssl/ca.pem' }, 'TEMPORAL_TLS_SERVER_CA_CERT_DATA must be PEM text'],
    [{ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' }, 'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION is not supported'],
    [{ TEMPORAL_CONFIG_FILE: '/nonexistent/temporal.toml' }, 'TEMPORAL_CONFIG_FILE names no file'],
    [{ TEMPORAL_ADDRESS: 'https://example.com' }, 'TEMPORAL_ADDRESS must be host:port'],
    [
      { TEMPORAL_PROFILE: 'cloud' },
      "profile cloud of the default temporal.toml (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE): Profile 'cloud' not found",
    ],
  ])('names the setting at fault: %j', (env, message) => {
    expect(errorOf(env)).toContain(message);
  });

  it('refuses a client certificate without its key', () => {
    const cert = file('lonely.pem', pem('CERTIFICATE'));
    expect(errorOf({ TEMPORAL_TLS_CLIENT_CERT_PATH: cert })).toMatch(
      /^Invalid configuration: TEMPORAL_TLS_CLIENT_KEY_PATH .* is required with the client certificate$/,
    );
  });

  it("names a profile's bad address and a profile's missing file", () => {
    const badAddress = file('bad-address.toml', '[profile.default]\naddress = "temporal.example.com"\n');
    expect(errorOf({ TEMPORAL_CONFIG_FILE: badAddress })).toBe(
      'Invalid configuration: address of profile default must be host:port, e.g. 127.0.0.1:7233',
    );
    const missingCa = file('missing-ca.toml', '[profile.default.tls]\nserver_ca_cert_path = "/nonexistent/ca.pem"\n');
    expect(errorOf({ TEMPORAL_CONFIG_FILE: missingCa })).toMatch(
      /^Invalid configuration: the TLS files of profile default: ENOENT.*\/nonexistent\/ca.pem/,
    );
  });
});
