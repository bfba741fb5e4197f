import { and, asc, eq, inArray } from 'drizzle-orm';
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
import { actionFlags, recommendationState } from '../../../domain/audits/audit.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { findOwned } from '../../platform/versioning.js';
import { findUnit, personsByIds, unitsByIds } from '../organization/index.js';
import { auditActions, auditReplies, audits, followUpFindings, recommendations } from './tables.js';

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Every recommendation not yet done, per addressed body (one row per recommendation and body; a
 * recommendation addressed to no one is one row without a body): its state, its age since the
 * report, and the next deadline (the reply deadline while no reply is in, else the nearest action
 * date). The latest follow-up finding is shown beside it.
 */
export async function openRecommendations(
  db: Db,
  ctx: Ctx,
  q: { bodyId?: string | undefined; auditId?: string | undefined },
) {
  authorize(ctx, 'org.read');
  const today = todayOf(ctx.now);
  const rows = await db
    .select({ r: recommendations, audit: audits })
    .from(recommendations)
    .innerJoin(audits, eq(audits.id, recommendations.auditId))
    .where(
      and(
        eq(recommendations.tenantId, ctx.tenantId),
        q.auditId ? eq(recommendations.auditId, q.auditId) : undefined,
      ),
    )
    .orderBy(asc(audits.reportDate), asc(recommendations.sortKey));
  const recIds = rows.map((x) => x.r.id);
  const auditIds = [...new Set(rows.map((x) => x.audit.id))];
  const acts = recIds.length
    ? await db.select().from(auditActions).where(inArray(auditActions.recommendationId, recIds))
    : [];
  const replies = auditIds.length
    ? await db.select().from(auditReplies).where(inArray(auditReplies.auditId, auditIds))
    : [];
  const findings = recIds.length
    ? await db
        .select({ f: followUpFindings, date: audits.reportDate, title: audits.title })
        .from(followUpFindings)
        .innerJoin(audits, eq(audits.id, followUpFindings.followUpAuditId))
        .where(inArray(followUpFindings.recommendationId, recIds))
        .orderBy(asc(audits.reportDate))
    : [];
  const unitIds = [...new Set(rows.flatMap((x) => x.r.addresseeBodyIds))];
  const units = await unitsByIds(db, unitIds);
  const out = [];
  for (const { r, audit } of rows) {
    const bodies: (string | null)[] = r.addresseeBodyIds.length ? r.addresseeBodyIds : [null];
    for (const bodyId of bodies) {
      if (q.bodyId && bodyId !== q.bodyId) continue;
      const mine = acts.filter((a) => a.recommendationId === r.id && a.bodyId === bodyId);
      const reply = replies.find((x) => x.auditId === audit.id && x.bodyId === bodyId);
      const state = recommendationState(Boolean(bodyId), Boolean(reply?.receivedOn), mine);
      if (state === 'done') continue;
      const remittance = audit.remittances.find((x) => x.bodyId === bodyId && x.kind === 'reply');
      const candidates = [
        !reply?.receivedOn && remittance?.deadline ? remittance.deadline : null,
        ...mine.filter((a) => a.status !== 'done' && a.status !== 'stopped').map((a) => a.dueOn),
      ]
        .filter((d): d is string => Boolean(d))
        .sort();
      const latest = findings.filter((f) => f.f.recommendationId === r.id).at(-1);
      out.push({
        recommendationId: r.id,
        number: r.number,
        text: r.text,
        auditId: audit.id,
        auditTitle: audit.title,
        reportDate: audit.reportDate,
        bodyId,
        bodyName: units.find((u) => u.id === bodyId)?.name ?? null,
        state,
        ageDays: audit.reportDate ? days(audit.reportDate, today) : null,
        nextDeadline: candidates[0] ?? null,
        overdue: Boolean(candidates[0] && candidates[0] < today),
        actions: mine.length,
        actionsDone: mine.filter((a) => a.status === 'done').length,
        actionFlags: [...new Set(mine.flatMap((a) => actionFlags(a, today)))],
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
  return out;
}
export type OpenRecommendation = Awaited<ReturnType<typeof openRecommendations>>[number];

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
    ...(remittance?.deadline
      ? [new Paragraph({ text: `Yttrandet ska lämnas senast ${remittance.deadline}.` })]
      : []),
    ...(remittance?.questions
      ? [
          new Paragraph({ text: 'Revisorernas frågor', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: remittance.questions }),
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
