import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSESSMENT_VALUES } from '../../../../domain/audits/audit.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { useTree } from '../../organization/components/units.js';
import {
  revisionApi,
  type ActionDto,
  type AuditDto,
  type PrefillDto,
  type QuestionDto,
  type RecommendationDto,
  type ReplyDto,
} from '../api.js';
import {
  ActionDialog,
  AssessmentBadge,
  AuditDialog,
  FindingDialog,
  QuestionDialog,
  QuestionsDialog,
  RecommendationsDialog,
  RevisionNav,
} from '../components/dialogs.js';
import { obligationsApi, type MatrixTotalsDto } from '../api-obligations.js';
import {
  ObligationBadge,
  ObligationsSection,
  useAuditObligations,
} from '../components/obligations.js';
import { RemittanceDialog, ReplyDialog } from '../components/reply-dialogs.js';

type DialogState =
  | { kind: 'edit' }
  | { kind: 'remit'; remittance?: AuditDto['remittances'][number] }
  | { kind: 'questions' }
  | { kind: 'question'; question: QuestionDto }
  | { kind: 'recs' }
  | { kind: 'reply'; body: { id: string; name: string }; reply?: ReplyDto }
  | {
      kind: 'action';
      rec: RecommendationDto;
      bodyId: string;
      action?: ActionDto;
      replyId?: string | null;
    }
  | { kind: 'finding'; item: PrefillDto }
  | null;

