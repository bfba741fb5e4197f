import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { actionFlags } from '../../../domain/audits/audit.js';
import {
  assessmentMatrix,
  CLOSED_STATES,
  MATRIX_VALUES,
  type Totals,
} from '../../../domain/audits/obligations.js';
import type { Lang } from '../../platform/i18n/messages.js';
import { auditStanding, type AddresseeStanding } from './standing.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { findOwned } from '../../platform/versioning.js';
import { findUnit, personsByIds, unitsByIds } from '../organization/index.js';
import { auditActions, auditQuestions, audits, recommendations } from './tables.js';

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Every recommendation not yet closed, per addressee (one row per recommendation and body; a
 * recommendation addressed to no one is one row without a body), grouped by audit then body: its
 * state, its reply obligation (deadline, answered when, late), age since the report, the next
 * deadline (the reply while one is owed, else the nearest action date), "n av m mottagare
 * åtgärdade", and the latest follow-up finding. A finding *åtgärdad* for the addressee closes it.
 */
export async function openRecommendations(
  db: Db,
  ctx: Ctx,
  q: {
    bodyId?: string | undefined;
    auditId?: string | undefined;
    state?: string | undefined;
    overdue?: boolean | undefined;
  },
) {
  authorize(ctx, 'org.read');
  const today = todayOf(ctx.now);
  const auditRows = await db
    .select()
    .from(audits)
    .where(and(eq(audits.tenantId, ctx.tenantId), q.auditId ? eq(audits.id, q.auditId) : undefined))
    .orderBy(asc(audits.reportDate), asc(audits.title));
  const standing = await auditStanding(db, ctx, auditRows);
  const unitIds = [
    ...new Set(
      [...standing.values()].flatMap((s) =>
        s.recommendations.flatMap((r) => r.rec.addresseeBodyIds),
      ),
    ),
  ];
  const units = await unitsByIds(db, unitIds);
  const nameOf = (id: string | null) => units.find((u) => u.id === id)?.name ?? null;
  const out = [];
  for (const audit of auditRows) {
    const st = standing.get(audit.id)!;
    const rows = st.recommendations.flatMap((r) =>
      r.addressees.length
        ? r.addressees.map((a) => ({ r, a }))
        : [{ r, a: null as AddresseeStanding | null }],
    );
    for (const { r, a } of rows) {
      const bodyId = a?.bodyId ?? null;
      if (q.bodyId && bodyId !== q.bodyId) continue;
      const state = a?.state ?? 'no_addressee';
      if (CLOSED_STATES.includes(state)) continue;
      if (q.state && state !== q.state) continue;
      const owed =
        a?.obligation && (a.obligation.state === 'awaiting' || a.obligation.state === 'overdue');
      const candidates = [
        owed ? a.obligation!.deadline : null,
        ...(a?.actions ?? [])
          .filter((x) => x.status !== 'done' && x.status !== 'stopped')
          .map((x) => x.dueOn),
      ]
        .filter((d): d is string => Boolean(d))
        .sort();
      const overdue = Boolean(candidates[0] && candidates[0] < today);
      if (q.overdue !== undefined && overdue !== q.overdue) continue;
      const latest = r.latestFinding;
      out.push({
        recommendationId: r.rec.id,
        number: r.rec.number,
        text: r.rec.text,
        auditId: audit.id,
        auditTitle: audit.title,
        reportDate: audit.reportDate,
        bodyId,
        bodyName: nameOf(bodyId),
        state,
        ageDays: audit.reportDate ? days(audit.reportDate, today) : null,
        nextDeadline: candidates[0] ?? null,
        overdue,
        obligation: a?.obligation ?? null,
        progress: r.progress,
        actions: a?.actions.length ?? 0,
        actionsDone: a?.actions.filter((x) => x.status === 'done').length ?? 0,
        actionFlags: [...new Set((a?.actions ?? []).flatMap((x) => actionFlags(x, today)))],
        latestFinding: latest
          ? {
              auditTitle: latest.title,
              text: latest.f.text,
              status: latest.f.statuses.find((s) => s.bodyId === bodyId)?.status ?? null,
            }
          : null,
      });
    }
  }
  // Grouped by audit (oldest report first, as listed), then body, then the recommendation.
  const auditOrder = new Map(auditRows.map((a, i) => [a.id, i]));
  return out.sort(
    (x, y) =>
      auditOrder.get(x.auditId)! - auditOrder.get(y.auditId)! ||
      (x.bodyName ?? '\uffff').localeCompare(y.bodyName ?? '\uffff', 'sv') ||
      0,
  );
}
export type OpenRecommendation = Awaited<ReturnType<typeof openRecommendations>>[number];

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Who owes which reply to an audit: each obligation, counts per body, and the questions' states. */
export async function auditObligations(db: Db, ctx: Ctx, auditId: string) {
  authorize(ctx, 'org.read');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const st = (await auditStanding(db, ctx, [audit])).get(audit.id)!;
  const bodyIds = [
    ...new Set([...audit.remittances.map((r) => r.bodyId), ...st.obligations.map((o) => o.bodyId)]),
  ];
  const units = await unitsByIds(db, bodyIds);
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? '—';
  const numberOf = new Map(st.recommendations.map((r) => [r.rec.id, r.rec.number]));
  return {
    items: st.obligations.map((o) => ({
      ...o,
      bodyName: nameOf(o.bodyId),
      recommendationNumber: numberOf.get(o.recommendationId) ?? '',
    })),
    bodies: audit.remittances.map((r) => {
      const mine = st.obligations.filter((o) => o.bodyId === r.bodyId);
      const deadline = st.deadlines.get(r.bodyId) ?? { date: null, resolved: true };
      const count = (state: string) => mine.filter((o) => o.state === state).length;
      return {
        bodyId: r.bodyId,
        bodyName: nameOf(r.bodyId),
        kind: r.kind,
        concerned: r.concerned ?? false,
        auditorGroup: r.auditorGroup ?? audit.auditorGroup ?? null,
        deadline: deadline.date,
        deadlineResolved: deadline.resolved,
        deadlineMeeting: r.deadlineMeeting ?? null,
        owed: mine.length,
        overdue: count('overdue'),
        answered: count('answered'),
        answeredLate: count('answered_late'),
        questions: st.questions.get(r.bodyId) ?? [],
      };
    }),
  };
}

