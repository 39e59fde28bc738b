import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type AddressInfo, createServer } from 'node:net';
import { serverExecutable, temporalCliPath, temporalTestServerPath } from '../../src/temporal/binaries';
import { customSearchAttributes, registerSearchAttributes } from '../../src/temporal/search-attributes';

/**
 * The dev server (integration tests): the real server the product runs on, with our search attributes and its Web UI
 * on `uiPort` (the browser test drives it).
 */
export function startDevServer(uiPort: number): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable(temporalCliPath, 'Temporal CLI'),
      searchAttributes: customSearchAttributes,
      ip: '127.0.0.1',
      ui: true,
      uiPort,
      extraArgs: ['--log-level', 'error'],
    },
  });
}

/** A port free on 127.0.0.1 right now; the SDK picks the gRPC port itself, but would put the UI on gRPC + 1000. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The time-skipping test server (workflow tests); it takes no flags, so the attributes are registered after. */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: serverExecutable(temporalTestServerPath, 'Temporal test server') },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
