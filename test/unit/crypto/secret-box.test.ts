import { SecretBox } from '../../../src/crypto/secret-box';

const box = new SecretBox('ab'.repeat(32));

describe('SecretBox', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const sealed = box.encrypt('EZTK1234secret');
    expect(sealed.toString('latin1')).not.toContain('EZTK1234secret');
    expect(box.decrypt(sealed)).toBe('EZTK1234secret');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same').equals(box.encrypt('same'))).toBe(false);
  });

  it('says so when the data was sealed with another key', () => {
    const other = new SecretBox('cd'.repeat(32));
    expect(() => other.decrypt(box.encrypt('x'))).toThrow('encrypted with another EPF_SECRET_KEY');
  });

  it('detects tampering', () => {
    const sealed = box.encrypt('EZTK1234secret');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.decrypt(sealed)).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretBox('abcd')).toThrow(RangeError);
  });
});
