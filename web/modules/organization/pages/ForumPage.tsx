import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi, type MeetingDto } from '../api.js';
import { DecisionTable } from '../components/decisions.js';
import {
  CadenceLines,
  FlagBadges,
  ForumDialog,
  MeetingDialog,
  MemberDialog,
} from '../components/forums.js';
import { useInvalidateOrg, useTree } from '../components/units.js';
import { useConfirm } from '../../../platform/confirm.js';

export function ForumPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree(true);
  const invalidate = useInvalidateOrg();
  const forum = useQuery({ queryKey: ['forum', id], queryFn: () => orgApi.forum(id) });
  const members = useQuery({ queryKey: ['members', id], queryFn: () => orgApi.members(id) });
  const meetings = useQuery({
    queryKey: ['meetings', id],
    queryFn: () => orgApi.meetings({ forumId: id, limit: 50 }),
  });
  const decisions = useQuery({
    queryKey: ['decisions', 'forum', id],
    queryFn: () => orgApi.decisions({ forumId: id, limit: 50 }),
  });
  const [dialog, setDialog] = useState<'edit' | 'member' | 'meeting' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { confirm, confirmDialog } = useConfirm();
  if (forum.isLoading) return <Loading />;
  if (forum.error || !forum.data) return <LoadError error={forum.error} />;
  const f = forum.data;
  const unitPath = byId.get(f.parentUnitId)?.path;
  const mayEdit = unitPath ? can('org.forum.edit', { unitPath }) : false;

  const upload = async (m: MeetingDto, file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('version', String(m.version));
    form.append('file', file);
    try {
      await orgApi.uploadMinutes(m.id, form);
      setError(null);
      await invalidate();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (memberId: string, name: string) => {
    if (!(await confirm(t('forum.confirmRemoveMember', { name }), t('common.remove')))) return;
    try {
      await orgApi.removeMember(f.id, memberId);
      setError(null);
      await invalidate();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      {confirmDialog}
      <PageHeader
        title={f.name}
        intro={`${t(`forumKind.${f.kind}` as MessageKey)} · ${f.parentUnitName}`}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      <p>
        <Badge tone={f.status === 'active' ? 'ok' : 'neutral'}>
          {t(`status.${f.status}` as MessageKey)}
        </Badge>{' '}
        <FlagBadges flags={f.flags} />
      </p>
      <dl className="facts">
        <dt>{t('forum.mandate')}</dt>
        <dd>
          {f.mandate ? (
            t(`mandate.${f.mandate}` as MessageKey)
          ) : (
            <Badge tone="warn">{t('forum.noMandate')}</Badge>
          )}
        </dd>
        <dt>{t('forum.mandateText')}</dt>
        <dd className="prewrap">{f.mandateText ?? '—'}</dd>
        <dt>{t('forum.mandateDecision')}</dt>
        <dd>
          {f.mandateDecisionId ? (
            <Link to={`/beslut/${f.mandateDecisionId}`}>{t('decision.title')}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('forum.level')}</dt>
        <dd>{f.level ? t(`forumLevel.${f.level}` as MessageKey) : '—'}</dd>
        <dt>{t('forum.seats')}</dt>
        <dd>{t('forum.seatCounts', { members: f.memberCount, deputies: f.deputyCount })}</dd>
        <dt>{t('forum.meetingsPerYear')}</dt>
        <dd>
          {f.meetingsPerYear ?? '—'} {f.cadenceText ? `(${f.cadenceText})` : ''}
        </dd>
        <dt>{t('forum.cadence')}</dt>
        <dd>
          <CadenceLines cadence={f.cadence} />
        </dd>
        <dt>{t('forum.lastMeeting')}</dt>
        <dd>{formatDate(f.lastMeetingOn)}</dd>
        <dt>{t('forum.establishedOn')}</dt>
        <dd>
          {formatDate(f.establishedOn)}
          {f.establishedDecisionId ? (
            <>
              {' '}
              ·{' '}
              <Link to={`/beslut/${f.establishedDecisionId}`}>
                {t('forum.establishedDecision')}
              </Link>
            </>
          ) : null}
        </dd>
        {f.discontinuedOn ? (
          <>
            <dt>{t('forum.discontinuedOn')}</dt>
            <dd>
              {formatDate(f.discontinuedOn)}
              {f.discontinuedDecisionId ? (
                <>
                  {' '}
                  ·{' '}
                  <Link to={`/beslut/${f.discontinuedDecisionId}`}>
                    {t('forum.discontinuedDecision')}
                  </Link>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {f.externalRole ? (
          <>
            <dt>{t('forum.externalRole')}</dt>
            <dd>{t(`externalRole.${f.externalRole}` as MessageKey)}</dd>
          </>
        ) : null}
        <dt>{t('forum.standingItems').replace(/ \(.*\)/, '')}</dt>
        <dd>{f.standingAgendaItems.length ? f.standingAgendaItems.join(', ') : '—'}</dd>
      </dl>
      {f.description ? <p>{f.description}</p> : null}

      <section aria-labelledby="members-h">
        <h2 id="members-h">{t('forum.members')}</h2>
        {members.data?.items.length ? (
          <ul className="plain">
            {members.data.items.map((m) => (
              <li key={m.id}>
                {m.personName ?? m.externalName} · {t(`memberRole.${m.memberRole}` as MessageKey)}
                {m.seatTitle ? ` · ${m.seatTitle}` : ''}
                {m.delegateName ? ` · ${t('forum.delegate')}: ${m.delegateName}` : ''}
                {mayEdit ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => void remove(m.id, m.personName ?? m.externalName ?? '')}
                      aria-label={`${t('common.remove')}: ${m.personName ?? m.externalName ?? ''}`}
                    >
                      {t('common.remove')}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button type="button" className="btn btn--small" onClick={() => setDialog('member')}>
            {t('forum.addMember')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="meetings-h">
        <h2 id="meetings-h">{t('forum.meetings')}</h2>
        <ErrorSummary error={error} />
        {meetings.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('forum.heldOn')}</th>
                  <th scope="col">{t('forum.meetingTitle')}</th>
                  <th scope="col">{t('forum.agenda').replace(/ \(.*\)/, '')}</th>
                  <th scope="col">{t('forum.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.data.items.map((m) => (
                  <tr key={m.id}>
                    <td className="nowrap">{formatDate(m.heldOn)}</td>
                    <td>{m.title ?? '—'}</td>
                    <td>{m.agenda.map((a) => a.title).join('; ') || '—'}</td>
                    <td>
                      {m.minutes ? (
                        <a
                          href={`/api/attachments/${m.minutes.id}`}
                          title={`${t('forum.checksum')}: ${m.minutes.sha256}`}
                        >
                          {m.minutes.filename}
                        </a>
                      ) : null}
                      {mayEdit ? (
                        <label className="upload">
                          <span className="visually-hidden">
                            {t('forum.uploadMinutes')} {formatDate(m.heldOn)}
                          </span>
                          <input
                            type="file"
                            accept=".pdf,.doc,.docx,.odt,.txt,.png,.jpg"
                            onChange={(e) => void upload(m, e.target.files?.[0])}
                          />
                        </label>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button type="button" className="btn btn--small" onClick={() => setDialog('meeting')}>
            {t('forum.newMeeting')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="fdec-h">
        <h2 id="fdec-h">{t('decision.title')}</h2>
        {decisions.data ? <DecisionTable items={decisions.data.items} /> : <Loading />}
      </section>

      {dialog === 'edit' ? <ForumDialog forum={f} onClose={() => setDialog(null)} /> : null}
      {dialog === 'member' ? <MemberDialog forumId={f.id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'meeting' ? (
        <MeetingDialog holder={{ forumId: f.id }} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
