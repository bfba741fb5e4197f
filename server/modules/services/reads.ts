import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { itSystems } from './tables.js';

/** The read queries other contexts may use (initiatives link to IT systems). */

/** Every id names an IT system of the tenant; else NotFound (`entity.system`). */
export async function assertSystemsOwned(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
) {
  await assertAllOwned(db, itSystems, ctx, ids, 'system');
}
