import { useState } from 'react';
import { useListQuery } from '../../../platform/use-list.js';
import { Link, useNavigate } from 'react-router';
import { FORUM_FLAGS, FORUM_KINDS } from '../../../../domain/organization/forum.js';
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
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'forums',
    { q: '', kind: '', flag: '' },
    orgApi.forums,
    LIMIT,
  );
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
                  <th scope="col">{t('forum.meetingsPerYear')}</th>
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
                    <td>{f.meetingsPerYear ?? '—'}</td>
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
      {creating ? (
        <ForumDialog
          onClose={() => setCreating(false)}
          onSaved={(f) => void navigate(`/forum/${f.id}`)}
        />
      ) : null}
    </>
  );
}
