import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_FLAGS, AUDIT_KINDS } from '../../../../domain/audits/audit.js';
import {
  ASSIGNMENT_STATES,
  CLOSED_STATES,
  OPEN_STATES,
} from '../../../../domain/audits/obligations.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  PagedList,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useListQuery } from '../../../platform/use-list.js';
import { useBoardOptions, useTree } from '../../organization/components/units.js';
import {
  revisionApi,
  type AssignmentDto,
  type DeadlineDto,
  type OpenRecommendationDto,
} from '../api.js';
import { assignmentsApi } from '../api-assignments.js';
import { useAuditOptions } from '../queries.js';
import {
  AdoptDialog,
  chainText,
  ReportBackCell,
  ReportBackEditDialog,
} from '../components/assignment-dialogs.js';
import {
  AssessmentBadge,
  AssignmentDialog,
  AuditDialog,
  ReportBackDialog,
  RevisionNav,
} from '../components/dialogs.js';
import { ObligationBadge } from '../components/obligations.js';
import { useConfirm } from '../../../platform/confirm.js';

const LIMIT = 50;

export function AuditsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const kinds = useEnumOptions(AUDIT_KINDS, 'auditKind');
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'audits',
    { q: '', kind: '' },
    revisionApi.audits,
    LIMIT,
  );
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={t('rev.audits')}
        intro={t('rev.auditsIntro')}
        actions={
          can('audits.edit', 'tenant') ? (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              {t('rev.new')}
            </button>
          ) : null
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="aq">{t('common.search')}</label>
          <input id="aq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="ak">{t('rev.kind')}</label>
          <select id="ak" value={filters.kind} onChange={set('kind')}>
            <option value="">{t('common.all')}</option>
            {kinds.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <PagedList
        list={list}
        limit={LIMIT}
        offset={offset}
        onOffset={setOffset}
        empty={filters.q || filters.kind ? undefined : t('rev.emptyAudits')}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('rev.title')}</th>
                  <th scope="col">{t('rev.kind')}</th>
                  <th scope="col">{t('rev.reportDate')}</th>
                  <th scope="col">{t('rev.firm')}</th>
                  <th scope="col">{t('rev.bodies')}</th>
                  <th scope="col">{t('rev.overall')}</th>
                  <th scope="col">{t('rev.recommendations')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/revision/${a.id}`}>{a.title}</Link>
                      {a.followsUp.length ? (
                        <div className="small muted">
                          {t('rev.followsUp')}: {a.followsUp.map((f) => f.name).join(', ')}
                        </div>
                      ) : null}
                    </td>
                    <td>{t(`auditKind.${a.kind}` as MessageKey)}</td>
                    <td className="nowrap">{formatDate(a.reportDate)}</td>
                    <td>{a.auditFirm ?? '—'}</td>
                    <td>{a.auditedBodies.length}</td>
                    <td>
                      <AssessmentBadge value={a.overallAssessment} />
                    </td>
                    <td>
                      {a.recommendationCount
                        ? t('rev.openCount', {
                            open: a.openRecommendationCount,
                            all: a.recommendationCount,
                          })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      {creating ? (
        <AuditDialog
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/revision/${id}`)}
        />
      ) : null}
    </>
  );
}

const STATE_TONE = {
  no_addressee: 'bad',
  awaiting_reply: 'warn',
  declined: 'warn',
  no_actions: 'warn',
  open: 'info',
  done: 'ok',
  resolved: 'ok',
} as const;

/** The states a row in the open list can have (done and resolved have left it). */
const LISTED_STATES = OPEN_STATES.filter((s) => !CLOSED_STATES.includes(s));

/** The reply obligation in words, as the audit page says it; "Inget yttrande begärt" if none. */
function ObligationText({ o }: { o: OpenRecommendationDto['obligation'] }) {
  const { t } = useI18n();
  if (!o) return <span className="muted">{t('rev.orec.noReplyAsked')}</span>;
  return <ObligationBadge obligation={o} />;
}