/**
 * Reply obligations across audits: each (recommendation, addressee) a reply was asked for, with
 * its audit and body, filtered by body, audit and state, and overdue counts grouped by body and
 * by audit: which bodies owe which replies, and which are late and since when.
 */
export async function replyObligations(
  db: Db,
  ctx: Ctx,
  q: { bodyId?: string | undefined; auditId?: string | undefined; state?: string | undefined },
) {
  authorize(ctx, 'org.read');
  const auditRows = await db
    .select()
    .from(audits)
    .where(and(eq(audits.tenantId, ctx.tenantId), q.auditId ? eq(audits.id, q.auditId) : undefined))
    .orderBy(asc(audits.reportDate), asc(audits.title));
  const standing = await auditStanding(db, ctx, auditRows);
  const all = auditRows.flatMap((audit) => {
    const st = standing.get(audit.id)!;
    const numberOf = new Map(st.recommendations.map((r) => [r.rec.id, r.rec.number]));
    return st.obligations.map((o) => ({
      ...o,
      auditId: audit.id,
      auditTitle: audit.title,
      recommendationNumber: numberOf.get(o.recommendationId) ?? '',
    }));
  });
  const units = await unitsByIds(db, [...new Set(all.map((o) => o.bodyId))]);
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? '—';
  const items = all
    .filter((o) => (!q.bodyId || o.bodyId === q.bodyId) && (!q.state || o.state === q.state))
    .map((o) => ({ ...o, bodyName: nameOf(o.bodyId) }));
  const group = <K extends 'bodyId' | 'auditId'>(key: K) => {
    const out = new Map<string, { id: string; name: string; owed: number; overdue: number }>();
    for (const o of items) {
      const id = o[key];
      const g = out.get(id) ?? {
        id,
        name: key === 'bodyId' ? o.bodyName : o.auditTitle,
        owed: 0,
        overdue: 0,
      };
      g.owed += 1;
      if (o.state === 'overdue') g.overdue += 1;
      out.set(id, g);
    }
    return [...out.values()].sort(
      (a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'sv'),
    );
  };
  return { items, byBody: group('bodyId'), byAudit: group('auditId') };
}
export type ReplyObligation = Awaited<ReturnType<typeof replyObligations>>['items'][number];

