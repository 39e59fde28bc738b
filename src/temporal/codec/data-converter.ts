import type { DataConverter } from '@temporalio/common';
import { envSchema, loadConfig } from '../../config/env';
import { AesGcmCodec } from './aes-gcm-codec';
import { codecKeyring, type CodecKeyConfig } from './keys';

/**
 * The data converter of every client and worker (worker, API, CLI, dev stack, tests): payloads are encrypted on
 * their way to Temporal. Workflow code needs nothing, as codecs run outside the workflow sandbox.
 */
export function encryptingDataConverter(config: CodecKeyConfig): DataConverter {
  return { payloadCodecs: [new AesGcmCodec(codecKeyring(config))] };
}

// EPF_SECRET_KEY may be left out when TEMPORAL_CODEC_KEYS is set (codecKeyring reports when both are missing).
const codecEnvSchema = envSchema
  .pick({ TEMPORAL_CODEC_KEYS: true })
  .extend({ EPF_SECRET_KEY: envSchema.shape.EPF_SECRET_KEY.optional() });

/** The data converter from the environment alone, for tools that load only the variables they use (the CLI). */
export function dataConverterFromEnv(env: NodeJS.ProcessEnv = process.env): DataConverter {
  return encryptingDataConverter(loadConfig(codecEnvSchema, env));
}
