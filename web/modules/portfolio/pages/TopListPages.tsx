import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EFFECT_LEVELS, TOP_STATUSES } from '../../../../domain/portfolio/toplist.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  FormActions,
  LoadError,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { EvidenceCount } from '../../../platform/evidence.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { num, useFormAction } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { documentsApi } from '../../documents/api.js';
import { portfolioApi, roadmapApi, type TopListDto } from '../api.js';
import { PortfolioNav } from '../components.js';

const STATUS_TONE = { ongoing: 'info', paused: 'warn', closed: 'ok' } as const;
const thisYear = () => new Date().getFullYear();

/**
 * Top lists: several a year, each adopted by a decision, its entries with their expected effects,
 * followed up at a planned pace ("n av m uppföljningar genomförda <år>"). An entry the latest
 * follow-up gave no status shows "status saknas", never an earlier status.
 */
export function TopPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [search, setSearch] = useSearchParams();
  const mayEdit = can('portfolio.edit', 'tenant');
  const all = useQuery({
    queryKey: ['top-lists', 'all'],
    queryFn: () => roadmapApi.topLists({}),
  });
  const wantedList = all.data?.items.find((l) => l.id === search.get('lista'));
  const year = Number(search.get('ar')) || wantedList?.year || thisYear();
  const years = [
    ...new Set([thisYear(), year, ...(all.data?.items ?? []).map((l) => l.year)]),
  ].sort((a, b) => b - a);
  const lists = (all.data?.items ?? []).filter((l) => l.year === year);
  const [dialog, setDialog] = useState<
    | { kind: 'create' }
    | { kind: 'edit'; list: TopListDto }
    | { kind: 'follow'; list: TopListDto }
    | null
  >(null);
  return (
    <>
      <PortfolioNav />
      <PageHeader
        title={t('pf.top')}
        intro={t('pf.topIntro')}
        actions={
          mayEdit ? (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('pf.newTopList')}
            </button>
          ) : null
        }
      />
      <div className="filters">
        <div className="field">
          <label htmlFor="top-year">{t('pf.topYear')}</label>
          <select id="top-year" value={year} onChange={(e) => setSearch({ ar: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {all.isLoading ? (
        <Loading />
      ) : all.error ? (
        <LoadError error={all.error} />
      ) : lists.length === 0 ? (
        <EmptyState>{t('pf.noTopLists', { year })}</EmptyState>
      ) : (
        lists.map((l) => (
          <TopListCard
            key={l.id}
            list={l}
            mayEdit={mayEdit}
            onEdit={() => setDialog({ kind: 'edit', list: l })}
            onFollowUp={() => setDialog({ kind: 'follow', list: l })}
          />
        ))
      )}
      {dialog?.kind === 'create' ? (
        <TopListDialog year={year} onClose={() => setDialog(null)} />
      ) : dialog?.kind === 'edit' ? (
        <TopListDialog year={year} list={dialog.list} onClose={() => setDialog(null)} />
      ) : dialog?.kind === 'follow' ? (
        <FollowUpDialog list={dialog.list} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function TopListCard({
  list: l,
  mayEdit,
  onEdit,
  onFollowUp,
}: {
  list: TopListDto;
  mayEdit: boolean;
  onEdit: () => void;
  onFollowUp: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const headingId = `top-${l.id}`;
  const latest = l.followUps.at(-1);
  const d = l.decision;
  const cadence =
    l.cadenceSource === 'document' && l.cadenceDocument
      ? t('pf.cadenceFrom.document', { document: l.cadenceDocument.title })
      : t(`pf.cadenceFrom.${l.cadenceSource}` as MessageKey);
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{l.name}</h2>
      <p>
        {d ? (
          <>
            {t('pf.topDecision')}:{' '}
            {[d.bodyShortName, formatDate(d.decidedOn), d.paragraph ? `§ ${d.paragraph}` : null]
              .filter(Boolean)
              .join(' ')}{' '}
            – {d.title} <Badge tone="neutral">{t(`level.${d.level}` as MessageKey)}</Badge>
          </>
        ) : (
          <Badge tone="warn">{t('pf.topDecisionNone')}</Badge>
        )}
      </p>
      <div role="status">
        <EvidenceCount
          evidence={l.held}
          label={t('pf.heldOf', { planned: l.planned, year: l.year })}
        />{' '}
        <span className="small muted">({cadence})</span>{' '}
        {l.behind ? <Badge tone="bad">{t('pf.behind', { due: l.due })}</Badge> : null}
      </div>
      {mayEdit ? (
        <div className="form-actions">
          <button type="button" className="btn" onClick={onEdit}>
            {t('pf.editTopList')}
          </button>
          {l.entries.length ? (
            <button type="button" className="btn btn--primary" onClick={onFollowUp}>
              {t('pf.recordFollowUp')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn"
            onClick={async () => {
              await roadmapApi.updateTopList(l.id, { version: l.version, archived: true });
              await qc.invalidateQueries({ queryKey: ['top-lists'] });
            }}
          >
            {t('pf.archiveList')}
          </button>
        </div>
      ) : null}
      {l.entries.length === 0 ? (
        <EmptyState>{t('pf.noEntries')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="small muted">
              {latest
                ? t('pf.lastFollowUp', { date: formatDate(latest.heldOn) })
                : t('pf.noFollowUp')}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('pf.titleField')}</th>
                <th scope="col">{t('pf.expectedEffects')}</th>
                <th scope="col">{t('pf.topStatus')}</th>
                <th scope="col">{t('pf.effects')}</th>
                <th scope="col">{t('pf.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {l.entries.map((e, k) => (
                <tr key={e.initiativeId}>
                  <td>{k + 1}</td>
                  <td>
                    <Link to={`/portfolj/${e.initiativeId}`}>{e.title}</Link>
                  </td>
                  <td>
                    {e.expectedEffects ?? (e.benefits.length ? null : '—')}
                    {e.benefits.length ? (
                      <ul className="plain small">
                        {e.benefits.map((b) => (
                          <li key={b.id}>{b.measure}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>
                    {!e.latest ? (
                      '—'
                    ) : e.latest.status ? (
                      <Badge tone={STATUS_TONE[e.latest.status]}>
                        {t(`topStatus.${e.latest.status}`)}
                      </Badge>
                    ) : (
                      <Badge tone="warn">{t('pf.statusMissing')}</Badge>
                    )}
                  </td>
                  <td>
                    {e.latest?.effects ? t(`effectLevel.${e.latest.effects}`) : '—'}
                    {e.latest?.effectsReached != null ? ` (${e.latest.effectsReached} %)` : ''}
                  </td>
                  <td>{e.latest?.comment ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {l.followUps.length ? (
        <details>
          <summary>
            {t('pf.followUps')} ({l.followUps.length})
          </summary>
          <ul className="plain">
            {[...l.followUps].reverse().map((f) => (
              <li key={f.id}>
                {formatDate(f.heldOn)}
                {f.forum ? ` · ${f.forum}` : ''} ·{' '}
                {f.entries
                  .map(
                    (x) =>
                      `${l.entries.find((e) => e.initiativeId === x.initiativeId)?.title ?? '—'}: ${
                        x.status ? t(`topStatus.${x.status}`) : t('pf.statusMissing')
                      }`,
                  )
                  .join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function TopListDialog({
  list,
  year,
  onClose,
}: {
  list?: TopListDto;
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const initiatives = useQuery({
    queryKey: ['initiatives', 'all-for-top'],
    queryFn: () => portfolioApi.list({ limit: 200 }),
  });
  const documents = useQuery({
    queryKey: ['documents', 'options'],
    queryFn: () => documentsApi.list({ limit: 200 }),
  });
  const [chosen, setChosen] = useState<string[]>(list?.entries.map((e) => e.initiativeId) ?? []);
  const titles = new Map((initiatives.data?.items ?? []).map((i) => [i.id, i.title]));
  for (const e of list?.entries ?? []) titles.set(e.initiativeId, e.title);
  const form = useFormAction(
    async (v) => {
      const body = {
        name: v.name ?? '',
        year: num(v.year),
        decisionId: v.decisionId,
        followUpsPerYear: v.followUpsPerYear ? num(v.followUpsPerYear) : null,
        cadenceDocumentId: v.cadenceDocumentId,
        entries: chosen.map((id) => ({
          initiativeId: id,
          expectedEffects: v[`effects-${id}`],
          benefitIds:
            list?.entries.find((e) => e.initiativeId === id)?.benefits.map((b) => b.id) ?? [],
        })),
      };
      if (list) await roadmapApi.updateTopList(list.id, { version: list.version, ...body });
      else await roadmapApi.createTopList(body);
    },
    () => {
      void qc.invalidateQueries({ queryKey: ['top-lists'] });
      onClose();
    },
  );
  return (
    <Dialog title={list ? t('pf.editTopList') : t('pf.newTopList')} open onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary error={form.error} />
        <div className="row">
          <TextField
            label={t('pf.topName')}
            name="name"
            required
            defaultValue={list?.name ?? ''}
            error={form.fe.name}
          />
          <TextField
            label={t('pf.topYear')}
            name="year"
            type="number"
            min={2000}
            max={2100}
            required
            defaultValue={list?.year ?? year}
            error={form.fe.year}
          />
        </div>
        <DecisionSelect
          label={t('pf.topDecision')}
          name="decisionId"
          defaultValue={list?.decisionId ?? ''}
          error={form.fe.decisionId}
        />
        <div className="row">
          <TextField
            label={t('pf.followUpsPerYear')}
            hint={t('pf.followUpsPerYearHint')}
            name="followUpsPerYear"
            type="number"
            min={1}
            max={52}
            defaultValue={list?.followUpsPerYear ?? ''}
            error={form.fe.followUpsPerYear}
          />
          <SelectField
            label={t('pf.cadenceDocument')}
            name="cadenceDocumentId"
            emptyLabel="—"
            defaultValue={list?.cadenceDocumentId ?? ''}
            options={(documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }))}
            error={form.fe.cadenceDocumentId}
          />
        </div>
        <SelectField
          label={t('pf.topChoose')}
          name="initiativeIds"
          multiple
          size={8}
          value={chosen}
          onChange={(e) =>
            setChosen(Array.from(e.currentTarget.selectedOptions).map((o) => o.value))
          }
          options={(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
          error={form.fe.entries}
        />
        {chosen.map((id) => (
          <TextArea
            key={id}
            label={t('pf.expectedEffectsFor', { title: titles.get(id) ?? '…' })}
            name={`effects-${id}`}
            defaultValue={list?.entries.find((e) => e.initiativeId === id)?.expectedEffects ?? ''}
          />
        ))}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function FollowUpDialog({ list, onClose }: { list: TopListDto; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const statuses = useEnumOptions(TOP_STATUSES, 'topStatus');
  const levels = useEnumOptions(EFFECT_LEVELS, 'effectLevel');
  const form = useFormAction(
    async (v) => {
      await roadmapApi.followUp(list.id, {
        heldOn: v.heldOn ?? '',
        forum: v.forum,
        entries: list.entries.map((e) => ({
          initiativeId: e.initiativeId,
          status: v[`status-${e.initiativeId}`] || null,
          effects: v[`effects-${e.initiativeId}`] || null,
          effectsReached: v[`reached-${e.initiativeId}`]
            ? num(v[`reached-${e.initiativeId}`])
            : null,
          comment: v[`comment-${e.initiativeId}`],
        })),
      });
    },
    () => {
      void qc.invalidateQueries({ queryKey: ['top-lists'] });
      onClose();
    },
  );
  return (
    <Dialog title={t('pf.followUpOf', { name: list.name })} open onClose={onClose}>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary error={form.error} />
        <div className="row">
          <TextField
            label={t('pf.heldOn')}
            name="heldOn"
            type="date"
            required
            error={form.fe.heldOn}
          />
          <TextField label={t('pf.forum')} name="forum" error={form.fe.forum} />
        </div>
        {list.entries.map((e, k) => (
          <fieldset key={e.initiativeId} className="field">
            <legend>{e.title}</legend>
            <div className="row">
              {/* Never pre-filled from the last follow-up: a status not given now is "status saknas". */}
              <SelectField
                label={t('pf.topStatus')}
                name={`status-${e.initiativeId}`}
                defaultValue=""
                emptyLabel={t('pf.noStatus')}
                options={statuses}
                error={form.fe[`entries.${k}.status`]}
              />
              <SelectField
                label={t('pf.effects')}
                name={`effects-${e.initiativeId}`}
                defaultValue=""
                emptyLabel={t('pf.noEffects')}
                options={levels}
              />
              <TextField
                label={t('pf.effectsReached')}
                name={`reached-${e.initiativeId}`}
                type="number"
                min={0}
                max={100}
                error={form.fe[`entries.${k}.effectsReached`]}
              />
            </div>
            <TextField label={t('pf.comment')} name={`comment-${e.initiativeId}`} />
          </fieldset>
        ))}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