/** The assessment matrix with totals per value, per body (column) and per question (row). */
export async function auditMatrix(db: Db, ctx: Ctx, auditId: string) {
  authorize(ctx, 'org.read');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const questions = await db
    .select()
    .from(auditQuestions)
    .where(and(eq(auditQuestions.tenantId, ctx.tenantId), eq(auditQuestions.auditId, auditId)))
    .orderBy(asc(auditQuestions.sortKey), asc(auditQuestions.number));
  const units = await unitsByIds(db, audit.auditedBodyIds);
  const bodies = audit.auditedBodyIds.map((id) => ({
    id,
    name: units.find((u) => u.id === id)?.name ?? '—',
  }));
  return { audit, bodies, ...assessmentMatrix(questions, audit.auditedBodyIds) };
}
export type AuditMatrix = Awaited<ReturnType<typeof auditMatrix>>;

/** The matrix's words, one per value: *Ej tillämpligt* is "ET" everywhere it is abbreviated. */
export const VALUE_WORDS = {
  sv: { yes: 'Ja', partly: 'Delvis', no: 'Nej', not_applicable: 'ET', none: 'Ej bedömd' },
  en: { yes: 'Yes', partly: 'Partly', no: 'No', not_applicable: 'N/A', none: 'Not assessed' },
} as const;

/** The matrix as table rows for export: a row per question, then one of column totals. */
export function matrixTable(m: AuditMatrix, lang: Lang) {
  const w = VALUE_WORDS[lang];
  const totalsText = (t: Totals) =>
    MATRIX_VALUES.filter((k) => t[k] > 0)
      .map((k) => `${w[k]} ${t[k]}`)
      .join(', ') || '–';
  const header = [
    lang === 'sv' ? 'Nr' : 'No.',
    lang === 'sv' ? 'Revisionsfråga' : 'Audit question',
    ...m.bodies.map((b) => b.name),
    ...MATRIX_VALUES.map((k) => w[k]),
    w.none,
  ];
  const rows: (string | number)[][] = m.rows.map((r) => [
    r.number,
    r.text,
    ...r.cells.map((c) =>
      r.mode === 'whole'
        ? r.wholeValue
          ? w[r.wholeValue]
          : ''
        : r.mode === 'prose'
          ? lang === 'sv'
            ? 'Se text'
            : 'See text'
          : c.value
            ? w[c.value]
            : '',
    ),
    ...MATRIX_VALUES.map((k) => r.totals[k]),
    r.totals.none,
  ]);
  rows.push([
    '',
    lang === 'sv' ? 'Summa per organ' : 'Total per body',
    ...m.columns.map((c) => totalsText(c.totals)),
    ...MATRIX_VALUES.map((k) => m.totals[k]),
    m.totals.none,
  ]);
  return { header, rows };
}

