import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { createDecision } from '../modules/organization/decisions.service.js';
import { createGoal } from '../modules/goals/goals.service.js';
import { createDocument } from '../modules/documents/documents.service.js';

/**
 * Steering documents as the seeds show them (issue 16), invented for the demo region: a strategy
 * inherited from the predecessor body (landstingsstyrelsen) that still counts for the regional
 * board, a strategy adding a goal of its own, a plan whose recorded level is not its decision's,
 * and a policy whose decision was sent back, kept as a draft. With the register of
 * `loadDemoGoals`, every document flag appears.
 */
export async function loadDemoDocuments16(
  db: Db,
  ctx: Ctx,
  units: Record<string, string>,
  goals: { impact: string; impact2: string },
  now: Date,
) {
  const year = now.getUTCFullYear();
  const decision = async (input: Omit<Parameters<typeof createDecision>[2], 'kind'>) =>
    (await createDecision(db, ctx, { kind: 'decision', ...input })).id;
  const doc = async (input: Parameters<typeof createDocument>[2]) =>
    (await createDocument(db, ctx, input)).id;

  // Adopted by the predecessor body, never replaced: it still steers, and counts for RS.
  const lsDecision = await decision({
    bodyUnitId: units.LS!,
    decidedOn: '2018-11-20',
    paragraph: '201',
    caseNumber: 'LS 2018/1377',
    level: 'board',
    outcome: 'approved',
    title: 'Strategi för e-förvaltning',
  });
  await doc({
    title: 'Strategi för e-förvaltning',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.DIG!,
    adoptedByUnitId: units.LS!,
    adoptionDecisionId: lsDecision,
    adoptionLevel: 'board',
    adoptedOn: '2018-11-20',
    validFrom: '2019-01-01',
    reviewOn: `${year + 1}-12-31`,
    goalIds: [goals.impact],
    followUpText: 'Följs upp mot regionens effektmål i regionstyrelsens årsredovisning.',
    followUpWhen: 'Årligen, i samband med årsredovisningen',
    description: 'Antogs av dåvarande landstingsstyrelsen inför regionbildningen.',
  });

  // A strategy that sets a goal of its own instead of making an overarching one concrete.
  const ownGoal = (
    await createGoal(db, ctx, {
      level: 'result',
      form: 'goal',
      ownerUnitId: units.RS!,
      title: 'Alla chefer har gått utbildningen i digitalt ledarskap',
      validFrom: `${year - 1}-01-01`,
      tags: ['digitalisering'],
      parentGoalIds: [],
    })
  ).id;
  const rsDecision = await decision({
    bodyUnitId: units.RS!,
    decidedOn: `${year - 1}-02-11`,
    paragraph: '31',
    caseNumber: `RS ${year - 1}/204`,
    level: 'board',
    outcome: 'approved',
    title: 'Strategi för digital kompetens',
  });
  await doc({
    title: 'Strategi för digital kompetens',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.DIG!,
    adoptedByUnitId: units.RS!,
    adoptionDecisionId: rsDecision,
    adoptionLevel: 'board',
    adoptedOn: `${year - 1}-02-11`,
    validFrom: `${year - 1}-03-01`,
    validTo: `${year + 2}-12-31`,
    reviewOn: `${year + 1}-12-31`,
    goalIds: [goals.impact2, ownGoal],
    followUpText: 'Uppföljning av strategin sker mot utbildningsmålet.',
    followUpsPerYear: 2,
  });

  // Recorded as adopted by the assembly; the decision cited is the committee's.
  const hsnDecision = await decision({
    bodyUnitId: units.HSN!,
    decidedOn: `${year - 1}-05-20`,
    paragraph: '88',
    caseNumber: `HSN ${year - 1}/532`,
    level: 'committee',
    outcome: 'approved',
    title: 'Handlingsplan för e-hälsa',
  });
  await doc({
    title: 'Handlingsplan för e-hälsa',
    type: 'handlingsplan',
    state: 'adopted',
    ownerUnitId: units.HSF!,
    adoptedByUnitId: units.HSN!,
    adoptionDecisionId: hsnDecision,
    adoptionLevel: 'assembly',
    adoptedOn: `${year - 1}-05-20`,
    reviewOn: `${year + 1}-05-31`,
    goalIds: [goals.impact],
  });

  // Sent back (återremiss): it cannot cite that decision as its adoption, so it stays a draft.
  await decision({
    bodyUnitId: units.RS!,
    decidedOn: `${year}-03-25`,
    paragraph: '75',
    caseNumber: `RS ${year}/310`,
    level: 'board',
    outcome: 'referred_back',
    title: 'Policy för användning av AI',
    body: 'Regionstyrelsen återremitterar ärendet: policyn behöver tydligare peka på nyttan.',
  });
  await doc({
    title: 'Policy för användning av AI',
    type: 'policy',
    state: 'draft',
    ownerUnitId: units.DIG!,
    adoptionLevel: 'unknown',
    goalIds: [goals.impact2],
    description: 'Återremitterad av regionstyrelsen; en ny version arbetas fram.',
  });
}
