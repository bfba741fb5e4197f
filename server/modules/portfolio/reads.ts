import { evidenceOf, type Evidence } from '../../../domain/shared/evidence.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../db/client.js';
import { listInitiatives, type InitiativeView } from './initiatives.service.js';
import { listTopLists } from './toplists.service.js';

/*
 * The portfolio's published read queries: each count with the records it is built from, so the
 * readiness checks and reports can cite them (ARCHITECTURE.md, the context's front door).
 */

const initiativeRecord = (v: InitiativeView, detail: string | null = null) => ({
  entity: 'initiative',
  id: v.id,
  title: v.title,
  href: `/portfolj/${v.id}`,
  detail,
});

async function live(db: Db, ctx: Ctx) {
  const { all } = await listInitiatives(db, ctx, { limit: 0, offset: 0 });
  return all.filter((v) => v.phase !== 'cancelled');
}

/** Initiatives (not cancelled) touching units under more than one board: the council's to prepare. */
export async function crossUnitInitiatives(db: Db, ctx: Ctx): Promise<Evidence> {
  return evidenceOf(
    (await live(db, ctx)).filter((v) => v.crossUnit).map((v) => initiativeRecord(v)),
  );
}

/** Cross-unit initiatives decided or later that the council did not prepare (and no exception was decided). */
export async function crossUnitWithoutCouncil(db: Db, ctx: Ctx): Promise<Evidence> {
  return evidenceOf(
    (await live(db, ctx))
      .filter((v) => v.flags.includes('cross_unit_without_council'))
      .map((v) => initiativeRecord(v)),
  );
}

/** Initiatives that cite a steering document past its validity ("giltighetstid passerad"). */
export async function initiativesWithExpiredDocuments(db: Db, ctx: Ctx): Promise<Evidence> {
  return evidenceOf(
    (await live(db, ctx))
      .filter((v) => v.flags.includes('steering_document_expired'))
      .map((v) =>
        initiativeRecord(
          v,
          v.documents
            .filter((d) => d.expired)
            .map((d) => d.title)
            .join(', '),
        ),
      ),
  );
}

/**
 * Per top list of the year: the follow-ups held in that year (the records), the planned number
 * and how many were due by today — "n av m uppföljningar genomförda <år>".
 */
export async function topListFollowUps(
  db: Db,
  ctx: Ctx,
  params: { year: number },
): Promise<
  { listId: string; name: string; held: Evidence; planned: number; due: number; behind: boolean }[]
> {
  return (await listTopLists(db, ctx, { year: params.year })).map((l) => ({
    listId: l.id,
    name: l.name,
    held: l.held,
    planned: l.planned,
    due: l.due,
    behind: l.behind,
  }));
}

/**
 * Per top list of the year that has been followed up: the entries its latest follow-up gave no
 * status ("status saknas"), never filled in from an earlier follow-up.
 */
export async function entriesWithoutStatus(
  db: Db,
  ctx: Ctx,
  params: { year: number },
): Promise<{ listId: string; name: string; heldOn: string; evidence: Evidence }[]> {
  return (await listTopLists(db, ctx, { year: params.year })).flatMap((l) => {
    const latest = l.followUps.at(-1);
    if (!latest) return [];
    return [
      {
        listId: l.id,
        name: l.name,
        heldOn: latest.heldOn,
        evidence: evidenceOf(
          l.entries
            .filter((e) => e.latest && e.latest.status === null)
            .map((e) => ({
              entity: 'initiative',
              id: e.initiativeId,
              title: e.title,
              href: `/portfolj/${e.initiativeId}`,
              detail: `${l.name}, ${latest.heldOn}`,
            })),
        ),
      },
    ];
  });
}