export async function matrixWorkbook(m: AuditMatrix, lang: Lang) {
  const { header, rows } = matrixTable(m, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Styrbord';
  const ws = wb.addWorksheet(lang === 'sv' ? 'Bedömningar' : 'Assessments');
  ws.addRow([m.audit.title]);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.addRow([]);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 60 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATE_WORDS: Record<Lang, Record<string, string>> = {
  sv: {
    no_addressee: 'Ingen mottagare angiven',
    awaiting_reply: 'Väntar på yttrande',
    declined: 'Instämmer inte',
    no_actions: 'Inga åtgärder',
    open: 'Åtgärder pågår',
    done: 'Åtgärdad',
    resolved: 'Åtgärdad enligt uppföljning',
    awaiting: 'Yttrande väntas',
    overdue: 'Yttrande försenat',
    answered: 'Besvarad',
    answered_late: 'Besvarad för sent',
    resolved_f: 'Åtgärdad',
    partly_resolved: 'Delvis åtgärdad',
    not_resolved: 'Ej åtgärdad',
  },
  en: {
    no_addressee: 'No addressee named',
    awaiting_reply: 'Awaiting reply',
    declined: 'Disagrees',
    no_actions: 'No actions',
    open: 'Actions under way',
    done: 'Done',
    resolved: 'Resolved per follow-up',
    awaiting: 'Reply awaited',
    overdue: 'Reply overdue',
    answered: 'Answered',
    answered_late: 'Answered late',
    resolved_f: 'Resolved',
    partly_resolved: 'Partly resolved',
    not_resolved: 'Not resolved',
  },
};
/** A state, obligation state or finding status in words, for exports and the PDF. */
export const stateWord = (lang: Lang, key: string, finding = false) =>
  STATE_WORDS[lang][finding && key === 'resolved' ? 'resolved_f' : key] ?? key;

/**
 * The audit as a PDF for the board or the auditors: its particulars, the matrix with totals, the
 * recommendations with where each stands per addressee, and who owes which reply.
 */
export async function auditPdf(db: Db, ctx: Ctx, auditId: string) {
  const lang = ctx.lang;
  const sv = lang === 'sv';
  const m = await auditMatrix(db, ctx, auditId);
  const audit = m.audit;
  const st = (await auditStanding(db, ctx, [audit])).get(audit.id)!;
  const owed = await auditObligations(db, ctx, auditId);
  const units = await unitsByIds(db, [
    ...new Set(st.recommendations.flatMap((r) => r.rec.addresseeBodyIds)),
  ]);
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? '—';
  const doc = new PDFDocument({
    size: 'A4',
    layout: m.bodies.length > 4 ? 'landscape' : 'portrait',
    margin: 40,
    info: { Title: audit.title, Author: 'Styrbord' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const heading = (text: string) =>
    doc.moveDown(0.8).fontSize(13).fillColor('#0b4f8a').text(text).fillColor('#1b1f24');
  const line = (label: string, value: string | null | undefined) => {
    if (value) doc.fontSize(10).text(`${label}: ${value}`);
  };
  doc
    .fontSize(9)
    .fillColor('#4f5a66')
    .text(`Styrbord · ${todayOf(ctx.now)}`);
  doc.moveDown(0.5).fontSize(18).fillColor('#1b1f24').text(audit.title);
  line(sv ? 'Revisionsgrupp' : 'Auditor group', audit.auditorGroup);
  line(sv ? 'Granskningsföretag' : 'Audit firm', audit.auditFirm);
  line(sv ? 'Uppdraget gavs' : 'Assigned on', audit.assignedOn);
  line(sv ? 'Rapportdatum' : 'Report date', audit.reportDate);
  line(sv ? 'Missivets datum' : 'Letter date', audit.letterDate);
  line(sv ? 'Diarienummer' : 'Case number', audit.caseNumber);
  if (audit.presidiaConsulted !== null)
    line(
      sv
        ? 'Presidierna har getts möjlighet att lämna synpunkter'
        : 'Presidia given the chance to comment',
      audit.presidiaConsulted ? (sv ? 'Ja' : 'Yes') : sv ? 'Nej' : 'No',
    );
  if (audit.criteria.length) {
    heading(sv ? 'Revisionskriterier' : 'Audit criteria');
    for (const c of audit.criteria)
      doc.fontSize(10).text(`• ${c.name}${c.reference ? ` (${c.reference})` : ''}`);
  }
  if (audit.scope) {
    heading(sv ? 'Avgränsning' : 'Scope');
    doc.fontSize(10).text(audit.scope);
  }
  if (audit.methodInterviewed.length || audit.methodDocuments.length) {
    heading(sv ? 'Metod' : 'Method');
    if (audit.methodInterviewed.length)
      line(sv ? 'Intervjuade' : 'Interviewed', audit.methodInterviewed.join(', '));
    if (audit.methodDocuments.length)
      line(sv ? 'Granskade dokument' : 'Documents reviewed', audit.methodDocuments.join('; '));
  }
  if (m.rows.length) {
    heading(sv ? 'Bedömningar' : 'Assessments');
    const { header, rows } = matrixTable(m, lang);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const widths = header.map((_, i) => (i === 1 ? width * 0.3 : 0));
    const rest = (width - widths[1]!) / (header.length - 1);
    const cols = widths.map((w) => w || rest);
    const drawRow = (cells: (string | number)[], bold: boolean) => {
      doc.fontSize(8).font(bold ? 'Helvetica-Bold' : 'Helvetica');
      const h =
        Math.max(...cells.map((c, i) => doc.heightOfString(String(c), { width: cols[i]! - 4 }))) +
        4;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        doc.text(String(c), x + 2, y + 2, { width: cols[i]! - 4 });
        x += cols[i]!;
      });
      doc.x = left;
      doc.y = y + h;
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .strokeColor('#c9d1d9')
        .stroke();
    };
    drawRow(header, true);
    rows.forEach((r, i) => drawRow(r, i === rows.length - 1));
    doc.font('Helvetica');
  }
  heading(sv ? 'Rekommendationer' : 'Recommendations');
  if (st.recommendations.length === 0)
    doc
      .fontSize(10)
      .text(sv ? 'Granskningen ger inga rekommendationer.' : 'The audit gives no recommendations.');
  for (const r of st.recommendations) {
    doc
      .moveDown(0.4)
      .fontSize(10)
      .font('Helvetica-Bold')
      .text(`${r.rec.number}. `, { continued: true });
    doc.font('Helvetica').text(r.rec.text);
    doc.fontSize(9).fillColor('#4f5a66');
    doc.text(
      sv
        ? `${r.progress.resolved} av ${r.progress.of} mottagare åtgärdade`
        : `${r.progress.resolved} of ${r.progress.of} addressees resolved`,
    );
    for (const a of r.addressees)
      doc.text(
        `• ${nameOf(a.bodyId)}: ${stateWord(lang, a.state)}${
          a.obligation
            ? ` · ${stateWord(lang, a.obligation.state)}${a.obligation.deadline ? ` (${sv ? 'senast' : 'by'} ${a.obligation.deadline})` : ''}${a.obligation.answeredOn ? `, ${a.obligation.answeredOn}` : ''}`
            : ''
        }${a.finding ? ` · ${stateWord(lang, a.finding, true)}` : ''}`,
      );
    doc.fillColor('#1b1f24');
  }
  if (owed.bodies.length) {
    heading(sv ? 'Remisser och yttranden' : 'Remittances and replies');
    for (const b of owed.bodies) {
      doc
        .fontSize(10)
        .text(
          `${b.bodyName}: ${
            b.kind === 'reply'
              ? sv
                ? `yttrande senast ${b.deadline ?? '–'}; ${b.answered + b.answeredLate} av ${b.owed} besvarade, ${b.overdue} försenade`
                : `reply by ${b.deadline ?? '–'}; ${b.answered + b.answeredLate} of ${b.owed} answered, ${b.overdue} overdue`
              : sv
                ? `för kännedom${b.concerned ? ' (berörd)' : ''}`
                : `for information${b.concerned ? ' (concerned)' : ''}`
          }`,
        );
      for (const q of b.questions)
        doc
          .fontSize(9)
          .text(
            `   ${q.number}. ${q.text} – ${sv ? { answered: 'besvarad', pending: 'väntar', unanswered: 'obesvarad fråga' }[q.state] : q.state}`,
          );
    }
  }
  doc.end();
  return {
    pdf: await done,
    // "Granskning av …" is not named "granskning-granskning-av-…".
    filename: `${slug(audit.title).startsWith('granskning') ? '' : 'granskning-'}${slug(audit.title)}.pdf`,
  };
}

const STATUS_SV: Record<string, string> = {
  planned: 'Planerad',
  in_progress: 'Pågår',
  done: 'Klar',
  stopped: 'Stoppad',
};
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/**
 * A Word draft of a body's reply (yttrande): the audit, each recommendation addressed to the body,
 * and the actions planned for it with owner, date and status, for the board's case handling.
 */
export async function replyDraft(db: Db, ctx: Ctx, auditId: string, bodyId: string) {
  authorize(ctx, 'org.read');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const body = await findUnit(db, ctx, bodyId);
  const recs = (
    await db
      .select()
      .from(recommendations)
      .where(eq(recommendations.auditId, auditId))
      .orderBy(asc(recommendations.sortKey))
  ).filter((r) => r.addresseeBodyIds.includes(bodyId));
  const acts = recs.length
    ? await db
        .select()
        .from(auditActions)
        .where(
          and(
            inArray(
              auditActions.recommendationId,
              recs.map((r) => r.id),
            ),
            eq(auditActions.bodyId, bodyId),
          ),
        )
    : [];
  const ownerIds = [
    ...new Set(acts.map((a) => a.ownerPersonId).filter((x): x is string => Boolean(x))),
  ];
  const owners = await personsByIds(db, ownerIds);
  const remittance = audit.remittances.find((r) => r.bodyId === bodyId);
  const deadline = (await auditStanding(db, ctx, [audit])).get(audit.id)!.deadlines.get(bodyId);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `${body.name}`, alignment: AlignmentType.RIGHT }),
    new Paragraph({ text: `Yttrande över ${audit.title}`, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({ text: 'Utkast', italics: true }),
        new TextRun(` framtaget ${todayOf(ctx.now)} ur Styrbord.`),
      ],
    }),
    new Paragraph({
      text:
        [
          audit.auditFirm ? `Granskningen är gjord av ${audit.auditFirm}` : null,
          audit.auditorGroup ? `på uppdrag av ${audit.auditorGroup}` : null,
          audit.reportDate ? `(rapport ${audit.reportDate})` : null,
        ]
          .filter(Boolean)
          .join(' ') + '.',
    }),
    ...(deadline?.date
      ? [new Paragraph({ text: `Yttrandet ska lämnas senast ${deadline.date}.` })]
      : []),
    ...(remittance?.questions?.length
      ? [
          new Paragraph({ text: 'Revisorernas frågor', heading: HeadingLevel.HEADING_2 }),
          ...remittance.questions.map((q) => new Paragraph({ text: `${q.number}. ${q.text}` })),
        ]
      : []),
    new Paragraph({
      text: 'Rekommendationer och planerade åtgärder',
      heading: HeadingLevel.HEADING_1,
    }),
  ];
  if (recs.length === 0)
    children.push(
      new Paragraph({ text: 'Granskningen riktar inga rekommendationer till organet.' }),
    );
  for (const r of recs) {
    children.push(
      new Paragraph({ text: `Rekommendation ${r.number}`, heading: HeadingLevel.HEADING_2 }),
    );
    children.push(new Paragraph({ children: [new TextRun({ text: r.text, italics: true })] }));
    const mine = acts.filter((a) => a.recommendationId === r.id);
    if (mine.length === 0) {
      children.push(new Paragraph({ text: '[Åtgärder att beskriva.]' }));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: [
              cell('Åtgärd', true),
              cell('Ansvarig', true),
              cell('Klart', true),
              cell('Status', true),
            ],
          }),
          ...mine.map(
            (a) =>
              new TableRow({
                children: [
                  cell(a.title),
                  cell(owners.find((o) => o.id === a.ownerPersonId)?.name ?? 'Ansvarig saknas'),
                  cell(a.dueOn ?? 'Datum saknas'),
                  cell(STATUS_SV[a.status] ?? a.status),
                ],
              }),
          ),
        ],
      }),
    );
  }
  const doc = new Document({
    creator: 'Styrbord',
    title: `Yttrande över ${audit.title}`,
    description: `Utkast till yttrande för ${body.name}`,
    sections: [{ children }],
  });
  return {
    buffer: await Packer.toBuffer(doc),
    filename: `yttrande-${body.name.toLowerCase().replace(/[^a-z0-9åäö]+/gi, '-')}.docx`,
  };
}
