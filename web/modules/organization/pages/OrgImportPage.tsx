import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../platform/api.js';
import { ErrorSummary, PageHeader, SpreadsheetField } from '../../../platform/components.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';

type Action = 'create' | 'update' | 'unchanged';
type Counts = { rows: number; created: number; updated: number; unchanged: number };
export type OrgImportResult = {
  saved: boolean;
  units:
    | (Counts & {
        preview: { row: number; code: string; name: string; action: Action }[];
        missing: { id: string; code: string; name: string }[];
      })
    | null;
  people:
    | (Counts & {
        preview: { row: number; email: string; name: string; action: Action }[];
        missing: { id: string; email: string; name: string }[];
      })
    | null;
};

/**
 * The organisation and its people from the region's HR export: check the file (what each row
 * creates or changes, and what a later file no longer has), then import all rows or none.
 */
export function OrgImportPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<OrgImportResult | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setResult(null);
    try {
      setResult(
        await api.upload<OrgImportResult>(`/api/organisation/import${qs({ dryRun })}`, form),
      );
      setError(null);
      if (!dryRun) await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const action = (a: Action) => t(`orgImport.action.${a}` as MessageKey);
  return (
    <>
      <p>
        <Link to="/organisation">{t('orgImport.back')}</Link>
      </p>
      <PageHeader title={t('orgImport.title')} intro={t('orgImport.intro')} />
      <div className="card narrow">
        <p>
          <a href={`/api/organisation/import/template.xlsx${qs({ lang })}`} download>
            {t('orgImport.template')}
          </a>
        </p>
        <SpreadsheetField
          label={t('orgImport.file')}
          onFile={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
          }}
        />
        <div className="form-actions">
          <button
            type="button"
            className="btn"
            disabled={busy || !file}
            onClick={() => void run(true)}
          >
            {t('orgImport.check')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy || !file}
            onClick={() => void run(false)}
          >
            {t('orgImport.run')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {busy && file ? <p role="status">{t('orgImport.busy', { name: file.name })}</p> : null}
      </div>
      <ErrorSummary error={error} />
      {result ? (
        <section aria-labelledby="org-res-h">
          <h2 id="org-res-h">{result.saved ? t('orgImport.saved') : t('orgImport.notSaved')}</h2>
          {result.units ? (
            <>
              <h3>{t('orgImport.units')}</h3>
              <p role="status">{t('orgImport.summary', fmt(result.units))}</p>
              <PreviewTable
                keyLabel={t('orgImport.code')}
                rows={result.units.preview.map((p) => ({ ...p, key: p.code }))}
                action={action}
              />
              {result.units.missing.length ? (
                <>
                  <h4>{t('orgImport.missingUnits')}</h4>
                  <ul>
                    {result.units.missing.map((u) => (
                      <li key={u.id}>
                        <Link to={`/organisation/${u.id}`}>
                          {u.code} {u.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
          {result.people ? (
            <>
              <h3>{t('orgImport.people')}</h3>
              <p role="status">{t('orgImport.summary', fmt(result.people))}</p>
              <PreviewTable
                keyLabel={t('orgImport.email')}
                rows={result.people.preview.map((p) => ({ ...p, key: p.email }))}
                action={action}
              />
              {result.people.missing.length ? (
                <>
                  <h4>{t('orgImport.missingPeople')}</h4>
                  <p className="muted">
                    {result.people.missing
                      .slice(0, 200)
                      .map((p) => `${p.name} (${p.email})`)
                      .join(', ')}
                  </p>
                </>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** What each row of a sheet will do, the first thousand rows. */
function PreviewTable({
  keyLabel,
  rows,
  action,
}: {
  keyLabel: string;
  rows: { row: number; key: string; name: string; action: Action }[];
  action: (a: Action) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('orgImport.row')}</th>
            <th scope="col">{keyLabel}</th>
            <th scope="col">{t('orgImport.name')}</th>
            <th scope="col">{t('orgImport.what')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 1000).map((p) => (
            <tr key={p.row}>
              <td>{p.row}</td>
              <td>{p.key}</td>
              <td>{p.name}</td>
              <td>{action(p.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const fmt = (c: Counts) => ({
  rows: formatNumber(c.rows),
  created: formatNumber(c.created),
  updated: formatNumber(c.updated),
  unchanged: formatNumber(c.unchanged),
});
