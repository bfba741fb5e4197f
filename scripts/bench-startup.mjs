#!/usr/bin/env node
// `npm run bench:start`: how long `npm start` takes to answer /api/health, cold (a new data
// folder: migrations and the demo region) and warm (a restart on the same folder). Figures, not
// assertions. Uses a free port and a temporary data folder; the web app is built first if needed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function timeStart(dataDir, demo) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: demo, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 180_000) throw new Error('not healthy within 180 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) return (performance.now() - t0) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

spawnSync('node', ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
for (const demo of ['true', 'false']) {
  const dir = mkdtempSync(join(tmpdir(), 'styrbord-bench-start-'));
  try {
    const cold = await timeStart(dir, demo);
    const warm = await timeStart(dir, demo);
    const again = await timeStart(dir, demo);
    console.log(
      `DEMO=${demo}: cold start ${cold.toFixed(1)} s (migrate${demo === 'true' ? ' + demo' : ''}), ` +
        `restart ${warm.toFixed(1)} s / ${again.toFixed(1)} s (web app already built)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
