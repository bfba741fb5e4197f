import { asc, eq, inArray } from 'drizzle-orm';
import {
  obligationsOf,
  openState,
  questionStates,
  resolveMeeting,
  resolvedCount,
  type Obligation,
  type OpenState,
} from '../../../domain/audits/obligations.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { todayOf } from '../../platform/context.js';
import { meetingsOfBodies } from '../organization/index.js';
import { auditActions, auditReplies, audits, followUpFindings, recommendations } from './tables.js';

type AuditRow = typeof audits.$inferSelect;
type Remittance = AuditRow['remittances'][number];
type Meeting = { id: string; bodyUnitId: string | null; heldOn: string };

/** A remittance's deadline as a date: the date set, else its meeting's date (or month end). */
export function remittanceDeadline(r: Remittance, meetings: readonly Meeting[]) {
  if (r.deadline) return { date: r.deadline, resolved: true };
  if (r.deadlineMeeting) {
    const m = resolveMeeting(r.deadlineMeeting, meetings);
    return { date: m.date, resolved: m.resolved };
  }
  return { date: null, resolved: true };
}

export type AddresseeStanding = {
  bodyId: string;
  state: OpenState;
  obligation: Obligation | null;
  finding: 'resolved' | 'partly_resolved' | 'not_resolved' | null;
  findingText: string | null;
  findingAuditTitle: string | null;
  actions: (typeof auditActions.$inferSelect)[];
};

/**
 * Where each recommendation of these audits stands for each addressee, from the rows on record:
 * the reply obligations (with deadlines resolved from the bodies' meetings), the actions, and the
 * latest follow-up finding. One reading for every page and export, so they never disagree.
 */
export async function auditStanding(
  db: Db | Tx,
  ctx: Pick<Ctx, 'tenantId' | 'now'>,
  auditRows: readonly AuditRow[],
) {
  const today = todayOf(ctx.now);
  const ids = auditRows.map((a) => a.id);
  const recs = ids.length
    ? await db
        .select()
        .from(recommendations)
        .where(inArray(recommendations.auditId, ids))
        .orderBy(asc(recommendations.sortKey), asc(recommendations.number))
    : [];
  const recIds = recs.map((r) => r.id);
  const [acts, replies, findings] = await Promise.all([
    recIds.length
      ? db
          .select()
          .from(auditActions)
          .where(inArray(auditActions.recommendationId, recIds))
          .orderBy(asc(auditActions.createdAt))
      : [],
    ids.length
      ? db
          .select()
          .from(auditReplies)
          .where(inArray(auditReplies.auditId, ids))
          .orderBy(asc(auditReplies.receivedOn))
      : [],
    recIds.length
      ? db
          .select({ f: followUpFindings, date: audits.reportDate, title: audits.title })
          .from(followUpFindings)
          .innerJoin(audits, eq(audits.id, followUpFindings.followUpAuditId))
          .where(inArray(followUpFindings.recommendationId, recIds))
          .orderBy(asc(audits.reportDate), asc(followUpFindings.createdAt))
      : [],
  ]);
  const meetingBodies = auditRows.flatMap((a) =>
    a.remittances.flatMap((r) => (r.deadlineMeeting ? [r.deadlineMeeting.bodyId] : [])),
  );
  const meetings = await meetingsOfBodies(db, ctx, meetingBodies);
  const byAudit = new Map<
    string,
    {
      audit: AuditRow;
      deadlines: Map<string, { date: string | null; resolved: boolean }>;
      obligations: Obligation[];
      replies: (typeof replies)[number][];
      recommendations: {
        rec: (typeof recs)[number];
        addressees: AddresseeStanding[];
        progress: { resolved: number; of: number };
        latestFinding: (typeof findings)[number] | null;
      }[];
      questions: Map<string, ReturnType<typeof questionStates>>;
    }
  >();
  for (const audit of auditRows) {
    const deadlines = new Map(
      audit.remittances.map((r) => [r.bodyId, remittanceDeadline(r, meetings)] as const),
    );
    const mine = recs.filter((r) => r.auditId === audit.id);
    const myReplies = replies.filter((y) => y.auditId === audit.id);
    const obligations = obligationsOf(
      mine,
      audit.remittances.map((r) => ({
        bodyId: r.bodyId,
        kind: r.kind,
        deadline: deadlines.get(r.bodyId)?.date ?? null,
      })),
      myReplies,
      today,
    );
    const questions = new Map(
      audit.remittances
        .filter((r) => r.kind === 'reply' && (r.questions ?? []).length > 0)
        .map((r) => [
          r.bodyId,
          questionStates(
            r.questions,
            r.bodyId,
            deadlines.get(r.bodyId)?.date ?? null,
            myReplies,
            today,
          ),
        ]),
    );
    byAudit.set(audit.id, {
      audit,
      deadlines,
      obligations,
      replies: myReplies,
      questions,
      recommendations: mine.map((rec) => {
        const recFindings = findings.filter((f) => f.f.recommendationId === rec.id);
        const addressees = rec.addresseeBodyIds.map((bodyId): AddresseeStanding => {
          const obligation =
            obligations.find((o) => o.recommendationId === rec.id && o.bodyId === bodyId) ?? null;
          const actions = acts.filter((a) => a.recommendationId === rec.id && a.bodyId === bodyId);
          // The latest follow-up that gave this addressee a status decides.
          const judged = recFindings.filter((f) => f.f.statuses.some((s) => s.bodyId === bodyId));
          const last = judged.at(-1) ?? null;
          const finding = last?.f.statuses.find((s) => s.bodyId === bodyId)?.status ?? null;
          return {
            bodyId,
            obligation,
            actions,
            finding,
            findingText: last?.f.text ?? null,
            findingAuditTitle: last?.title ?? null,
            state: openState({ hasAddressee: true, obligation, actions, finding }),
          };
        });
        return {
          rec,
          addressees,
          progress: resolvedCount(addressees.map((a) => a.state)),
          latestFinding: recFindings.at(-1) ?? null,
        };
      }),
    });
  }
  return byAudit;
}
export type AuditStanding =
  Awaited<ReturnType<typeof auditStanding>> extends Map<string, infer V> ? V : never;
