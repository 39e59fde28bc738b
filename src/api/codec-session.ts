import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Where a browser presents the API token once to get the session cookie (codec-session-routes.ts). */
export const CODEC_SESSION_PATH = '/codec/session';

/** The cookie that stands for the API token on `/codec/*` with CODEC_AUTH=cookie (codec-session-routes.ts). */
export const SESSION_COOKIE = 'epf_codec_session';

// `<expires, ms since the epoch>.<nonce>.<HMAC-SHA256 of both>`, base64url: all a cookie value may hold unquoted.
const sessionValue = z
  .string()
  .regex(/^(\d{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/)
  .transform((value) => {
    const [expires, nonce, signature] = value.split('.') as [string, string, string];
    return { expiresAt: Number(expires), signed: `${expires}.${nonce}`, signature };
  });

/**
 * Issues and checks the codec session cookie's value: an expiry signed with a key derived from the API token, so
 * the value never holds the token, changing API_TOKEN ends every session, and every API replica agrees.
 */
export class CodecSessions {
  private readonly key: Buffer;

  constructor(
    apiToken: string,
    readonly ttlSeconds: number,
  ) {
    this.key = createHmac('sha256', apiToken).update('epf codec session cookie v1').digest();
  }

  /** A new session value and when it expires. */
  issue(now = Date.now()): { value: string; expiresAt: Date } {
    const expiresAt = now + this.ttlSeconds * 1000;
    const signed = `${expiresAt}.${randomBytes(16).toString('base64url')}`;
    return { value: `${signed}.${this.sign(signed)}`, expiresAt: new Date(expiresAt) };
  }

  /** When a value this API issued expires, or undefined if it is malformed, tampered with or expired. */
  verify(value: string | undefined, now = Date.now()): Date | undefined {
    const parsed = sessionValue.safeParse(value);
    if (!parsed.success) return undefined;
    const { expiresAt, signed, signature } = parsed.data;
    // Both 32 bytes by the regex above: the comparison takes the same time wherever they differ.
    const genuine = timingSafeEqual(Buffer.from(signature, 'base64url'), Buffer.from(this.sign(signed), 'base64url'));
    return genuine && expiresAt > now ? new Date(expiresAt) : undefined;
  }

  private sign(signed: string): string {
    return createHmac('sha256', this.key).update(signed).digest('base64url');
  }
}

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The `Set-Cookie` of a session (or of its removal, with `maxAgeSeconds` 0): HttpOnly, so the page's scripts never
 * read it; SameSite=Strict, so only same-site pages send it (the Web UI at 127.0.0.1:8233 and the API at
 * 127.0.0.1:3000 are one site: ports do not count); Path=/codec; Secure when the browser reached us over https.
 */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`Max-Age=${maxAgeSeconds}`, 'Path=/codec', 'HttpOnly', 'SameSite=Strict'];
  return [`${SESSION_COOKIE}=${value}`, ...attributes, ...(secure ? ['Secure'] : [])].join('; ');
}
