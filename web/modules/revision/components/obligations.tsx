import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { qs } from '../../../platform/api.js';
import { Badge, EmptyState } from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import type { AuditDto, RecommendationDto, ReplyDto } from '../api.js';
import { obligationsApi, type ObligationBodyDto } from '../api-obligations.js';
import { replyLabel } from './reply-dialogs.js';

type T = ReturnType<typeof useI18n>['t'];
type Obligation = NonNullable<RecommendationDto['addressees'][number]['obligation']>;

/** Who owes which reply to an audit, read once per page under the audit's key. */
export const useAuditObligations = (auditId: string) =>
  useQuery({
    queryKey: ['audit', auditId, 'obligations'],
    queryFn: () => obligationsApi.obligations(auditId),
  });

/** "januari 2026" from "2026-01", in the language shown. */
export const monthName = (month: string, lang: string) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? month
    : d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'sv-SE', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
};
/** A Swedish genitive: "nämnden" → "nämndens", "Regionfullmäktige" → "Regionfullmäktiges"; a name ending in s, x or z keeps its form. */
const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** A remittance's deadline in words: a date, or "vid <body>s sammanträde <month>" (with the date once known). */
export function deadlineText(
  b: Pick<ObligationBodyDto, 'deadline' | 'deadlineResolved' | 'deadlineMeeting'>,
  t: T,
  lang: string,
  nameOf: (id: string) => string,
) {
  if (!b.deadlineMeeting) return formatDate(b.deadline);
  const body = nameOf(b.deadlineMeeting.bodyId);
  const s = t('rev.deadlineAtMeeting', {
    body: lang === 'en' ? body : genitive(body),
    month: monthName(b.deadlineMeeting.month, lang),
  });
  return b.deadlineResolved ? `${s}, ${formatDate(b.deadline)}` : `${s} ${t('rev.dateNotKnown')}`;
}

/** A reply obligation's state, always in words: awaited, overdue since, answered, answered late. */
export function ObligationBadge({ obligation: o }: { obligation: Obligation }) {
  const { t } = useI18n();
  if (o.state === 'overdue')
    return (
      <Badge tone="bad">
        {t('obligation.overdue', { date: formatDate(o.deadline), n: o.daysLate })}
      </Badge>
    );
  if (o.state === 'answered')
    return <Badge tone="ok">{t('obligation.answered', { date: formatDate(o.answeredOn) })}</Badge>;
  if (o.state === 'answered_late')
    return (
      <Badge tone="warn">
        {t('obligation.answered_late', { n: o.daysLate })}, {formatDate(o.answeredOn)}
      </Badge>
    );
  return (
    <Badge tone="info">
      {o.deadline
        ? t('obligation.awaitingUntil', { date: formatDate(o.deadline) })
        : t('obligation.awaiting')}
    </Badge>
  );
}

const QUESTION_TONE = { answered: 'ok', pending: 'info', unanswered: 'bad' } as const;

/**
 * "Yttranden som revisorerna begärt": per body the report went to (and every audited body), what
 * it was sent for, by which auditor group, the deadline, how many of its reply obligations are
 * answered, the auditors' numbered questions and its replies, each editable.
 */
