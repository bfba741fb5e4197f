// `npm run verify-audit`: checks every tenant's audit-trail hash chain from the command line.
// Exit code 0 when all chains are intact, 1 when any is broken (for cron and monitoring).
import { configOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyChain } from '../platform/audit/audit.js';
import { tenants } from '../platform/tables.js';

const config = configOrExit();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
let broken = 0;
for (const tenant of await database.db
  .select({ id: tenants.id, name: tenants.name })
  .from(tenants)) {
  const r = await verifyChain(database.db, tenant.id);
  if (r.intact) console.log(`✓ ${tenant.name}: intact, ${r.checked} events`);
  else {
    broken += 1;
    console.log(
      `✕ ${tenant.name}: BROKEN at event ${r.firstBroken?.seq} (${r.firstBroken?.reason}, id ${r.firstBroken?.id ?? '—'}); ${r.checked} events intact before it`,
    );
  }
}
await database.close();
process.exit(broken > 0 ? 1 : 0);
