import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  DECISION_KINDS,
  DECISION_LEVELS,
  OUTCOMES,
} from '../../../../domain/organization/decision.js';
import { lines, useFormAction, type FormValues } from '../../../platform/use-form.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
  FormActions,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi, type DecisionDto } from '../api.js';
import { UnitSelect, useInvalidateOrg } from './units.js';
import { useForumOptions, useSettings } from '../queries.js';

const outcomeTone = (o: string | null) =>
  o === 'approved' ? 'ok' : o === 'rejected' ? 'bad' : o ? 'warn' : 'neutral';

export function OutcomeBadge({ d }: { d: Pick<DecisionDto, 'kind' | 'outcome'> }) {
  const { t } = useI18n();
  if (d.kind === 'information') return <Badge tone="info">{t('decisionKind.information')}</Badge>;
  if (!d.outcome) return <span className="muted">{t('decision.noOutcome')}</span>;
  return <Badge tone={outcomeTone(d.outcome)}>{t(`outcome.${d.outcome}` as MessageKey)}</Badge>;
}

export function DecisionTable({ items, caption }: { items: DecisionDto[]; caption?: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <EmptyState>{t('common.empty')}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t('decision.decidedOn')}</th>
            <th scope="col">{t('decision.titleField')}</th>
            <th scope="col">{t('decision.decider')}</th>
            <th scope="col">{t('decision.reference')}</th>
            <th scope="col">{t('decision.level')}</th>
            <th scope="col">{t('decision.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td className="nowrap">{formatDate(d.decidedOn)}</td>
              <td>
                <Link to={`/beslut/${d.id}`}>{d.title}</Link>
              </td>
              <td>{d.bodyName ?? d.forumName}</td>
              <td className="nowrap">{d.reference}</td>
              <td>{t(`level.${d.level}` as MessageKey)}</td>
              <td>
                <OutcomeBadge d={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A select of the region's decisions, newest first, labelled by reference and title. */
export function DecisionSelect({
  label,
  name,
  defaultValue,
  error,
  excludeId,
}: {
  label: string;
  name: string;
  defaultValue?: string | null;
  error?: string | undefined;
  excludeId?: string;
}) {
  const list = useQuery({
    queryKey: ['decisions', 'options'],
    queryFn: () => orgApi.decisions({ limit: 200, kind: 'decision' }),
  });
  const options = (list.data?.items ?? [])
    .filter((d) => d.id !== excludeId)
    .map((d) => ({ value: d.id, label: `${d.reference} – ${d.title}`.slice(0, 120) }));
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue ?? ''}
      emptyLabel="—"
      options={options}
      error={error}
    />
  );
}

/** Record a decision or an information item, or edit one. */
export function DecisionDialog({
  decision,
  onClose,
  onSaved,
}: {
  decision?: DecisionDto | null;
  onClose: () => void;
  onSaved?: (d: DecisionDto) => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const levels = useEnumOptions(DECISION_LEVELS, 'level');
  const outcomes = useEnumOptions(OUTCOMES, 'outcome');
  const kinds = useEnumOptions(DECISION_KINDS, 'decisionKind');
  const forums = useForumOptions();
  const settings = useSettings();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      kind: v.kind ?? 'decision',
      bodyUnitId: v.bodyUnitId,
      forumId: v.forumId,
      decidedOn: v.decidedOn,
      paragraph: v.paragraph,
      caseNumber: v.caseNumber,
      level: v.level,
      outcome: v.kind === 'information' ? null : v.outcome,
      title: v.title ?? '',
      body: v.body,
      basis: lines(v.basis),
      proposedByDecisionId: v.proposedByDecisionId,
      links: lines(v.links).map((label) => ({ kind: 'other' as const, label })),
    });
    const patch = decision ? changes(body) : null;
    const saved = decision
      ? patch
        ? await orgApi.updateDecision(decision.id, { ...patch, version: decision.version })
        : decision
      : await orgApi.createDecision(body(v));
    await invalidate();
    onSaved?.(saved);
  }, onClose);
  const caseLabel =
    settings.data?.caseNumberLabel === 'ärendenummer' ? 'Ärendenummer' : t('decision.caseNumber');
  return (
    <Dialog title={decision ? t('decision.edit') : t('decision.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('decision.titleField')}
          name="title"
          defaultValue={decision?.title ?? ''}
          required
          error={fe.title}
          maxLength={400}
        />
        <div className="row">
          <SelectField
            label={t('decision.kind')}
            name="kind"
            defaultValue={decision?.kind ?? 'decision'}
            options={kinds}
            error={fe.kind}
          />
          <SelectField
            label={t('decision.level')}
            name="level"
            defaultValue={decision?.level ?? 'board'}
            options={levels}
            required
            error={fe.level}
          />
        </div>
        <div className="row">
          <UnitSelect
            label={t('decision.body')}
            name="bodyUnitId"
            defaultValue={decision?.bodyUnitId ?? ''}
            emptyLabel="—"
            error={fe.bodyUnitId}
          />
          <SelectField
            label={t('decision.forum')}
            name="forumId"
            defaultValue={decision?.forumId ?? ''}
            emptyLabel="—"
            options={(forums.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            error={fe.forumId}
          />
        </div>
        <div className="row">
          <TextField
            label={t('decision.decidedOn')}
            name="decidedOn"
            type="date"
            defaultValue={decision?.decidedOn ?? ''}
            error={fe.decidedOn}
          />
          <TextField
            label={t('decision.paragraph')}
            name="paragraph"
            defaultValue={decision?.paragraph ?? ''}
            error={fe.paragraph}
          />
          <TextField
            label={caseLabel}
            name="caseNumber"
            defaultValue={decision?.caseNumber ?? ''}
            error={fe.caseNumber}
            {...(settings.data?.caseNumberPattern ? { hint: settings.data.caseNumberPattern } : {})}
          />
        </div>
        <SelectField
          label={t('decision.outcome')}
          name="outcome"
          defaultValue={decision?.outcome ?? ''}
          emptyLabel="—"
          options={outcomes}
          error={fe.outcome}
        />
        <TextArea
          label={t('decision.text')}
          name="body"
          defaultValue={decision?.body ?? ''}
          rows={5}
          error={fe.body}
        />
        <TextArea
          label={t('decision.basis')}
          name="basis"
          defaultValue={(decision?.basis ?? []).join('\n')}
          error={fe.basis}
        />
        <DecisionSelect
          label={t('decision.proposedBy')}
          name="proposedByDecisionId"
          defaultValue={decision?.proposedByDecisionId ?? ''}
          error={fe.proposedByDecisionId}
          {...(decision ? { excludeId: decision.id } : {})}
        />
        <TextArea
          label={t('decision.linksField')}
          name="links"
          defaultValue={(decision?.links ?? []).map((l) => l.label).join('\n')}
          error={fe.links}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
