import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * PGlite is one process's database: a second process that opens the same data folder (another
 * server, or `npm run setup` while the server runs) would write beside it and can damage it. The
 * process that opens the folder leaves its pid there; another process finds it and refuses.
 */
const FILE = 'styrbord.pid';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid of the live process that holds the folder, or null. */
export function dataDirHolder(dataDir: string): number | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/** Holds the folder for this process until `release` (or exit); refuses when another holds it. */
export function holdDataDir(dataDir: string): { release: () => void } | { heldBy: number } {
  const heldBy = dataDirHolder(dataDir);
  if (heldBy) return { heldBy };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  writeFileSync(file, `${process.pid}\n`);
  const release = () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid))
      rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { release };
}
