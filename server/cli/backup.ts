// `npm run backup -- [--out <folder>] [--url http://localhost:3000 --email drift@host.se]`: a
// consistent copy of the database and the audit trail's signed checkpoints, in a new folder.
// PGlite: the embedded database's own dump; through the running server when it holds the folder
// (as a host administrator), else by opening the folder. PostgreSQL (DATABASE_URL): pg_dump.
// The audit key is not copied: back it up once, apart (README, Säkerhetskopiering / Backup).
// Exit codes: 0 done, 1 refused or failed, 2 wrong arguments.
import { join } from 'node:path';
import { auditKeyOptions, configOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirHolder, dataDirServerUrl, holdDataDir } from '../db/data-dir-lock.js';
import type { Checkpoint } from '../platform/audit/checkpoint.js';
import { AuditKeyError, keyProblemText, readAuditSeal } from '../platform/audit/seal.js';
import {
  backupPglite,
  backupPostgres,
  checkpointFiles,
  Refused,
  type Manifest,
} from './backup-core.js';
import { cliArgs, fail } from './prompt.js';
import { hostSession } from './remote.js';

const USAGE = `Användning / usage:
  npm run backup -- [--out backups/styrbord-<tid>]
  npm run backup -- --url http://localhost:3000 --email drift@host.se   (genom den körande servern)
Lösenordet för --email läses från STYRBORD_HOST_PASSWORD eller standardinmatningen.`;

const args = cliArgs(
  {
    options: {
      out: { type: 'string' },
      url: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  },
  USAGE,
).values;

const config = configOrExit();
const now = new Date();
const out = args.out ?? join('backups', `styrbord-${now.toISOString().replace(/[:.]/g, '-')}`);
let keyId: string | null = null;
try {
  keyId = readAuditSeal(auditKeyOptions(config))?.keyId ?? null;
} catch (err) {
  if (!(err instanceof AuditKeyError)) throw err;
  process.stderr.write(`${keyProblemText(err)}\n`);
}

let manifest: Manifest;
try {
  if (config.DATABASE_URL && !args.url) {
    manifest = await backupPostgres(
      out,
      config.DATABASE_URL,
      config.AUDIT_CHECKPOINT_DIR,
      keyId,
      now,
    );
  } else {
    const heldBy = args.url ? null : dataDirHolder(config.DATA_DIR);
    const url =
      args.url ??
      (heldBy ? (dataDirServerUrl(config.DATA_DIR) ?? `http://localhost:${config.PORT}`) : null);
    if (url) {
      if (heldBy)
        process.stdout.write(
          `Servern (process ${heldBy}) använder datamappen: säkerhetskopierar genom den på ${url}.\n` +
            `The server (pid ${heldBy}) holds the data folder: backing up through it at ${url}.\n`,
        );
      const session = await hostSession(url, args.email);
      let serverKeyId: string | null = null;
      manifest = await backupPglite(
        out,
        {
          checkpoints: async () => {
            const r = await session.get('/api/host/audit/checkpoints');
            const body = (await r.json()) as { items: Checkpoint[]; keyId: string | null };
            serverKeyId = body.keyId;
            return body.items;
          },
          dump: async () =>
            Buffer.from(await (await session.get('/api/host/backup')).arrayBuffer()),
        },
        null,
        now,
      );
      await session.close();
      manifest = { ...manifest, keyId: serverKeyId };
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    } else {
      // Nobody holds the folder: hold it while the dump is taken, so no server starts meanwhile.
      const hold = holdDataDir(config.DATA_DIR);
      if ('heldBy' in hold) fail(`Datamappen används av process ${hold.heldBy} / folder in use.`);
      const database = await openDatabase({ dataDir: config.DATA_DIR, migrate: false });
      manifest = await backupPglite(
        out,
        {
          checkpoints: async () => checkpointFiles(config.AUDIT_CHECKPOINT_DIR),
          dump: async () => Buffer.from(await (await database.dump!()).arrayBuffer()),
        },
        keyId,
        now,
      );
      await database.close();
      hold.release();
    }
  }
} catch (err) {
  if (err instanceof Refused) fail(err.message);
  fail(`Säkerhetskopieringen misslyckades / the backup failed: ${(err as Error).message}`);
}

process.stdout.write(
  `Säkerhetskopian är klar i ${out} (${manifest.kind}, ${manifest.checkpoints} kontrollpunkter).\n` +
    `The backup is in ${out}.\n` +
    `Granskningsloggens nyckel ingår inte; spara den en gång för sig (${config.AUDIT_KEY ? 'AUDIT_KEY' : config.AUDIT_KEY_FILE}` +
    `${manifest.keyId ? `, fingeravtryck ${manifest.keyId}` : ''}).\n` +
    "The audit trail's key is not included; keep it once, apart from the backups.\n",
);
process.exit(0);
