import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { EvidenceCount } from '../../../platform/evidence.js';
import { LoadError, Loading } from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { goalsApi } from '../api.js';

/**
 * The year's goal counts per board, and the gaps, each as a figure that opens the records behind
 * it (GET /api/goal-counts, the same read queries readiness checks cite).
 */
export function GoalCounts({ year }: { year: number }) {
  const { t } = useI18n();
  const counts = useQuery({
    queryKey: ['goal-counts', year],
    queryFn: () => goalsApi.goalCounts(year),
    placeholderData: keepPreviousData,
  });
  if (counts.isLoading) return <Loading />;
  if (counts.error || !counts.data) return <LoadError error={counts.error} />;
  const { bodies, gaps } = counts.data;
  const columns = [
    'goals',
    'digitalisationGoals',
    'withDigitalisationIndicator',
    'focusAreas',
    'strategicPlans',
  ] as const;
  const gapKeys = [
    'goalsWithoutIndicator',
    'indicatorsWithoutUnit',
    'indicatorsWithoutDataSource',
    'goalsWithExpiredDocument',
    'draftAssessments',
  ] as const;
  return (
    <section aria-labelledby="counts-h">
      <h2 id="counts-h">{t('counts.title', { year })}</h2>
      <p className="muted">{t('counts.intro')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('counts.board')}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {t(`counts.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => (
              <tr key={b.bodyId}>
                <th scope="row">{b.bodyName}</th>
                {columns.map((c) => (
                  <td key={c}>
                    <EvidenceCount evidence={b[c]} label={t(`counts.${c}`)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('counts.gaps', { year })}</h3>
      <ul className="plain">
        {gapKeys.map((k) => (
          <li key={k}>
            <EvidenceCount evidence={gaps[k]} label={t(`counts.${k}`)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
