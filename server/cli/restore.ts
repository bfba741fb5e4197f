// `npm run restore -- <backup folder> [--data-dir <folder>] [--database-url <url>]
// [--checkpoint-dir <folder>] [--force]`: puts a backup from `npm run backup` into a new, empty
// folder (PGlite) or database (PostgreSQL), with its signed checkpoints, then verifies every
// tenant's audit trail with the key. Refuses a target that is not empty unless --force, and a
// folder a running server holds always. Exit codes: 0 restored and intact, 1 refused, failed or
// not intact, 2 wrong arguments.
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { configOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirHolder } from '../db/data-dir-lock.js';
import { verifyAllTenants, verifyMessage } from '../platform/audit/audit.js';
import { readAuditSeal, useAuditSeal } from '../platform/audit/seal.js';
import { readManifest, Refused, restoreBackup } from './backup-core.js';
import { cliArgs, fail } from './prompt.js';

const USAGE = `Användning / usage:
  npm run restore -- backups/styrbord-<tid> --data-dir ./data-aterstalld      (PGlite)
  npm run restore -- backups/styrbord-<tid> --database-url postgres://…/ny    (PostgreSQL)
  [--key-file <nyckelfil>]  (nyckeln där den sparats för sig; läggs i den nya mappen, läsbar bara för ägaren)
  [--checkpoint-dir <mapp>] [--force]   (--force skriver över en mapp eller databas som inte är tom)`;

const parsed = cliArgs(
  {
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'checkpoint-dir': { type: 'string' },
      'key-file': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  },
  USAGE,
  { needsPositional: true },
);
const args = parsed.values;
const from = parsed.positionals[0]!;

const config = configOrExit();
let manifest;
try {
  manifest = readManifest(from);
} catch (err) {
  fail((err as Error).message);
}
const pglite = manifest.kind === 'pglite';
const dataDir = pglite ? (args['data-dir'] ?? config.DATA_DIR) : undefined;
const databaseUrl = pglite ? undefined : (args['database-url'] ?? config.DATABASE_URL);
// A folder given on the command line keeps its checkpoints inside it, as the default does.
const checkpointDir =
  args['checkpoint-dir'] ??
  (args['data-dir'] ? join(args['data-dir'], 'audit-checkpoints') : config.AUDIT_CHECKPOINT_DIR);
if (dataDir) {
  const heldBy = dataDirHolder(dataDir);
  if (heldBy)
    fail(
      `En körande server (process ${heldBy}) använder ${dataDir}; stoppa den först. Inget har ändrats.\n` +
        `A running server (pid ${heldBy}) uses ${dataDir}; stop it first. Nothing was changed.`,
    );
}
try {
  await restoreBackup({ from, dataDir, databaseUrl, checkpointDir, force: args.force });
} catch (err) {
  if (err instanceof Refused) fail(err.message);
  fail(`Återställningen misslyckades / the restore failed: ${(err as Error).message}`);
}
process.stdout.write(
  `Återställd / restored: ${dataDir ?? 'PostgreSQL'} (${manifest.createdAt}).\n`,
);

// The key: --key-file (where it was kept apart), AUDIT_KEY, an AUDIT_KEY_FILE that was set, or
// the restored folder's own key file; never the default folder's key, which is another database's.
const keyFile =
  args['key-file'] ??
  (config.auditKeyFileExplicit || !dataDir ? config.AUDIT_KEY_FILE : join(dataDir, 'audit-key'));
const seal = readAuditSeal({ key: config.AUDIT_KEY, file: keyFile, checkpointDir });
if (!seal) {
  const place = keyFile;
  process.stdout.write(
    `Granskningsloggens nyckel saknas: lägg tillbaka den i ${place} (eller sätt AUDIT_KEY) innan ` +
      `servern startas${manifest.keyId ? `; den ska ha fingeravtrycket ${manifest.keyId}` : ''}.\n` +
      `The audit trail's key is missing: put it back at ${place} (or set AUDIT_KEY) before starting ` +
      'the server, then run npm run verify-audit.\n',
  );
  process.exit(0);
}
if (manifest.keyId && seal.keyId !== manifest.keyId)
  process.stdout.write(
    `Nyckeln har fingeravtrycket ${seal.keyId}, säkerhetskopian ${manifest.keyId}: fel nyckel?\n` +
      `The key's fingerprint is ${seal.keyId}, the backup's ${manifest.keyId}: the wrong key?\n`,
  );
// The key kept apart goes back beside the restored data, readable by its owner only.
if (args['key-file'] && dataDir && !existsSync(join(dataDir, 'audit-key'))) {
  copyFileSync(args['key-file'], join(dataDir, 'audit-key'));
  chmodSync(join(dataDir, 'audit-key'), 0o600);
}
useAuditSeal(seal);
const database = await openDatabase({ url: databaseUrl, dataDir });
const items = await verifyAllTenants(database.db, 'sv');
await database.close();
let broken = 0;
for (const r of items) {
  if (!r.intact) broken += 1;
  process.stdout.write(
    `${r.intact ? '✓' : '✕'} ${r.name}: ${r.message}\n    ${verifyMessage('en', r)}\n`,
  );
}
process.exit(broken > 0 ? 1 : 0);
