import { useState } from 'react';
import { useListQuery } from '../../../platform/use-list.js';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { EvidenceCount } from '../../../platform/evidence.js';
import { DECISION_KINDS, DECISION_LEVELS } from '../../../../domain/organization/decision.js';
import { qs } from '../../../platform/api.js';
import { useAuth } from '../../../platform/auth.js';
import {
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  Pager,
  useEnumOptions,
} from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import { DecisionDialog, DecisionTable } from '../components/decisions.js';
import { unitOptions, useTree } from '../components/units.js';

const LIMIT = 25;

/** How often each body was informed on the subject in a year, each count opening its items. */
function InformedCounts({ subject }: { subject: string }) {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const counts = useQuery({
    queryKey: ['decisions', 'informed', subject, year],
    queryFn: () => orgApi.informationCounts({ subject, year }),
  });
  return (
    <section className="card" aria-labelledby="informed-h">
      <h2 id="informed-h">{t('decision.informedTitle', { subject, year })}</h2>
      <div className="field">
        <label htmlFor="informed-year">{t('decision.year')}</label>
        <input
          id="informed-year"
          type="number"
          min={1990}
          max={2100}
          value={year}
          onChange={(e) => setYear(Number(e.target.value) || new Date().getFullYear())}
        />
      </div>
      {counts.isLoading ? (
        <Loading />
      ) : (counts.data?.items ?? []).length === 0 ? (
        <p className="muted">{t('decision.informedNone')}</p>
      ) : (
        (counts.data?.items ?? []).map((c) => (
          <EvidenceCount
            key={c.holderId}
            evidence={c.evidence}
            label={t('decision.informedCount', { name: c.holderName })}
          />
        ))
      )}
    </section>
  );
}

export function DecisionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { units } = useTree();
  const levels = useEnumOptions(DECISION_LEVELS, 'level');
  const kinds = useEnumOptions(DECISION_KINDS, 'decisionKind');
  const [creating, setCreating] = useState(false);
  const { filters, set, offset, setOffset, list } = useListQuery(
    'decisions',
    { q: '', bodyUnitId: '', level: '', kind: '', subject: '', from: '', to: '', sort: '' },
    orgApi.decisions,
    LIMIT,
  );
  const exportUrl = `/api/decisions${qs({ ...filters })}`;
  return (
    <>
      <PageHeader
        title={t('decision.title')}
        intro={t('decision.intro')}
        actions={
          can('org.decision.edit', 'tenant') || can('org.read') ? (
            <>
              <ExportLinks url={exportUrl} />
              {units.some((u) => can('org.decision.edit', { unitPath: u.path })) ? (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setCreating(true)}
                >
                  {t('decision.new')}
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dq">{t('decision.search')}</label>
          <input id="dq" type="search" value={filters.q} onChange={set('q')} />
        </div>
        <div className="field">
          <label htmlFor="db">{t('decision.body')}</label>
          <select id="db" value={filters.bodyUnitId} onChange={set('bodyUnitId')}>
            <option value="">{t('common.all')}</option>
            {unitOptions(units).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dl">{t('decision.level')}</label>
          <select id="dl" value={filters.level} onChange={set('level')}>
            <option value="">{t('common.all')}</option>
            {levels.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dk">{t('decision.kind')}</label>
          <select id="dk" value={filters.kind} onChange={set('kind')}>
            <option value="">{t('common.all')}</option>
            {kinds.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dsub">{t('decision.subjectFilter')}</label>
          <input id="dsub" value={filters.subject} onChange={set('subject')} />
        </div>
        <div className="field">
          <label htmlFor="df">{t('common.from')}</label>
          <input id="df" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="dt">{t('common.to')}</label>
          <input id="dt" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <div className="field">
          <label htmlFor="ds">{t('common.sortBy')}</label>
          <select id="ds" value={filters.sort} onChange={set('sort')}>
            <option value="">{t('decision.decidedOn')} ↓</option>
            <option value="decidedOn">{t('decision.decidedOn')} ↑</option>
            <option value="title">{t('decision.titleField')} A–Ö</option>
            <option value="caseNumber">{t('decision.caseNumber')}</option>
          </select>
        </div>
      </form>
      {filters.subject.trim() ? <InformedCounts subject={filters.subject.trim()} /> : null}
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : list.data ? (
        <>
          <DecisionTable items={list.data.items} />
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      ) : null}
      {creating ? (
        <DecisionDialog
          onClose={() => setCreating(false)}
          onSaved={(d) => void navigate(`/beslut/${d.id}`)}
        />
      ) : null}
    </>
  );
}
