import { Link } from 'react-router';
import { FIELD_HEADINGS, REGISTER_FIELDS } from '../../../../domain/services/register-values.js';
import { qs } from '../../../platform/api.js';
import { ExportLinks, PageHeader, PagedList } from '../../../platform/components.js';
import { formatDate, useI18n } from '../../../platform/i18n.js';
import { useListQuery } from '../../../platform/use-list.js';
import { systemsApi } from '../api.js';
import { ServicesNav } from '../components/ownership.js';

const LIMIT = 50;

/**
 * The review list: every value an import could not read, still open, kept on its system. A region
 * cleans its register here: open the system, correct the value (the item is then fixed), or
 * dismiss the item on the system's page.
 */
export function SystemProblemsPage() {
  const { t, lang } = useI18n();
  const { filters, set, offset, setOffset, list } = useListQuery(
    'system-problems',
    { field: '' },
    systemsApi.problems,
    LIMIT,
  );
  return (
    <>
      <ServicesNav />
      <PageHeader
        title={t('reg.reviewList')}
        intro={t('reg.reviewIntro')}
        actions={<ExportLinks url={`/api/systems/problems${qs(filters)}`} />}
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="pf">{t('reg.field')}</label>
          <select id="pf" value={filters.field} onChange={set('field')}>
            <option value="">{t('reg.allFields')}</option>
            {REGISTER_FIELDS.filter((f) => f !== 'id').map((f) => (
              <option key={f} value={f}>
                {FIELD_HEADINGS[f][lang === 'en' ? 1 : 0]}
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
        empty={t('reg.empty')}
      >
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('reg.system')}</th>
                  <th scope="col">{t('imp.heading')}</th>
                  <th scope="col">{t('reg.value')}</th>
                  <th scope="col">{t('reg.reason')}</th>
                  <th scope="col">{t('sys.import.row')}</th>
                  <th scope="col">{t('reg.imported')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/it-system/${p.systemId}`}>{p.systemName}</Link>
                    </td>
                    <td>{p.heading}</td>
                    <td>{p.value}</td>
                    <td>{p.message}</td>
                    <td>{p.row ?? '—'}</td>
                    <td>{formatDate(p.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
    </>
  );
}
