#!/usr/bin/env node
// `npm test`: everything, in order: format, types, lint, web build, then unit, API on PGlite, API on a
// real PostgreSQL server, and end-to-end in Chromium (one vitest run over all projects).
// Ends with one line "N passed, M failed" counted from vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemDeps } from './system-deps.mjs';

const started = Date.now();
if (!ensureSystemDeps()) {
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exit(1);
}
const run = (label, cmd, args) => {
  const t0 = Date.now();
  process.stdout.write(`\n── ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`── ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s)\n`);
  return r.status === 0;
};

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps = [
  ['format', npx, ['prettier', '--check', '--log-level', 'warn', '.']],
  ['types', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', npx, ['eslint', '--max-warnings', '0', '.']],
  ['web build', 'node', ['scripts/build-web.mjs', '--force']],
];
let ok = true;
for (const [label, cmd, args] of steps) ok = run(label, cmd, args) && ok;

rmSync('.test-output', { recursive: true, force: true });
mkdirSync('.test-output', { recursive: true });
const report = '.test-output/vitest.json';
const testsOk = run('tests (unit, api-pglite, api-postgres, e2e)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
ok = ok && testsOk;

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed =
    r.numFailedTests +
    (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
} catch {
  failed += 1;
}
if (!ok && failed === 0) failed = 1; // a failed type check, lint or build counts as a failure
process.stdout.write(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
