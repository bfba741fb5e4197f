import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import { EmptyState, Loading, PageHeader } from '../../../platform/components.js';
import { EvidenceCount } from '../../../platform/evidence.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import { DecisionTable } from '../components/decisions.js';
import { useTree } from '../components/units.js';

export function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const allowed = can('org.read');
  const { units } = useTree();
  const forums = useQuery({
    queryKey: ['forums', 'home'],
    queryFn: () => orgApi.forums({ limit: 200, status: 'current' }),
    enabled: allowed,
  });
  const overview = useQuery({
    queryKey: ['forums', 'overview'],
    queryFn: () => orgApi.forumOverview(),
    enabled: allowed,
  });
  const decisions = useQuery({
    queryKey: ['decisions', 'home'],
    queryFn: () => orgApi.decisions({ limit: 5 }),
    enabled: allowed,
  });
  if (!allowed) return <PageHeader title={t('home.title')} intro={t('home.noRole')} />;
  return (
    <>
      <PageHeader title={t('home.title')} />
      <div className="stats">
        <Link className="stat" to="/organisation">
          <span className="stat__value">{formatNumber(units.length)}</span>
          <span className="stat__label">{t('home.units')}</span>
        </Link>
        <Link className="stat" to="/forum">
          <span className="stat__value">{formatNumber(forums.data?.total ?? 0)}</span>
          <span className="stat__label">{t('home.forums')}</span>
        </Link>
        <Link className="stat" to="/beslut">
          <span className="stat__value">{formatNumber(decisions.data?.total ?? 0)}</span>
          <span className="stat__label">{t('home.decisions')}</span>
        </Link>
      </div>
      <section aria-labelledby="flag-h" className="card">
        <h2 id="flag-h">{t('home.flaggedForums')}</h2>
        {overview.isLoading || !overview.data ? (
          <Loading />
        ) : overview.data.flags.every((f) => f.evidence.figure === 0) ? (
          <EmptyState>{t('home.noFlags')}</EmptyState>
        ) : (
          <>
            {overview.data.flags.map((f) => (
              <EvidenceCount
                key={f.flag}
                evidence={f.evidence}
                label={t(`home.flagCount.${f.flag}` as MessageKey)}
              />
            ))}
            <p>
              <Link to="/forum">{t('home.allForums')}</Link>
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="stage-h" className="card">
        <h2 id="stage-h">{t('home.forumStages')}</h2>
        {overview.data
          ? overview.data.statuses.map((s) => (
              <EvidenceCount
                key={s.status}
                evidence={s.evidence}
                label={t(`status.${s.status}` as MessageKey)}
              />
            ))
          : null}
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t('home.recentDecisions')}</h2>
        {decisions.data ? <DecisionTable items={decisions.data.items} /> : <Loading />}
      </section>
    </>
  );
}