export function ObligationsSection({
  audit,
  replies,
  recommendations,
  people,
  nameOf,
  mayEdit,
  mayRespond,
  onReply,
  onRemit,
}: {
  audit: AuditDto;
  replies: ReplyDto[];
  recommendations: RecommendationDto[];
  people: Map<string, string>;
  nameOf: (bodyId: string) => string;
  mayEdit: boolean;
  mayRespond: (bodyId: string) => boolean;
  onReply: (body: { id: string; name: string }, reply?: ReplyDto) => void;
  onRemit: (remittance: AuditDto['remittances'][number]) => void;
}) {
  const { t, lang } = useI18n();
  const obligations = useAuditObligations(audit.id);
  const remitted = obligations.data?.bodies ?? [];
  const bodies = [
    ...audit.auditedBodies.map((b) => ({ id: b.id, name: b.name })),
    ...remitted
      .filter((r) => !audit.auditedBodies.some((b) => b.id === r.bodyId))
      .map((r) => ({ id: r.bodyId, name: r.bodyName })),
  ];
  const numberOf = new Map(recommendations.map((r) => [r.id, r.number]));
  return (
    <section aria-labelledby="obl-h">
      <h2 id="obl-h">{t('rev.obligations')}</h2>
      <p className="muted small">{t('rev.obligationsIntro')}</p>
      {audit.obligations.owed ? (
        <p>
          <strong>
            {t('rev.obCounts', {
              answered: audit.obligations.answered + audit.obligations.answeredLate,
              owed: audit.obligations.owed,
              overdue: audit.obligations.overdue,
            })}
          </strong>
          {audit.obligations.answeredLate
            ? ` (${t('rev.obCountsLate', { n: audit.obligations.answeredLate })})`
            : ''}
        </p>
      ) : null}
      {!audit.remittances.length ? <EmptyState>{t('rev.noRemittances')}</EmptyState> : null}
      {bodies.map((b) => {
        const ob = remitted.find((r) => r.bodyId === b.id);
        const remittance = audit.remittances.find((r) => r.bodyId === b.id);
        const mine = replies
          .filter((x) => x.bodyId === b.id)
          .sort((x, y) => (x.receivedOn ?? '9999').localeCompare(y.receivedOn ?? '9999'));
        return (
          <article key={b.id} className="card obligation" aria-labelledby={`obl-${b.id}`}>
            <h3 id={`obl-${b.id}`}>{b.name}</h3>
            <dl className="facts">
              <dt>{t('rev.remittanceKind')}</dt>
              <dd>
                {remittance ? (
                  <>
                    {remittance.kind === 'reply' ? t('rev.forReply') : t('rev.forInformation')}
                    {remittance.concerned ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('rev.concerned')}</Badge>
                      </>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </dd>
              {remittance ? (
                <>
                  <dt>{t('rev.remittanceAuditorGroup')}</dt>
                  <dd>
                    {ob?.auditorGroup ?? remittance.auditorGroup ?? audit.auditorGroup ?? '—'}
                  </dd>
                  <dt>{t('rev.deadline')}</dt>
                  <dd>
                    {ob
                      ? deadlineText(ob, t, lang, nameOf)
                      : deadlineText(
                          {
                            deadline: remittance.deadline ?? null,
                            deadlineResolved: true,
                            deadlineMeeting: remittance.deadlineMeeting ?? null,
                          },
                          t,
                          lang,
                          nameOf,
                        )}
                  </dd>
                  <dt>{t('rev.responsible')}</dt>
                  <dd>
                    {remittance.responsiblePersonId
                      ? (people.get(remittance.responsiblePersonId) ?? '—')
                      : '—'}
                  </dd>
                </>
              ) : null}
              {ob && ob.kind === 'reply' ? (
                <>
                  <dt>{t('rev.replyStatus')}</dt>
                  <dd>
                    {t('rev.obCounts', {
                      answered: ob.answered + ob.answeredLate,
                      owed: ob.owed,
                      overdue: ob.overdue,
                    })}
                    {ob.answeredLate ? ` (${t('rev.obCountsLate', { n: ob.answeredLate })})` : ''}{' '}
                    {ob.overdue ? (
                      <Badge tone="bad">{t('rev.overdue')}</Badge>
                    ) : ob.owed && ob.answered + ob.answeredLate === ob.owed ? (
                      <Badge tone="ok">{t('questionState.answered')}</Badge>
                    ) : null}
                  </dd>
                </>
              ) : null}
            </dl>
            {ob?.questions.length ? (
              <>
                <h4>{t('rev.auditorQuestions')}</h4>
                <ul className="plain">
                  {ob.questions.map((q) => (
                    <li key={q.number}>
                      {q.number}. {q.text}{' '}
                      <Badge tone={QUESTION_TONE[q.state]}>
                        {q.state === 'unanswered' ? (
                          <strong>{t('questionState.unanswered')}</strong>
                        ) : (
                          t(`questionState.${q.state}` as MessageKey)
                        )}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h4>{t('rev.repliesOfBody', { body: b.name })}</h4>
            {mine.length ? (
              <ul className="plain">
                {mine.map((reply) => (
                  <li key={reply.id}>
                    <strong>{replyLabel(t, reply)}</strong>
                    {reply.decisionId ? (
                      <>
                        {' '}
                        ·{' '}
                        <Link to={`/beslut/${reply.decisionId}`}>{t('evidenceKind.decision')}</Link>
                      </>
                    ) : null}
                    {reply.answers.length ? (
                      <span className="small">
                        {' '}
                        ·{' '}
                        {t('rev.answeredRecs', {
                          numbers: reply.answers
                            .map((a) => numberOf.get(a.recommendationId) ?? '?')
                            .join(', '),
                        })}
                      </span>
                    ) : null}
                    {reply.answeredQuestions.length ? (
                      <span className="small">
                        {' '}
                        ·{' '}
                        {t('rev.answeredQuestionsShort', {
                          numbers: reply.answeredQuestions.join(', '),
                        })}
                      </span>
                    ) : null}
                    {reply.text ? (
                      <p className="small">
                        {reply.text.length > 400 ? `${reply.text.slice(0, 400)} …` : reply.text}
                      </p>
                    ) : null}
                    {mayRespond(b.id) ? (
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => onReply(b, reply)}
                        aria-label={t('rev.editReplyNamed', {
                          body: b.name,
                          date: formatDate(reply.receivedOn),
                        })}
                      >
                        {t('rev.editReply')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('rev.noRepliesYet')}</p>
            )}
            <p className="form-actions">
              {mayRespond(b.id) ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => onReply(b)}
                  aria-label={`${t('rev.registerReply')}: ${b.name}`}
                >
                  {t('rev.registerReply')}
                </button>
              ) : null}
              {mayEdit && remittance ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => onRemit(remittance)}
                  aria-label={t('rev.editRemittanceFor', { body: b.name })}
                >
                  {t('rev.editRemittance')}
                </button>
              ) : null}
              <a
                href={`/api/audits/${audit.id}/reply-draft.docx${qs({ bodyId: b.id, lang })}`}
                download
                aria-label={t('rev.draftFor', { body: b.name })}
              >
                {t('rev.draft')}
              </a>
            </p>
          </article>
        );
      })}
    </section>
  );
}
