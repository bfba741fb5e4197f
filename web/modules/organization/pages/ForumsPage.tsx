import { useState } from 'react';
import { useListQuery } from '../../../platform/use-list.js';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  FORUM_FLAGS,
  FORUM_KINDS,
  FORUM_LEVELS,
  FORUM_LIFECYCLES,
} from '../../../../domain/organization/forum.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  ExportLinks,
  PageHeader,
  useEnumOptions,
  PagedList,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import { FlagBadges, ForumDialog } from '../components/forums.js';
import { useTree } from '../components/units.js';

const LIMIT = 50;

export function ForumsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { units } = useTree();
  const kinds = useEnumOptions(FORUM_KINDS, 'forumKind');
  const flags = useEnumOptions(FORUM_FLAGS, 'flag');
  const levels = useEnumOptions(FORUM_LEVELS, 'forumLevel');
  const stages = useEnumOptions(
    FORUM_LIFECYCLES.filter((s) => s !== 'discontinued'),
    'status',
  );
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'forums',
    { q: '', kind: '', level: '', flag: '', status: '' },
    (p) => orgApi.forums({ ...p, status: p.status || 'current' }),
    LIMIT,
  );
  // Discontinued forums are listed apart: they raise no flags and are no longer current.
  const discontinued = useQuery({
    queryKey: ['forums', 'discontinued', filters.q, filters.kind, filters.level],
    queryFn: () =>
      orgApi.forums({
        q: filters.q,
        kind: filters.kind,
        level: filters.level,
        status: 'discontinued',
        limit: 200,
      }),
  });
  const mayCreate = units.some((u) => can('org.forum.edit', { unitPath: u.path }));
  return (
    <>
      <PageHeader
        title={t('forum.title')}
        intro={t('forum.intro')}
        actions={
          <>
            <ExportLinks url={`/api/forums${qs(filters)}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('forum.new')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="fq">{t('common.search')}</label>
          <input id="fq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="fk">{t('common.kind')}</label>
          <select id="fk" value={filters.kind} onChange={set('kind')}>
            <option value="">{t('common.all')}</option>
            {kinds.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fl">{t('forum.level')}</label>
          <select id="fl" value={filters.level} onChange={set('level')}>
            <option value="">{t('common.all')}</option>
            {levels.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fs">{t('forum.lifecycle')}</label>
          <select id="fs" value={filters.status} onChange={set('status')}>
            <option value="">{t('forum.allCurrent')}</option>
            {stages.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ff">{t('forum.flags')}</label>
          <select id="ff" value={filters.flag} onChange={set('flag')}>
            <option value="">{t('common.all')}</option>
            {flags.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <PagedList list={list} limit={LIMIT} offset={offset} onOffset={setOffset}>
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.kind')}</th>
                  <th scope="col">{t('forum.parentUnit')}</th>
                  <th scope="col">{t('forum.mandate')}</th>
                  <th scope="col">{t('forum.level')}</th>
                  <th scope="col">{t('forum.seats')}</th>
                  <th scope="col">{t('forum.cadenceThisYear')}</th>
                  <th scope="col">{t('forum.lastMeeting')}</th>
                  <th scope="col">{t('forum.status')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link to={`/forum/${f.id}`}>{f.name}</Link>
                    </td>
                    <td>{t(`forumKind.${f.kind}` as MessageKey)}</td>
                    <td>{f.parentUnitName}</td>
                    <td>
                      {f.mandate ? (
                        t(`mandate.${f.mandate}` as MessageKey)
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>{f.level ? t(`forumLevel.${f.level}` as MessageKey) : '—'}</td>
                    <td className="nowrap">
                      {t('forum.seatCounts', { members: f.memberCount, deputies: f.deputyCount })}
                    </td>
                    <td className="nowrap">
                      {f.cadence[0]
                        ? t('forum.cadenceLine', {
                            held: f.cadence[0].held,
                            planned: f.cadence[0].planned,
                            year: f.cadence[0].year,
                          })
                        : '—'}
                    </td>
                    <td className="nowrap">{formatDate(f.lastMeetingOn)}</td>
                    <td>
                      <Badge tone={f.status === 'active' ? 'ok' : 'neutral'}>
                        {t(`status.${f.status}` as MessageKey)}
                      </Badge>
                    </td>
                    <td>
                      <FlagBadges flags={f.flags} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      <section aria-labelledby="discontinued-h">
        <h2 id="discontinued-h">{t('forum.discontinuedForums')}</h2>
        {(discontinued.data?.items ?? []).length === 0 ? (
          <p className="muted">{t('forum.noDiscontinued')}</p>
        ) : (
          <ul className="plain">
            {(discontinued.data?.items ?? []).map((f) => (
              <li key={f.id}>
                <Link to={`/forum/${f.id}`}>{f.name}</Link>{' '}
                <span className="muted">
                  {t('forum.discontinuedSince', { date: formatDate(f.discontinuedOn) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {creating ? (
        <ForumDialog
          onClose={() => setCreating(false)}
          onSaved={(f) => void navigate(`/forum/${f.id}`)}
        />
      ) : null}
    </>
  );
}
