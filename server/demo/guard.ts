import { ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tenantHistory } from '../platform/tables.js';

/** The demo region's slug: any other tenant the database has had is real data. */
export const DEMO_SLUG = 'norrsund';

/** The demo would mix invented people and a known password into a database with real tenants. */
export class DemoRefused extends Error {
  constructor(readonly otherSlugs: string[]) {
    super(
      `DEMO=true, but this database has had other tenants (${otherSlugs.slice(0, 5).join(', ')}` +
        `${otherSlugs.length > 5 ? ', …' : ''}): the demo, with its known password, is never ` +
        'loaded into it. Start with DEMO=false, or point DATA_DIR or DATABASE_URL at an empty database.',
    );
    this.name = 'DemoRefused';
  }
}

/** Refuses when any tenant but the demo's has ever been created here (the history outlives rows). */
export async function assertOnlyDemoEver(db: Db) {
  const others = await db
    .select({ slug: tenantHistory.slug })
    .from(tenantHistory)
    .where(ne(tenantHistory.slug, DEMO_SLUG))
    .limit(6);
  if (others.length > 0) throw new DemoRefused(others.map((o) => o.slug));
}
