import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, EmptyState, LoadError, Loading } from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { goalsApi, type GoalDto } from '../api.js';

/**
 * Målstyrningskedjan for a year: each impact goal with the boards' result goals that serve it, and
 * their sub-goals; result goals that serve no impact goal are listed apart, since that is a gap.
 */
export function GoalChain({ year, ownerUnitId }: { year: string; ownerUnitId: string }) {
  const { t } = useI18n();
  const all = useQuery({
    queryKey: ['goals', 'chain', year],
    queryFn: () => goalsApi.goals({ year, limit: 200 }),
  });
  if (all.isLoading) return <Loading />;
  if (all.error || !all.data) return <LoadError error={all.error} />;
  const goals = all.data.items;
  const childrenOf = (id: string) => goals.filter((g) => g.parentGoalIds.includes(id));
  const visible = (g: GoalDto): boolean =>
    !ownerUnitId || g.ownerUnitId === ownerUnitId || childrenOf(g.id).some(visible);
  const item = (g: GoalDto, depth: number): React.ReactNode =>
    visible(g) ? (
      <li key={`${g.id}-${depth}`}>
        <Link to={`/mal/${g.id}`}>{g.title}</Link>{' '}
        <span className="muted small">
          {t(`goalLevel.${g.level}` as MessageKey)} · {g.ownerUnitName} ·{' '}
          {t('goals.indicatorCount')}: {g.indicatorCount}
        </span>{' '}
        {g.flags.map((f) => (
          <Badge key={f} tone="warn">
            {t(`goals.flag.${f}` as MessageKey)}
          </Badge>
        ))}
        {depth < 3 && childrenOf(g.id).length ? (
          <ul>{childrenOf(g.id).map((c) => item(c, depth + 1))}</ul>
        ) : null}
      </li>
    ) : null;
  const impacts = goals.filter((g) => g.level === 'impact');
  const unlinked = goals.filter(
    (g) =>
      g.level === 'result' &&
      g.parentGoalIds.length === 0 &&
      (!ownerUnitId || g.ownerUnitId === ownerUnitId),
  );
  if (goals.length === 0) return <EmptyState>{t('common.noMatches')}</EmptyState>;
  return (
    <section aria-labelledby="chain-h">
      <h2 id="chain-h">{t('goals.chain')}</h2>
      <ul className="tree">{impacts.map((g) => item(g, 0))}</ul>
      {unlinked.length ? (
        <>
          <h3>{t('goals.unlinked')}</h3>
          <ul className="tree">{unlinked.map((g) => item(g, 1))}</ul>
        </>
      ) : null}
    </section>
  );
}
