import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadDemoIfEmpty } from './demo/demo.js';
import { notifications } from './modules/registry.js';
import { createMailer } from './platform/mail.js';

const started = performance.now();
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
if (config.DEMO === 'true') await loadDemoIfEmpty(database.db);
const app = await buildApp({
  db: database.db,
  logger: { level: config.LOG_LEVEL },
  webDir: fileURLToPath(new URL('../web/dist', import.meta.url)),
  trustProxy: config.TRUST_PROXY === 'true',
});
await app.listen({ port: config.PORT, host: config.HOST });
app.log.info(
  `Styrbord is ready on http://localhost:${config.PORT} (${database.kind}) in ${Math.round(performance.now() - started)} ms`,
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
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
