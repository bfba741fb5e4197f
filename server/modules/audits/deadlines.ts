import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Deadline, DeadlineProvider } from '../../platform/surface.js';
import { assignments, auditActions, auditReplies, audits, recommendations } from './tables.js';

/**
 * The audit cycle's open deadlines, for notifications: replies not yet received (remitted for a
 * reply, with a deadline), actions not done or stopped, and report-backs not yet made.
 */
export const auditDeadlines: DeadlineProvider = async (db, tenantId, today) => {
  const items: Deadline[] = [];
  const auditRows = await db
    .select({ id: audits.id, title: audits.title, remittances: audits.remittances })
    .from(audits)
    .where(and(eq(audits.tenantId, tenantId), sql`jsonb_array_length(${audits.remittances}) > 0`));
  const replied = auditRows.length
    ? await db
        .select({ auditId: auditReplies.auditId, bodyId: auditReplies.bodyId })
        .from(auditReplies)
        .where(
          and(
            inArray(
              auditReplies.auditId,
              auditRows.map((a) => a.id),
            ),
            isNotNull(auditReplies.receivedOn),
          ),
        )
    : [];
  for (const a of auditRows) {
    for (const r of a.remittances) {
      if (
        r.kind !== 'reply' ||
        !r.deadline ||
        replied.some((x) => x.auditId === a.id && x.bodyId === r.bodyId)
      )
        continue;
      items.push({
        key: `reply:${a.id}:${r.bodyId}:${r.deadline}`,
        kind: 'reply',
        date: r.deadline,
        title: a.title,
        auditId: a.id,
        auditTitle: a.title,
        assignmentId: null,
        actionId: null,
        bodyId: r.bodyId,
        bodyName: null,
        personId: r.responsiblePersonId ?? null,
        personName: null,
        overdue: r.deadline < today,
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
        isNotNull(assignments.reportBackOn),
      ),
    );
  for (const a of asg) {
    items.push({
      key: `report_back:${a.id}:${a.reportBackOn}`,
      kind: 'report_back',
      date: a.reportBackOn!,
      title: a.title,
      auditId: a.sourceAuditId,
      auditTitle: null,
      assignmentId: a.id,
      actionId: null,
      bodyId: a.assigneeBodyId,
      bodyName: null,
      personId: a.assigneePersonId,
      personName: null,
      overdue: a.reportBackOn! < today,
    });
  }
  return items;
};
