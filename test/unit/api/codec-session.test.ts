import { CodecSessions, readCookie, sessionCookie } from '../../../src/api/codec-session';

const TOKEN = 'a-token-of-at-least-32-characters-xxxxxxxx';
const NOW = Date.parse('2026-12-05T06:00:00Z');

describe('the codec session value', () => {
  const sessions = new CodecSessions(TOKEN, 3600);

  it('is verified until it expires, and holds no token', () => {
    const { value, expiresAt } = sessions.issue(NOW);
    expect(expiresAt.toISOString()).toBe('2026-12-05T07:00:00.000Z');
    expect(value).not.toContain(TOKEN);
    expect(sessions.verify(value, NOW + 3599_000)).toEqual(expiresAt);
    expect(sessions.verify(value, NOW + 3600_000)).toBeUndefined();
    expect(sessions.issue(NOW).value).not.toBe(value);
  });

  it('refuses a value whose expiry or signature was changed, or that another API token signed', () => {
    const { value } = sessions.issue(NOW);
    const [expires, nonce, signature] = value.split('.') as [string, string, string];
    const later = `${Number(expires) + 86_400_000}.${nonce}.${signature}`;
    expect(sessions.verify(later, NOW)).toBeUndefined();
    const flipped = `${expires}.${nonce}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(sessions.verify(flipped, NOW)).toBeUndefined();
    expect(new CodecSessions(`${TOKEN}-rotated`, 3600).verify(value, NOW)).toBeUndefined();
  });

  it.each([undefined, '', 'x', 'token', `${NOW}..`, `${NOW}.${'a'.repeat(22)}.${'b'.repeat(44)}`])(
    'refuses the malformed value %p',
    (value) => {
      expect(sessions.verify(value, NOW)).toBeUndefined();
    },
  );
});

describe('the codec session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for /codec only, and Secure over https', () => {
    expect(sessionCookie('v', 60, false)).toBe(
      'epf_codec_session=v; Max-Age=60; Path=/codec; HttpOnly; SameSite=Strict',
    );
    expect(sessionCookie('v', 60, true)).toMatch(/; Secure$/);
  });

  it('is read from a Cookie header among others', () => {
    expect(readCookie('a=1; epf_codec_session=v.w.x; b=2', 'epf_codec_session')).toBe('v.w.x');
    expect(readCookie('xepf_codec_session=v', 'epf_codec_session')).toBeUndefined();
    expect(readCookie(undefined, 'epf_codec_session')).toBeUndefined();
  });
});
