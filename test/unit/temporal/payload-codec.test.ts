import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmCodec, ENCRYPTED_ENCODING, METADATA_KEY_ID } from '../../../src/temporal/codec/aes-gcm-codec';
import { codecKeyring, derivedCodecKey } from '../../../src/temporal/codec/keys';

const OLD = { id: 'k1', hexKey: '11'.repeat(32) };
const NEW = { id: 'k2', hexKey: '22'.repeat(32) };
const SECRET = 'ab'.repeat(32);
const order = { shipTo: { name: 'Ada Lovelace', street1: '417 Montgomery St' }, lines: [{ sku: 'SOCK-M' }] };

const codecWith = (...keys: (typeof OLD)[]) => new AesGcmCodec(codecKeyring({ TEMPORAL_CODEC_KEYS: keys }));
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('AesGcmCodec', () => {
  it('round-trips a payload, metadata included, and hides its contents', async () => {
    const codec = codecWith(NEW);
    const [encrypted] = await codec.encode([toPayload(order)]);
    expect(text(encrypted!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted!.metadata![METADATA_KEY_ID])).toBe('k2');
    expect(text(encrypted!.data)).not.toContain('Montgomery');
    const [decrypted] = await codec.decode([encrypted!]);
    expect(text(decrypted!.metadata!.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(order);
  });

  it('uses a fresh IV for each payload', async () => {
    const [a, b] = await codecWith(NEW).encode([toPayload(order), toPayload(order)]);
    expect(Buffer.from(a!.data!).subarray(0, 12)).not.toEqual(Buffer.from(b!.data!).subarray(0, 12));
    expect(Buffer.from(a!.data!)).not.toEqual(Buffer.from(b!.data!));
  });

  it.each([
    ['the IV', 0],
    ['the ciphertext', 20],
    ['the tag', -1],
  ])('refuses a payload with a flipped byte in %s', async (_part, index) => {
    const codec = codecWith(NEW);
    const [encrypted] = await codec.encode([toPayload(order)]);
    const data = Buffer.from(encrypted!.data!);
    const at = index < 0 ? data.length + index : index;
    data[at] = data[at]! ^ 0x01;
    await expect(codec.decode([{ ...encrypted!, data }])).rejects.toThrow('key id "k2" failed authentication');
  });

  it('decrypts with an older key after rotation, and encrypts with the new one', async () => {
    const [sealedWithOld] = await codecWith(OLD).encode([toPayload(order)]);
    const rotated = codecWith(NEW, OLD);
    const [decrypted] = await rotated.decode([sealedWithOld!]);
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(order);
    const [sealedNow] = await rotated.encode([toPayload(order)]);
    expect(text(sealedNow!.metadata![METADATA_KEY_ID])).toBe('k2');
  });

  it('names an unknown key id', async () => {
    const [sealedWithOld] = await codecWith(OLD).encode([toPayload(order)]);
    await expect(codecWith(NEW).decode([sealedWithOld!])).rejects.toThrow(
      /key id "k1", which is not configured \(known: k2\): add it to TEMPORAL_CODEC_KEYS/,
    );
  });

  it('passes payloads written before encryption through', async () => {
    const plain = toPayload(order);
    expect(await codecWith(NEW).decode([plain])).toEqual([plain]);
  });
});

describe('codecKeyring', () => {
  it('derives one key from EPF_SECRET_KEY, the same in every process', () => {
    const a = codecKeyring({ EPF_SECRET_KEY: SECRET });
    const b = codecKeyring({ EPF_SECRET_KEY: SECRET });
    expect(a.active.id).toMatch(/^epf-[0-9a-f]{8}$/);
    expect(a.active).toEqual(b.active);
    expect(a.active.key.toString('hex')).not.toBe(SECRET);
    expect(derivedCodecKey('cd'.repeat(32)).id).not.toBe(a.active.id);
  });

  it('encrypts with the first TEMPORAL_CODEC_KEYS key and still decrypts with the derived one', async () => {
    const derived = new AesGcmCodec(codecKeyring({ EPF_SECRET_KEY: SECRET }));
    const [sealed] = await derived.encode([toPayload(order)]);
    const keyring = codecKeyring({ EPF_SECRET_KEY: SECRET, TEMPORAL_CODEC_KEYS: [NEW, OLD] });
    expect(keyring.active.id).toBe('k2');
    expect([...keyring.keys.keys()]).toEqual(['k2', 'k1', derivedCodecKey(SECRET).id]);
    const [decrypted] = await new AesGcmCodec(keyring).decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(order);
  });

  it('needs EPF_SECRET_KEY or TEMPORAL_CODEC_KEYS', () => {
    expect(() => codecKeyring({})).toThrow('EPF_SECRET_KEY is required (or TEMPORAL_CODEC_KEYS)');
  });
});
