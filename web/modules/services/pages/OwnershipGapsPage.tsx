import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  EmptyState,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  PagedList,
} from '../../../platform/components.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { qs } from '../../../platform/api.js';
import { useListQuery } from '../../../platform/use-list.js';
import { ownershipApi, systemsApi } from '../api.js';
import { ServicesNav } from '../components/ownership.js';

const GAP_FLAGS = ['no_owner', 'no_manager', 'owner_external'] as const;
const LIMIT = 25;

/** Everything without an owner or a responsible person, where it can be fixed. */
export function OwnershipGapsPage() {
  const { t } = useI18n();
  const gaps = useQuery({ queryKey: ['ownership-gaps'], queryFn: () => ownershipApi.gaps() });
  const { filters, set, offset, setOffset, list } = useListQuery(
    'systems',
    { flag: 'no_owner' },
    systemsApi.list,
    LIMIT,
  );
  if (gaps.isLoading) return <Loading />;
  if (gaps.error || !gaps.data) return <LoadError error={gaps.error} />;
  const g = gaps.data;
  return (
    <>
      <ServicesNav />
      <PageHeader title={t('sys.gaps')} intro={t('gap.intro')} />
      <section aria-labelledby="gap-sys">
        <h2 id="gap-sys">{t('gap.systems')}</h2>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('forum.flags')}</legend>
            {GAP_FLAGS.map((f) => (
              <label key={f} className="checkbox">
                <input
                  type="radio"
                  name="gap-flag"
                  value={f}
                  checked={filters.flag === f}
                  onChange={set('flag')}
                />{' '}
                {t(`sysFlag.${f}` as MessageKey)} ({formatNumber(g.systemCounts[f])})
              </label>
            ))}
          </fieldset>
          <ExportLinks url={`/api/systems${qs({ flag: filters.flag })}`} />
        </form>
        <PagedList list={list} limit={LIMIT} offset={offset} onOffset={setOffset}>
          {(items) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sys.name')}</th>
                    <th scope="col">{t('sys.ownerUnit')}</th>
                    <th scope="col">{t('sys.owner')}</th>
                    <th scope="col">{t('sys.manager')}</th>
                    <th scope="col">{t('sys.supplier')}</th>
                    <th scope="col">{t('forum.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/it-system/${s.id}`}>{s.name}</Link>
                      </td>
                      <td>{s.ownerUnitName ?? '—'}</td>
                      <td>{s.ownerPersonName ?? s.ownerExternalName ?? '—'}</td>
                      <td>{s.managerPersonName ?? '—'}</td>
                      <td>{s.supplierName ?? '—'}</td>
                      <td>
                        {s.flags
                          .filter((f) => (GAP_FLAGS as readonly string[]).includes(f))
                          .map((f) => (
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
      </section>
      <section aria-labelledby="gap-nodes">
        <h2 id="gap-nodes">{t('gap.nodes')}</h2>
        {g.nodes.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('svc.name')}</th>
                  <th scope="col">{t('svc.kind')}</th>
                  <th scope="col">{t('svc.owningBoard')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {g.nodes.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={`/tjanster/${n.id}`}>{n.name}</Link>
                    </td>
                    <td>{t(`svcKind.${n.kind}` as MessageKey)}</td>
                    <td>{n.effectiveOwningUnit?.name ?? '—'}</td>
                    <td>
                      {n.flags.map((f) => (
                        <Badge key={f} tone="warn">
                          {t(`svcFlag.${f}` as MessageKey)}
                        </Badge>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('gap.noneNodes')}</EmptyState>
        )}
      </section>
      <section aria-labelledby="gap-obj">
        <h2 id="gap-obj">{t('gap.objects')}</h2>
        {g.objects.length ? (
          <ul className="plain">
            {g.objects.map((o) => (
              <li key={o.id}>
                <Link to={`/forvaltningsobjekt/${o.id}`}>{o.name}</Link>{' '}
                {!o.owner ? (
                  <Badge tone="warn">
                    {t('mo.owner')}: {t('sys.vacant').toLowerCase()}
                  </Badge>
                ) : null}
                {!o.manager ? (
                  <Badge tone="warn">
                    {t('mo.manager')}: {t('sys.vacant').toLowerCase()}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('gap.noneObjects')}</EmptyState>
        )}
      </section>
    </>
  );
}
