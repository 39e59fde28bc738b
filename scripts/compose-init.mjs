// `npm run compose:init`: writes the .env that docker-compose.yml reads, once, with fresh random secrets.
// Never overwrites: EPF_SECRET_KEY encrypts the stored credentials and every Temporal payload, so a new one would
// make the existing data unreadable. Node built-ins only: it runs before anything is installed.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's .env; a path argument is for the test.
const envPath = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '.env');

// The variables docker-compose.yml requires (`${NAME:?...}`), each 32 random bytes as 64 hex characters.
const GENERATED_SECRETS = ['EPF_SECRET_KEY', 'API_TOKEN'];

const text = [
  '# Written once by npm run compose:init; docker compose reads it. Keep it secret and keep it: EPF_SECRET_KEY',
  '# decrypts the stored credentials and the Temporal payloads, API_TOKEN is the bearer token of the admin API.',
  ...GENERATED_SECRETS.map((name) => `${name}=${randomBytes(32).toString('hex')}`),
  '',
].join('\n');

try {
  // `wx` fails if the file exists, so even two runs at once never replace a key.
  writeFileSync(envPath, text, { flag: 'wx', mode: 0o600 });
  console.log(`compose:init: wrote ${envPath} with a new ${GENERATED_SECRETS.join(' and ')}`);
} catch (err) {
  if (err.code !== 'EEXIST') throw err;
  console.log(`compose:init: ${envPath} exists, left as it is (its keys decrypt your data; edit it by hand if needed)`);
}
