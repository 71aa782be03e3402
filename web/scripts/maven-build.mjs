// Called by Maven (web/pom.xml): `npm ci` when the lockfile changed since the last install, then
// `npm run build` when any input changed since the last build. Skipping up-to-date steps keeps
// back-end builds on these slow, shared cores fast; a fresh clone (CI) always does both.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const at = (...parts) => join(root, ...parts);
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function run(...args) {
  console.log(`[web] npm ${args.join(' ')}`);
  execFileSync('npm', args, { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
}

const installed = at('node_modules', '.package-lock.json');
if (mtime(at('package-lock.json')) > mtime(installed) || mtime(at('package.json')) > mtime(installed)) {
  run('ci', '--no-audit', '--no-fund', '--loglevel=error');
}

const inputs = ['src', 'public', 'index.html', 'package.json', 'package-lock.json', 'openapi.json',
  'vite.config.ts', 'tsconfig.json'];
const builtAt = mtime(at('dist', 'index.html'));
if (inputs.some((input) => newest(at(input)) > builtAt)) {
  run('run', '--silent', 'build');
} else {
  console.log('[web] dist/ is up to date');
}