export function AuditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const qc = useQueryClient();
  const audit = useQuery({ queryKey: ['audit', id], queryFn: () => revisionApi.audit(id) });
  const questions = useQuery({
    queryKey: ['audit', id, 'questions'],
    queryFn: () => revisionApi.questions(id),
  });
  const recs = useQuery({
    queryKey: ['audit', id, 'recs'],
    queryFn: () => revisionApi.recommendations(id),
  });
  const replies = useQuery({
    queryKey: ['audit', id, 'replies'],
    queryFn: () => revisionApi.replies(id),
  });
  const actions = useQuery({
    queryKey: ['audit', id, 'actions'],
    queryFn: () => revisionApi.actions(id),
  });
  const later = useQuery({
    queryKey: ['audit', id, 'later'],
    queryFn: () => revisionApi.laterFindings(id),
    enabled: Boolean(audit.data?.followedUpBy.length),
  });
  const followUp = useQuery({
    queryKey: ['audit', id, 'follow-up'],
    queryFn: () => revisionApi.followUp(id),
    enabled: Boolean(audit.data?.followsUp.length),
  });
  const obligations = useAuditObligations(id);
  const people = new Map(usePersonOptions().map((p) => [p.value, p.label]));
  const [dialog, setDialog] = useState<DialogState>(null);
  const [error, setError] = useState<unknown>(null);
  if (audit.isLoading) return <Loading />;
  if (audit.error || !audit.data) return <LoadError error={audit.error} />;
  const a = audit.data;
  const mayEdit = can('audits.edit', 'tenant');
  const mayRespond = (bodyId: string) => {
    const unit = byId.get(bodyId);
    return unit ? can('audits.respond', { unitPath: unit.path }) : can('audits.respond', 'tenant');
  };
  const bodyName = (bodyId: string) =>
    byId.get(bodyId)?.name ??
    a.auditedBodies.find((b) => b.id === bodyId)?.name ??
    obligations.data?.bodies.find((b) => b.bodyId === bodyId)?.bodyName ??
    '—';
  const yesNo = (v: boolean | null) =>
    v === true ? t('rev.yes') : v === false ? t('rev.no') : t('rev.unknown');
  const earlier = (followUp.data?.items ?? []).map((item) => ({
    value: item.recommendation.id,
    label: t('rev.checksRecOption', {
      number: item.recommendation.number,
      audit: a.followsUp.find((f) => f.id === item.recommendation.auditId)?.name ?? '—',
    }),
  }));
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('version', String(a.version));
    form.append('file', file);
    try {
      await revisionApi.uploadReport(a.id, form);
      setError(null);
      await qc.invalidateQueries({ queryKey: ['audit', id] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={a.title}
        intro={[
          t(`auditKind.${a.kind}` as MessageKey),
          a.auditFirm,
          a.reportDate ? formatDate(a.reportDate) : null,
          a.caseNumber,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          mayEdit ? (
            <>
              <button type="button" className="btn" onClick={() => setDialog({ kind: 'edit' })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn" onClick={() => setDialog({ kind: 'remit' })}>
                {t('rev.addRemittance')}
              </button>
            </>
          ) : null
        }
      />
      <ErrorSummary error={error} />
      <p>
        <a href={obligationsApi.reportPdfUrl(a.id)} download>
          {t('rev.downloadPdf')}
        </a>
      </p>
      <dl className="facts">
        <dt>{t('rev.auditorGroup')}</dt>
        <dd>{a.auditorGroup ?? a.commissionedBy ?? '—'}</dd>
        <dt>{t('rev.bodies')}</dt>
        <dd>{a.auditedBodies.map((b) => b.name).join(', ') || '—'}</dd>
        <dt>{t('rev.assignedOn')}</dt>
        <dd>{formatDate(a.assignedOn)}</dd>
        <dt>{t('rev.letterDate')}</dt>
        <dd>{formatDate(a.letterDate)}</dd>
        <dt>{t('rev.presidiaConsulted')}</dt>
        <dd>{yesNo(a.presidiaConsulted)}</dd>
        <dt>{t('rev.criteriaShort')}</dt>
        <dd>
          {a.criteria.length ? (
            <ul className="plain">
              {a.criteria.map((c, i) => (
                <li key={i}>
                  {c.name}
                  {c.reference ? ` (${c.reference})` : ''}{' '}
                  <span className="muted small">
                    · {t(`criterionKind.${c.kind}` as MessageKey)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('rev.scope')}</dt>
        <dd>{a.scope ?? '—'}</dd>
        <dt>{t('rev.method')}</dt>
        <dd>
          <strong>{t('rev.interviewedShort')}:</strong> {a.methodInterviewed.join(', ') || '—'}
          <br />
          <strong>{t('rev.documentsShort')}:</strong> {a.methodDocuments.join(', ') || '—'}
        </dd>
        <dt>{t('rev.followsUp')}</dt>
        <dd>
          {a.followsUp.length
            ? a.followsUp.map((f) => (
                <Link key={f.id} to={`/revision/${f.id}`}>
                  {f.name}
                </Link>
              ))
            : '—'}
        </dd>
        <dt>{t('rev.followedUpBy')}</dt>
        <dd>
          {a.followedUpBy.length
            ? a.followedUpBy.map((f) => (
                <Link key={f.id} to={`/revision/${f.id}`}>
                  {f.name}
                </Link>
              ))
            : '—'}
        </dd>
        <dt>{t('rev.overall')}</dt>
        <dd>
          <AssessmentBadge value={a.overallAssessment} /> {a.overallText}
        </dd>
        <dt>{t('rev.report')}</dt>
        <dd>
          {a.reportAttachmentId ? (
            <a href={`/api/attachments/${a.reportAttachmentId}`}>{t('rev.report')}</a>
          ) : (
            '—'
          )}{' '}
          {mayEdit ? (
            <label className="btn btn--small">
              {t('rev.uploadReport')}
              <input
                type="file"
                className="visually-hidden"
                accept=".pdf,.docx,.doc"
                onChange={(e) => void upload(e.target.files?.[0])}
              />
            </label>
          ) : null}
        </dd>
      </dl>

      <ObligationsSection
        audit={a}
        replies={replies.data?.items ?? []}
        recommendations={recs.data?.items ?? []}
        people={people}
        nameOf={bodyName}
        mayEdit={mayEdit}
        mayRespond={mayRespond}
        onReply={(body, reply) => setDialog({ kind: 'reply', body, ...(reply ? { reply } : {}) })}
        onRemit={(remittance) => setDialog({ kind: 'remit', remittance })}
      />

      <Matrix
        audit={a}
        questions={questions.data?.items ?? []}
        mayEdit={mayEdit}
        onAdd={() => setDialog({ kind: 'questions' })}
        onEdit={(q) => setDialog({ kind: 'question', question: q })}
      />

      <section aria-labelledby="recs-h">
        <h2 id="recs-h">{t('rev.recommendations')}</h2>
        {mayEdit ? (
          <p>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => setDialog({ kind: 'recs' })}
            >
              {t('rev.addRecommendations')}
            </button>
          </p>
        ) : null}
        {recs.data?.items.length ? (
          recs.data.items.map((r) => (
            <article key={r.id} className="card" aria-labelledby={`rec-${r.id}`}>
              <h3 id={`rec-${r.id}`}>
                {t('rev.recommendation')} {r.number}
              </h3>
              <p>{r.text}</p>
              {r.progress.of ? (
                <p className="small">
                  <strong>
                    {t('rev.progress', { resolved: r.progress.resolved, of: r.progress.of })}
                  </strong>
                </p>
              ) : null}
              {r.checkedBy.map((c) => (
                <p key={c.questionId} className="small">
                  {t('rev.checkedBy', { number: c.number })}{' '}
                  <Link to={`/revision/${c.auditId}`}>{c.auditTitle}</Link>
                </p>
              ))}
              <p className="small">
                {t('rev.addressees')}:{' '}
                {r.addressedGroup ? `${t(`addressGroup.${r.addressedGroup}` as MessageKey)}: ` : ''}
                {r.addresseeBodyIds.length ? (
                  r.addresseeBodyIds.map(bodyName).join(', ')
                ) : (
                  <Badge tone="warn">{t('rev.noAddressee')}</Badge>
                )}
              </p>
              {(later.data?.items ?? [])
                .filter((f) => f.recommendationId === r.id)
                .map((f) => (
                  <div key={f.id} className="small">
                    <strong>
                      {t('rev.findingsChain')}:{' '}
                      <Link to={`/revision/${f.followUpAuditId}`}>{f.auditTitle}</Link>
                    </strong>{' '}
                    ({formatDate(f.reportDate)}): {f.text}{' '}
                    {f.statuses.map((s) => (
                      <Badge key={s.bodyId} tone="info">
                        {bodyName(s.bodyId)}: {t(`followUpStatus.${s.status}` as MessageKey)}
                      </Badge>
                    ))}
                  </div>
                ))}
              {r.addresseeBodyIds.map((bodyId) => {
                const mine = (actions.data?.items ?? []).filter(
                  (x) => x.recommendationId === r.id && x.bodyId === bodyId,
                );
                const ofBody = (replies.data?.items ?? []).filter((x) => x.bodyId === bodyId);
                const addressee = r.addressees.find((x) => x.bodyId === bodyId);
                const answering = ofBody.flatMap((x) =>
                  x.answers
                    .filter((an) => an.recommendationId === r.id)
                    .map((an) => ({ reply: x, answer: an })),
                );
                const replyId =
                  addressee?.obligation?.replyId ?? answering[0]?.reply.id ?? ofBody[0]?.id ?? null;
                return (
                  <div key={bodyId} className="addressee">
                    <h4>{bodyName(bodyId)}</h4>
                    <p className="small">
                      {addressee &&
                      !(addressee.state === 'awaiting_reply' && addressee.obligation) ? (
                        <>
                          <Badge tone={STATE_TONE[addressee.state]}>
                            {t(`recState.${addressee.state}` as MessageKey)}
                          </Badge>{' '}
                        </>
                      ) : null}
                      {addressee?.obligation ? (
                        <ObligationBadge obligation={addressee.obligation} />
                      ) : null}
                      {addressee?.finding ? (
                        <>
                          {' '}
                          <Badge tone="info">
                            {t(`followUpStatus.${addressee.finding}` as MessageKey)}
                          </Badge>
                        </>
                      ) : null}
                    </p>
                    {answering.map(({ reply: x, answer }) => (
                      <p key={x.id} className="small">
                        <strong>
                          {t('rev.replyStatus')} {formatDate(x.receivedOn)}
                          {answer.position
                            ? `: ${t(`position.${answer.position}` as MessageKey)}`
                            : ''}
                        </strong>
                        {answer.text
                          ? ` — ${answer.text.length > 400 ? `${answer.text.slice(0, 400)} …` : answer.text}`
                          : ''}
                      </p>
                    ))}
                    {mine.length ? (
                      <ul className="plain">
                        {mine.map((x) => (
                          <li key={x.id}>
                            <Badge
                              tone={
                                x.status === 'done'
                                  ? 'ok'
                                  : x.status === 'stopped'
                                    ? 'neutral'
                                    : 'info'
                              }
                            >
                              {t(`actionStatus.${x.status}` as MessageKey)}
                            </Badge>{' '}
                            {x.title}
                            <span className="muted small">
                              {' '}
                              · {x.ownerPersonName ?? '—'} · {formatDate(x.dueOn)}
                            </span>
                            {x.flags.map((f) => (
                              <Badge key={f} tone="warn">
                                {t(`actionFlag.${f}` as MessageKey)}
                              </Badge>
                            ))}
                            {x.evidence.length ? (
                              <div className="small">
                                {t('rev.evidence')}:{' '}
                                {x.evidence.map((e, i) => (
                                  <span key={i}>
                                    {i ? '; ' : ''}
                                    {e.kind === 'decision' && e.id ? (
                                      <Link to={`/beslut/${e.id}`}>{e.label}</Link>
                                    ) : e.url ? (
                                      <a href={e.url}>{e.label}</a>
                                    ) : (
                                      e.label
                                    )}
                                  </span>
                                ))}
                              </div>
                            ) : null}
                            {x.notes.length ? (
                              <details className="small">
                                <summary>
                                  {t('rev.notes')} ({x.notes.length})
                                </summary>
                                <ul className="plain">
                                  {x.notes.map((n, i) => (
                                    <li key={i}>
                                      {formatDate(n.at.slice(0, 10))} {n.by}: {n.text}
                                    </li>
                                  ))}
                                </ul>
                              </details>
                            ) : null}
                            {mayRespond(bodyId) ? (
                              <button
                                type="button"
                                className="btn btn--small"
                                onClick={() =>
                                  setDialog({ kind: 'action', rec: r, bodyId, action: x })
                                }
                                aria-label={t('rev.updateActionNamed', { title: x.title })}
                              >
                                {t('rev.updateAction')}
                              </button>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted small">{t('rev.noActions')}</p>
                    )}
                    {mayRespond(bodyId) ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => setDialog({ kind: 'action', rec: r, bodyId, replyId })}
                        aria-label={`${t('rev.newAction')}: ${r.number}, ${bodyName(bodyId)}`}
                      >
                        {t('rev.newAction')}
                      </button>
                    ) : null}
                  </div>
                );
              })}
            </article>
          ))
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
      </section>

      {a.followsUp.length ? (
        <section aria-labelledby="fu-h">
          <h2 id="fu-h">{t('rev.followUp')}</h2>
          <p className="muted">{t('rev.followUpIntro')}</p>
          {(followUp.data?.items ?? []).map((item) => (
            <article
              key={item.recommendation.id}
              className="card"
              aria-labelledby={`fu-${item.recommendation.id}`}
            >
              <h3 id={`fu-${item.recommendation.id}`}>
                {item.recommendation.number}. {item.recommendation.text}
              </h3>
              <ul className="plain">
                {item.addressees.map((x) => (
                  <li key={x.bodyId}>
                    <strong>{bodyName(x.bodyId)}</strong>: {t(`recState.${x.state}` as MessageKey)}{' '}
                    ·{' '}
                    {x.actions
                      .map(
                        (ac) =>
                          `${ac.title} (${t(`actionStatus.${ac.status}` as MessageKey)}${ac.evidence.length ? `, ${ac.evidence.map((e) => e.label).join(', ')}` : ''})`,
                      )
                      .join('; ') || t('rev.noActions')}{' '}
                    <span className="muted small">
                      {t('rev.suggested', {
                        status: t(`followUpStatus.${x.suggestedStatus}` as MessageKey),
                      })}
                    </span>
                    {item.finding?.statuses.find((s) => s.bodyId === x.bodyId) ? (
                      <>
                        {' '}
                        <Badge tone="info">
                          {t(
                            `followUpStatus.${item.finding.statuses.find((s) => s.bodyId === x.bodyId)!.status}` as MessageKey,
                          )}
                        </Badge>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              {item.finding ? (
                <p>
                  <strong>{t('rev.finding')}:</strong> {item.finding.text}
                </p>
              ) : null}
              {item.finding?.observations.length ? (
                <p className="small">
                  <strong>{t('rev.observationsShort')}:</strong>{' '}
                  {item.finding.observations
                    .map((o) => `${bodyName(o.bodyId)}: ${o.text}`)
                    .join(' ')}
                </p>
              ) : null}
              {mayEdit ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => setDialog({ kind: 'finding', item })}
                >
                  {item.finding ? t('rev.editFinding') : t('rev.recordFinding')}
                </button>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}

      {dialog?.kind === 'edit' ? <AuditDialog audit={a} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'remit' ? (
        <RemittanceDialog
          audit={a}
          {...(dialog.remittance ? { remittance: dialog.remittance } : {})}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'questions' ? (
        <QuestionsDialog audit={a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'question' ? (
        <QuestionDialog
          audit={a}
          question={dialog.question}
          earlier={earlier}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'recs' ? (
        <RecommendationsDialog audit={a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reply' ? (
        <ReplyDialog
          audit={a}
          bodyId={dialog.body.id}
          bodyName={dialog.body.name}
          {...(dialog.reply ? { reply: dialog.reply } : {})}
          recommendations={(recs.data?.items ?? []).filter((r) =>
            r.addresseeBodyIds.includes(dialog.body.id),
          )}
          questions={
            obligations.data?.bodies.find((b) => b.bodyId === dialog.body.id)?.questions ?? []
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'action' ? (
        <ActionDialog
          recommendation={dialog.rec}
          bodyId={dialog.bodyId}
          {...(dialog.action ? { action: dialog.action } : {})}
          replyId={dialog.replyId ?? null}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'finding' ? (
        <FindingDialog followUpAuditId={a.id} item={dialog.item} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

const STATE_TONE = {
  no_addressee: 'warn',
  awaiting_reply: 'info',
  declined: 'bad',
  no_actions: 'warn',
  open: 'info',
  done: 'ok',
  resolved: 'ok',
} as const;

/** The question × body matrix as the auditors show it; in edit mode every applicable cell is a select, saved in one go. */
function Matrix({
  audit,
  questions,
  mayEdit,
  onAdd,
  onEdit,
}: {
  audit: AuditDto;
  questions: QuestionDto[];
  mayEdit: boolean;
  onAdd: () => void;
  onEdit: (q: QuestionDto) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const values = useEnumOptions(ASSESSMENT_VALUES, 'auditAssessment');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const bodies = audit.auditedBodies;
  const matrix = useQuery({
    queryKey: ['audit', audit.id, 'matrix'],
    queryFn: () => obligationsApi.matrix(audit.id),
  });
  const rowTotals = new Map((matrix.data?.rows ?? []).map((r) => [r.questionId, r.totals]));
  const columnTotals = new Map((matrix.data?.columns ?? []).map((c) => [c.bodyId, c.totals]));
  const cellOf = (q: QuestionDto, bodyId: string) =>
    q.cells.find((c) => c.bodyId === bodyId)?.value ?? '';
  const save = async () => {
    setSaving(true);
    try {
      for (const q of questions) {
        const changed = bodies.some(
          (b) =>
            draft[`${q.id}:${b.id}`] !== undefined && draft[`${q.id}:${b.id}`] !== cellOf(q, b.id),
        );
        if (!changed) continue;
        const cells = q.appliesToBodyIds.map((bodyId) => ({
          bodyId,
          value: (draft[`${q.id}:${bodyId}`] ?? cellOf(q, bodyId)) || null,
          text: q.cells.find((c) => c.bodyId === bodyId)?.text ?? null,
        }));
        await revisionApi.updateQuestion(q.id, { version: q.version, cells });
      }
      // Leave edit mode only once the saved values are shown, never the old ones in between.
      await qc.invalidateQueries({ queryKey: ['audit', audit.id] });
      setEditing(false);
      setDraft({});
      setError(null);
    } catch (e) {
      setError(e);
      await qc.invalidateQueries({ queryKey: ['audit', audit.id] });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="matrix-h">
      <h2 id="matrix-h">{t('rev.matrix')}</h2>
      <p className="muted small">{t('rev.matrixIntro')}</p>
      <p className="form-actions">
        <a href={obligationsApi.matrixXlsxUrl(audit.id)} download>
          {t('rev.exportMatrix')}
        </a>
        <a href={obligationsApi.reportPdfUrl(audit.id)} download>
          {t('rev.downloadPdf')}
        </a>
      </p>
      {mayEdit ? (
        <p className="form-actions">
          <button type="button" className="btn btn--small" onClick={onAdd}>
            {t('rev.addQuestions')}
          </button>
          {questions.length ? (
            editing ? (
              <>
                <button
                  type="button"
                  className="btn btn--small btn--primary"
                  disabled={saving}
                  onClick={() => void save()}
                >
                  {t('rev.saveMatrix')}
                </button>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => {
                    setEditing(false);
                    setDraft({});
                  }}
                >
                  {t('rev.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
                {t('rev.editMatrix')}
              </button>
            )
          ) : null}
        </p>
      ) : null}
      <ErrorSummary error={error} />
      {questions.length ? (
        <div className="table-wrap">
          <table className="table matrix">
            <thead>
              <tr>
                <th scope="col">{t('rev.question')}</th>
                {bodies.map((b) => (
                  <th key={b.id} scope="col">
                    {b.name}
                  </th>
                ))}
                <th scope="col">{t('rev.matrixTotals')}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <span className={q.parentId ? 'small' : ''}>
                      {q.number}. {q.text}
                    </span>
                    {q.mode !== 'per_body' ? (
                      <div className="small muted">
                        {t(`assessMode.${q.mode}` as MessageKey)}
                        {q.mode === 'whole' ? (
                          <>
                            : <AssessmentBadge value={q.wholeValue} />
                          </>
                        ) : null}
                      </div>
                    ) : null}
                    {q.prose ? <div className="small">{q.prose}</div> : null}
                    {q.checks.map((c) => (
                      <div key={c.id} className="small">
                        {t('rev.checksRec', { number: c.number })}{' '}
                        <Link to={`/revision/${c.auditId}`}>{c.auditTitle}</Link>
                      </div>
                    ))}
                    {mayEdit ? (
                      <div>
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => onEdit(q)}
                          aria-label={t('rev.editQuestion', { number: q.number })}
                        >
                          {t('common.edit')}
                        </button>
                      </div>
                    ) : null}
                  </th>
                  {bodies.map((b) => {
                    const applies = q.mode === 'per_body' && q.appliesToBodyIds.includes(b.id);
                    if (!applies)
                      return (
                        <td key={b.id} className="na">
                          {/* Outside the question's scope is ET, the report's one word for it. */}
                          {q.mode === 'per_body' ? (
                            <abbr title={t('rev.notApplicableCell')}>{t('rev.naShort')}</abbr>
                          ) : null}
                        </td>
                      );
                    const key = `${q.id}:${b.id}`;
                    return (
                      <td key={b.id}>
                        {editing ? (
                          <select
                            aria-label={t('rev.cellLabel', { number: q.number, body: b.name })}
                            value={draft[key] ?? cellOf(q, b.id)}
                            onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
                          >
                            <option value="">—</option>
                            {values.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <AssessmentBadge value={cellOf(q, b.id)} short />
                        )}
                        {!editing && q.cells.find((c) => c.bodyId === b.id)?.text ? (
                          <div className="small">
                            {q.cells.find((c) => c.bodyId === b.id)!.text}
                          </div>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="small">
                    <TotalsText totals={rowTotals.get(q.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('rev.matrixColumnTotals')}</th>
                {bodies.map((b) => (
                  <td key={b.id} className="small">
                    <TotalsText totals={columnTotals.get(b.id)} />
                  </td>
                ))}
                <td className="small">
                  <span className="visually-hidden">{t('rev.matrixAllTotals')}: </span>
                  <TotalsText totals={matrix.data?.totals} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <EmptyState>{t('common.empty')}</EmptyState>
      )}
      {questions.length ? (
        <div className="small">
          <h3 id="matrix-legend-h">{t('rev.matrixLegend')}</h3>
          <ul className="plain" aria-labelledby="matrix-legend-h">
            {ASSESSMENT_VALUES.map((v) => (
              <li key={v}>
                <AssessmentBadge value={v} short />{' '}
                {v === 'not_applicable' ? t('auditAssessment.not_applicable') : null}
              </li>
            ))}
            <li>{t('rev.legendNotApplies')}</li>
            <li>{t('rev.legendNone')}</li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** A row's, a column's or the whole matrix's count per value, in words: "Ja 2, Delvis 1, ET 1, Ej bedömd 1". */
function TotalsText({ totals }: { totals: MatrixTotalsDto | undefined }) {
  const { t } = useI18n();
  if (!totals) return <span className="muted">—</span>;
  const parts = [
    ...ASSESSMENT_VALUES.filter((v) => totals[v] > 0).map((v) => (
      <span key={v}>
        {v === 'not_applicable' ? (
          <abbr title={t('auditAssessment.not_applicable')}>{t('rev.naShort')}</abbr>
        ) : (
          t(`auditAssessment.${v}` as MessageKey)
        )}{' '}
        {totals[v]}
      </span>
    )),
    ...(totals.none > 0
      ? [
          <span key="none">
            {t('rev.notAssessedValue')} {totals.none}
          </span>,
        ]
      : []),
  ];
  if (!parts.length) return <span className="muted">—</span>;
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i ? ', ' : ''}
          {p}
        </span>
      ))}
    </>
  );
}
