import { ConfigError } from './config-error';

/** Wraps a failed connection at start-up in one line that names the service, the address and the setting. */
export async function reachOrExplain<T>(what: string, setting: string, address: string, connect: () => Promise<T>) {
  try {
    return await connect();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigError(`Cannot reach ${what} at ${address} (check ${setting}): ${reason}`);
  }
}
