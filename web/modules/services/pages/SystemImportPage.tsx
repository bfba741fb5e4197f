import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { qs, uploadStream } from '../../../platform/api.js';
import { ErrorSummary, PageHeader, SpreadsheetField } from '../../../platform/components.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { ownershipApi, systemsApi, type ImportColumnsDto, type ImportResult } from '../api.js';
import { ServicesNav } from '../components/ownership.js';

/**
 * Load the region's spreadsheet: see how each column is read and choose fields for the others,
 * check it (preview per row), then import all rows or none, with progress while the rows are saved.
 */
export function SystemImportPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<ImportColumnsDto | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const choose = async (f: File | null) => {
    setFile(f);
    setResult(null);
    setError(null);
    setColumns(null);
    setMapping({});
    if (!f) return;
    const form = new FormData();
    form.append('file', f);
    try {
      const cols = await ownershipApi.importColumns(form);
      setColumns(cols);
      setMapping(Object.fromEntries(cols.columns.map((c) => [c.heading, c.field ?? ''])));
    } catch (e) {
      setError(e);
    }
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('mapping', JSON.stringify(mapping));
    form.append('file', file);
    setBusy(true);
    setResult(null);
    setProgress(null);
    try {
      const r = dryRun
        ? await systemsApi.import(form, true)
        : await uploadStream<ImportResult>(
            `/api/systems/import${qs({ dryRun: false })}`,
            form,
            (line) => {
              if (line.progress) setProgress(line.progress as { done: number; total: number });
            },
          );
      setResult(r);
      setError(null);
      if (!dryRun) await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fieldLabel = (f: { sv: string; en: string }) => (lang === 'en' ? f.en : f.sv);
  const taken = (field: string, heading: string) =>
    Object.entries(mapping).some(([h, f]) => f === field && h !== heading);
  return (
    <>
      <ServicesNav />
      <PageHeader title={t('sys.import')} intro={t('sys.import.intro')} />
      <div className="card narrow">
        <p>
          <a href={`/api/systems/import/template.xlsx${qs({ lang })}`} download>
            {t('sys.import.template')}
          </a>
        </p>
        <SpreadsheetField label={t('sys.import.file')} onFile={(f) => void choose(f)} />
      </div>
      {columns ? (
        <section aria-labelledby="map-h">
          <h2 id="map-h">{t('imp.mapping')}</h2>
          <p className="muted">{t('imp.mappingIntro')}</p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('imp.heading')}</th>
                  <th scope="col">{t('imp.field')}</th>
                </tr>
              </thead>
              <tbody>
                {columns.columns.map((c, i) => (
                  <tr key={c.heading}>
                    <th scope="row">
                      <label htmlFor={`map-${i}`}>{c.heading}</label>
                    </th>
                    <td>
                      <select
                        id={`map-${i}`}
                        value={mapping[c.heading] ?? ''}
                        onChange={(e) => setMapping((m) => ({ ...m, [c.heading]: e.target.value }))}
                      >
                        <option value="">{t('imp.ignore')}</option>
                        {columns.fields.map((f) => (
                          <option
                            key={f.field}
                            value={f.field}
                            disabled={taken(f.field, c.heading)}
                          >
                            {fieldLabel(f)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void run(true)}>
              {t('sys.import.check')}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy || (result !== null && !result.saved && result.ambiguous > 0)}
              onClick={() => void run(false)}
            >
              {t('sys.import.run')}
            </button>
          </div>
        </section>
      ) : null}
      <div aria-live="polite">
        {busy && file ? (
          progress ? (
            <p role="status">
              <label htmlFor="imp-progress">
                {t('imp.progress', {
                  done: formatNumber(progress.done),
                  total: formatNumber(progress.total),
                })}
              </label>{' '}
              <progress id="imp-progress" max={progress.total} value={progress.done} />
            </p>
          ) : (
            <p role="status">{t('sys.import.busy', { name: file.name })}</p>
          )
        ) : null}
      </div>
      <ErrorSummary error={error} />
      {result ? (
        <section aria-labelledby="res-h">
          <h2 id="res-h">{result.saved ? t('sys.import.saved') : t('sys.import.notSaved')}</h2>
          <p role="status">
            {t('sys.import.summary', {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </p>
          {result.ambiguous > 0 ? (
            <p className="alert" role="alert">
              {t('sys.import.ambiguousNote', { count: result.ambiguous })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('sys.import.row')}</th>
                  <th scope="col">{t('sys.name')}</th>
                  <th scope="col">{t('sys.import.action')}</th>
                </tr>
              </thead>
              <tbody>
                {result.preview.slice(0, 500).map((p) => (
                  <tr key={p.row}>
                    <td>{p.row}</td>
                    <td>{p.name}</td>
                    <td>
                      {t(`importAction.${p.action}` as MessageKey, {
                        other: p.conflictsWith ?? '',
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
