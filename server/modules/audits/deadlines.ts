import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Deadline, DeadlineProvider } from '../../platform/surface.js';
import { assignmentViews } from './responses.service.js';
import { auditStanding } from './standing.js';
import { assignments, auditActions, audits, recommendations } from './tables.js';

/**
 * The audit cycle's open deadlines, for notifications: replies not yet received (remitted for a
 * reply, with a deadline), actions not done or stopped, and report-backs not yet made.
 */
export const auditDeadlines: DeadlineProvider = async (db, tenantId, today) => {
  const items: Deadline[] = [];
  const auditRows = await db
    .select()
    .from(audits)
    .where(and(eq(audits.tenantId, tenantId), sql`jsonb_array_length(${audits.remittances}) > 0`));
  // A reply is due while the body still owes an answer to a recommendation, or, with none
  // addressed to it, until it has replied at all. A deadline set as a meeting is its date.
  const standing = await auditStanding(
    db,
    { tenantId, now: new Date(`${today}T12:00:00Z`) },
    auditRows,
  );
  for (const a of auditRows) {
    const st = standing.get(a.id)!;
    for (const r of a.remittances) {
      const deadline = st.deadlines.get(r.bodyId)?.date ?? null;
      if (r.kind !== 'reply' || !deadline) continue;
      const mine = st.obligations.filter((o) => o.bodyId === r.bodyId);
      const owes = mine.length
        ? mine.some((o) => o.state === 'awaiting' || o.state === 'overdue')
        : !st.replies.some((y) => y.bodyId === r.bodyId && y.receivedOn);
      if (!owes) continue;
      items.push({
        key: `reply:${a.id}:${r.bodyId}:${deadline}`,
        kind: 'reply',
        date: deadline,
        title: a.title,
        auditId: a.id,
        auditTitle: a.title,
        assignmentId: null,
        actionId: null,
        bodyId: r.bodyId,
        bodyName: null,
        personId: r.responsiblePersonId ?? null,
        personName: null,
        overdue: deadline < today,
      });
    }
  }
  const acts = await db
    .select({ a: auditActions, auditId: audits.id, auditTitle: audits.title })
    .from(auditActions)
    .innerJoin(recommendations, eq(recommendations.id, auditActions.recommendationId))
    .innerJoin(audits, eq(audits.id, recommendations.auditId))
    .where(
      and(
        eq(auditActions.tenantId, tenantId),
        isNotNull(auditActions.dueOn),
        notInArray(auditActions.status, ['done', 'stopped']),
      ),
    );
  for (const { a, auditId, auditTitle } of acts) {
    items.push({
      key: `action:${a.id}:${a.dueOn}`,
      kind: 'action',
      date: a.dueOn!,
      title: a.title,
      auditId,
      auditTitle,
      assignmentId: null,
      actionId: a.id,
      bodyId: a.bodyId,
      bodyName: null,
      personId: a.ownerPersonId,
      personName: null,
      overdue: a.dueOn! < today,
    });
  }
  const asg = await db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        isNull(assignments.reportedOn),
        eq(assignments.state, 'active'),
        inArray(assignments.reportBack, ['date', 'meeting']),
      ),
    );
  const views = await assignmentViews(db, { tenantId, now: new Date(`${today}T12:00:00Z`) }, asg);
  for (const a of views) {
    if (!a.dueOn) continue;
    items.push({
      key: `report_back:${a.id}:${a.dueOn}`,
      kind: 'report_back',
      date: a.dueOn,
      title: a.title,
      auditId: a.sourceAuditId,
      auditTitle: null,
      assignmentId: a.id,
      actionId: null,
      bodyId: a.assigneeBodyId,
      bodyName: null,
      personId: a.assigneePersonId,
      personName: null,
      overdue: a.dueOn < today,
    });
  }
  return items;
};
