import { TestWorkflowEnvironment } from '@temporalio/testing';
import { serverExecutable, temporalCliPath, temporalTestServerPath } from '../../src/temporal/binaries';
import { customSearchAttributes, registerSearchAttributes } from '../../src/temporal/search-attributes';

/** The dev server (integration tests): the real server the product runs on, with our search attributes. */
export function startDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable(temporalCliPath, 'Temporal CLI'),
      searchAttributes: customSearchAttributes,
      extraArgs: ['--log-level', 'error'],
    },
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
