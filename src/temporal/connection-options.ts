import { loadClientConfigProfile, toClientOptions, type ClientConfigProfile } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { ConfigError } from '../config/config-error';
import { envSchema, hostPort, loadConfig } from '../config/env';

/** Where a process connects to Temporal, and how: the same for the worker, the API and the CLI. */
export interface TemporalConnectionSettings {
  /** `host:port`, for start-up messages as well as the connection. */
  address: string;
  namespace: string;
  /** What names the address, for "check ..." in start-up errors. */
  addressSetting: string;
  /** For `NativeConnection.connect` (worker) and `Connection.connect` (API, CLI) alike. */
  connectionOptions: Pick<NativeConnectionOptions, 'address' | 'tls' | 'apiKey' | 'metadata'> & { address: string };
}

const DEFAULT_ADDRESS = '127.0.0.1:7233';
const DEFAULT_NAMESPACE = 'default';

// The variables of envSchema that @temporalio/envconfig reads, validated by us first for clear errors.
const connectionEnvSchema = envSchema.pick({
  TEMPORAL_ADDRESS: true,
  TEMPORAL_NAMESPACE: true,
  TEMPORAL_CONFIG_FILE: true,
  TEMPORAL_PROFILE: true,
  TEMPORAL_API_KEY: true,
  TEMPORAL_TLS: true,
  TEMPORAL_TLS_CLIENT_CERT_PATH: true,
  TEMPORAL_TLS_CLIENT_CERT_DATA: true,
  TEMPORAL_TLS_CLIENT_KEY_PATH: true,
  TEMPORAL_TLS_CLIENT_KEY_DATA: true,
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: true,
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: true,
  TEMPORAL_TLS_SERVER_NAME: true,
  TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: true,
});

/**
 * Connection settings the way the Temporal CLI and every SDK read them (@temporalio/envconfig): a profile of a
 * TOML file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE), overridden by TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_API_KEY and TEMPORAL_TLS_*. So Temporal Cloud, or a self-hosted cluster with TLS, needs settings only.
 */
export function temporalConnectionSettings(env: NodeJS.ProcessEnv = process.env): TemporalConnectionSettings {
  const config = loadConfig(connectionEnvSchema, env);
  // As loadConfig does, an empty variable means unset: compose passes `TEMPORAL_API_KEY=` when none is given.
  const present = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const source = config.TEMPORAL_CONFIG_FILE ?? 'the default temporal.toml';
  const profileName = config.TEMPORAL_PROFILE ?? 'default';
  const profile = explained(`profile ${profileName} of ${source} (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE)`, () =>
    loadClientConfigProfile({ overrideEnvVars: present }),
  );
  checkClientPair(profile, profileName);
  const { connectionOptions, namespace } = explained(`the TLS files of profile ${profileName}`, () =>
    toClientOptions(profile),
  );

  // Named for "check ..." in errors: the profile only when the address came from it.
  const fromProfile = !config.TEMPORAL_ADDRESS && connectionOptions.address !== undefined;
  const addressSetting = fromProfile ? `address of profile ${profileName}` : 'TEMPORAL_ADDRESS';
  const address = connectionOptions.address ?? DEFAULT_ADDRESS;
  const validAddress = hostPort.safeParse(address);
  if (!validAddress.success) {
    throw new ConfigError(`Invalid configuration: ${addressSetting} ${validAddress.error.issues[0]?.message}`);
  }
  return {
    address,
    namespace: namespace || DEFAULT_NAMESPACE,
    addressSetting,
    connectionOptions: {
      address,
      tls: connectionOptions.tls,
      apiKey: connectionOptions.apiKey,
      metadata: connectionOptions.metadata,
    },
  };
}

// envconfig drops a client certificate without its key (or the reverse) silently; mTLS would then fail obscurely.
function checkClientPair(profile: ClientConfigProfile, profileName: string): void {
  const { clientCert, clientKey } = profile.tls ?? {};
  if ((clientCert === undefined) === (clientKey === undefined)) return;
  const missing = clientCert ? 'TEMPORAL_TLS_CLIENT_KEY_PATH' : 'TEMPORAL_TLS_CLIENT_CERT_PATH';
  throw new ConfigError(
    `Invalid configuration: ${missing} (or its _DATA form, or the profile ${profileName}'s tls setting) is required with the client ${clientCert ? 'certificate' : 'key'}`,
  );
}

function explained<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    // Not `instanceof Error`: errors of node:fs come from another realm under jest.
    const message = (err as { message?: unknown } | undefined)?.message;
    throw new ConfigError(`Invalid configuration: ${what}: ${typeof message === 'string' ? message : String(err)}`);
  }
}
