import { NavLink } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  ACTION_STATUSES,
  ADDRESS_GROUPS,
  ASSESSMENT_MODES,
  ASSESSMENT_VALUES,
  AUDIT_KINDS,
  EVIDENCE_KINDS,
  FOLLOW_UP_STATUSES,
  REPORT_BACK_KINDS,
} from '../../../../domain/audits/audit.js';
import {
  Badge,
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { lines, useFormAction, type FormValues } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { useBoardOptions, useTree } from '../../organization/components/units.js';
import {
  revisionApi,
  type ActionDto,
  type AssignmentDto,
  type AuditDto,
  type FindingDto,
  type PrefillDto,
  type QuestionDto,
  type RecommendationDto,
} from '../api.js';
import { useAuditOptions } from '../queries.js';

/** The pages of the audit cycle, one nav for all of them. */
export function RevisionNav() {
  const { t } = useI18n();
  const links = [
    ['/revision', t('rev.audits')],
    ['/revision/rekommendationer', t('rev.open')],
    ['/revision/uppdrag', t('rev.assignments')],
    ['/revision/tidpunkter', t('rev.calendar')],
  ] as const;
  return (
    <nav className="subnav" aria-label={t('rev.subnav')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const TONE = { yes: 'ok', partly: 'warn', no: 'bad', not_applicable: 'neutral' } as const;
/** An assessment as the auditors show it: a colour and always the word. */
export function AssessmentBadge({
  value,
  short = false,
}: {
  value: string | null | undefined;
  /** In a matrix cell: *Ej tillämpligt* as its abbreviation ET, spelled out for screen readers and on hover. */
  short?: boolean;
}) {
  const { t } = useI18n();
  if (!value) return <span className="muted">—</span>;
  return (
    <Badge tone={TONE[value as keyof typeof TONE] ?? 'neutral'}>
      {short && value === 'not_applicable' ? (
        <abbr title={t('auditAssessment.not_applicable')}>{t('rev.naShort')}</abbr>
      ) : (
        t(`auditAssessment.${value}` as MessageKey)
      )}
    </Badge>
  );
}

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
};

/** Checkboxes for bodies (boards and companies), for an audit's bodies or a question's applicability. */
function BodyChecks({
  name,
  legend,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string | undefined;
}) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
            />{' '}
            {o.label.trim()}
          </label>
        ))}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

