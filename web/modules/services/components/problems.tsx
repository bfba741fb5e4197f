import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EmptyState, ErrorSummary, LoadError, Loading } from '../../../platform/components.js';
import { useConfirm } from '../../../platform/confirm.js';
import { useI18n } from '../../../platform/i18n.js';
import { systemsApi, type ProblemDto } from '../api.js';

/** One system's open import problems, with a way to dismiss each (the fix is to edit the system). */
export function SystemProblems({
  systemId,
  mayEdit,
  count,
}: {
  systemId: string;
  mayEdit: boolean;
  count: number;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { confirm, confirmDialog } = useConfirm();
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: ['system', systemId, 'problems', count],
    queryFn: () => systemsApi.systemProblems(systemId),
  });
  const dismiss = async (p: ProblemDto) => {
    if (!(await confirm(t('reg.dismissConfirm'), t('reg.dismiss')))) return;
    try {
      await systemsApi.dismissProblem(systemId, p.id, p.version);
      setError(null);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="sys-problems-h" className="card card--warn">
      {confirmDialog}
      <h2 id="sys-problems-h">{t('reg.openOnSystem', { count })}</h2>
      <p className="muted">{t('reg.reviewIntro')}</p>
      <ErrorSummary error={error} />
      {list.isLoading ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data ? (
        list.data.items.length ? (
          <ul className="plain">
            {list.data.items.map((p) => (
              <li key={p.id}>
                {p.message}{' '}
                {mayEdit ? (
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t('reg.dismissFor', { message: p.message })}
                    onClick={() => void dismiss(p)}
                  >
                    {t('reg.dismiss')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('reg.empty')}</EmptyState>
        )
      ) : null}
    </section>
  );
}
