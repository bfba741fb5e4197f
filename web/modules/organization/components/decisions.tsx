import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  DATE_PRECISIONS,
  DECISION_KINDS,
  DECISION_LEVELS,
  EXECUTIVE_LEVELS,
  forumMayRecord,
  OUTCOMES,
  type DatePrecision,
  type DecisionKind,
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
import { orgApi, type DecisionDto, type ForumDto } from '../api.js';
import { UnitSelect, useInvalidateOrg } from './units.js';
import { usePersonOptions } from './people.js';
import { LinkPicker, type DecisionLinkValue } from './decision-links.js';
import { useForumOptions, useSettings } from '../queries.js';

const outcomeTone = (o: string | null) =>
  o === 'approved' ? 'ok' : o === 'rejected' ? 'bad' : o ? 'warn' : 'neutral';

export function OutcomeBadge({ d }: { d: Pick<DecisionDto, 'kind' | 'outcome'> }) {
  const { t } = useI18n();
  if (d.kind === 'information') return <Badge tone="info">{t('decisionKind.information')}</Badge>;
  const kindBadge =
    d.kind === 'recommendation' || d.kind === 'executive' ? (
      <Badge tone="info">{t(`decisionKind.${d.kind}` as MessageKey)}</Badge>
    ) : null;
  if (!d.outcome) return kindBadge ?? <span className="muted">{t('decision.noOutcome')}</span>;
  return (
    <>
      {kindBadge}{' '}
      <Badge tone={outcomeTone(d.outcome)}>{t(`outcome.${d.outcome}` as MessageKey)}</Badge>
    </>
  );
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
              <td className="nowrap">{d.dateText ?? formatDate(d.decidedOn)}</td>
              <td>
                <Link to={`/beslut/${d.id}`}>{d.title}</Link>
              </td>
              <td>{d.bodyName ?? d.forumName ?? d.decidedByTitle}</td>
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

/** The mandate rule, said before submit with the same domain function the server uses. */
function MandateNotice({ forum, kind }: { forum: ForumDto | undefined; kind: DecisionKind }) {
  const { t } = useI18n();
  if (!forum || forumMayRecord(forum.mandate, kind)) return null;
  return (
    <p className="alert alert--error" role="status">
      {t('decision.forumCannotDecide', {
        forum: forum.name,
        mandate: t(`mandateAdjective.${forum.mandate ?? 'advises'}` as MessageKey),
      })}
    </p>
  );
}

/** The date as the form holds it: a day, a month (YYYY-MM), or not stated. */
const dateOf = (v: FormValues) =>
  v.datePrecision === 'unknown'
    ? null
    : v.datePrecision === 'month'
      ? v.decidedOnMonth
        ? `${v.decidedOnMonth}-01`
        : null
      : v.decidedOn;

/** Record a decision or an information item, or edit one: the kind first, then its fields. */
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
  const kinds = useEnumOptions(DECISION_KINDS, 'decisionKind');
  const allLevels = useEnumOptions(DECISION_LEVELS, 'level');
  const outcomes = useEnumOptions(OUTCOMES, 'outcome');
  const precisions = useEnumOptions(DATE_PRECISIONS, 'datePrecision');
  const personOptions = usePersonOptions();
  const forums = useForumOptions();
  const settings = useSettings();
  const [kind, setKind] = useState<DecisionKind>((decision?.kind as DecisionKind) ?? 'decision');
  const [forumId, setForumId] = useState(decision?.forumId ?? '');
  const [precision, setPrecision] = useState<string>(decision?.datePrecision ?? 'day');
  const forum = (forums.data?.items ?? []).find((f) => f.id === forumId);
  const levels =
    kind === 'executive'
      ? allLevels.filter((l) => (EXECUTIVE_LEVELS as readonly string[]).includes(l.value))
      : allLevels;
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      kind: (v.kind ?? 'decision') as DecisionKind,
      bodyUnitId: v.bodyUnitId,
      forumId: v.forumId,
      decidedOn: dateOf(v),
      // A day left empty is a date not given: the server records it as not stated.
      datePrecision:
        v.datePrecision === 'day' && !v.decidedOn
          ? undefined
          : ((v.datePrecision ?? 'day') as DatePrecision),
      paragraph: v.paragraph,
      caseNumber: v.caseNumber,
      level: v.level ?? undefined,
      outcome: v.kind === 'information' ? null : v.outcome,
      decidedByTitle: v.kind === 'executive' ? v.decidedByTitle : undefined,
      decidedByPersonId: v.kind === 'executive' ? v.decidedByPersonId : undefined,
      subjects: (v.subjects ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      title: v.title ?? '',
      body: v.body,
      basis: lines(v.basis),
      proposedByDecisionId: v.proposedByDecisionId,
      links: JSON.parse(v.links ?? '[]') as DecisionLinkValue[],
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
  const example = settings.data?.caseNumberExample;
  return (
    <Dialog title={decision ? t('decision.edit') : t('decision.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <SelectField
          label={t('decision.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as DecisionKind)}
          options={kinds}
          error={fe.kind}
        />
        <p className="muted">{t(`decisionKindHint.${kind}` as MessageKey)}</p>
        <TextField
          label={t('decision.titleField')}
          name="title"
          defaultValue={decision?.title ?? ''}
          required
          error={fe.title}
          maxLength={400}
        />
        {kind === 'executive' ? (
          <div className="row">
            <TextField
              label={t('decision.decidedByTitle')}
              name="decidedByTitle"
              defaultValue={decision?.decidedByTitle ?? ''}
              hint={t('decision.decidedByTitleHint')}
              required
              error={fe.decidedByTitle}
            />
            <SelectField
              label={t('decision.decidedByPerson')}
              name="decidedByPersonId"
              defaultValue={decision?.decidedByPersonId ?? ''}
              emptyLabel="—"
              options={personOptions}
              error={fe.decidedByPersonId}
            />
          </div>
        ) : null}
        <div className="row">
          <UnitSelect
            label={kind === 'executive' ? t('decision.bodyOptional') : t('decision.body')}
            name="bodyUnitId"
            defaultValue={decision?.bodyUnitId ?? ''}
            emptyLabel="—"
            error={fe.bodyUnitId}
          />
          <SelectField
            label={t('decision.forum')}
            name="forumId"
            value={forumId}
            onChange={(e) => setForumId(e.target.value)}
            emptyLabel="—"
            options={(forums.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            error={fe.forumId}
          />
        </div>
        <MandateNotice forum={forum} kind={kind} />
        <SelectField
          label={t('decision.level')}
          name="level"
          key={`level-${kind}`}
          defaultValue={
            kind === 'executive'
              ? (EXECUTIVE_LEVELS as readonly string[]).includes(decision?.level ?? '')
                ? decision!.level
                : 'official'
              : (decision?.level ?? 'board')
          }
          options={levels}
          required
          error={fe.level}
        />
        <div className="row">
          <SelectField
            label={t('decision.datePrecision')}
            name="datePrecision"
            value={precision}
            onChange={(e) => setPrecision(e.target.value)}
            options={precisions}
            error={fe.datePrecision}
          />
          {precision === 'day' ? (
            <TextField
              label={t('decision.decidedOn')}
              name="decidedOn"
              type="date"
              defaultValue={decision?.decidedOn ?? ''}
              error={fe.decidedOn}
            />
          ) : precision === 'month' ? (
            <TextField
              label={t('decision.decidedMonth')}
              name="decidedOnMonth"
              type="month"
              defaultValue={decision?.decidedOn?.slice(0, 7) ?? ''}
              hint={t('decision.decidedMonthHint')}
              error={fe.decidedOn}
            />
          ) : null}
        </div>
        <div className="row">
          <TextField
            label={t('decision.paragraph')}
            name="paragraph"
            defaultValue={decision?.paragraph ?? ''}
            {...(kind === 'executive' ? { hint: t('decision.noParagraphNeeded') } : {})}
            error={fe.paragraph}
          />
          <TextField
            label={caseLabel}
            name="caseNumber"
            defaultValue={decision?.caseNumber ?? ''}
            error={fe.caseNumber}
            {...(example ? { hint: t('decision.caseNumberExample', { example }) } : {})}
          />
        </div>
        {kind !== 'information' ? (
          <SelectField
            label={t('decision.outcome')}
            name="outcome"
            defaultValue={decision?.outcome ?? ''}
            emptyLabel="—"
            options={outcomes}
            error={fe.outcome}
          />
        ) : null}
        <TextField
          label={t('decision.subjects')}
          name="subjects"
          defaultValue={(decision?.subjects ?? []).join(', ')}
          hint={t('decision.subjectsHint')}
          error={fe.subjects}
        />
        <TextArea
          label={kind === 'information' ? t('decision.infoText') : t('decision.text')}
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
        <LinkPicker defaultValue={decision?.links ?? []} error={fe.links} />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
