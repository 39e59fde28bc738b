import { createHash, hkdfSync } from 'node:crypto';
import { ConfigError } from '../../config/config-error';

/** One AES-256 key of the payload codec, named by the ID written into each payload it encrypts. */
export interface CodecKey {
  id: string;
  /** 32 bytes as 64 hex characters. */
  hexKey: string;
}

/** The key that encrypts, and every key that may still decrypt (the active one included), by ID. */
export interface CodecKeyring {
  active: { id: string; key: Buffer };
  keys: ReadonlyMap<string, Buffer>;
}

/** The settings the keyring is built from (a subset of src/config/env.ts). */
export interface CodecKeyConfig {
  TEMPORAL_CODEC_KEYS?: CodecKey[];
  EPF_SECRET_KEY?: string;
}

/**
 * The default key, derived from EPF_SECRET_KEY with HKDF-SHA256 so that every process holding that secret agrees
 * with no extra setting. Its ID carries a fingerprint of the key, so history written under another EPF_SECRET_KEY
 * fails as "unknown key id" rather than as an opaque authentication error.
 */
export function derivedCodecKey(secretKey: string): CodecKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'hex'), '', 'epf temporal payload codec', 32));
  return { id: `epf-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`, hexKey: key.toString('hex') };
}

/**
 * TEMPORAL_CODEC_KEYS when set (the first encrypts, all decrypt), else the key derived from EPF_SECRET_KEY. The
 * derived key always decrypts while EPF_SECRET_KEY is set, so history written before TEMPORAL_CODEC_KEYS stays
 * readable after switching to it.
 */
export function codecKeyring(config: CodecKeyConfig): CodecKeyring {
  const derived = config.EPF_SECRET_KEY ? derivedCodecKey(config.EPF_SECRET_KEY) : undefined;
  const listed = [...(config.TEMPORAL_CODEC_KEYS ?? []), ...(derived ? [derived] : [])];
  const [active] = listed;
  if (!active) throw new ConfigError('Invalid configuration: EPF_SECRET_KEY is required (or TEMPORAL_CODEC_KEYS)');
  const keys = new Map<string, Buffer>();
  // A configured key wins over a derived one of the same ID.
  for (const { id, hexKey } of listed) if (!keys.has(id)) keys.set(id, Buffer.from(hexKey, 'hex'));
  return { active: { id: active.id, key: keys.get(active.id)! }, keys };
}
