import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { documentGoals, steeringDocuments } from './tables.js';

/*
 * The read queries other contexts may use: goals and initiatives show the steering documents
 * they are linked to, and whether each is still valid (DOMAIN.md: documents that are years old
 * no longer steer anything).
 */

type Read = Db | Tx;

/** A linked steering document as another record shows it. */
export type LinkedDocument = {
  id: string;
  title: string;
  type: string;
  state: string;
  validTo: string | null;
  /** The planned follow-ups a year the document sets (a top list's cadence can come from it). */
  followUpsPerYear: number | null;
  /** Past its validity (validTo before today): "giltighetstid passerad <validTo>". */
  expired: boolean;
};

const linked = {
  id: steeringDocuments.id,
  title: steeringDocuments.title,
  type: steeringDocuments.type,
  state: steeringDocuments.state,
  validTo: steeringDocuments.validTo,
  followUpsPerYear: steeringDocuments.followUpsPerYear,
};
const withExpiry = (d: Omit<LinkedDocument, 'expired'>, today: string): LinkedDocument => ({
  ...d,
  expired: d.validTo !== null && d.validTo < today,
});

/** Every id names a steering document of the tenant; else NotFound (`entity.document`). */
export async function assertDocumentsOwned(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
) {
  await assertAllOwned(db, steeringDocuments, ctx, ids, 'document');
}

/** The tenant's documents of these ids (archived ones left out), by title. */
export async function documentsByIds(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly string[],
  today: string,
): Promise<LinkedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(linked)
    .from(steeringDocuments)
    .where(
      and(
        eq(steeringDocuments.tenantId, ctx.tenantId),
        inArray(steeringDocuments.id, [...new Set(ids)]),
        isNull(steeringDocuments.archivedAt),
      ),
    )
    .orderBy(asc(steeringDocuments.title));
  return rows.map((d) => withExpiry(d, today));
}

/** For each goal, the tenant's documents that serve it (document → goal links), by title. */
export async function documentsServingGoals(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  goalIds: readonly string[],
  today: string,
): Promise<Map<string, LinkedDocument[]>> {
  const out = new Map<string, LinkedDocument[]>();
  if (goalIds.length === 0) return out;
  const rows = await db
    .select({ goalId: documentGoals.goalId, ...linked })
    .from(documentGoals)
    .innerJoin(steeringDocuments, eq(steeringDocuments.id, documentGoals.documentId))
    .where(
      and(
        eq(steeringDocuments.tenantId, ctx.tenantId),
        inArray(documentGoals.goalId, [...new Set(goalIds)]),
        isNull(steeringDocuments.archivedAt),
      ),
    )
    .orderBy(asc(steeringDocuments.title));
  for (const { goalId, ...d } of rows) {
    const list = out.get(goalId) ?? [];
    list.push(withExpiry(d, today));
    out.set(goalId, list);
  }
  return out;
}
