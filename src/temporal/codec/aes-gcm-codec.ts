import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { CodecKeyring } from './keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts every payload (inputs, results, signals, memo, failures' details) with AES-256-GCM before it leaves the
 * process, so Temporal stores ciphertext. The whole payload, metadata included, is sealed into `data` as
 * IV | ciphertext | tag, under a fresh random IV each time; the key ID rides in clear metadata so the payload still
 * decrypts after rotation.
 */
export class AesGcmCodec implements PayloadCodec {
  constructor(private readonly keyring: CodecKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keyring.active;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: Buffer.from(id) },
        data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      // History written before encryption was turned on stays readable.
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
      if (!keyId) throw new ValueError('Encrypted payload has no encryption-key-id');
      const key = this.keyring.keys.get(keyId);
      if (!key) {
        const known = [...this.keyring.keys.keys()].join(', ');
        throw new ValueError(
          `Payload was encrypted with key id "${keyId}", which is not configured (known: ${known}): ` +
            'add it to TEMPORAL_CODEC_KEYS',
        );
      }
      const data = Buffer.from(payload.data ?? []);
      if (data.length < IV_BYTES + TAG_BYTES)
        throw new ValueError(`Encrypted payload (key id "${keyId}") is truncated`);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      try {
        const plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES, -TAG_BYTES)), decipher.final()]);
        return temporal.api.common.v1.Payload.decode(plaintext);
      } catch {
        throw new ValueError(
          `Payload encrypted with key id "${keyId}" failed authentication: it was altered, or that ID names another key`,
        );
      }
    });
  }
}

const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);
