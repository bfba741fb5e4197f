import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSESSMENT_VALUES } from '../../../../domain/audits/audit.js';
import { qs } from '../../../platform/api.js';
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
  RemittanceDialog,
  ReplyDialog,
  RevisionNav,
} from '../components/dialogs.js';

type DialogState =
  | { kind: 'edit' }
  | { kind: 'remit' }
  | { kind: 'questions' }
  | { kind: 'question'; question: QuestionDto }
  | { kind: 'recs' }
  | { kind: 'reply'; bodyId?: string; reply?: ReplyDto }
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
  const { t, lang } = useI18n();
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
    byId.get(bodyId)?.name ?? a.auditedBodies.find((b) => b.id === bodyId)?.name ?? '—';
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
      <dl className="facts">
        <dt>{t('rev.auditorGroup')}</dt>
        <dd>{a.auditorGroup ?? a.commissionedBy ?? '—'}</dd>
        <dt>{t('rev.bodies')}</dt>
        <dd>{a.auditedBodies.map((b) => b.name).join(', ') || '—'}</dd>
        <dt>{t('rev.criteriaShort')}</dt>
        <dd>
          {a.criteria.length ? (
            <ul className="plain">
              {a.criteria.map((c, i) => (
                <li key={i}>
                  {c.name}
                  {c.reference ? ` (${c.reference})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('rev.scope')}</dt>
        <dd>{a.scope ?? '—'}</dd>
        <dt>{t('rev.interviewedShort')}</dt>
        <dd>{a.methodInterviewed.join(', ') || '—'}</dd>
        <dt>{t('rev.documentsShort')}</dt>
        <dd>{a.methodDocuments.join(', ') || '—'}</dd>
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

      <Remittances
        audit={a}
        replies={replies.data?.items ?? []}
        people={people}
        lang={lang}
        mayRespond={mayRespond}
        onReply={(bodyId, reply) =>
          setDialog({ kind: 'reply', ...(bodyId ? { bodyId } : {}), ...(reply ? { reply } : {}) })
        }
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
                const reply = replies.data?.items.find((x) => x.bodyId === bodyId);
                return (
                  <div key={bodyId} className="addressee">
                    <h4>{bodyName(bodyId)}</h4>
                    {reply?.text ? (
                      <p className="small">
                        <strong>{t('rev.replyStatus')}:</strong>{' '}
                        {reply.text.length > 400 ? `${reply.text.slice(0, 400)} …` : reply.text}
                      </p>
                    ) : null}
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
                        onClick={() =>
                          setDialog({ kind: 'action', rec: r, bodyId, replyId: reply?.id ?? null })
                        }
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
        <RemittanceDialog audit={a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'questions' ? (
        <QuestionsDialog audit={a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'question' ? (
        <QuestionDialog audit={a} question={dialog.question} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'recs' ? (
        <RecommendationsDialog audit={a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reply' ? (
        <ReplyDialog
          audit={a}
          {...(dialog.reply ? { reply: dialog.reply } : {})}
          {...(dialog.bodyId ? { bodyId: dialog.bodyId } : {})}
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

function Remittances({
  audit,
  replies,
  people,
  lang,
  mayRespond,
  onReply,
}: {
  audit: AuditDto;
  replies: ReplyDto[];
  people: Map<string, string>;
  lang: string;
  mayRespond: (bodyId: string) => boolean;
  onReply: (bodyId?: string, reply?: ReplyDto) => void;
}) {
  const { t } = useI18n();
  const bodies = audit.auditedBodies;
  return (
    <section aria-labelledby="rem-h">
      <h2 id="rem-h">
        {t('rev.remittances')} / {t('rev.replies').toLowerCase()}
      </h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('rev.body')}</th>
              <th scope="col">{t('rev.remittanceKind')}</th>
              <th scope="col">{t('rev.deadline')}</th>
              <th scope="col">{t('rev.responsible')}</th>
              <th scope="col">{t('rev.replyStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rev.draft')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => {
              const r = audit.remittances.find((x) => x.bodyId === b.id);
              const reply = replies.find((x) => x.bodyId === b.id);
              return (
                <tr key={b.id}>
                  <th scope="row">{b.name}</th>
                  <td>{r ? t(`remittanceKind.${r.kind}` as MessageKey) : '—'}</td>
                  <td className="nowrap">{formatDate(r?.deadline ?? null)}</td>
                  <td>
                    {r?.responsiblePersonId ? (people.get(r.responsiblePersonId) ?? '—') : '—'}
                  </td>
                  <td>
                    {reply?.receivedOn ? (
                      <Badge tone="ok">
                        {t('rev.replied', { date: formatDate(reply.receivedOn) })}
                      </Badge>
                    ) : r?.kind === 'reply' ? (
                      <Badge
                        tone={
                          r.deadline && r.deadline < new Date().toISOString().slice(0, 10)
                            ? 'bad'
                            : 'warn'
                        }
                      >
                        {t('rev.notReplied')}
                      </Badge>
                    ) : (
                      '—'
                    )}
                    {reply?.decisionId ? (
                      <>
                        {' '}
                        <Link to={`/beslut/${reply.decisionId}`}>{t('evidenceKind.decision')}</Link>
                      </>
                    ) : null}
                    {mayRespond(b.id) ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => onReply(b.id, reply)}
                          aria-label={`${t('rev.registerReply')}: ${b.name}`}
                        >
                          {reply ? t('common.edit') : t('rev.registerReply')}
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <a
                      href={`/api/audits/${audit.id}/reply-draft.docx${qs({ bodyId: b.id, lang })}`}
                      download
                      aria-label={t('rev.draftFor', { body: b.name })}
                    >
                      {t('rev.draft')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
                          <span className="small">
                            {q.mode === 'per_body' ? t('rev.notApplicableCell') : ''}
                          </span>
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
                          <AssessmentBadge value={cellOf(q, b.id)} />
                        )}
                        {!editing && q.cells.find((c) => c.bodyId === b.id)?.text ? (
                          <div className="small">
                            {q.cells.find((c) => c.bodyId === b.id)!.text}
                          </div>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState>{t('common.empty')}</EmptyState>
      )}
    </section>
  );
}
