import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_FLAGS, AUDIT_KINDS } from '../../../../domain/audits/audit.js';
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
import { revisionApi, type AssignmentDto, type DeadlineDto } from '../api.js';
import {
  AssessmentBadge,
  AssignmentDialog,
  AuditDialog,
  ReportBackDialog,
  RevisionNav,
} from '../components/dialogs.js';
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

/** Every recommendation not yet done, by body, with its age and next deadline; Excel export; a Word reply draft per body. */
export function OpenRecommendationsPage() {
  const { t, lang } = useI18n();
  const boards = useBoardOptions();
  const [bodyId, setBodyId] = useState('');
  const open = useQuery({
    queryKey: ['open-recommendations', bodyId],
    queryFn: () => revisionApi.open({ bodyId }),
  });
  const groups = new Map<string, NonNullable<typeof open.data>['items']>();
  for (const r of open.data?.items ?? [])
    groups.set(r.bodyName ?? t('rev.noAddressee'), [
      ...(groups.get(r.bodyName ?? t('rev.noAddressee')) ?? []),
      r,
    ]);
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={t('rev.open')}
        intro={t('rev.openIntro')}
        actions={<ExportLinks url={`/api/recommendations/open${qs({ bodyId })}`} />}
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ob">{t('rev.body')}</label>
          <select id="ob" value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
            <option value="">{t('rev.allBodies')}</option>
            {boards.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {open.isLoading ? (
        <Loading />
      ) : open.error ? (
        <LoadError error={open.error} />
      ) : groups.size === 0 ? (
        <EmptyState>{t('rev.emptyOpen')}</EmptyState>
      ) : (
        [...groups].map(([name, rows]) => (
          <section key={name} aria-label={name}>
            <h2>
              {name} <span className="muted small">({rows.length})</span>
            </h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('rev.recommendation')}</th>
                    <th scope="col">{t('rev.audits')}</th>
                    <th scope="col">{t('rev.status')}</th>
                    <th scope="col">{t('rev.age')}</th>
                    <th scope="col">{t('rev.nextDeadline')}</th>
                    <th scope="col">{t('rev.actions')}</th>
                    <th scope="col">{t('rev.latestFinding')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.recommendationId}-${r.bodyId ?? ''}`}>
                      <td>
                        {r.number}. {r.text}
                      </td>
                      <td>
                        <Link to={`/revision/${r.auditId}`}>{r.auditTitle}</Link>
                        <div className="small muted">{formatDate(r.reportDate)}</div>
                        {r.bodyId ? (
                          <div className="small">
                            <a
                              href={`/api/audits/${r.auditId}/reply-draft.docx${qs({ bodyId: r.bodyId, lang })}`}
                              download
                              aria-label={t('rev.draftFor', { body: r.bodyName ?? '' })}
                            >
                              {t('rev.draft')}
                            </a>
                          </div>
                        ) : null}
                      </td>
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
                      <td className="nowrap">
                        {r.ageDays == null ? '—' : t('rev.days', { n: formatNumber(r.ageDays) })}
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
        ))
      )}
    </>
  );
}

export function AssignmentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId, units } = useTree();
  const flags = useEnumOptions(ASSIGNMENT_FLAGS, 'assignmentFlag');
  const [creating, setCreating] = useState(false);
  const [reporting, setReporting] = useState<AssignmentDto | null>(null);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'assignments',
    { flag: '' },
    revisionApi.assignments,
    LIMIT,
  );
  const mayCreate =
    can('audits.respond', 'tenant') ||
    units.some((u) => can('audits.respond', { unitPath: u.path }));
  const mayReport = (a: AssignmentDto) => {
    const unit = a.assigneeBodyId ? byId.get(a.assigneeBodyId) : undefined;
    return unit ? can('audits.respond', { unitPath: unit.path }) : can('audits.respond', 'tenant');
  };
  return (
    <>
      <RevisionNav />
      <PageHeader
        title={t('rev.assignments')}
        intro={t('rev.assignmentsIntro')}
        actions={
          <>
            <ExportLinks url={`/api/assignments${qs({ flag: filters.flag })}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('rev.newAssignment')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="af">{t('forum.flags')}</label>
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
        empty={filters.flag ? undefined : t('rev.emptyAssignments')}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('rev.assignment')}</th>
                  <th scope="col">{t('rev.assignee')}</th>
                  <th scope="col">{t('rev.reportBack')}</th>
                  <th scope="col">{t('rev.reportedOn')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('rev.recordReport')}</span>
                  </th>
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
                      {a.assigneeBodyName ?? '—'}
                      {a.assigneeGroup ? (
                        <div className="small muted">
                          {t(`assigneeGroup.${a.assigneeGroup}` as MessageKey)}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      {a.reportBack === 'date'
                        ? formatDate(a.reportBackOn)
                        : a.reportBack === 'meeting'
                          ? a.reportBackMeeting
                          : t('reportBack.none')}
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
                      {a.flags.map((f) => (
                        <Badge key={f} tone="warn">
                          {t(`assignmentFlag.${f}` as MessageKey)}
                        </Badge>
                      ))}
                    </td>
                    <td>
                      {mayReport(a) ? (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => setReporting(a)}
                          aria-label={t('rev.recordReportFor', { title: a.title.slice(0, 60) })}
                        >
                          {t('rev.recordReport')}
                        </button>
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
      {reporting ? (
        <ReportBackDialog assignment={reporting} onClose={() => setReporting(null)} />
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
