import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The first run's one-time setup token: it guards the setup page while no region exists. It is
 * printed in the server log and kept in the data folder (readable by the owner only), so whoever
 * runs the server, and no one who merely reaches its port, can create the region.
 */
export type SetupGate = { token: string | null; file: string | null };

const FILE = 'setup-token';

export function openSetupGate(dataDir: string): SetupGate {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 20) return { token: kept, file };
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, file };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time, so the answer's timing says nothing about the token. */
export function setupTokenMatches(gate: SetupGate | null, given: string): boolean {
  if (!gate?.token) return false;
  return timingSafeEqual(digest(gate.token), digest(given.trim()));
}

/** Used once: the token is gone from memory and from the data folder. */
export function closeSetupGate(gate: SetupGate | null) {
  if (!gate) return;
  gate.token = null;
  if (gate.file) rmSync(gate.file, { force: true });
}
