import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import {
  EmptyState,
  ErrorSummary,
  FormActions,
  LoadError,
  Loading,
  PageHeader,
  TextField,
} from '../../../platform/components.js';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  useI18n,
  type MessageKey,
} from '../../../platform/i18n.js';
import { useTree } from '../../organization/components/units.js';
import { documentsApi } from '../api.js';
import { DocumentDialog } from '../components/DocumentDialog.js';
import { DocumentFlags, useAdopterWord } from '../components/flags.js';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { byId } = useTree();
  const doc = useQuery({ queryKey: ['document', id], queryFn: () => documentsApi.get(id) });
  const versions = useQuery({
    queryKey: ['document', id, 'versions'],
    queryFn: () => documentsApi.versions(id),
  });
  const adopterWord = useAdopterWord();
  const [editing, setEditing] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  if (doc.isLoading) return <Loading />;
  if (doc.error || !doc.data) return <LoadError error={doc.error} />;
  const d = doc.data;
  const path = byId.get(d.ownerUnitId)?.path;
  const mayEdit = path ? can('documents.edit', { unitPath: path }) : false;
  const upload = async (form: HTMLFormElement) => {
    try {
      await documentsApi.upload(d.id, new FormData(form));
      form.reset();
      setUploadError(null);
      await qc.invalidateQueries({ queryKey: ['document', id] });
    } catch (e) {
      setUploadError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={d.title}
        intro={`${d.type} · ${t(`docState.${d.state}` as MessageKey)} · ${d.ownerUnitName}`}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <div role="group" aria-label={t('forum.flags')} className="badges">
        <DocumentFlags doc={d} />
      </div>
      <dl className="facts">
        <dt>{t('docs.adoptedBy')}</dt>
        <dd>
          {adopterWord(d)} ({t(`adoptionLevel.${d.adoptionLevel}` as MessageKey)})
        </dd>
        <dt>{t('docs.adoptionDecision')}</dt>
        <dd>
          {d.adoptionDecisionId ? (
            <>
              <Link to={`/beslut/${d.adoptionDecisionId}`}>{t('decision.title')}</Link>
              {d.decisionAdoptionLevel ? (
                <span className="muted small">
                  {' '}
                  ·{' '}
                  {t('docs.decisionLevel', {
                    level: t(`adoptionLevel.${d.decisionAdoptionLevel}` as MessageKey),
                  })}
                </span>
              ) : null}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('docs.adoptedOn')}</dt>
        <dd>{d.adoptedOn ? formatDate(d.adoptedOn) : t('docs.unknown')}</dd>
        <dt>{t('docs.valid')}</dt>
        <dd>
          {d.validFrom ? formatDate(d.validFrom) : t('docs.unknown')} –{' '}
          {d.validTo ? formatDate(d.validTo) : ''}
        </dd>
        <dt>{t('docs.followUp')}</dt>
        <dd>
          {d.followUpText || d.followUpsPerYear !== null || d.followUpWhen ? (
            <>
              {d.followUpText ? <span className="prewrap">{d.followUpText}</span> : null}
              {d.followUpsPerYear !== null ? (
                <div>{t('docs.timesPerYear', { n: formatNumber(d.followUpsPerYear) })}</div>
              ) : null}
              {d.followUpWhen ? <div>{d.followUpWhen}</div> : null}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('docs.reviewOn')}</dt>
        <dd>{formatDate(d.reviewOn)}</dd>
        <dt>{t('docs.goals')}</dt>
        <dd>
          {d.goals.length ? (
            <ul className="plain">
              {d.goals.map((g) => (
                <li key={g.id}>
                  <Link to={`/mal/${g.id}`}>{g.title}</Link>
                  {g.withoutOverarching ? (
                    <span className="muted small"> · {t('docs.ownGoal')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        {d.supersededById ? (
          <>
            <dt>{t('docs.supersededBy')}</dt>
            <dd>
              <Link to={`/styrdokument/${d.supersededById}`}>{t('docs.title')}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {d.description ? <p className="prewrap">{d.description}</p> : null}
      <section aria-labelledby="ver-h">
        <h2 id="ver-h">{t('docs.versions')}</h2>
        {versions.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('docs.versionColumn')}</th>
                  <th scope="col">{t('docs.fileColumn')}</th>
                  <th scope="col">{t('forum.checksum')}</th>
                  <th scope="col">{t('goals.enteredBy')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.items.map((v) => (
                  <tr key={v.id}>
                    <td>
                      {v.label}
                      {v.note ? <div className="small muted">{v.note}</div> : null}
                    </td>
                    <td>
                      <a href={`/api/attachments/${v.attachment.id}`}>{v.attachment.filename}</a>{' '}
                      <span className="muted small">
                        ({formatNumber(Math.ceil(v.attachment.size / 1024))} kB)
                      </span>
                    </td>
                    <td className="small mono">{v.attachment.sha256.slice(0, 16)}…</td>
                    <td className="small">
                      {v.createdByName} {formatDateTime(v.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('docs.noVersions')}</EmptyState>
        )}
        {mayEdit ? (
          <form
            className="card narrow"
            aria-labelledby="up-h"
            onSubmit={(e) => {
              e.preventDefault();
              void upload(e.currentTarget);
            }}
          >
            <h3 id="up-h">{t('docs.uploadVersion')}</h3>
            <ErrorSummary error={uploadError} />
            <TextField label={t('docs.versionLabel')} name="label" />
            <TextField label={t('docs.versionNote')} name="note" />
            <TextField
              label={t('docs.file')}
              name="file"
              type="file"
              required
              accept=".pdf,.doc,.docx,.odt,.xlsx,.pptx,.txt"
            />
            <FormActions submitLabel={t('docs.uploadVersion')} />
          </form>
        ) : null}
      </section>
      {editing ? <DocumentDialog doc={d} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
