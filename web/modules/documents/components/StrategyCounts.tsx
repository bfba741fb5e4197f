import { useQuery } from '@tanstack/react-query';
import { EvidenceCount } from '../../../platform/evidence.js';
import { LoadError, Loading } from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { documentsApi } from '../api.js';

/** Per body, the politically adopted, current strategies: each figure opens its strategies. */
export function StrategyCounts() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['documents', 'strategy-counts'],
    queryFn: documentsApi.strategyCounts,
  });
  return (
    <section aria-labelledby="sc-h" className="card">
      <h2 id="sc-h">{t('docs.strategyCounts')}</h2>
      <p className="muted small">{t('docs.strategyCountsIntro')}</p>
      {q.isLoading ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} /> : null}
      <ul className="plain">
        {(q.data?.items ?? []).map((c) => (
          <li key={c.bodyId ?? 'unknown'}>
            <EvidenceCount
              evidence={c.evidence}
              label={t('docs.strategiesOf', { body: c.bodyName ?? t('docs.unknownBody') })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per flag raised in the register, the documents that raise it. */
export function FlagCounts() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['documents', 'flag-counts'], queryFn: documentsApi.flagCounts });
  const raised = (q.data?.items ?? []).filter((c) => c.evidence.figure > 0);
  if (!raised.length) return null;
  return (
    <section aria-labelledby="fc-h" className="card">
      <h2 id="fc-h">{t('docs.flagCounts')}</h2>
      <ul className="plain">
        {raised.map((c) => (
          <li key={c.flag}>
            <EvidenceCount
              evidence={c.evidence}
              label={t('docs.documentsWith', { flag: t(`docFlag.${c.flag}` as MessageKey) })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
