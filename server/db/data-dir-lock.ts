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

const linesOf = (dataDir: string) => {
  const file = join(dataDir, FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
};

/** The pid of the live process that holds the folder, or null. */
export function dataDirHolder(dataDir: string): number | null {
  const pid = Number(linesOf(dataDir)[0]?.trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/**
 * The address the live server holding the folder answers on (it writes it once listening), so a
 * command run beside it reaches that server, whatever PORT the command's own shell has.
 */
export function dataDirServerUrl(dataDir: string): string | null {
  if (!dataDirHolder(dataDir)) return null;
  const url = linesOf(dataDir)[1]?.trim();
  return url && /^https?:\/\//.test(url) ? url : null;
}

/** Holds the folder for this process until `release` (or exit); refuses when another holds it. */
export function holdDataDir(
  dataDir: string,
): { release: () => void; listening: (url: string) => void } | { heldBy: number } {
  const heldBy = dataDirHolder(dataDir);
  if (heldBy) return { heldBy };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  writeFileSync(file, `${process.pid}\n`);
  const ours = () =>
    existsSync(file) && readFileSync(file, 'utf8').split('\n')[0] === String(process.pid);
  const release = () => {
    if (ours()) rmSync(file, { force: true });
  };
  /** Records where this process's server answers, beside its pid. */
  const listening = (url: string) => {
    if (ours()) writeFileSync(file, `${process.pid}\n${url}\n`);
  };
  process.once('exit', release);
  return { release, listening };
}
