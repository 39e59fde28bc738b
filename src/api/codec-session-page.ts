/** What the `/codec/session` page shows: the sign-in form (with why the last try failed), or the session's end. */
export interface SessionPageState {
  expiresAt?: Date;
  error?: string;
  /** The Web UI origins that may use the session (CODEC_CORS_ORIGINS). */
  uiOrigins: readonly string[];
  ttlSeconds: number;
}

/**
 * The page an operator opens once per browser so the Web UI decodes payloads: a form posting the API token to this
 * same URL (no action, so it works behind a proxy's path prefix), or, signed in, a button that ends the session.
 */
export function sessionPage({ expiresAt, error, uiOrigins, ttlSeconds }: SessionPageState): string {
  const uis = uiOrigins.map((origin) => `<a href="${escape(origin)}">${escape(origin)}</a>`).join(', ') || 'none';
  const body = expiresAt
    ? `<p>This browser holds a codec session until <time>${expiresAt.toISOString()}</time>: the Temporal Web UI at
${uis} shows decoded payloads.</p>
<button id="sign-out" type="button">Sign out</button>
<script>
document.getElementById('sign-out').onclick = () =>
  fetch(location.pathname, { method: 'DELETE' }).then(() => location.reload());
</script>`
    : `${error ? `<p role="alert"><strong>${escape(error)}</strong></p>` : ''}
<form method="post">
<label for="token">API token (<code>API_TOKEN</code>)</label>
<input id="token" name="token" type="password" autocomplete="off" required autofocus>
<button type="submit">Sign in</button>
</form>
<p>The API answers with a cookie for <code>/codec</code> only, valid ${Math.round(ttlSeconds / 360) / 10} hours, that
lets the Web UI at ${uis} decode payloads in this browser. It holds a signed expiry, never the token.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>epf: Web UI codec session</title>
<style>body{font:16px system-ui,sans-serif;max-width:42em;margin:3em auto;padding:0 1em}
input{display:block;width:100%;margin:.5em 0 1em;padding:.4em;font:inherit}button{font:inherit;padding:.3em 1em}</style>
</head>
<body>
<h1>Decoded payloads in the Temporal Web UI</h1>
${body}
</body>
</html>
`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
