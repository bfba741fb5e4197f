import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import * as echarts from 'echarts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { periodEnd, periodLabel, yearOf } from '../../../domain/goals/periods.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';

import { findUnit } from '../organization/index.js';
import { listIndicators, listOutcomes, listAssessments } from './followup.service.js';
import { validInYear } from './goals.service.js';
import { goals } from './tables.js';

const words = {
  sv: {
    title: 'Uppföljning av digitaliseringsmål',
    goal: 'Mål',
    assessment: 'Bedömning',
    notAssessed: 'Ej bedömt',
    draftOnly: 'Ej bedömt (en bedömning finns som utkast)',
    focus_area: 'Fokusområde',
    strategic_plan: 'Strategisk plan',
    indicator: 'Indikator',
    baseline: 'Utgångsvärde',
    target: 'Målvärde',
    outcome: 'Utfall',
    none: 'Nämnden har inga digitaliseringsmål för perioden.',
    generated: 'Skapad',
    met: 'Uppnått',
    partly: 'Delvis uppnått',
    notMet: 'Ej uppnått',
    justification: 'Motivering',
    noIndicators: 'Målet saknar indikatorer.',
    source: 'Källa',
  },
  en: {
    title: 'Follow-up of digitalisation goals',
    goal: 'Goal',
    assessment: 'Assessment',
    notAssessed: 'Not assessed',
    draftOnly: 'Not assessed (an assessment exists as a draft)',
    focus_area: 'Focus area',
    strategic_plan: 'Strategic plan',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    outcome: 'Outcome',
    none: 'The board has no digitalisation goals for the period.',
    generated: 'Generated',
    met: 'Met',
    partly: 'Partly met',
    notMet: 'Not met',
    justification: 'Justification',
    noIndicators: 'The goal has no indicators.',
    source: 'Source',
  },
} as const;

