import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { POSITIONS } from '../../../../domain/audits/obligations.js';
import { REMITTANCE_KINDS } from '../../../../domain/audits/audit.js';
import {
  Dialog,
  ErrorSummary,
  FormActions,
  SelectField,
  TextArea,
  TextField,
  useEnumOptions,
} from '../../../platform/components.js';
import { formatDate, useI18n } from '../../../platform/i18n.js';
import { useFormAction, type FormValues } from '../../../platform/use-form.js';
import { DecisionSelect } from '../../organization/components/decisions.js';
import { usePersonOptions } from '../../organization/components/people.js';
import { useBoardOptions } from '../../organization/components/units.js';
import { revisionApi, type AuditDto, type RecommendationDto, type ReplyDto } from '../api.js';
import type { ObligationBodyDto } from '../api-obligations.js';

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
};

type Remittance = AuditDto['remittances'][number];

/**
 * A reply (yttrande) from one body: when it came, the decision behind it, its text, which of the
 * recommendations addressed to the body it answers (with the body's position on each), and which
 * of the auditors' numbered questions. A body may reply several times; each reply is edited alone.
 */
export function ReplyDialog({
  audit,
  bodyId,
  bodyName,
  reply,
  recommendations,
  questions,
  onClose,
}: {
  audit: AuditDto;
  bodyId: string;
  bodyName: string;
  reply?: ReplyDto;
  /** The recommendations addressed to this body. */
  recommendations: RecommendationDto[];
  /** The auditors' numbered questions to this body. */
  questions: ObligationBodyDto['questions'];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const positions = useEnumOptions(POSITIONS, 'position');
  // A recommendation's position and words are asked only once the reply is marked as answering it.
  const [answering, setAnswering] = useState(
    () => new Set(reply?.answers.map((a) => a.recommendationId) ?? []),
  );
  const toggle = (id: string, on: boolean) =>
    setAnswering((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues, data: FormData) => {
      const answered = new Set(data.getAll('answers').map(String));
      return {
        text: v.text,
        receivedOn: v.receivedOn,
        decisionId: v.decisionId,
        answers: recommendations
          .filter((r) => answered.has(r.id))
          .map((r) => ({
            recommendationId: r.id,
            position: v[`position-${r.id}`] ?? null,
            text: v[`answerText-${r.id}`] ?? null,
          })),
        answeredQuestions: data.getAll('answeredQuestions').map(String),
      };
    };
    if (reply) {
      const patch = changes(body);
      if (patch) await revisionApi.updateReply(reply.id, { ...patch, version: reply.version });
    } else await revisionApi.createReply({ ...body(v, data), auditId: audit.id, bodyId });
    await invalidate();
  }, onClose);
  const answerOf = (recId: string) => reply?.answers.find((a) => a.recommendationId === recId);
  return (
    <Dialog
      title={
        reply
          ? t('rev.editReplyFor', { body: bodyName })
          : t('rev.registerReplyFor', { body: bodyName })
      }
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <TextField
            label={t('rev.receivedOn')}
            name="receivedOn"
            type="date"
            defaultValue={reply?.receivedOn ?? ''}
            error={fe.receivedOn}
          />
          <DecisionSelect
            label={t('rev.decision')}
            name="decisionId"
            defaultValue={reply?.decisionId ?? ''}
            error={fe.decisionId}
          />
        </div>
        <TextArea
          label={t('rev.replyText')}
          name="text"
          rows={5}
          defaultValue={reply?.text ?? ''}
          error={fe.text}
        />
        <fieldset className="field">
          <legend>{t('rev.answersRecs')}</legend>
          {recommendations.length ? (
            recommendations.map((r) => {
              const a = answerOf(r.id);
              // The answer's place in the list sent, for the API's field errors.
              const i = recommendations.filter((x) => answering.has(x.id)).indexOf(r);
              return (
                <div key={r.id} className="answer">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name="answers"
                      value={r.id}
                      checked={answering.has(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />{' '}
                    {t('rev.answersRec', { number: r.number })}
                  </label>
                  <p className="small muted">{r.text}</p>
                  {answering.has(r.id) ? (
                    <div className="row">
                      <SelectField
                        label={t('rev.positionOn', { number: r.number })}
                        name={`position-${r.id}`}
                        defaultValue={a?.position ?? ''}
                        emptyLabel="—"
                        options={positions}
                        error={fe[`answers.${i}.position`]}
                      />
                      <TextArea
                        label={t('rev.answerTextOn', { number: r.number })}
                        name={`answerText-${r.id}`}
                        rows={2}
                        defaultValue={a?.text ?? ''}
                        error={fe[`answers.${i}.text`]}
                      />
                    </div>
                  ) : null}
                </div>
              );
            })
          ) : (
            <p className="muted small">{t('rev.noRecsToAnswer')}</p>
          )}
          {fe.answers ? <p className="field__error">{fe.answers}</p> : null}
        </fieldset>
        {questions.length ? (
          <fieldset className="field">
            <legend>{t('rev.answersQuestions')}</legend>
            <div className="checks">
              {questions.map((q) => (
                <label key={q.number} className="checkbox">
                  <input
                    type="checkbox"
                    name="answeredQuestions"
                    value={q.number}
                    defaultChecked={reply?.answeredQuestions.includes(q.number) ?? false}
                  />{' '}
                  {t('rev.answersQuestion', { number: q.number, text: q.text })}
                </label>
              ))}
            </div>
            {fe.answeredQuestions ? <p className="field__error">{fe.answeredQuestions}</p> : null}
          </fieldset>
        ) : null}
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** "1. text" lines from a remittance's questions, as they are typed. */
const questionLines = (qs: readonly { number: string; text: string }[]) =>
  qs.map((q) => `${q.number}. ${q.text}`).join('\n');

/**
 * Send the report to a body: for a reply (only an audited body) with a deadline that is a date or
 * a meeting of a body, or for information (any body of the region; *berörd* when it is concerned
 * without being audited). One remittance per body: saving for a body replaces its earlier one.
 */
export function RemittanceDialog({
  audit,
  remittance,
  onClose,
}: {
  audit: AuditDto;
  remittance?: Remittance;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidate();
  const kinds = useEnumOptions(REMITTANCE_KINDS, 'remittanceKind');
  const people = usePersonOptions();
  const allBodies = useBoardOptions();
  const [kind, setKind] = useState<string>(remittance?.kind ?? 'reply');
  const [by, setBy] = useState<'date' | 'meeting'>(
    remittance?.deadlineMeeting ? 'meeting' : 'date',
  );
  const audited = audit.auditedBodies.map((b) => ({ value: b.id, label: b.name }));
  const bodyOptions = kind === 'information' ? allBodies : audited;
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    const next = {
      bodyId: v.bodyId ?? '',
      kind: v.kind ?? kind,
      auditorGroup: v.auditorGroup,
      deadline: by === 'date' ? v.deadline : null,
      deadlineMeeting:
        by === 'meeting' && (v.meetingBodyId || v.meetingMonth)
          ? { bodyId: v.meetingBodyId ?? '', month: v.meetingMonth ?? '' }
          : null,
      responsiblePersonId: v.responsiblePersonId,
      questions: v.questions ?? '',
      concerned: v.kind === 'information' && v.concerned === 'on',
    };
    await revisionApi.updateAudit(audit.id, {
      version: audit.version,
      remittances: [
        ...audit.remittances.filter(
          (r) => r.bodyId !== next.bodyId && r.bodyId !== remittance?.bodyId,
        ),
        next,
      ],
    });
    await invalidate();
  }, onClose);
  const fieldError = (k: string) =>
    fe[k] ??
    Object.entries(fe).find(
      ([p]) => p.startsWith('remittances.') && (p.endsWith(`.${k}`) || p.includes(`.${k}.`)),
    )?.[1];
  const bodyLabel =
    audit.auditedBodies.find((b) => b.id === remittance?.bodyId)?.name ??
    allBodies.find((o) => o.value === remittance?.bodyId)?.label.trim() ??
    '';
  return (
    <Dialog
      title={remittance ? t('rev.editRemittanceFor', { body: bodyLabel }) : t('rev.addRemittance')}
      open
      onClose={onClose}
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <div className="row">
          <SelectField
            label={t('rev.remittanceKind')}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={kinds}
            required
            error={fieldError('kind')}
          />
          <SelectField
            // A new list of bodies is a new select, so its default applies again.
            key={kind}
            label={t('rev.body')}
            name="bodyId"
            defaultValue={remittance?.bodyId ?? ''}
            emptyLabel="—"
            options={bodyOptions}
            required
            error={fieldError('bodyId')}
          />
        </div>
        {kind === 'information' ? (
          <>
            <p className="small muted">{t('rev.bodyAllHint')}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                name="concerned"
                defaultChecked={remittance?.concerned ?? false}
              />{' '}
              {t('rev.concerned')} <span className="small muted">({t('rev.concernedHint')})</span>
            </label>
          </>
        ) : null}
        <TextField
          label={t('rev.remittanceAuditorGroup')}
          name="auditorGroup"
          defaultValue={remittance?.auditorGroup ?? audit.auditorGroup ?? ''}
          error={fieldError('auditorGroup')}
        />
        <fieldset className="field">
          <legend>{t('rev.deadlineKind')}</legend>
          <div className="checks">
            <label className="checkbox">
              <input
                type="radio"
                name="deadlineBy"
                value="date"
                checked={by === 'date'}
                onChange={() => setBy('date')}
              />{' '}
              {t('rev.deadlineByDate')}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="deadlineBy"
                value="meeting"
                checked={by === 'meeting'}
                onChange={() => setBy('meeting')}
              />{' '}
              {t('rev.deadlineByMeeting')}
            </label>
          </div>
          {by === 'date' ? (
            <TextField
              label={t('rev.deadline')}
              name="deadline"
              type="date"
              defaultValue={remittance?.deadline ?? ''}
              error={fieldError('deadline')}
            />
          ) : (
            <div className="row">
              <SelectField
                label={t('rev.deadlineMeetingBody')}
                name="meetingBodyId"
                defaultValue={remittance?.deadlineMeeting?.bodyId ?? ''}
                emptyLabel="—"
                options={allBodies}
                required
                error={fieldError('deadlineMeeting.bodyId') ?? fieldError('deadlineMeeting')}
              />
              <TextField
                label={t('rev.deadlineMonth')}
                name="meetingMonth"
                type="month"
                placeholder="2026-01"
                defaultValue={remittance?.deadlineMeeting?.month ?? ''}
                required
                error={fieldError('deadlineMeeting.month')}
              />
            </div>
          )}
        </fieldset>
        <SelectField
          label={t('rev.responsible')}
          name="responsiblePersonId"
          defaultValue={remittance?.responsiblePersonId ?? ''}
          emptyLabel="—"
          options={people}
          error={fieldError('responsiblePersonId')}
        />
        <TextArea
          label={t('rev.remittanceQuestions')}
          name="questions"
          rows={4}
          defaultValue={questionLines(remittance?.questions ?? [])}
          error={fieldError('questions')}
        />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** When a reply came: "Yttrande inkommet <date>", or that it has no received date yet. */
export function replyLabel(t: ReturnType<typeof useI18n>['t'], reply: ReplyDto) {
  return reply.receivedOn
    ? t('rev.replyReceived', { date: formatDate(reply.receivedOn) })
    : t('rev.replyDraftState');
}
