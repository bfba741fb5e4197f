import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { goals } from './tables.js';

/** The read queries other contexts may use (documents and initiatives link to goals). */

/** Every id names a goal of the tenant; else NotFound (`entity.goal`). */
export async function assertGoalsOwned(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
) {
  await assertAllOwned(db, goals, ctx, ids, 'goal');
}