export function AuditDialog({
  audit,
  onClose,
  onSaved,
}: {
  audit?: AuditDto;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const kinds = useEnumOptions(AUDIT_KINDS, 'auditKind');
  const values = useEnumOptions(ASSESSMENT_VALUES, 'auditAssessment');
  const boards = useBoardOptions();
  const others = useAuditOptions();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues, data: FormData) => ({
      title: v.title ?? '',
      kind: v.kind,
      auditorGroup: v.auditorGroup,
      commissionedBy: v.commissionedBy,
      auditFirm: v.auditFirm,
      reportDate: v.reportDate,
      caseNumber: v.caseNumber,
      auditedBodyIds: data.getAll('auditedBodyIds').map(String),
      scope: v.scope,
      overallAssessment: v.overallAssessment,
      overallText: v.overallText,
      criteria: lines(v.criteria).map((l) => {
        const [name = '', reference] = l.split(';').map((x) => x.trim());
        return {
          kind: /^SFS|lag/i.test(`${reference ?? ''} ${name}`) ? 'law' : 'internal',
          name,
          reference: reference || null,
        };
      }),
      methodInterviewed: lines(v.methodInterviewed),
      methodDocuments: lines(v.methodDocuments),
      followsUpAuditIds: data.getAll('followsUpAuditIds').map(String).filter(Boolean),
      presidiaConsulted:
        v.presidiaConsulted === 'yes' ? true : v.presidiaConsulted === 'no' ? false : null,
      assignedOn: v.assignedOn,
      letterDate: v.letterDate,
    });
    const patch = audit ? changes(body) : null;
    const saved = audit
      ? patch
        ? await revisionApi.updateAudit(audit.id, { ...patch, version: audit.version })
        : audit
      : await revisionApi.createAudit(body(v, data));
    await invalidate();
    onSaved?.(saved.id);
  }, onClose);
  return (
    <Dialog title={audit ? t('rev.edit') : t('rev.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('rev.title')}
          name="title"
          defaultValue={audit?.title ?? ''}
          required
          error={fe.title}
        />
        <div className="row">
          <SelectField
            label={t('rev.kind')}
            name="kind"
            defaultValue={audit?.kind ?? 'deep_audit'}
            options={kinds}
            required
            error={fe.kind}
          />
          <TextField
            label={t('rev.reportDate')}
            name="reportDate"
            type="date"
            defaultValue={audit?.reportDate ?? ''}
            error={fe.reportDate}
          />
          <TextField
            label={t('rev.caseNumber')}
            name="caseNumber"
            defaultValue={audit?.caseNumber ?? ''}
            error={fe.caseNumber}
          />
        </div>
        <div className="row">
          <TextField
            label={t('rev.auditorGroup')}
            name="auditorGroup"
            defaultValue={audit?.auditorGroup ?? ''}
            error={fe.auditorGroup}
          />
          <TextField
            label={t('rev.firm')}
            name="auditFirm"
            defaultValue={audit?.auditFirm ?? ''}
            error={fe.auditFirm}
          />
        </div>
        <TextField
          label={t('rev.commissionedBy')}
          name="commissionedBy"
          defaultValue={audit?.commissionedBy ?? ''}
          error={fe.commissionedBy}
        />
        <div className="row">
          <TextField
            label={t('rev.assignedOn')}
            name="assignedOn"
            type="date"
            defaultValue={audit?.assignedOn ?? ''}
            error={fe.assignedOn}
          />
          <TextField
            label={t('rev.letterDate')}
            name="letterDate"
            type="date"
            defaultValue={audit?.letterDate ?? ''}
            error={fe.letterDate}
          />
          <SelectField
            label={t('rev.presidiaConsulted')}
            name="presidiaConsulted"
            defaultValue={
              audit?.presidiaConsulted === true
                ? 'yes'
                : audit?.presidiaConsulted === false
                  ? 'no'
                  : ''
            }
            emptyLabel={t('rev.unknown')}
            options={[
              { value: 'yes', label: t('rev.yes') },
              { value: 'no', label: t('rev.no') },
            ]}
            error={fe.presidiaConsulted}
          />
        </div>
        <BodyChecks
          name="auditedBodyIds"
          legend={t('rev.bodies')}
          options={boards}
          checked={audit?.auditedBodies.map((b) => b.id) ?? []}
          error={fe.auditedBodyIds}
        />
        <TextArea
          label={t('rev.criteria')}
          name="criteria"
          rows={3}
          defaultValue={(audit?.criteria ?? [])
            .map((c) => [c.name, c.reference].filter(Boolean).join('; '))
            .join('\n')}
          error={fe.criteria}
        />
        <TextArea
          label={t('rev.scope')}
          name="scope"
          rows={2}
          defaultValue={audit?.scope ?? ''}
          error={fe.scope}
        />
        <div className="row">
          <TextArea
            label={t('rev.interviewed')}
            name="methodInterviewed"
            rows={3}
            defaultValue={(audit?.methodInterviewed ?? []).join('\n')}
            error={fe.methodInterviewed}
          />
          <TextArea
            label={t('rev.documents')}
            name="methodDocuments"
            rows={3}
            defaultValue={(audit?.methodDocuments ?? []).join('\n')}
            error={fe.methodDocuments}
          />
        </div>
        <SelectField
          label={t('rev.followsUp')}
          name="followsUpAuditIds"
          multiple
          size={4}
          defaultValue={audit?.followsUp.map((f) => f.id) ?? []}
          options={(others.data?.items ?? [])
            .filter((a) => a.id !== audit?.id)
            .map((a) => ({ value: a.id, label: `${a.title} (${a.reportDate ?? '—'})` }))}
          error={fe.followsUpAuditIds}
        />
        <div className="row">
          <SelectField
            label={t('rev.overall')}
            name="overallAssessment"
            defaultValue={audit?.overallAssessment ?? ''}
            emptyLabel="—"
            options={values}
            error={fe.overallAssessment}
          />
        </div>
        <TextArea
          label={t('rev.overallText')}
          name="overallText"
          rows={3}
          defaultValue={audit?.overallText ?? ''}
          error={fe.overallText}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function QuestionsDialog({ audit, onClose }: { audit: AuditDto; onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await revisionApi.addQuestions(audit.id, { lines: v.lines ?? '' });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('rev.addQuestions')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextArea label={t('rev.questionLines')} name="lines" rows={10} required error={fe.lines} />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function QuestionDialog({
  audit,
  question,
  earlier = [],
  onClose,
}: {
  audit: AuditDto;
  question: QuestionDto;
  /** In a follow-up audit: the earlier audits' recommendations the question may check. */
  earlier?: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const modes = useEnumOptions(ASSESSMENT_MODES, 'assessMode');
  const values = useEnumOptions(ASSESSMENT_VALUES, 'auditAssessment');
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const patch = changes((v, data) => ({
      number: v.number ?? '',
      text: v.text ?? '',
      mode: v.mode,
      appliesToBodyIds: data.getAll('appliesToBodyIds').map(String),
      wholeValue: v.wholeValue,
      prose: v.prose,
      ...(earlier.length
        ? { checksRecommendationIds: data.getAll('checksRecommendationIds').map(String) }
        : {}),
    }));
    if (patch)
      await revisionApi.updateQuestion(question.id, { ...patch, version: question.version });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('rev.editQuestion', { number: question.number })} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <TextField
            label={t('rev.question')}
            name="number"
            defaultValue={question.number}
            required
            error={fe.number}
          />
          <SelectField
            label={t('rev.mode')}
            name="mode"
            defaultValue={question.mode}
            options={modes}
            error={fe.mode}
          />
        </div>
        <TextArea
          label={t('rev.title')}
          name="text"
          rows={2}
          defaultValue={question.text}
          required
          error={fe.text}
        />
        <BodyChecks
          name="appliesToBodyIds"
          legend={t('rev.appliesTo')}
          options={audit.auditedBodies.map((b) => ({ value: b.id, label: b.name }))}
          checked={question.appliesToBodyIds}
          error={fe.appliesToBodyIds ?? fe['cells.0']}
        />
        <SelectField
          label={t('rev.wholeValue')}
          name="wholeValue"
          defaultValue={question.wholeValue ?? ''}
          emptyLabel="—"
          options={values}
          error={fe.wholeValue}
        />
        <TextArea
          label={t('rev.prose')}
          name="prose"
          rows={3}
          defaultValue={question.prose ?? ''}
          error={fe.prose}
        />
        {earlier.length ? (
          <BodyChecks
            name="checksRecommendationIds"
            legend={t('rev.checksRecs')}
            options={earlier}
            checked={question.checksRecommendationIds}
            error={
              fe.checksRecommendationIds ??
              Object.entries(fe).find(([p]) => p.startsWith('checksRecommendationIds.'))?.[1]
            }
          />
        ) : null}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function RecommendationsDialog({
  audit,
  onClose,
}: {
  audit: AuditDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const groups = useEnumOptions(ADDRESS_GROUPS, 'addressGroup');
  const { error, fe, onSubmit } = useFormAction(async (v, data) => {
    await revisionApi.addRecommendations(audit.id, {
      lines: v.lines ?? '',
      addressedGroup: v.addressedGroup,
      addresseeBodyIds: data.getAll('addresseeBodyIds').map(String),
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('rev.addRecommendations')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextArea
          label={t('rev.recommendationLines')}
          name="lines"
          rows={6}
          required
          error={fe.lines}
        />
        <SelectField
          label={t('rev.group')}
          name="addressedGroup"
          emptyLabel="—"
          options={groups}
          error={fe.addressedGroup}
        />
        <BodyChecks
          name="addresseeBodyIds"
          legend={t('rev.namedBodies')}
          options={audit.auditedBodies.map((b) => ({ value: b.id, label: b.name }))}
          checked={[]}
          error={fe.addresseeBodyIds}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A new action for one addressee, or an update of one: status, owner, date, a note, and a piece of evidence. */
export function ActionDialog({
  recommendation,
  bodyId,
  action,
  replyId,
  onClose,
}: {
  recommendation: RecommendationDto;
  bodyId: string;
  action?: ActionDto;
  replyId?: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const people = usePersonOptions();
  const statuses = useEnumOptions(ACTION_STATUSES, 'actionStatus');
  const evidenceKinds = useEnumOptions(
    EVIDENCE_KINDS.filter((k) => k === 'decision' || k === 'link' || k === 'document'),
    'evidenceKind',
  );
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const label =
      v.evidenceLabel ??
      (v.evidenceKind === 'decision' && v.evidenceDecisionId ? t('evidenceKind.decision') : null);
    const added = label
      ? [
          {
            kind: v.evidenceKind ?? 'link',
            id: v.evidenceKind === 'decision' ? v.evidenceDecisionId : null,
            label,
            url: v.evidenceUrl,
          },
        ]
      : [];
    if (action) {
      // A note and new evidence are additions; the other fields go only when changed.
      const patch = {
        ...changes((v) => ({
          title: v.title ?? action.title,
          ownerPersonId: v.ownerPersonId,
          dueOn: v.dueOn,
          status: v.status,
        })),
        ...(v.note ? { note: v.note } : {}),
        ...(added.length ? { evidence: [...action.evidence, ...added] } : {}),
      };
      if (Object.keys(patch).length)
        await revisionApi.updateAction(action.id, { ...patch, version: action.version });
    } else {
      await revisionApi.createAction({
        recommendationId: recommendation.id,
        bodyId,
        replyId: replyId ?? null,
        title: v.title ?? '',
        ownerPersonId: v.ownerPersonId,
        dueOn: v.dueOn,
        status: v.status ?? 'planned',
        evidence: added,
      });
    }
    await invalidate();
  }, onClose);
  return (
    <Dialog
      title={
        action
          ? t('rev.updateActionNamed', { title: action.title })
          : t('rev.newActionFor', { number: recommendation.number })
      }
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextArea
          label={t('rev.actionTitle')}
          name="title"
          rows={2}
          defaultValue={action?.title ?? ''}
          required
          error={fe.title}
        />
        <div className="row">
          <SelectField
            label={t('rev.owner')}
            name="ownerPersonId"
            defaultValue={action?.ownerPersonId ?? ''}
            emptyLabel="—"
            options={people}
            error={fe.ownerPersonId}
          />
          <TextField
            label={t('rev.dueOn')}
            name="dueOn"
            type="date"
            defaultValue={action?.dueOn ?? ''}
            error={fe.dueOn}
          />
          <SelectField
            label={t('rev.status')}
            name="status"
            defaultValue={action?.status ?? 'planned'}
            options={statuses}
            error={fe.status}
          />
        </div>
        {action ? <TextArea label={t('rev.note')} name="note" rows={2} error={fe.note} /> : null}
        <fieldset className="field">
          <legend>{t('rev.evidenceAdd')}</legend>
          {action?.evidence.length ? (
            <ul className="plain small">
              {action.evidence.map((e, i) => (
                <li key={i}>
                  {t(`evidenceKind.${e.kind}` as MessageKey)}: {e.label}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="row">
            <SelectField
              label={t('rev.evidenceKind')}
              name="evidenceKind"
              defaultValue="decision"
              options={evidenceKinds}
            />
            <TextField label={t('rev.evidenceLabel')} name="evidenceLabel" />
          </div>
          <DecisionSelect label={t('rev.evidenceDecision')} name="evidenceDecisionId" />
          <TextField label={t('rev.evidenceUrl')} name="evidenceUrl" type="url" />
          {fe.evidence ? <p className="field__error">{fe.evidence}</p> : null}
        </fieldset>
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A follow-up finding: the text (required), a status per addressee (pre-filled with the suggestion), observations on others. */
export function FindingDialog({
  followUpAuditId,
  item,
  onClose,
}: {
  followUpAuditId: string;
  item: PrefillDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const { byId, units } = useTree();
  const statuses = useEnumOptions(FOLLOW_UP_STATUSES, 'followUpStatus');
  const finding: FindingDto | null = item.finding;
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const observationsOf = (v: FormValues) =>
      lines(v.observations).map((l) => {
        const [name = '', ...rest] = l.split(';');
        const unit = units.find(
          (u) =>
            u.name.toLowerCase() === name.trim().toLowerCase() ||
            (u.shortName ?? '').toLowerCase() === name.trim().toLowerCase(),
        );
        if (!unit) throw new Error(t('rev.observations') + `: ${name.trim()}?`);
        return { bodyId: unit.id, text: rest.join(';').trim() };
      });
    const body = (v: FormValues) => ({
      text: v.text ?? '',
      statuses: item.addressees
        .map((a) => ({ bodyId: a.bodyId, status: v[`status-${a.bodyId}`] }))
        .filter((s) => s.status),
      observations: observationsOf(v),
    });
    if (finding) {
      const patch = changes(body);
      if (patch)
        await revisionApi.updateFinding(finding.id, { ...patch, version: finding.version });
    } else
      await revisionApi.createFinding({
        ...body(v),
        followUpAuditId,
        recommendationId: item.recommendation.id,
      });
    await invalidate();
  }, onClose);
  return (
    <Dialog
      title={`${finding ? t('rev.editFinding') : t('rev.recordFinding')}: ${item.recommendation.number}`}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <p className="muted">{item.recommendation.text}</p>
        <TextArea
          label={t('rev.findingText')}
          name="text"
          rows={4}
          defaultValue={finding?.text ?? ''}
          required
          error={fe.text}
        />
        {item.addressees.map((a, i) => (
          <SelectField
            key={a.bodyId}
            label={`${t('rev.statusFor', { body: byId.get(a.bodyId)?.name ?? '—' })} (${t('rev.suggested', { status: t(`followUpStatus.${a.suggestedStatus}` as MessageKey) })})`}
            name={`status-${a.bodyId}`}
            defaultValue={
              finding
                ? (finding.statuses.find((s) => s.bodyId === a.bodyId)?.status ?? '')
                : a.suggestedStatus
            }
            emptyLabel="—"
            options={statuses}
            error={fe[`statuses.${i}`]}
          />
        ))}
        <TextArea
          label={t('rev.observations')}
          name="observations"
          rows={3}
          defaultValue={(finding?.observations ?? [])
            .map((o) => `${byId.get(o.bodyId)?.name ?? ''}; ${o.text}`)
            .join('\n')}
          error={fe.observations}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function AssignmentDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const boards = useBoardOptions();
  const people = usePersonOptions();
  const kinds = useEnumOptions(REPORT_BACK_KINDS, 'reportBack');
  const audits = useAuditOptions();
  const { error, fe, onSubmit } = useFormAction(async (v, data) => {
    await revisionApi.createAssignment({
      title: v.title ?? '',
      decisionId: v.decisionId,
      sourceAuditId: v.sourceAuditId,
      assigneeBodyIds: data.getAll('assigneeBodyIds').map(String),
      assigneeGroup: v.assigneeGroup,
      assigneePersonId: v.assigneePersonId,
      reportBack: v.reportBack ?? 'none',
      reportBackOn: v.reportBackOn,
      reportBackMeeting: v.reportBackMeeting,
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('rev.newAssignment')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextArea label={t('rev.assignment')} name="title" rows={2} required error={fe.title} />
        <DecisionSelect label={t('rev.givenBy')} name="decisionId" error={fe.decisionId} />
        <SelectField
          label={t('rev.source')}
          name="sourceAuditId"
          emptyLabel="—"
          options={(audits.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          error={fe.sourceAuditId}
        />
        <BodyChecks
          name="assigneeBodyIds"
          legend={t('rev.assignee')}
          options={boards}
          checked={[]}
          error={fe.assigneeBodyIds}
        />
        <div className="row">
          <SelectField
            label={t('rev.assigneeGroup')}
            name="assigneeGroup"
            emptyLabel="—"
            options={[
              { value: 'all_committees', label: t('assigneeGroup.all_committees') },
              { value: 'all_boards', label: t('assigneeGroup.all_boards') },
            ]}
            error={fe.assigneeGroup}
          />
          <SelectField
            label={t('rev.assigneePerson')}
            name="assigneePersonId"
            emptyLabel="—"
            options={people}
            error={fe.assigneePersonId}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('rev.reportBack')}
            name="reportBack"
            defaultValue="date"
            options={kinds}
            error={fe.reportBack}
          />
          <TextField
            label={t('rev.reportBackOn')}
            name="reportBackOn"
            type="date"
            error={fe.reportBackOn}
          />
        </div>
        <TextField
          label={t('rev.reportBackMeeting')}
          name="reportBackMeeting"
          error={fe.reportBackMeeting}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ReportBackDialog({
  assignment,
  onClose,
}: {
  assignment: AssignmentDto;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const patch = changes((v) => ({
      reportedOn: v.reportedOn,
      reportText: v.reportText,
      reportDecisionId: v.reportDecisionId,
    }));
    if (patch)
      await revisionApi.updateAssignment(assignment.id, { ...patch, version: assignment.version });
    await invalidate();
  }, onClose);
  return (
    <Dialog
      title={t('rev.recordReportFor', { title: assignment.title.slice(0, 60) })}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('rev.reportedOn')}
          name="reportedOn"
          type="date"
          defaultValue={assignment.reportedOn ?? ''}
          required
          error={fe.reportedOn}
        />
        <DecisionSelect
          label={t('rev.reportDecision')}
          name="reportDecisionId"
          defaultValue={assignment.reportDecisionId ?? ''}
          error={fe.reportDecisionId}
        />
        <TextArea
          label={t('rev.reportText')}
          name="reportText"
          rows={3}
          defaultValue={assignment.reportText ?? ''}
          error={fe.reportText}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
