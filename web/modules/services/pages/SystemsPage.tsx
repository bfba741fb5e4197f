import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { LIFECYCLES, SYSTEM_CATEGORIES, SYSTEM_FLAGS } from '../../../../domain/services/system.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  ExportLinks,
  PageHeader,
  PagedList,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useListQuery } from '../../../platform/use-list.js';
import { useTree } from '../../organization/components/units.js';
import { systemsApi } from '../api.js';
import { SystemDialog } from '../components/SystemDialog.js';
import { ServicesNav } from '../components/ownership.js';

const LIMIT = 50;

export function SystemsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { units } = useTree();
  const categories = useEnumOptions(SYSTEM_CATEGORIES, 'sysCategory');
  const lifecycles = useEnumOptions(LIFECYCLES, 'lifecycle');
  const flags = useEnumOptions(SYSTEM_FLAGS, 'sysFlag');
  const [creating, setCreating] = useState(false);
  const [search] = useSearchParams();
  const { filters, set, offset, setOffset, list } = useListQuery(
    'systems',
    { q: '', category: '', lifecycle: '', flag: search.get('flag') ?? '' },
    systemsApi.list,
    LIMIT,
  );
  const duplicates = useQuery({
    queryKey: ['systems', 'duplicates'],
    queryFn: () => systemsApi.duplicates(),
  });
  const mayEdit =
    can('systems.edit', 'tenant') || units.some((u) => can('systems.edit', { unitPath: u.path }));
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={t('sys.title')}
        intro={t('sys.intro')}
        actions={
          <>
            <ExportLinks url={`/api/systems${qs(filters)}`} />
            {mayEdit ? (
              <Link className="btn" to="/it-system/import">
                {t('sys.import')}
              </Link>
            ) : null}
            {mayEdit ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('sys.new')}
              </button>
            ) : null}
          </>
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="sq">{t('common.search')}</label>
          <input id="sq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="sc">{t('sys.category')}</label>
          <select id="sc" value={filters.category} onChange={set('category')}>
            <option value="">{t('common.all')}</option>
            {categories.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sl">{t('sys.lifecycle')}</label>
          <select id="sl" value={filters.lifecycle} onChange={set('lifecycle')}>
            <option value="">{t('common.all')}</option>
            {lifecycles.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sf">{t('forum.flags')}</label>
          <select id="sf" value={filters.flag} onChange={set('flag')}>
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
                  <th scope="col">{t('sys.name')}</th>
                  <th scope="col">{t('sys.category')}</th>
                  <th scope="col">{t('sys.lifecycle')}</th>
                  <th scope="col">{t('sys.ownerUnit')}</th>
                  <th scope="col">{t('sys.owner')}</th>
                  <th scope="col">K/R/T</th>
                  <th scope="col">{t('sys.cost')}</th>
                  <th scope="col">{t('sys.nextContractEnd')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/it-system/${s.id}`}>{s.name}</Link>
                      {s.aliases.length ? (
                        <div className="small muted">{s.aliases.join(', ')}</div>
                      ) : null}
                    </td>
                    <td>
                      {s.category ? t(`sysCategory.${s.category}` as MessageKey) : t('sys.unknown')}
                    </td>
                    <td>
                      {s.lifecycle ? t(`lifecycle.${s.lifecycle}` as MessageKey) : t('sys.unknown')}
                    </td>
                    <td>{s.ownerUnitName ?? '—'}</td>
                    <td>{s.ownerPersonName ?? s.ownerExternalName ?? '—'}</td>
                    <td className="nowrap">
                      {[s.confidentiality, s.integrity, s.availability]
                        .map((x) => x ?? '–')
                        .join('/')}
                    </td>
                    <td className="nowrap">
                      {s.costTotal ? `${formatNumber(s.costTotal)} kr` : '—'}
                    </td>
                    <td className="nowrap">{formatDate(s.nextContractEndOn)}</td>
                    <td>
                      {s.flags.map((f) => (
                        <Badge key={f} tone="warn">
                          {t(`sysFlag.${f}` as MessageKey)}
                        </Badge>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      {duplicates.data?.items.length ? (
        <section aria-labelledby="dup-h" className="card">
          <h2 id="dup-h">{t('sys.duplicates')}</h2>
          <p className="muted">{t('sys.duplicatesIntro')}</p>
          <ul className="plain">
            {duplicates.data.items.slice(0, 30).map((d) => (
              <li key={d.capability}>
                <strong>{d.capability}</strong>:{' '}
                {d.systems.map((s, i) => (
                  <span key={s.id}>
                    {i ? ', ' : ''}
                    <Link to={`/it-system/${s.id}`}>{s.name}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {creating ? (
        <SystemDialog
          onClose={() => setCreating(false)}
          onSaved={(s) => void navigate(`/it-system/${s.id}`)}
        />
      ) : null}
    </>
  );
}