/**
 * Every recommendation not yet done, by audit and then body, with its reply obligation, next
 * deadline and how many addressees have resolved it; Excel/CSV of the same filters; a Word reply
 * draft per body.
 */
export function OpenRecommendationsPage() {
  const { t, lang } = useI18n();
  const boards = useBoardOptions();
  const audits = useAuditOptions();
  const states = useEnumOptions(LISTED_STATES, 'recState');
  const [filters, setFilters] = useState({ auditId: '', bodyId: '', state: '' });
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const params = { ...filters, overdue: onlyOverdue ? 'true' : '' };
  const open = useQuery({
    queryKey: ['open-recommendations', params],
    queryFn: () => assignmentsApi.open(params),
  });
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  // Rows come grouped by audit, then body: keep that order.
  const byAudit = new Map<
    string,
    { title: string; reportDate: string | null; bodies: Map<string, OpenRecommendationDto[]> }
  >();
  for (const r of open.data?.items ?? []) {
    const audit = byAudit.get(r.auditId) ?? {
      title: r.auditTitle,
      reportDate: r.reportDate,
      bodies: new Map<string, OpenRecommendationDto[]>(),
    };
    byAudit.set(r.auditId, audit);
    const body = r.bodyName ?? t('rev.noAddressee');
    audit.bodies.set(body, [...(audit.bodies.get(body) ?? []), r]);
  }
  const filtered = Boolean(filters.auditId || filters.bodyId || filters.state || onlyOverdue);
  const auditOptions = (audits.data?.items ?? []).map((a) => ({
    value: a.id,
    label: a.reportDate ? `${a.title} (${formatDate(a.reportDate)})` : a.title,
  }));
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={t('rev.open')}
        intro={t('rev.openIntro')}
        actions={<ExportLinks url={`/api/recommendations/open${qs(params)}`} />}
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="oa">{t('rev.orec.audit')}</label>
          <select id="oa" value={filters.auditId} onChange={set('auditId')}>
            <option value="">{t('rev.orec.allAudits')}</option>
            {auditOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ob">{t('rev.body')}</label>
          <select id="ob" value={filters.bodyId} onChange={set('bodyId')}>
            <option value="">{t('rev.allBodies')}</option>
            {boards.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="os">{t('rev.orec.state')}</label>
          <select id="os" value={filters.state} onChange={set('state')}>
            <option value="">{t('rev.orec.allStates')}</option>
            {states.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyOverdue}
            onChange={(e) => setOnlyOverdue(e.target.checked)}
          />{' '}
          {t('rev.orec.onlyOverdue')}
        </label>
      </form>
      {open.isLoading ? (
        <Loading />
      ) : open.error ? (
        <LoadError error={open.error} />
      ) : byAudit.size === 0 ? (
        <EmptyState>{filtered ? t('rev.orec.noOpenFiltered') : t('rev.emptyOpen')}</EmptyState>
      ) : (
        [...byAudit].map(([auditId, audit]) => (
          <section key={auditId} aria-labelledby={`oa-${auditId}`} className="open-audit">
            <h2 id={`oa-${auditId}`}>
              <Link to={`/revision/${auditId}`}>{audit.title}</Link>{' '}
              {audit.reportDate ? (
                <span className="muted small">
                  {t('rev.orec.reportDate', { date: formatDate(audit.reportDate) })}
                </span>
              ) : null}
            </h2>
            {[...audit.bodies].map(([name, rows]) => {
              const bodyId = rows[0]?.bodyId ?? null;
              return (
                <section key={name} aria-label={name}>
                  <h3>
                    {name}{' '}
                    <span className="muted small">
                      ({t('rev.orec.count', { n: formatNumber(rows.length) })})
                    </span>
                  </h3>
                  {bodyId ? (
                    <p className="small">
                      <a
                        href={`/api/audits/${auditId}/reply-draft.docx${qs({ bodyId, lang })}`}
                        download
                        aria-label={t('rev.draftFor', { body: name })}
                      >
                        {t('rev.draft')}
                      </a>
                    </p>
                  ) : null}
                  {/* Focusable, so a table wider than the screen scrolls from the keyboard. */}
                  <div
                    className="table-wrap"
                    role="group"
                    aria-label={t('rev.orec.tableOf', { body: name })}
                    tabIndex={0}
                  >
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">{t('rev.orec.number')}</th>
                          <th scope="col">{t('rev.recommendation')}</th>
                          <th scope="col">{t('rev.orec.state')}</th>
                          <th scope="col">{t('rev.orec.reply')}</th>
                          <th scope="col">{t('rev.nextDeadline')}</th>
                          <th scope="col">{t('rev.orec.progress')}</th>
                          <th scope="col">{t('rev.actions')}</th>
                          <th scope="col">{t('rev.latestFinding')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((r) => (
                          <tr key={`${r.recommendationId}-${r.bodyId ?? ''}`}>
                            <td>{r.number}</td>
                            <td>{r.text}</td>
                            <td>
                              <Badge tone={STATE_TONE[r.state]}>
                                {t(`recState.${r.state}` as MessageKey)}
                              </Badge>
                              {r.actionFlags.map((f) => (
                                <Badge key={f} tone="warn">
                                  {t(`actionFlag.${f}` as MessageKey)}
                                </Badge>
                              ))}
                            </td>
                            <td>
                              <ObligationText o={r.obligation} />
                            </td>
                            <td className="nowrap">
                              {formatDate(r.nextDeadline)}
                              {r.overdue ? (
                                <>
                                  {' '}
                                  <Badge tone="bad">{t('rev.overdue')}</Badge>
                                </>
                              ) : null}
                            </td>
                            <td>
                              {t('rev.orec.progressOf', {
                                resolved: formatNumber(r.progress.resolved),
                                of: formatNumber(r.progress.of),
                              })}
                            </td>
                            <td>
                              {r.actionsDone}/{r.actions}
                            </td>
                            <td className="small">
                              {r.latestFinding ? (
                                <>
                                  {r.latestFinding.status ? (
                                    <Badge tone="info">
                                      {t(`followUpStatus.${r.latestFinding.status}` as MessageKey)}
                                    </Badge>
                                  ) : null}{' '}
                                  {r.latestFinding.text}
                                  <div className="muted">{r.latestFinding.auditTitle}</div>
                                </>
                              ) : (
                                '—'
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              );
            })}
          </section>
        ))
      )}
    </>
  );
}

/**
 * Assignments with their standing (proposed until adopted), the decisions behind them, the
 * report-back in words and its date, and flags; a proposed one moves to its adopting decision.
 */
export function AssignmentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId, units } = useTree();
  const flags = useEnumOptions(ASSIGNMENT_FLAGS, 'rev.asg.flag');
  const states = useEnumOptions(ASSIGNMENT_STATES, 'rev.asg.state');
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{
    kind: 'report' | 'adopt' | 'reportBack';
    a: AssignmentDto;
  } | null>(null);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'assignments',
    { state: '', flag: '' },
    assignmentsApi.list,
    LIMIT,
  );
  const mayCreate =
    can('audits.respond', 'tenant') ||
    units.some((u) => can('audits.respond', { unitPath: u.path }));
  const mayReport = (a: AssignmentDto) => {
    const unit = a.assigneeBodyId ? byId.get(a.assigneeBodyId) : undefined;
    return unit ? can('audits.respond', { unitPath: unit.path }) : can('audits.respond', 'tenant');
  };
  const short = (a: AssignmentDto) => a.title.slice(0, 60);
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={t('rev.assignments')}
        intro={t('rev.assignmentsIntro')}
        actions={
          <>
            <ExportLinks url={`/api/assignments${qs(filters)}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('rev.newAssignment')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="as">{t('rev.asg.stateFilter')}</label>
          <select id="as" value={filters.state} onChange={set('state')}>
            <option value="">{t('common.all')}</option>
            {states.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af">{t('rev.asg.flagFilter')}</label>
          <select id="af" value={filters.flag} onChange={set('flag')}>
            <option value="">{t('common.all')}</option>
            {flags.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <PagedList
        list={list}
        limit={LIMIT}
        offset={offset}
        onOffset={setOffset}
        empty={filters.flag || filters.state ? undefined : t('rev.emptyAssignments')}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('rev.assignment')}</th>
                  <th scope="col">{t('rev.asg.state')}</th>
                  <th scope="col">{t('rev.asg.chain')}</th>
                  <th scope="col">{t('rev.assignee')}</th>
                  <th scope="col">{t('rev.reportBack')}</th>
                  <th scope="col">{t('rev.reportedOn')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                  <th scope="col">{t('rev.asg.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {a.title}
                      {a.decisionId ? (
                        <div className="small">
                          <Link to={`/beslut/${a.decisionId}`}>{t('rev.givenBy')}</Link>
                        </div>
                      ) : null}
                      {a.sourceAuditId ? (
                        <div className="small">
                          <Link to={`/revision/${a.sourceAuditId}`}>{t('rev.source')}</Link>
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <Badge tone={a.state === 'active' ? 'ok' : 'neutral'}>
                        {t(`rev.asg.state.${a.state}`)}
                      </Badge>
                    </td>
                    <td className="small">
                      {a.chain.length ? (
                        <ol
                          className="chain"
                          aria-label={t('rev.asg.chainLabel', { steps: chainText(a.chain) })}
                        >
                          {a.chain.map((s, i) => (
                            <li key={s.id} className="nowrap">
                              {i > 0 ? <span aria-hidden="true">→ </span> : null}
                              <Link to={`/beslut/${s.id}`} title={s.title}>
                                {s.reference}
                              </Link>
                            </li>
                          ))}
                        </ol>
                      ) : (
                        <span className="muted">{t('rev.asg.noChain')}</span>
                      )}
                    </td>
                    <td>
                      {a.assigneeBodyName ?? '—'}
                      {a.assigneeGroup ? (
                        <div className="small muted">
                          {t(`assigneeGroup.${a.assigneeGroup}` as MessageKey)}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <ReportBackCell a={a} />
                    </td>
                    <td>
                      {a.reportedOn ? (
                        <>
                          {formatDate(a.reportedOn)}
                          {a.reportText ? <div className="small">{a.reportText}</div> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {a.flags.length ? (
                        a.flags.map((f) => (
                          <Badge key={f} tone="warn">
                            {t(`rev.asg.flag.${f}`)}
                          </Badge>
                        ))
                      ) : (
                        <span className="muted">{t('rev.asg.noFlags')}</span>
                      )}
                    </td>
                    <td>
                      {mayReport(a) ? (
                        <div className="stack-actions">
                          {a.state === 'proposed' ? (
                            <button
                              type="button"
                              className="btn btn--small"
                              onClick={() => setDialog({ kind: 'adopt', a })}
                              aria-label={t('rev.asg.adoptFor', { title: short(a) })}
                            >
                              {t('rev.asg.adopt')}
                            </button>
                          ) : null}
                          <button
                            type="button"
                            className="btn btn--small"
                            onClick={() => setDialog({ kind: 'reportBack', a })}
                            aria-label={t('rev.asg.editReportBackFor', { title: short(a) })}
                          >
                            {t('rev.asg.editReportBack')}
                          </button>
                          <button
                            type="button"
                            className="btn btn--small"
                            onClick={() => setDialog({ kind: 'report', a })}
                            aria-label={t('rev.recordReportFor', { title: short(a) })}
                          >
                            {t('rev.recordReport')}
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      {creating ? <AssignmentDialog onClose={() => setCreating(false)} /> : null}
      {dialog?.kind === 'report' ? (
        <ReportBackDialog assignment={dialog.a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'adopt' ? (
        <AdoptDialog assignment={dialog.a} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reportBack' ? (
        <ReportBackEditDialog assignment={dialog.a} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

/** Deadlines by month; the person's private calendar feed; their reminders. */
export function DeadlinesPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [mine, setMine] = useState(true);
  const deadlines = useQuery({
    queryKey: ['deadlines', mine],
    queryFn: () => revisionApi.deadlines(mine && me ? { personId: me.personId } : {}),
  });
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: () => revisionApi.feedStatus() });
  const reminders = useQuery({ queryKey: ['reminders'], queryFn: () => revisionApi.reminders() });
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const months = new Map<string, DeadlineDto[]>();
  for (const d of deadlines.data?.items ?? [])
    months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
  const { confirm, confirmDialog } = useConfirm();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      await qc.invalidateQueries({ queryKey: ['calendar-feed'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {confirmDialog}
      <RevisionNav />
      <PageHeader title={t('rev.calendar')} intro={t('rev.calendarIntro')} />
      <label className="checkbox">
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{' '}
        {t('rev.mine')}
      </label>
      {deadlines.isLoading ? (
        <Loading />
      ) : months.size === 0 ? (
        <EmptyState>{t('rev.noDeadlines')}</EmptyState>
      ) : (
        [...months].map(([month, items]) => (
          <section key={month} aria-label={month}>
            <h2>
              {new Date(`${month}-01T00:00:00Z`).toLocaleDateString('sv-SE', {
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              })}
            </h2>
            <ul className="plain">
              {items.map((d) => (
                <li key={d.key}>
                  <span className="nowrap">{formatDate(d.date)}</span>{' '}
                  <Badge tone={d.overdue ? 'bad' : 'info'}>
                    {t(`deadlineKind.${d.kind}` as MessageKey)}
                  </Badge>{' '}
                  {d.auditId ? <Link to={`/revision/${d.auditId}`}>{d.title}</Link> : d.title}
                  <span className="muted small">
                    {' '}
                    · {d.bodyName ?? '—'} · {t('rev.who')}: {d.personName ?? '—'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <section aria-labelledby="feed-h" className="card">
        <h2 id="feed-h">{t('rev.feed')}</h2>
        <p className="muted">{t('rev.feedIntro')}</p>
        <ErrorSummary error={error} />
        <p role="status">
          {feed.data?.active
            ? t('rev.feedActive', { date: formatDate(feed.data.createdAt?.slice(0, 10) ?? null) })
            : t('rev.feedNone')}
        </p>
        {shown ? (
          <p>
            {t('rev.feedShown')} <code>{shown}</code>
          </p>
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() =>
              void act(async () =>
                setShown(`${window.location.origin}${(await revisionApi.createFeed()).path}`),
              )
            }
          >
            {feed.data?.active ? t('rev.feedRenew') : t('rev.feedCreate')}
          </button>
          {feed.data?.active ? (
            <button
              type="button"
              className="btn"
              onClick={() =>
                void act(async () => {
                  if (!(await confirm(t('rev.confirmFeedRevoke'), t('rev.feedRevoke')))) return;
                  await revisionApi.revokeFeed();
                  setShown(null);
                })
              }
            >
              {t('rev.feedRevoke')}
            </button>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="rem-h">
        <h2 id="rem-h">{t('rev.reminders')}</h2>
        {reminders.data?.items.length ? (
          <ul className="plain">
            {reminders.data.items.map((r) => (
              <li key={r.id}>
                <span className="nowrap small">{formatDate(r.createdAt.slice(0, 10))}</span>{' '}
                {r.subject}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('rev.noReminders')}</EmptyState>
        )}
      </section>
    </>
  );
}
