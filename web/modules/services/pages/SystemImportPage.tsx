import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { qs } from '../../../platform/api.js';
import { ErrorSummary, PageHeader } from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { systemsApi, type ImportResult } from '../api.js';

/** Load the region's spreadsheet: check it (preview per row), then import all rows or none. */
export function SystemImportPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setResult(null);
    try {
      setResult(await systemsApi.import(form, dryRun));
      setError(null);
      if (!dryRun) await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('sys.import')} intro={t('sys.import.intro')} />
      <div className="card narrow">
        <p><a href={`/api/systems/import/template.xlsx${qs({ lang })}`} download>{t('sys.import.template')}</a></p>
        <div className="field">
          <label htmlFor="sys-file">{t('sys.import.file')}</label>
          <input id="sys-file" type="file" accept=".xlsx" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setError(null); }} />
        </div>
        <div className="form-actions">
          <button type="button" className="btn" disabled={!file || busy} onClick={() => void run(true)}>{t('sys.import.check')}</button>
          <button type="button" className="btn btn--primary" disabled={!file || busy} onClick={() => void run(false)}>{t('sys.import.run')}</button>
        </div>
        <div aria-live="polite">{busy && file ? <p role="status">{t('sys.import.busy', { name: file.name })}</p> : null}</div>
      </div>
      <ErrorSummary error={error} />
      {result ? (
        <section aria-labelledby="res-h">
          <h2 id="res-h">{result.saved ? t('sys.import.saved') : t('sys.import.notSaved')}</h2>
          <p role="status">{t('sys.import.summary', { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })}</p>
          <div className="table-wrap"><table className="table">
            <thead><tr><th scope="col">{t('sys.import.row')}</th><th scope="col">{t('sys.name')}</th><th scope="col">{t('sys.import.action')}</th></tr></thead>
            <tbody>{result.preview.slice(0, 500).map((p) => <tr key={p.row}><td>{p.row}</td><td>{p.name}</td><td>{t(`importAction.${p.action}` as MessageKey)}</td></tr>)}</tbody>
          </table></div>
        </section>
      ) : null}
    </>
  );
}
