import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { downloadPost, qs, uploadStream } from '../../../platform/api.js';
import {
  ErrorSummary,
  HeadedTable,
  PageHeader,
  Pager,
  SpreadsheetField,
} from '../../../platform/components.js';
import { formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { unitOptions, useTree } from '../../organization/components/units.js';
import {
  systemsApi,
  type ImportChoices,
  type ImportResult,
  type ImportPersonChoice,
} from '../api.js';
import { ServicesNav } from '../components/ownership.js';

const PAGE = 50;

/**
 * A region's own register, as it is (issue 14). Choose the file; the check shows how each column
 * is read, which unit each administration means, which people the owners are, the duplicates and
 * every value that could not be read. Change any of it and check again; then import all or
 * nothing, or everything readable with each problem kept as a to-do on its system.
 */
export function SystemImportPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { units } = useTree();
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({});
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offset, setOffset] = useState(0);
  const [pattern, setPattern] = useState('');

  const formOf = (f: File, c: ImportChoices) => {
    const form = new FormData();
    form.append('choices', JSON.stringify(c));
    form.append('file', f);
    return form;
  };
  const runCheck = async (f: File | null = file, c: ImportChoices = choices) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setCheck(await systemsApi.import(formOf(f, c), { dryRun: true, mode: 'partial' }));
      setOffset(0);
    } catch (e) {
      setError(e);
      setCheck(null);
    } finally {
      setBusy(false);
    }
  };
  const choose = (f: File | null) => {
    setFile(f);
    setChoices({});
    setCheck(null);
    setResult(null);
    if (f) void runCheck(f, {});
  };
  const run = async (mode: 'all' | 'partial') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const r = await uploadStream<ImportResult>(
        `/api/systems/import${qs({ dryRun: false, mode })}`,
        formOf(file, choices),
        (line) => {
          if (line.progress) setProgress(line.progress as { done: number; total: number });
        },
      );
      setResult(r);
      setCheck(null);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const downloadProblems = async () => {
    if (!file) return;
    try {
      await downloadPost(
        `/api/systems/import/problems.xlsx${qs({ mode: 'partial' })}`,
        formOf(file, choices),
        'importproblem.xlsx',
      );
    } catch (e) {
      setError(e);
    }
  };
  const set = <K extends keyof ImportChoices>(key: K, value: ImportChoices[K]) =>
    setChoices((c) => ({ ...c, [key]: value }));
  const unitChoices = useMemo(() => unitOptions(units), [units]);
  const fieldLabel = (f: { sv: string; en: string }) => (lang === 'en' ? f.en : f.sv);
  const newPeople = check?.people.filter((p) => !p.personId && p.how !== 'chosen') ?? [];
  const personChoice = (text: string): ImportPersonChoice | undefined => choices.people?.[text];
  const emailFromPattern = (name: string) => {
    if (!pattern.includes('@')) return '';
    const parts = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    return pattern.replace('fornamn', first).replace('efternamn', last);
  };

  return (
    <>
      <ServicesNav />
      <PageHeader title={t('sys.import')} intro={t('reg.intro')} />
      <div className="card narrow">
        <p>
          <a href={`/api/systems/import/template.xlsx${qs({ lang })}`} download>
            {t('sys.import.template')}
          </a>{' '}
          · <Link to="/it-system/problem">{t('reg.reviewList')}</Link>
        </p>
        <SpreadsheetField label={t('sys.import.file')} onFile={choose} />
      </div>
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

      {check ? (
        <>
          <section aria-labelledby="table-h" className="card">
            <h2 id="table-h">{t('reg.table')}</h2>
            <p role="status">
              {t('reg.found', {
                sheet: check.sheet,
                row: check.headingRow,
                rows: formatNumber(check.rows),
                blank: check.skipped.blank,
                summary: check.skipped.summary,
              })}
            </p>
            {check.sheets.length > 1 ? (
              <p>
                <label htmlFor="reg-sheet">{t('reg.sheet')}</label>{' '}
                <select
                  id="reg-sheet"
                  value={check.sheet}
                  onChange={(e) => {
                    const c = { ...choices, sheet: e.target.value };
                    setChoices(c);
                    void runCheck(file, c);
                  }}
                >
                  {check.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                      {s.hidden ? ` (${t('reg.hidden')})` : ''}
                    </option>
                  ))}
                </select>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="map-h">
            <h2 id="map-h">{t('imp.mapping')}</h2>
            <p className="muted">{t('reg.mappingIntro')}</p>
            <HeadedTable heads={[t('imp.heading'), t('reg.samples'), t('imp.field'), t('reg.how')]}>
              {check.columns.map((c, i) => {
                const value = choices.columns?.[c.heading] ?? c.field ?? '';
                return (
                  <tr key={`${c.column}-${c.heading}`}>
                    <th scope="row">
                      <label htmlFor={`map-${i}`}>{c.heading}</label>{' '}
                      <span className="muted">({c.column})</span>
                    </th>
                    <td className="muted">{c.samples.join(' · ')}</td>
                    <td>
                      <select
                        id={`map-${i}`}
                        value={value}
                        onChange={(e) =>
                          set('columns', {
                            ...choices.columns,
                            [c.heading]: e.target.value as never,
                          })
                        }
                      >
                        <option value="">{t('imp.ignore')}</option>
                        {check.fields.map((f) => (
                          <option key={f.field} value={f.field}>
                            {fieldLabel(f)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{c.how ? t(`reg.how.${c.how}` as MessageKey) : '—'}</td>
                  </tr>
                );
              })}
            </HeadedTable>
          </section>

          {check.units.length ? (
            <section aria-labelledby="units-h">
              <h2 id="units-h">{t('reg.units')}</h2>
              <p className="muted">{t('reg.unitsIntro')}</p>
              <HeadedTable heads={[t('reg.asWritten'), t('reg.rows'), t('reg.unit'), t('reg.how')]}>
                {check.units.map((u, i) => (
                  <tr key={u.text} className={u.unitId ? undefined : 'row--warn'}>
                    <th scope="row">
                      <label htmlFor={`unit-${i}`}>{u.text}</label>
                    </th>
                    <td>{formatNumber(u.rows)}</td>
                    <td>
                      <select
                        id={`unit-${i}`}
                        value={choices.units?.[u.text] ?? u.unitId ?? ''}
                        onChange={(e) =>
                          set('units', { ...choices.units, [u.text]: e.target.value })
                        }
                      >
                        <option value="">{t('reg.noUnit')}</option>
                        {unitChoices.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{u.how ? t(`reg.unitHow.${u.how}` as MessageKey) : t('reg.notFound')}</td>
                  </tr>
                ))}
              </HeadedTable>
            </section>
          ) : null}

          {newPeople.length ? (
            <section aria-labelledby="people-h">
              <h2 id="people-h">{t('reg.people', { count: newPeople.length })}</h2>
              <p className="muted">{t('reg.peopleIntro')}</p>
              <p>
                <label htmlFor="reg-pattern">{t('reg.pattern')}</label>{' '}
                <input
                  id="reg-pattern"
                  value={pattern}
                  placeholder="fornamn.efternamn@region.se"
                  onChange={(e) => setPattern(e.target.value)}
                />{' '}
                <button
                  type="button"
                  className="btn"
                  disabled={!pattern.includes('@')}
                  onClick={() => {
                    const added: Record<string, ImportPersonChoice> = {};
                    for (const p of newPeople)
                      if (p.reading === 'name' && !p.candidates.length)
                        added[p.text] = {
                          name: p.name ?? p.text,
                          email: emailFromPattern(p.name ?? p.text),
                        };
                    set('people', { ...choices.people, ...added });
                  }}
                >
                  {t('reg.applyPattern')}
                </button>
              </p>
              <HeadedTable heads={[t('reg.asWritten'), t('reg.rows'), t('reg.choice')]}>
                {newPeople.map((p, i) => {
                  const c = personChoice(p.text);
                  const creating = typeof c === 'object';
                  return (
                    <tr key={p.text}>
                      <th scope="row">{p.text}</th>
                      <td>{formatNumber(p.rows)}</td>
                      <td>
                        <label htmlFor={`person-${i}`} className="visually-hidden">
                          {t('reg.choiceFor', { name: p.text })}
                        </label>
                        <select
                          id={`person-${i}`}
                          value={creating ? 'create' : (c ?? '')}
                          onChange={(e) => {
                            const v = e.target.value;
                            set('people', {
                              ...choices.people,
                              [p.text]:
                                v === 'create'
                                  ? {
                                      name: p.name ?? p.text,
                                      email: p.email ?? emailFromPattern(p.name ?? p.text),
                                    }
                                  : v,
                            });
                          }}
                        >
                          <option value="">{t('reg.leaveEmpty')}</option>
                          <option value="create">{t('reg.create')}</option>
                          {[...p.candidates, ...p.suggestions].map((x) => (
                            <option key={x.id} value={x.id}>
                              {t('reg.existing', { name: x.name })}
                            </option>
                          ))}
                        </select>
                        {creating ? (
                          <>
                            {' '}
                            <label htmlFor={`email-${i}`}>{t('reg.email')}</label>{' '}
                            <input
                              id={`email-${i}`}
                              type="email"
                              value={c.email}
                              onChange={(e) =>
                                set('people', {
                                  ...choices.people,
                                  [p.text]: { name: c.name, email: e.target.value },
                                })
                              }
                            />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </HeadedTable>
            </section>
          ) : null}

          {check.duplicates.length ? (
            <section aria-labelledby="dup-h">
              <h2 id="dup-h">{t('reg.duplicates', { count: check.duplicates.length })}</h2>
              <p className="muted">{t('reg.duplicatesIntro')}</p>
              <HeadedTable heads={[t('reg.rowsSideBySide'), t('reg.choice')]}>
                {check.duplicates.map((d, i) => (
                  <tr key={d.key}>
                    <td>
                      <ul className="plain">
                        {d.existing ? (
                          <li>
                            {t('reg.inRegister')}: <strong>{d.existing.name}</strong>
                          </li>
                        ) : null}
                        {d.rows.map((r) => (
                          <li key={r.row}>
                            {t('sys.import.row')} {r.row}: <strong>{r.name}</strong>
                            {r.administration ? ` (${r.administration})` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <fieldset>
                        <legend className="visually-hidden">
                          {t('reg.choiceFor', { name: d.rows[0]?.name ?? '' })}
                        </legend>
                        {(['merge', 'both'] as const).map((v) => (
                          <label key={v} className="radio">
                            <input
                              type="radio"
                              name={`dup-${i}`}
                              value={v}
                              checked={(choices.duplicates?.[d.key] ?? d.choice) === v}
                              onChange={() =>
                                set('duplicates', { ...choices.duplicates, [d.key]: v })
                              }
                            />{' '}
                            {t(`reg.dup.${v}` as MessageKey)}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                ))}
              </HeadedTable>
            </section>
          ) : null}

          <section aria-labelledby="fig-h" className="card">
            <h2 id="fig-h">{t('reg.figures')}</h2>
            <p role="status">
              {t('reg.plan', {
                created: formatNumber(check.created),
                updated: formatNumber(check.updated),
                unchanged: formatNumber(check.unchanged),
                merged: formatNumber(check.merged),
                notImported: formatNumber(check.notImported),
              })}
            </p>
            <dl className="facts">
              <dt>{t('reg.fig.owners')}</dt>
              <dd>
                {t('reg.fig.ownersText', {
                  email: check.figures.owners.email,
                  known: check.figures.owners.knownName,
                  fresh: check.figures.owners.newName,
                  role: check.figures.owners.role,
                  several: check.figures.owners.several,
                  missing: check.figures.owners.missing,
                })}
              </dd>
              <dt>{t('reg.fig.noDpa')}</dt>
              <dd>{formatNumber(check.figures.personalDataWithoutDpa)}</dd>
              <dt>{t('reg.fig.contractsEnding')}</dt>
              <dd>{formatNumber(check.figures.contractsEnding)}</dd>
              <dt>{t('reg.fig.cost')}</dt>
              <dd>
                {formatNumber(Math.round(check.figures.costTotal))} kr
                {check.figures.approximateCosts
                  ? ` (${t('reg.fig.approximate', { count: check.figures.approximateCosts })})`
                  : ''}
              </dd>
              <dt>{t('sys.category')}</dt>
              <dd>{countsText(check.figures.byCategory, 'sysCategory', t)}</dd>
              <dt>{t('sys.lifecycle')}</dt>
              <dd>{countsText(check.figures.byLifecycle, 'lifecycle', t)}</dd>
            </dl>
          </section>

          <section aria-labelledby="prob-h">
            <h2 id="prob-h">{t('reg.problems', { count: formatNumber(check.problems.length) })}</h2>
            {check.problems.length ? (
              <>
                <p>
                  <button type="button" className="btn" onClick={() => void downloadProblems()}>
                    {t('reg.downloadProblems')}
                  </button>
                </p>
                <HeadedTable
                  heads={[t('sys.import.row'), t('imp.heading'), t('reg.value'), t('reg.reason')]}
                >
                  {check.problems.slice(offset, offset + PAGE).map((p, i) => (
                    <tr key={`${p.row}-${p.field}-${i + offset}`}>
                      <td>{p.row}</td>
                      <td>{p.heading || '—'}</td>
                      <td>{p.value}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </HeadedTable>
                <Pager
                  total={check.problems.length}
                  limit={PAGE}
                  offset={offset}
                  onChange={setOffset}
                />
              </>
            ) : (
              <p>{t('reg.noProblems')}</p>
            )}
          </section>

          <div className="form-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void runCheck()}>
              {t('reg.checkAgain')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy || check.blocking > 0}
              title={
                check.blocking > 0 ? t('reg.allBlocked', { count: check.blocking }) : undefined
              }
              onClick={() => void run('all')}
            >
              {t('reg.runAll')}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void run('partial')}
            >
              {t('reg.runPartial')}
            </button>
          </div>
          {check.blocking > 0 ? (
            <p className="muted">{t('reg.allBlocked', { count: check.blocking })}</p>
          ) : null}
        </>
      ) : null}

      {result ? (
        <section aria-labelledby="res-h" className="card">
          <h2 id="res-h">{t('sys.import.saved')}</h2>
          <p role="status">
            {t('reg.done', {
              created: formatNumber(result.created),
              updated: formatNumber(result.updated),
              unchanged: formatNumber(result.unchanged),
              withProblems: formatNumber(result.withProblems),
              merged: formatNumber(result.merged),
              notImported: formatNumber(result.notImported),
            })}
          </p>
          <p>
            <Link to="/it-system/problem">{t('reg.reviewList')}</Link> ·{' '}
            <Link to="/it-system?flag=import_problems">{t('reg.systemsWithProblems')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}

function countsText(
  counts: Record<string, number>,
  prefix: string,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
) {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => {
      const label = ['unknown', 'unread', 'blank'].includes(k)
        ? t(`reg.count.${k}` as MessageKey)
        : t(`${prefix}.${k}` as MessageKey);
      return `${label} ${formatNumber(n)}`;
    })
    .join(' · ');
}
