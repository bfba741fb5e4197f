#!/usr/bin/env node
// Builds the web app (web/dist) only when its sources changed since the last build: `npm start`
// is then ready in seconds on a restart. The fingerprint covers web/, domain/ (the web imports its
// schemas and rules), the Vite config and the lock file; `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'web/dist/.sources-sha256');

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

const hash = createHash('sha256');
const inputs = [
  ...files(join(root, 'web')),
  ...files(join(root, 'domain')),
  join(root, 'package-lock.json'),
].sort();
for (const f of inputs) {
  if (!existsSync(f) || !statSync(f).isFile()) continue;
  hash.update(f.slice(root.length)).update('\0').update(readFileSync(f)).update('\0');
}
const fingerprint = hash.digest('hex');

const built = existsSync(join(root, 'web/dist/index.html')) && existsSync(stamp);
if (!process.argv.includes('--force') && built && readFileSync(stamp, 'utf8') === fingerprint) {
  process.stdout.write('web app up to date (web/dist)\n');
  process.exit(0);
}
const r = spawnSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, fingerprint);
