import { useState } from 'react';
import { useListQuery } from '../../../platform/use-list.js';
import { Link, useNavigate } from 'react-router';
import {
  DOCUMENT_FLAGS,
  DOCUMENT_STATES,
  DOCUMENT_TYPES,
} from '../../../../domain/documents/document.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  ExportLinks,
  PageHeader,
  useEnumOptions,
  PagedList,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { DocumentFlags, useAdopterWord } from '../components/flags.js';
import { FlagCounts, StrategyCounts } from '../components/StrategyCounts.js';
import { useTree } from '../../organization/components/units.js';
import { documentsApi } from '../api.js';
import { DocumentDialog } from '../components/DocumentDialog.js';

const LIMIT = 50;

export function DocumentsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { units } = useTree();
  const states = useEnumOptions(DOCUMENT_STATES, 'docState');
  const flags = useEnumOptions(DOCUMENT_FLAGS, 'docFlag');
  const adopterWord = useAdopterWord();
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'documents',
    { q: '', type: '', state: '', flag: '' },
    documentsApi.list,
    LIMIT,
  );
  const mayCreate = units.some((u) => can('documents.edit', { unitPath: u.path }));
  return (
    <>
      <PageHeader
        title={t('docs.title')}
        intro={t('docs.intro')}
        actions={
          <>
            <ExportLinks url={`/api/documents${qs(filters)}`} />
            {mayCreate ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                {t('docs.new')}
              </button>
            ) : null}
          </>
        }
      />
      <div className="grid-2">
        <StrategyCounts />
        <FlagCounts />
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dq2">{t('common.search')}</label>
          <input id="dq2" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="dty">{t('docs.type')}</label>
          <select id="dty" value={filters.type} onChange={set('type')}>
            <option value="">{t('common.all')}</option>
            {DOCUMENT_TYPES.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dst">{t('docs.state')}</label>
          <select id="dst" value={filters.state} onChange={set('state')}>
            <option value="">{t('common.all')}</option>
            {states.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dfl">{t('forum.flags')}</label>
          <select id="dfl" value={filters.flag} onChange={set('flag')}>
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
                  <th scope="col">{t('decision.titleField')}</th>
                  <th scope="col">{t('docs.type')}</th>
                  <th scope="col">{t('docs.state')}</th>
                  <th scope="col">{t('docs.adoptedBy')}</th>
                  <th scope="col">{t('docs.adoptedOn')}</th>
                  <th scope="col">{t('docs.validTo')}</th>
                  <th scope="col">{t('docs.reviewOn')}</th>
                  <th scope="col">{t('forum.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/styrdokument/${d.id}`}>{d.title}</Link>
                    </td>
                    <td>{d.type}</td>
                    <td>{t(`docState.${d.state}` as MessageKey)}</td>
                    <td>
                      {adopterWord(d)}{' '}
                      <span className="muted small">
                        ({t(`adoptionLevel.${d.adoptionLevel}` as MessageKey)})
                      </span>
                    </td>
                    <td className="nowrap">
                      {d.adoptedOn ? formatDate(d.adoptedOn) : t('docs.unknown')}
                    </td>
                    <td className="nowrap">{formatDate(d.validTo)}</td>
                    <td className="nowrap">{formatDate(d.reviewOn)}</td>
                    <td>
                      <DocumentFlags doc={d} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
      {creating ? (
        <DocumentDialog
          onClose={() => setCreating(false)}
          onSaved={(d) => void navigate(`/styrdokument/${d.id}`)}
        />
      ) : null}
    </>
  );
}
