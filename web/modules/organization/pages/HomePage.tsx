import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import { EmptyState, Loading, PageHeader } from '../../../platform/components.js';
import { formatNumber, useI18n } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import { DecisionTable } from '../components/decisions.js';
import { FlagBadges } from '../components/forums.js';
import { useTree } from '../components/units.js';

export function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const allowed = can('org.read');
  const { units } = useTree();
  const forums = useQuery({
    queryKey: ['forums', 'home'],
    queryFn: () => orgApi.forums({ limit: 200 }),
    enabled: allowed,
  });
  const decisions = useQuery({
    queryKey: ['decisions', 'home'],
    queryFn: () => orgApi.decisions({ limit: 5 }),
    enabled: allowed,
  });
  if (!allowed) return <PageHeader title={t('home.title')} intro={t('home.noRole')} />;
  const flagged = (forums.data?.items ?? []).filter((f) => f.flags.length > 0);
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
        {forums.isLoading ? (
          <Loading />
        ) : flagged.length === 0 ? (
          <EmptyState>{t('home.noFlags')}</EmptyState>
        ) : (
          <ul className="plain">
            {flagged.map((f) => (
              <li key={f.id}>
                <Link to={`/forum/${f.id}`}>{f.name}</Link> <FlagBadges flags={f.flags} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t('home.recentDecisions')}</h2>
        {decisions.data ? <DecisionTable items={decisions.data.items} /> : <Loading />}
      </section>
    </>
  );
}
