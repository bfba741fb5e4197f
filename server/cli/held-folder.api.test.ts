import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirServerUrl, holdDataDir } from '../db/data-dir-lock.js';

// PGlite's folder belongs to one process (issue 13): no command opens a folder a running server
// holds. The test holds a folder as the server does, and runs each command against it.

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let release: () => void;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'styrbord-held-'));
  const hold = holdDataDir(dir);
  if (!('release' in hold)) throw new Error('could not hold the test folder');
  release = hold.release;
  // As the server does once listening: where it answers, beside its pid.
  hold.listening('http://localhost:3999');
});
afterAll(() => {
  release?.();
  rmSync(dir, { recursive: true, force: true });
});

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}`, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, LOG_LEVEL: 'silent' },
    input: 'ett-långt-lösenord-för-test\n',
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('a data folder held by a running server', () => {
  it.each([
    ['tenant.ts', ['list']],
    ['setup.ts', ['--region', 'Region X', '--admin-email', 'a@x.se', '--admin-name', 'A']],
    ['verify-audit.ts', []],
  ])(
    '%s refuses it, says why, and opens nothing',
    (script, args) => {
      const r = run(script, args);
      expect(r.status, r.stderr).toBe(1);
      expect(`${r.stdout}${r.stderr}`).toMatch(/process \d+/);
      expect(`${r.stdout}${r.stderr}`).toMatch(/[Ss]erver/);
    },
    90_000,
  );

  it('tells where the server holding it answers, whatever PORT the command has', () => {
    const r = run('verify-audit.ts', []);
    expect(r.stderr).toContain('--url http://localhost:3999');
  }, 90_000);

  it('a folder no live process holds has no server address', () => {
    const other = mkdtempSync(join(tmpdir(), 'styrbord-free-'));
    try {
      expect(dataDirServerUrl(other)).toBeNull();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
