import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { temporalConnectionSettings } from '../../src/temporal/connection-options';
import { testEnv } from '../setup/test-env-vars';
import { runEpf } from './cli/run-epf';

// The Temporal CLI dev server has no TLS options, so the test puts a TLS front on it, as a load balancer or Temporal
// Cloud's edge would: mutual TLS with certificates made here by the openssl CLI. Both SDK connections (the worker's
// native one, the clients' gRPC one) must get through with the settings alone, and only with them.
const SERVER_NAME = 'temporal.epf.test';
let dir: string;
let front: Server;
let frontAddress: string;

/** A CA, and a server and a client certificate it signed (EC P-256, valid one day). */
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=epf test CA');
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=DNS:${SERVER_NAME}\nextendedKeyUsage=serverAuth\n`);
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [
    ['server', `/CN=${SERVER_NAME}`],
    ['client', '/CN=epf worker'],
  ] as const) {
    openssl('req', '-new', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  }
}

/** Terminates mutual TLS (HTTP/2 by ALPN, as gRPC needs) and passes the bytes on to the plain-text dev server. */
async function startTlsFront(): Promise<Server> {
  const [host, port] = testEnv('devServerAddress').split(':') as [string, string];
  const file = (name: string) => readFileSync(join(dir, name));
  const server = createServer(
    {
      key: file('server.key'),
      cert: file('server.pem'),
      ca: file('ca.pem'),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = connect(Number(port), host);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    },
  );
  // Handshakes refused on purpose (the test without a client certificate) are not failures of the test.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'epf-temporal-tls-'));
  makeCertificates();
  front = await startTlsFront();
  frontAddress = `127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const mtlsEnv = () => ({
  TEMPORAL_ADDRESS: frontAddress,
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(dir, 'ca.pem'),
  TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
  TEMPORAL_TLS_CLIENT_CERT_PATH: join(dir, 'client.pem'),
  TEMPORAL_TLS_CLIENT_KEY_PATH: join(dir, 'client.key'),
});

describe('Temporal over mutual TLS, from settings alone', () => {
  it("connects the worker's native connection", async () => {
    const settings = temporalConnectionSettings(mtlsEnv());
    const connection = await NativeConnection.connect(settings.connectionOptions);
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: settings.namespace });
      expect(namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });

  it("connects the API's and the CLI's client connection", async () => {
    const settings = temporalConnectionSettings(mtlsEnv());
    const connection = await Connection.connect(settings.connectionOptions);
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: settings.namespace });
      expect(namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });

  it('runs the epf CLI against it', async () => {
    const run = await runEpf('epf', ['schedules', 'list', '--json'], { env: mtlsEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
  });

  it('is refused without the client certificate', async () => {
    const { TEMPORAL_TLS_CLIENT_CERT_PATH: _cert, TEMPORAL_TLS_CLIENT_KEY_PATH: _key, ...serverOnly } = mtlsEnv();
    const settings = temporalConnectionSettings(serverOnly);
    await expect(
      NativeConnection.connect(settings.connectionOptions).then((connection) =>
        connection.workflowService.getSystemInfo({}).finally(() => connection.close()),
      ),
    ).rejects.toThrow();
  });
});