/** A line chart of an indicator's outcomes against its targets, as SVG, drawn on the server. */
function trendSvg(
  labels: string[],
  outcomes: (number | null)[],
  targets: (number | null)[],
  unit: string | null,
  lang: 'sv' | 'en',
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 180 });
  chart.setOption({
    animation: false,
    grid: { left: 44, right: 12, top: 26, bottom: 28 },
    legend: {
      data: [words[lang].outcome, words[lang].target],
      top: 0,
      textStyle: { fontSize: 10 },
    },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 9 } },
    yAxis: { type: 'value', name: unit ?? '', axisLabel: { fontSize: 9 } },
    series: [
      {
        name: words[lang].outcome,
        type: 'line',
        data: outcomes,
        color: '#0b4f8a',
        lineStyle: { width: 2 },
      },
      {
        name: words[lang].target,
        type: 'line',
        data: targets,
        color: '#8a4b00',
        lineStyle: { type: 'dashed' },
        connectNulls: true,
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const fmt = (v: number | null | undefined, unit: string | null) =>
  v == null ? '—' : `${v.toLocaleString('sv-SE')}${unit ? ` ${unit}` : ''}`;

/**
 * The digitalisation section of a board's interim or annual report for one period: each goal,
 * its assessment with the justification, and each indicator with baseline, target, outcome and a
 * trend chart. A PDF, so it can be attached to the report that goes to the board.
 */
export async function followUpReportPdf(
  db: Db,
  ctx: Ctx,
  q: { ownerUnitId: string; periodKey: string },
): Promise<{ filename: string; pdf: Buffer }> {
  authorize(ctx, 'org.read');
  const lang = ctx.lang;
  const w = words[lang];
  const board = await findUnit(db, ctx, q.ownerUnitId);
  const [tenant] = await db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  const year = yearOf(q.periodKey);
  const boardGoals = await db
    .select()
    .from(goals)
    .where(
      and(
        eq(goals.tenantId, ctx.tenantId),
        eq(goals.ownerUnitId, board.id),
        isNull(goals.archivedAt),
        validInYear(year),
        sql`${goals.tags} ? 'digitalisering'`,
      ),
    )
    .orderBy(asc(goals.level), asc(goals.title));

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${w.title} – ${board.name} – ${periodLabel(q.periodKey, lang)}`,
      Author: 'Styrbord',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  doc
    .fontSize(9)
    .fillColor('#4f5a66')
    .text(`${tenant?.name ?? ''} · ${w.generated} ${ctx.now.toLocaleDateString('sv-SE')}`);
  doc.moveDown(0.5).fontSize(18).fillColor('#1b1f24').text(w.title);
  doc.fontSize(13).text(`${board.name} · ${periodLabel(q.periodKey, lang)}`);
  doc.moveDown();
  if (boardGoals.length === 0) doc.fontSize(11).text(w.none);

  for (const g of boardGoals) {
    const [inds, assessments] = await Promise.all([
      listIndicators(db, ctx, g.id),
      listAssessments(db, ctx, g.id),
    ]);
    const outs = await listOutcomes(db, ctx, { indicatorIds: inds.map((i) => i.id) });
    // Only a final assessment goes into the board's report; a draft is named as such.
    const forPeriod = assessments.find((x) => x.assessment.periodKey === q.periodKey)?.assessment;
    const a = forPeriod?.status === 'final' ? forPeriod : undefined;
    if (doc.y > 650) doc.addPage();
    const kind = g.form === 'goal' ? w.goal : w[g.form as 'focus_area' | 'strategic_plan'];
    doc.moveDown(0.5).fontSize(13).fillColor('#0b4f8a').text(`${kind}: ${g.title}`);
    doc
      .fontSize(10)
      .fillColor('#1b1f24')
      .text(
        `${w.assessment}: ${a ? w[a.assessment as 'met' | 'partly' | 'notMet'] : forPeriod ? w.draftOnly : w.notAssessed}`,
      );
    if (a) doc.fontSize(10).fillColor('#4f5a66').text(`${w.justification}: ${a.justification}`);
    if (inds.length === 0 && g.form === 'goal') doc.fillColor('#8a1c1c').text(w.noIndicators);
    for (const i of inds) {
      const own = outs
        .filter(
          (o) =>
            o.outcome.indicatorId === i.id &&
            !o.outcome.unitId &&
            periodEnd(o.outcome.periodKey) <= periodEnd(q.periodKey),
        )
        .sort((x, y) => (periodEnd(x.outcome.periodKey) < periodEnd(y.outcome.periodKey) ? -1 : 1));
      const currentRow = own.find((o) => o.outcome.periodKey === q.periodKey);
      const current = currentRow?.outcome.value ?? null;
      const target = i.targets.find((t) => t.year === year)?.value ?? null;
      // A judged indicator's values are levels: show each with its label.
      const level = (v: number | null | undefined) => {
        const label = v == null ? null : i.scale.find((l) => l.level === v)?.label;
        return label ? `${v} – ${label}` : fmt(v, null);
      };
      const show = (v: number | null | undefined) =>
        i.kind === 'qualitative' ? level(v) : fmt(v, i.unit);
      if (doc.y > 600) doc.addPage();
      doc.moveDown(0.4).fontSize(11).fillColor('#1b1f24').text(`${w.indicator}: ${i.name}`);
      doc
        .fontSize(9)
        .fillColor('#4f5a66')
        .text(
          `${w.baseline}: ${show(i.baseline)} · ${w.target} ${year}: ${show(target)} · ${w.outcome}: ${show(current)}${i.dataSourceText ? ` · ${w.source}: ${i.dataSourceText}` : ''}`,
        );
      if (own.length > 0) {
        const svg = trendSvg(
          own.map((o) => periodLabel(o.outcome.periodKey, lang)),
          own.map((o) => o.outcome.value),
          own.map(
            (o) => i.targets.find((t) => t.year === yearOf(o.outcome.periodKey))?.value ?? null,
          ),
          i.unit,
          lang,
        );
        SVGtoPDF(doc, svg, doc.x, doc.y + 4, { width: 480, height: 180 });
        doc.y += 190;
      }
    }
  }
  doc.end();
  const pdf = await done;
  const safe = board.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-');
  return { filename: `uppfoljning-${safe}-${q.periodKey.replace('Å', 'A')}.pdf`, pdf };
}
