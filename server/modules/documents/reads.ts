import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  DOCUMENT_FLAGS,
  strategiesPerBody,
  type DocumentFlag,
} from '../../../domain/documents/document.js';
import { BODY_KINDS } from '../../../domain/organization/unit.js';
import { evidenceOf, type Evidence } from '../../../domain/shared/evidence.js';
import type { Db, Tx } from '../../db/client.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { assertAllOwned } from '../../platform/versioning.js';
import { bodiesInForce, unitNames, unitsWithSuccessors } from '../organization/index.js';
import { listDocuments, type DocumentView } from './documents.service.js';
import { documentGoals, steeringDocuments } from './tables.js';
import { flagWord, levelWord } from './words.js';

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

// ---------------------------------------------------------------- counts with their records

/** Every document of the tenant that is not archived, as the register shows it (with flags). */
async function registerOf(db: Db, ctx: Ctx): Promise<DocumentView[]> {
  const { all } = await listDocuments(db, ctx, { limit: 200, offset: 0, format: 'json' });
  return all.filter((d) => d.archivedAt === null);
}

const documentRecord = (d: DocumentView, detail: string | null) => ({
  entity: 'document',
  id: d.id,
  title: d.title,
  href: `/styrdokument/${d.id}`,
  detail,
});

/** The documents that raise this flag (adopted documents only: drafts raise none). */
export async function documentsWithFlag(db: Db, ctx: Ctx, flag: DocumentFlag): Promise<Evidence> {
  const docs = await registerOf(db, ctx);
  return evidenceOf(
    docs
      .filter((d) => d.flags.includes(flag))
      .map((d) => documentRecord(d, flagWord(ctx.lang, flag, d))),
  );
}

/** Every document flag with the documents that raise it, in the flags' order. */
export async function documentFlagCounts(
  db: Db,
  ctx: Ctx,
): Promise<{ flag: DocumentFlag; evidence: Evidence }[]> {
  const docs = await registerOf(db, ctx);
  return DOCUMENT_FLAGS.map((flag) => ({
    flag,
    evidence: evidenceOf(
      docs
        .filter((d) => d.flags.includes(flag))
        .map((d) => documentRecord(d, flagWord(ctx.lang, flag, d))),
    ),
  }));
}

/**
 * The body that holds a strategy today: its adopter (or, when none is recorded, the body of the
 * decision it cites), followed through its successors while there is exactly one (a body split
 * in two leaves the strategy with the body that adopted it). Ten steps at most.
 */
async function holdersOf(db: Db, ctx: Ctx, bodyIds: readonly string[]) {
  const holder = new Map<string, string>(bodyIds.map((id) => [id, id]));
  let frontier = [...new Set(bodyIds)];
  for (let depth = 0; frontier.length > 0 && depth < 10; depth++) {
    const units = await unitsWithSuccessors(db, ctx, frontier);
    const next = new Map<string, string>();
    for (const u of units.values())
      if (u.successors.length === 1 && u.successors[0]!.id !== u.id)
        next.set(u.id, u.successors[0]!.id);
    for (const [start, current] of holder)
      if (next.has(current)) holder.set(start, next.get(current)!);
    frontier = [...new Set(next.values())];
  }
  return holder;
}

/**
 * Per body, the politically adopted, current strategies it holds (adopted, at assembly or board
 * level, in force today, not superseded). A strategy adopted by a predecessor body counts for the
 * body that succeeded it ("antagen av dåvarande landstingsstyrelsen", Värmland 2025). Every body
 * in force is listed, with none if it has none; strategies with no known adopter are listed under
 * `bodyId: null`. With `bodyId`, that body's figure alone.
 */
export async function currentPoliticalStrategies(
  db: Db,
  ctx: Ctx,
  params: { bodyId?: string | undefined } = {},
): Promise<{ bodyId: string | null; bodyName: string | null; evidence: Evidence }[]> {
  const today = todayOf(ctx.now);
  const docs = await registerOf(db, ctx);
  const adopterOf = (d: DocumentView) => d.adoptedByUnitId ?? d.decisionBodyUnitId;
  const holder = await holdersOf(
    db,
    ctx,
    docs.map(adopterOf).filter((x): x is string => !!x),
  );
  const bodies = (
    await bodiesInForce(
      db,
      ctx,
      BODY_KINDS.filter((k) => k !== 'working_committee'),
    )
  ).map((b) => b.id);
  const groups = strategiesPerBody(
    docs,
    today,
    (d) => {
      const a = adopterOf(d);
      return a ? (holder.get(a) ?? a) : null;
    },
    params.bodyId ? [params.bodyId] : bodies,
  );
  const names = await unitNames(
    db,
    [...groups.keys()].filter((x): x is string => !!x),
  );
  const detail = (d: DocumentView, bodyId: string | null) => {
    const level = levelWord(ctx.lang, d.adoptionLevel);
    const base = t(ctx.lang, 'documents.evidence.strategy', {
      level,
      on: d.adoptedOn ?? '',
    }).trim();
    const adopter = adopterOf(d);
    if (adopter && bodyId && adopter !== bodyId)
      return `${base}, ${t(ctx.lang, 'documents.evidence.inherited', {
        name: d.adopter?.name ?? '',
      })}`;
    return base;
  };
  return [...groups.entries()]
    .filter(([bodyId]) => !params.bodyId || bodyId === params.bodyId)
    .map(([bodyId, list]) => ({
      bodyId,
      bodyName: bodyId ? (names.get(bodyId) ?? null) : null,
      evidence: evidenceOf(list.map((d) => documentRecord(d, detail(d, bodyId)))),
    }))
    .sort((a, b) =>
      a.bodyName === null
        ? 1
        : b.bodyName === null
          ? -1
          : a.bodyName.localeCompare(b.bodyName, 'sv'),
    );
}
