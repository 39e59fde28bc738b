/** A configuration problem the operator fixes by setting an environment variable; printed as one line, no stack. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
