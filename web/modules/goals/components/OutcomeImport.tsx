import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../platform/api.js';
import { ErrorSummary, SelectField, SpreadsheetField } from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import { usePeriodOptions } from './forms.js';

type Result = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  saved: boolean;
};

/** Download a period's template, fill it in, check it, import it: all rows or none. */
export function OutcomeImport() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const periods = usePeriodOptions();
  const [periodKey, setPeriodKey] = useState(
    () =>
      periods.find((p) => p.value === `${new Date().getFullYear() - 1}-Å`)?.value ??
      periods[0]?.value ??
      '',
  );
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Result | null>(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setResult(null);
    try {
      setResult(await api.upload<Result>(`/api/outcomes/import${qs({ dryRun })}`, form));
      setError(null);
      if (!dryRun) await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card narrow" aria-labelledby="import-h">
      <h2 id="import-h">{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <SelectField
        label={t('goals.period')}
        name="importPeriod"
        value={periodKey}
        onChange={(e) => setPeriodKey(e.target.value)}
        options={periods}
      />
      <p>
        <a href={`/api/outcomes/template.xlsx${qs({ periodKey, lang })}`} download>
          {t('import.template')}
        </a>
      </p>
      <SpreadsheetField
        label={t('import.file')}
        onFile={(f) => {
          setFile(f);
          setResult(null);
          setError(null);
        }}
      />
      <div className="form-actions">
        <button type="button" className="btn" disabled={!file} onClick={() => void run(true)}>
          {t('import.check')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={!file}
          onClick={() => void run(false)}
        >
          {t('import.run')}
        </button>
      </div>
      <ErrorSummary error={error} />
      <div aria-live="polite">
        {result ? (
          <p role="status">
            {t(result.saved ? 'import.saved' : 'import.checked', {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              skipped: result.skipped,
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
