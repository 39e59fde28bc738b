import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Layout: version (1) | key id (4) | IV (12) | GCM tag (16) | ciphertext. The key id (a hash prefix of the key)
// turns "decrypted with the wrong EPF_SECRET_KEY" into a clear error instead of an opaque GCM failure.
const VERSION = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM for secrets at rest (EasyPost keys, cart credentials), keyed by EPF_SECRET_KEY (64 hex chars). */
export class SecretBox {
  private readonly key: Buffer;
  private readonly keyId: Buffer;

  constructor(hexKey: string) {
    this.key = Buffer.from(hexKey, 'hex');
    if (this.key.length !== 32) throw new RangeError('EPF_SECRET_KEY must be 32 bytes (64 hex characters)');
    this.keyId = createHash('sha256').update(this.key).digest().subarray(0, KEY_ID_BYTES);
  }

  encrypt(plaintext: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), this.keyId, iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed.length < 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('Stored secret is not in a format this version can read');
    }
    let offset = 1;
    const keyId = sealed.subarray(offset, (offset += KEY_ID_BYTES));
    if (!keyId.equals(this.keyId)) {
      throw new Error('Stored secret was encrypted with another EPF_SECRET_KEY');
    }
    const iv = sealed.subarray(offset, (offset += IV_BYTES));
    const tag = sealed.subarray(offset, (offset += TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(offset)), decipher.final()]).toString('utf8');
  }
}
