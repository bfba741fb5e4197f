import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../platform/api.js';
import {
  Badge,
  EmptyState,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  Pager,
} from '../../platform/components.js';
import { formatDateTime, useI18n } from '../../platform/i18n.js';

type Event = {
  id: string;
  seq: number;
  occurredAt: string;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
};
type Verify = {
  intact: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
  /** The server's words for what it found, in the page's language. */
  message: string;
};
const LIMIT = 50;

export function AuditTrailPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState({ entityType: '', action: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<Verify | null>(null);
  const params = { ...filters, limit: LIMIT, offset };
  const list = useQuery({
    queryKey: ['audit-trail', params],
    queryFn: () =>
      api.get<{ items: Event[]; total: number; totalIsCapped: boolean }>(
        `/api/audit-trail${qs(params)}`,
      ),
    placeholderData: keepPreviousData,
  });
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => {
    setFilters((f) => ({ ...f, [k]: e.target.value }));
    setOffset(0);
  };
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          <>
            <ExportLinks url={`/api/audit-trail${qs(filters)}`} />
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void api.get<Verify>('/api/audit-trail/verify').then(setVerify)}
            >
              {t('audit.verify')}
            </button>
          </>
        }
      />
      <div aria-live="polite">
        {verify ? (
          verify.intact ? (
            <p>
              <Badge tone="ok">{verify.message}</Badge>
            </p>
          ) : (
            <p>
              <Badge tone="bad">{verify.message}</Badge>
            </p>
          )
        ) : null}
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ae">{t('audit.entityType')}</label>
          <select id="ae" value={filters.entityType} onChange={set('entityType')}>
            <option value="">{t('common.all')}</option>
            {[
              'unit',
              'person',
              'grant',
              'post',
              'forum',
              'forum_member',
              'meeting',
              'decision',
              'succession',
              'tenant',
            ].map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="aa">{t('audit.action')}</label>
          <input id="aa" value={filters.action} onChange={set('action')} />
        </div>
        <div className="field">
          <label htmlFor="af">{t('common.from')}</label>
          <input id="af" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="at">{t('common.to')}</label>
          <input id="at" type="date" value={filters.to} onChange={set('to')} />
        </div>
      </form>
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState>{t('common.empty')}</EmptyState>
      ) : list.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{e.seq}</td>
                    <td className="nowrap">{formatDateTime(e.occurredAt)}</td>
                    <td>{e.actorName ?? t('audit.system')}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.entityType}
                      {nameOf(e) ? `: ${nameOf(e)}` : ''}
                    </td>
                    <td>
                      <details>
                        <summary>{t('audit.showChange')}</summary>
                        <div className="diff">
                          {e.before ? (
                            <>
                              <strong>{t('audit.before')}</strong>
                              <pre>{JSON.stringify(e.before, null, 1)}</pre>
                            </>
                          ) : null}
                          {e.after ? (
                            <>
                              <strong>{t('audit.after')}</strong>
                              <pre>{JSON.stringify(e.after, null, 1)}</pre>
                            </>
                          ) : null}
                        </div>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            total={list.data.total}
            limit={LIMIT}
            offset={offset}
            onChange={setOffset}
            totalIsLowerBound={list.data.totalIsCapped}
          />
        </>
      ) : null}
    </>
  );
}

const nameOf = (e: Event): string => {
  const v = (e.after ?? e.before) as Record<string, unknown> | null;
  const n = v?.name ?? v?.title;
  return typeof n === 'string' ? n : '';
};
