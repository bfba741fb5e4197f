import { lines, useFormAction, type FormValues } from '../../../platform/use-form.js';
import {
  EXTERNAL_ROLES,
  FORUM_KINDS,
  FORUM_LEVELS,
  FORUM_LIFECYCLES,
  LIFECYCLE_TRANSITIONS,
  MANDATES,
  MEMBER_ROLES,
  type CadenceYear,
} from '../../../../domain/organization/forum.js';
import {
  Badge,
  Dialog,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
  FormActions,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi, type ForumDto } from '../api.js';
import { UnitSelect, useInvalidateOrg } from './units.js';
import { usePersonOptions } from './people.js';
import { DecisionSelect } from './decisions.js';

export function FlagBadges({ flags }: { flags: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((f) => (
        <Badge key={f} tone="warn">
          {t(`flag.${f}` as MessageKey)}
        </Badge>
      ))}
    </>
  );
}

/** *n av m planerade möten <år>*, newest year first; a year behind is marked. */
export function CadenceLines({ cadence }: { cadence: readonly CadenceYear[] }) {
  const { t } = useI18n();
  if (cadence.length === 0) return <span className="muted">{t('forum.noCadence')}</span>;
  return (
    <ul className="plain">
      {cadence.map((c) => (
        <li key={c.year}>
          {t('forum.cadenceLine', { held: c.held, planned: c.planned, year: c.year })}
          {c.scheduled > 0 ? (
            <span className="muted"> · {t('forum.cadenceScheduled', { n: c.scheduled })}</span>
          ) : null}
          {c.behind ? (
            <>
              {' '}
              <Badge tone="warn">{t('forum.behind')}</Badge>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ForumDialog({
  forum,
  onClose,
  onSaved,
}: {
  forum?: ForumDto | null;
  onClose: () => void;
  onSaved?: (f: ForumDto) => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const kinds = useEnumOptions(FORUM_KINDS, 'forumKind');
  const mandates = useEnumOptions(MANDATES, 'mandate');
  const externalRoles = useEnumOptions(EXTERNAL_ROLES, 'externalRole');
  const levels = useEnumOptions(FORUM_LEVELS, 'forumLevel');
  const stages = useEnumOptions(FORUM_LIFECYCLES, 'status');
  // The stages the forum may move to (the same domain table the server checks).
  const reachable = forum
    ? stages.filter(
        (s) =>
          s.value === forum.lifecycle ||
          (LIFECYCLE_TRANSITIONS[forum.lifecycle] as readonly string[]).includes(s.value),
      )
    : stages;
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      parentUnitId: v.parentUnitId,
      name: v.name ?? '',
      kind: v.kind,
      level: v.level,
      lifecycle: v.lifecycle ?? undefined,
      description: v.description,
      mandate: v.mandate,
      mandateText: v.mandateText,
      meetingsPerYear: v.meetingsPerYear ? Number(v.meetingsPerYear) : null,
      cadenceText: v.cadenceText,
      standingAgendaItems: lines(v.standingAgendaItems),
      establishedOn: v.establishedOn,
      discontinuedOn: v.discontinuedOn,
      externalRole: v.externalRole,
      mandateDecisionId: v.mandateDecisionId,
      establishedDecisionId: v.establishedDecisionId,
      discontinuedDecisionId: v.discontinuedDecisionId,
    });
    const patch = forum ? changes(body) : null;
    const saved = forum
      ? patch
        ? await orgApi.updateForum(forum.id, { ...patch, version: forum.version })
        : forum
      : await orgApi.createForum(body(v));
    await invalidate();
    onSaved?.(saved);
  }, onClose);
  return (
    <Dialog title={forum ? t('forum.edit') : t('forum.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('common.name')}
          name="name"
          defaultValue={forum?.name ?? ''}
          required
          error={fe.name}
        />
        <div className="row">
          <SelectField
            label={t('common.kind')}
            name="kind"
            defaultValue={forum?.kind ?? 'digitalisation_council'}
            options={kinds}
            required
            error={fe.kind}
          />
          <UnitSelect
            label={t('forum.parentUnit')}
            name="parentUnitId"
            defaultValue={forum?.parentUnitId ?? ''}
            required
            error={fe.parentUnitId}
            emptyLabel="—"
          />
        </div>
        <div className="row">
          <SelectField
            label={t('forum.level')}
            name="level"
            defaultValue={forum?.level ?? ''}
            emptyLabel="—"
            options={levels}
            error={fe.level}
          />
          <SelectField
            label={t('forum.lifecycle')}
            name="lifecycle"
            defaultValue={forum?.lifecycle ?? 'active'}
            options={reachable}
            error={fe.lifecycle}
          />
        </div>
        <p className="muted">{t('forum.lifecycleHint')}</p>
        <div className="row">
          <SelectField
            label={t('forum.mandate')}
            name="mandate"
            defaultValue={forum?.mandate ?? ''}
            emptyLabel={t('forum.noMandate')}
            options={mandates}
            error={fe.mandate}
          />
          <TextField
            label={t('forum.meetingsPerYear')}
            name="meetingsPerYear"
            type="number"
            min={1}
            max={52}
            defaultValue={forum?.meetingsPerYear ?? ''}
            error={fe.meetingsPerYear}
          />
        </div>
        <TextArea
          label={t('forum.mandateText')}
          name="mandateText"
          defaultValue={forum?.mandateText ?? ''}
          error={fe.mandateText}
        />
        <DecisionSelect
          label={t('forum.mandateDecision')}
          name="mandateDecisionId"
          defaultValue={forum?.mandateDecisionId ?? ''}
          error={fe.mandateDecisionId}
        />
        <TextField
          label={t('forum.cadenceText')}
          name="cadenceText"
          defaultValue={forum?.cadenceText ?? ''}
          error={fe.cadenceText}
        />
        <TextArea
          label={t('forum.standingItems')}
          name="standingAgendaItems"
          defaultValue={(forum?.standingAgendaItems ?? []).join('\n')}
          error={fe.standingAgendaItems}
        />
        <div className="row">
          <TextField
            label={t('forum.establishedOn')}
            name="establishedOn"
            type="date"
            defaultValue={forum?.establishedOn ?? ''}
            error={fe.establishedOn}
          />
          <TextField
            label={t('forum.discontinuedOn')}
            name="discontinuedOn"
            type="date"
            defaultValue={forum?.discontinuedOn ?? ''}
            error={fe.discontinuedOn}
          />
        </div>
        <div className="row">
          <DecisionSelect
            label={t('forum.establishedDecision')}
            name="establishedDecisionId"
            defaultValue={forum?.establishedDecisionId ?? ''}
            error={fe.establishedDecisionId}
          />
          <DecisionSelect
            label={t('forum.discontinuedDecision')}
            name="discontinuedDecisionId"
            defaultValue={forum?.discontinuedDecisionId ?? ''}
            error={fe.discontinuedDecisionId}
          />
        </div>
        <SelectField
          label={t('forum.externalRole')}
          name="externalRole"
          defaultValue={forum?.externalRole ?? ''}
          emptyLabel="—"
          options={externalRoles}
          error={fe.externalRole}
        />
        <TextArea
          label={t('common.description')}
          name="description"
          defaultValue={forum?.description ?? ''}
          error={fe.description}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function MemberDialog({ forumId, onClose }: { forumId: string; onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const roles = useEnumOptions(MEMBER_ROLES, 'memberRole');
  const personOptions = usePersonOptions();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await orgApi.addMember(forumId, {
      personId: v.personId,
      externalName: v.externalName,
      memberRole: v.memberRole,
      seatTitle: v.seatTitle,
      delegateId: v.delegateId,
      fromOn: v.fromOn,
      toOn: v.toOn,
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('forum.addMember')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <SelectField
          label={t('forum.person')}
          name="personId"
          emptyLabel="—"
          options={personOptions}
          error={fe.personId}
        />
        <TextField label={t('forum.externalName')} name="externalName" error={fe.externalName} />
        <SelectField
          label={t('forum.memberRole')}
          name="memberRole"
          defaultValue="member"
          options={roles}
          required
          error={fe.memberRole}
        />
        <TextField label={t('forum.seatTitle')} name="seatTitle" error={fe.seatTitle} />
        <SelectField
          label={t('forum.delegate')}
          name="delegateId"
          emptyLabel="—"
          options={personOptions}
          error={fe.delegateId}
        />
        <div className="row">
          <TextField label={t('forum.fromOn')} name="fromOn" type="date" error={fe.fromOn} />
          <TextField label={t('forum.toOn')} name="toOn" type="date" error={fe.toOn} />
        </div>
        <FormActions />
      </form>
    </Dialog>
  );
}

export function MeetingDialog({
  holder,
  onClose,
}: {
  holder: { forumId: string } | { bodyUnitId: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await orgApi.createMeeting({
      ...holder,
      heldOn: v.heldOn ?? '',
      title: v.title,
      agenda: lines(v.agenda).map((title) => ({ title, isStanding: false })),
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('forum.newMeeting')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextField label={t('forum.heldOn')} name="heldOn" type="date" required error={fe.heldOn} />
        <TextField label={t('forum.meetingTitle')} name="title" error={fe.title} />
        <TextArea label={t('forum.agenda')} name="agenda" error={fe.agenda} />
        <FormActions />
      </form>
    </Dialog>
  );
}
