import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { createGoal } from '../modules/goals/goals.service.js';
import {
  createIndicator,
  recordAssessment,
  recordOutcome,
} from '../modules/goals/followup.service.js';
import { createDocument } from '../modules/documents/documents.service.js';

/**
 * Goals as the seeds show them (issue 16): a digitalisation goal followed only by telephone
 * availability (no digitalisation indicator), a strategic plan beside a board's goals, a judged
 * indicator whose outcome is a level with its label and no target, an assessment saved as a draft
 * without a comment, and a goal resting on a strategy past its validity. Invented content.
 * Indicators saved before units and data sources were required (no_unit, no_data_source) cannot
 * be made through the write path, so the demo has none.
 */
export async function loadDemoGoals16(db: Db, ctx: Ctx, units: Record<string, string>, now: Date) {
  const year = now.getFullYear();
  const last = year - 1;
  const goal = async (input: Parameters<typeof createGoal>[2]) =>
    (await createGoal(db, ctx, input)).id;

  // HSN: "Indikatorer för uppföljning fokuserar huvudsakligen på tillgänglighet, däribland
  // telefontillgänglighet på 1177" — tagged digitalisation, but nothing measures it.
  const access = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.HSN!,
    title: 'Tillgänglig vård på lika villkor',
    text: 'Möjligheter till digitala tjänster och vårdlösningar ska utvecklas utifrån invånarnas behov.',
    validFrom: `${last}-01-01`,
    validTo: `${year}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const phone = (
    await createIndicator(db, ctx, {
      goalId: access,
      name: 'Telefontillgänglighet på 1177',
      kind: 'quantitative',
      unit: '%',
      direction: 'higher',
      baseline: 78,
      baselineOn: `${last - 1}-12-31`,
      targets: [{ year: last, value: 85 }],
      dataSource: 'statistics',
      dataSourceText: 'Nationell statistik för 1177',
      measuresDigitalisation: false,
    })
  ).id;
  await recordOutcome(db, ctx, { indicatorId: phone, periodKey: `${last}-Å`, value: 81 });

  // KBN: digitalisation only in the strategic plans the board adopted, not in its goals.
  await goal({
    level: 'result',
    form: 'strategic_plan',
    ownerUnitId: units.KBN!,
    title: 'Kulturplan med digitaliseringsaktiviteter',
    validFrom: `${last}-01-01`,
    validTo: `${year + 2}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });

  // RUN: a judged indicator (a level on a scale, no numeric target), assessed only as a draft,
  // and resting on a strategy whose validity has passed.
  const infra = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.RUN!,
    title: 'Skapa förutsättningar för en väl utbyggd digital infrastruktur',
    validFrom: `${last}-01-01`,
    validTo: `${year}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const plan = (
    await createIndicator(db, ctx, {
      goalId: infra,
      name: 'Uppföljning av handlingsplan för digital infrastruktur',
      kind: 'qualitative',
      targets: [],
      scale: [
        { level: 1, label: 'Ej påbörjad' },
        { level: 2, label: 'Pågår enligt plan' },
        { level: 3, label: 'Genomförd' },
      ],
      dataSource: 'judgement',
      measuresDigitalisation: true,
    })
  ).id;
  await recordOutcome(db, ctx, {
    indicatorId: plan,
    periodKey: `${last}-Å`,
    value: 2,
    comment: 'Mycket arbete har ägnats åt mobiltäckningsfrågor.',
  });
  await recordAssessment(db, ctx, {
    goalId: infra,
    periodKey: `${last}-Å`,
    assessment: 'partly',
    status: 'draft',
    indicatorIds: [plan],
  });
  await createDocument(db, ctx, {
    title: 'Bredbandsstrategi för Norrsund',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.RUF!,
    adoptedByUnitId: units.RUN!,
    adoptionLevel: 'board',
    adoptedOn: `${last - 5}-03-12`,
    validFrom: `${last - 5}-04-01`,
    validTo: `${last - 1}-12-31`,
    goalIds: [infra],
  });
}
