import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadDemoIfEmpty } from './demo/demo.js';

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
app.log.info(`Styrbord is ready on http://localhost:${config.PORT} (${database.kind}) in ${Math.round(performance.now() - started)} ms`);

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
