import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { auditKeyOptions, configOrExit } from './config.js';
import { openDatabase } from './db/client.js';
import { holdDataDir } from './db/data-dir-lock.js';
import { loadDemoIfEmpty } from './demo/demo.js';
import { DemoRefused } from './demo/guard.js';
import { notifications } from './modules/registry.js';
import {
  AuditKeyError,
  keyProblemText,
  loadOrCreateAuditSeal,
  useAuditSeal,
} from './platform/audit/seal.js';
import { createMailer } from './platform/mail.js';
import { listeningUrls } from './platform/addresses.js';
import { openSetupGate } from './platform/setup-token.js';
import { setTableLimits } from './platform/table-file.js';
import { tenants } from './platform/tables.js';

const started = performance.now();
const config = configOrExit();
// The embedded database belongs to one process: refuse a second server on the same folder.
const hold = config.DATABASE_URL ? null : holdDataDir(config.DATA_DIR);
if (hold && 'heldBy' in hold) {
  process.stderr.write(
    `The data folder ${config.DATA_DIR} is in use by another Styrbord process (pid ${hold.heldBy}). ` +
      'Stop it first, or start with another DATA_DIR or PORT.\n',
  );
  process.exit(1);
}
setTableLimits({
  maxUnpackedBytes: config.IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
  maxRows: config.IMPORT_MAX_ROWS,
  maxColumns: config.IMPORT_MAX_COLUMNS,
});
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
// The audit trail's key, outside the database: read, or made on the first start.
const audit = await loadOrCreateAuditSeal(database.db, auditKeyOptions(config)).catch(
  async (err: unknown) => {
    if (!(err instanceof AuditKeyError)) throw err;
    process.stderr.write(`${keyProblemText(err)}\n`);
    await database.close();
    process.exit(1);
  },
);
useAuditSeal(audit.seal);
let demo = config.DEMO === 'true';
if (demo) {
  try {
    await loadDemoIfEmpty(database.db);
  } catch (err) {
    if (!(err instanceof DemoRefused)) throw err;
    demo = false;
    // Asked for: say so and stop (exit 3). By default on the embedded database: start without it.
    if (config.demoExplicit) {
      process.stderr.write(`${err.message}\n`);
      await database.close();
      if (hold && 'release' in hold) hold.release();
      process.exit(3);
    }
  }
}
// The first run without the demo: a setup page guarded by a one-time token, until a region exists.
const [anyRegion] = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
const setup = anyRegion ? null : openSetupGate(config.DATA_DIR);
const app = await buildApp({
  db: database.db,
  logger: { level: config.LOG_LEVEL },
  webDir: fileURLToPath(new URL('../web/dist', import.meta.url)),
  trustProxy: config.TRUST_PROXY,
  setup,
  demo,
  audit: audit.seal,
  dump: database.dump ?? null,
});
if (audit.created)
  app.log.warn(
    `A new audit-trail key was made in ${config.AUDIT_KEY_FILE} (fingerprint ${audit.seal.keyId}). ` +
      'Back it up once, apart from the database backups (see README, Backup).',
  );
await app.listen({ port: config.PORT, host: config.HOST });
const port = (app.server.address() as { port: number } | null)?.port ?? config.PORT;
const urls = listeningUrls(config.HOST, port);
if (hold && 'listening' in hold) hold.listening(urls[0]!);
app.log.info(
  `Styrbord is ready on ${urls.join(', ')} (${database.kind}) in ${Math.round(performance.now() - started)} ms`,
);
if (setup?.token)
  app.log.warn(
    `No region yet. Open ${urls[0]}/setup?token=${setup.token} to set one up (the one-time code ` +
      `is also in ${setup.file}); or stop the server and run ` +
      `npm run setup -- --region "Region X" --admin-email you@region.se --admin-name "Your Name"`,
  );

// Deadline reminders: by email when SMTP is set, else kept in the app. Safe with several instances (each reminder is claimed once).
const mailer = createMailer(config.SMTP_URL, config.SMTP_FROM);
const remind = () =>
  notifications.runReminders(database.db, new Date(), mailer).then(
    (r) => (r.sent || r.inApp) && app.log.info(r, 'reminders'),
    (err: unknown) => app.log.error({ err }, 'reminder run failed'),
  );
const timer =
  config.REMINDER_INTERVAL_MINUTES > 0
    ? setInterval(() => void remind(), config.REMINDER_INTERVAL_MINUTES * 60_000)
    : null;
if (timer) setTimeout(() => void remind(), 10_000).unref();

const stop = async () => {
  if (timer) clearInterval(timer);
  mailer?.close();
  await app.close();
  await database.close();
  if (hold && 'release' in hold) hold.release();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
