import { and, eq, ne } from 'drizzle-orm';
import { nextMeasurementDue } from '../../../domain/portfolio/initiative.js';
import type { Deadline, DeadlineProvider } from '../../platform/surface.js';
import { benefits, initiatives } from './tables.js';

/** Benefit measurements that come due, for notifications (also after the initiative has closed). */
export const benefitDeadlines: DeadlineProvider = async (db, tenantId, today) => {
  const items: Deadline[] = [];
  const bens = await db
    .select({ b: benefits, title: initiatives.title, unitId: initiatives.ownerUnitId })
    .from(benefits)
    .innerJoin(initiatives, eq(initiatives.id, benefits.initiativeId))
    .where(and(eq(benefits.tenantId, tenantId), ne(initiatives.phase, 'cancelled')));
  for (const { b, title, unitId } of bens) {
    const due = nextMeasurementDue(b);
    if (!due) continue;
    items.push({
      key: `measurement:${b.id}:${due}`,
      kind: 'measurement',
      date: due,
      title: `${b.measure} (${title})`,
      auditId: null,
      auditTitle: null,
      assignmentId: null,
      actionId: null,
      bodyId: unitId,
      bodyName: null,
      personId: b.ownerPersonId,
      personName: null,
      overdue: due < today,
    });
  }
  return items;
};
