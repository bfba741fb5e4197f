// What the command-line tools share: refusing with an exit code, reading a password (a line from
// a pipe, a hidden prompt twice on a terminal, or generated) and listing a schema's complaints
// under the options' names.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { DomainError } from '../../domain/shared/errors.js';
import { auditKeyOptions, loadConfig, type Config } from '../config.js';
import { holdDataDir } from '../db/data-dir-lock.js';
import { openDatabase, type Database } from '../db/client.js';
import { writeAllCheckpoints } from '../platform/audit/checkpoint.js';
import {
  AuditKeyError,
  keyProblemText,
  loadOrCreateAuditSeal,
  useAuditSeal,
} from '../platform/audit/seal.js';
import { t } from '../platform/i18n/messages.js';

/** Exit codes: 0 done, 1 refused, 2 wrong arguments. */
/**
 * A command's arguments (`config.options` must have `help`). A wrong argument prints the usage
 * and exits 2; `--help`, or no positional where `needsPositional`, prints it and exits 0 or 2.
 */
export function cliArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  opts: { needsPositional?: boolean } = {},
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    fail(`${(err as Error).message}\n\n${usage}`, 2);
  }
  const help = (parsed.values as { help?: boolean }).help === true;
  const missing = opts.needsPositional === true && !parsed.positionals?.[0];
  if (help || missing) {
    process.stdout.write(`${usage}\n`);
    process.exit(help ? 0 : 2);
  }
  return parsed;
}

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** One line from a pipe, or a hidden prompt on a terminal. */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  return new Promise((resolve) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') fail('\nAvbrutet / cancelled', 1);
        if (ch === '\u007f') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: generated (and to be printed once), or read and, on a terminal, confirmed. */
export async function newPassword(
  generate: boolean,
  prompt: string,
): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: randomBytes(15).toString('base64url'), generated: true };
  const password = await readPassword(prompt);
  if (process.stdin.isTTY && (await readPassword('Samma lösenord igen: ')) !== password)
    fail('Lösenorden är inte lika. Inget har sparats.');
  return { password, generated: false };
}

/** A schema's complaints, one line per field under the option's name, in Swedish; exits with 2. */
export function failWithIssues(error: z.ZodError, names: Record<string, string>): never {
  const lines = error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    const msg = /^[a-z]+\.[a-zA-Z.]+$/.test(i.message) ? t('sv', i.message) : i.message;
    return `  ${names[field] ?? field}: ${msg}`;
  });
  fail(`Uppgifterna behöver rättas; inget har sparats:\n${lines.join('\n')}`, 2);
}

/** A refusal in Swedish, with a line per field when there are fields. */
export const refusalOf = (err: DomainError) =>
  err.kind === 'invalid' && err.fields.length > 0
    ? `${t('sv', err.key, err.params)}\n${err.fields.map((f) => `  ${f.path}: ${t('sv', f.key, f.params)}`).join('\n')}`
    : t('sv', err.key, err.params);

/**
 * Runs `work` against the configured database and closes it; a refusal (a DomainError) is printed
 * in Swedish with exit code 1.
 */
export async function withDatabase(work: (database: Database) => Promise<void>): Promise<never> {
  const config = loadConfig();
  // The embedded database belongs to one process: never open a folder a running server holds.
  const hold = config.DATABASE_URL ? null : holdDataDir(config.DATA_DIR);
  if (hold && 'heldBy' in hold)
    fail(
      `Servern använder datamappen ${config.DATA_DIR} (process ${hold.heldBy}). Stoppa den först; ` +
        'inget har sparats. / The server is using the data folder: stop it first; nothing was saved.',
    );
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const sealed = await useConfiguredAuditSeal(database, config);
  let refusal: string | null = null;
  try {
    await work(database);
    await sealed.checkpoint();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    refusal = refusalOf(err);
  }
  await database.close();
  if (hold && 'release' in hold) hold.release();
  if (refusal) fail(refusal);
  process.exit(0);
}

/**
 * The audit key for a command that writes (made on the first run, as the server does), and the
 * checkpoints to sign once it has written. A missing key for keyed events stops with exit code 1.
 */
export async function useConfiguredAuditSeal(database: Database, config: Config) {
  try {
    const { seal } = await loadOrCreateAuditSeal(database.db, auditKeyOptions(config));
    useAuditSeal(seal);
    return { seal, checkpoint: () => writeAllCheckpoints(database.db, seal, new Date()) };
  } catch (err) {
    if (!(err instanceof AuditKeyError)) throw err;
    await database.close();
    fail(keyProblemText(err));
  }
}
