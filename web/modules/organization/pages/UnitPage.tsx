import { useState } from 'react';
import { useFormAction } from '../../../platform/use-form.js';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
  TextField,
  TextArea,
  FormActions,
} from '../../../platform/components.js';
import { formatDate, formatDateTime, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import {
  MoveDialog,
  UnitDialog,
  UnitSelect,
  useInvalidateOrg,
  useTree,
} from '../components/units.js';
import { DecisionTable } from '../components/decisions.js';
import { MeetingDialog } from '../components/forums.js';
import { MeetingCalendarDialog } from '../components/meeting-calendar.js';
import { BODY_KINDS } from '../../../../domain/organization/unit.js';

export function UnitPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree(true);
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => orgApi.unit(id) });
  const people = useQuery({
    queryKey: ['persons', 'unit', id],
    queryFn: () => orgApi.persons({ unitId: id, limit: 200 }),
  });
  const posts = useQuery({ queryKey: ['posts', id], queryFn: () => orgApi.posts(id) });
  const forums = useQuery({
    queryKey: ['forums', 'unit', id],
    queryFn: () => orgApi.forums({ unitId: id, limit: 200 }),
  });
  const decisions = useQuery({
    queryKey: ['decisions', 'unit', id],
    queryFn: () => orgApi.decisions({ bodyUnitId: id, limit: 20 }),
  });
  const history = useQuery({ queryKey: ['history', id], queryFn: () => orgApi.unitHistory(id) });
  const meetings = useQuery({
    queryKey: ['meetings', 'body', id],
    queryFn: () => orgApi.meetings({ bodyUnitId: id, limit: 20 }),
  });
  const [dialog, setDialog] = useState<
    'edit' | 'move' | 'child' | 'post' | 'successor' | 'meeting' | 'calendar' | null
  >(null);

  if (unit.isLoading) return <Loading />;
  if (unit.error || !unit.data) return <LoadError error={unit.error} />;
  const u = unit.data;
  const target = { unitPath: u.path };
  const mayEdit = can('org.unit.edit', target);
  const children = [...byId.values()].filter((c) => c.parentId === u.id);
  const today = new Date().toLocaleDateString('sv-SE');

  return (
    <>
      <nav aria-label={t('org.path')} className="breadcrumbs">
        <ol>
          {u.path.map((pid) => (
            <li key={pid}>
              {pid === u.id ? (
                <span aria-current="page">{u.name}</span>
              ) : (
                <Link to={`/organisation/${pid}`}>{byId.get(pid)?.name ?? '…'}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <PageHeader
        title={u.name}
        intro={[
          t(`unitKind.${u.kind}` as MessageKey),
          u.shortName,
          u.startsOn || u.endsOn
            ? `${formatDate(u.startsOn)} – ${u.endsOn ? formatDate(u.endsOn) : ''}`
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          mayEdit ? (
            <>
              <button type="button" className="btn" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </button>
              {u.parentId ? (
                <button type="button" className="btn" onClick={() => setDialog('move')}>
                  {t('org.moveUnit')}
                </button>
              ) : null}
              {!u.archivedAt ? (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setDialog('child')}
                >
                  {t('org.newUnit')}
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      {u.archivedAt ? (
        <p>
          <Badge tone="neutral">
            {t('org.archived')} {formatDateTime(u.archivedAt)}
          </Badge>
        </p>
      ) : null}
      {u.description ? <p>{u.description}</p> : null}

      <div className="grid-2">
        <section aria-labelledby="children-h" className="card">
          <h2 id="children-h">{t('org.children')}</h2>
          {children.length === 0 ? (
            <EmptyState>{t('common.empty')}</EmptyState>
          ) : (
            <ul className="plain">
              {children.map((c) => (
                <li key={c.id}>
                  <Link to={`/organisation/${c.id}`}>{c.name}</Link>{' '}
                  <span className="muted small">{t(`unitKind.${c.kind}` as MessageKey)}</span>
                  {c.archivedAt ? (
                    <>
                      {' '}
                      <Badge tone="neutral">{t('org.archived')}</Badge>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="people-h" className="card">
          <h2 id="people-h">{t('org.people')}</h2>
          {people.data?.items.length ? (
            <ul className="plain">
              {people.data.items.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="muted small">{p.title}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('common.empty')}</EmptyState>
          )}
        </section>
        <section aria-labelledby="posts-h" className="card">
          <h2 id="posts-h">{t('org.posts')}</h2>
          {posts.data?.items.length ? (
            <ul className="plain">
              {posts.data.items.map((p) => (
                <li key={p.id}>
                  {p.title}:{' '}
                  {p.isVacant ? <Badge tone="warn">{t('org.vacant')}</Badge> : p.holderName}
                  {p.competenceRequirements ? (
                    <div className="muted small">
                      {t('org.competence')}: {p.competenceRequirements}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('common.empty')}</EmptyState>
          )}
          {can('org.people.edit', target) ? (
            <button type="button" className="btn btn--small" onClick={() => setDialog('post')}>
              {t('org.newPost')}
            </button>
          ) : null}
        </section>
        <section aria-labelledby="forums-h" className="card">
          <h2 id="forums-h">{t('org.unitForums')}</h2>
          {forums.data?.items.length ? (
            <ul className="plain">
              {forums.data.items.map((f) => (
                <li key={f.id}>
                  <Link to={`/forum/${f.id}`}>{f.name}</Link>{' '}
                  {f.flags.map((fl) => (
                    <Badge key={fl} tone="warn">
                      {t(`flag.${fl}` as MessageKey)}
                    </Badge>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('common.empty')}</EmptyState>
          )}
        </section>
      </div>

      {BODY_KINDS.includes(u.kind) || meetings.data?.items.length ? (
        <section aria-labelledby="meet-h">
          <h2 id="meet-h">{t('org.bodyMeetings')}</h2>
          {meetings.data?.items.length ? (
            <ul className="plain">
              {meetings.data.items.map((m) => (
                <li key={m.id}>
                  {formatDate(m.heldOn)}{' '}
                  {m.heldOn > today ? <Badge tone="info">{t('org.calendar.planned')}</Badge> : null}{' '}
                  {m.title ?? ''}{' '}
                  {m.agenda.length ? (
                    <span className="muted small">({m.agenda.map((a) => a.title).join('; ')})</span>
                  ) : null}{' '}
                  {m.minutes ? (
                    <a href={`/api/attachments/${m.minutes.id}`}>{m.minutes.filename}</a>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('common.empty')}</EmptyState>
          )}
          {can('org.decision.edit', target) ? (
            <div className="form-actions">
              <button type="button" className="btn btn--small" onClick={() => setDialog('meeting')}>
                {t('forum.newMeeting')}
              </button>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => setDialog('calendar')}
              >
                {t('org.calendar.add')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="dec-h">
        <h2 id="dec-h">{t('org.unitDecisions')}</h2>
        {decisions.data ? <DecisionTable items={decisions.data.items} /> : <Loading />}
      </section>

      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t('org.history')}</h2>
        <h3>{t('org.placements')}</h3>
        <ul className="plain">
          {history.data?.placements.map((p) => (
            <li key={p.fromAt}>
              {p.parentName ?? '—'}: {formatDateTime(p.fromAt)} –{' '}
              {p.toAt ? formatDateTime(p.toAt) : t('org.current')}
            </li>
          ))}
        </ul>
        <h3>{t('org.successions')}</h3>
        {history.data?.successions.length ? (
          <ul className="plain">
            {history.data.successions.map((s) => (
              <li key={s.id}>
                <Link to={`/organisation/${s.predecessorId}`}>{s.predecessorName}</Link> →{' '}
                <Link to={`/organisation/${s.successorId}`}>{s.successorName}</Link>{' '}
                {s.onDate ? `(${s.onDate})` : ''} {s.note}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button type="button" className="btn btn--small" onClick={() => setDialog('successor')}>
            {t('org.addSuccessor')}
          </button>
        ) : null}
      </section>

      {dialog === 'edit' ? <UnitDialog open unit={u} onClose={() => setDialog(null)} /> : null}
      {dialog === 'child' ? <UnitDialog open parent={u} onClose={() => setDialog(null)} /> : null}
      {dialog === 'move' ? <MoveDialog open unit={u} onClose={() => setDialog(null)} /> : null}
      {dialog === 'post' ? <PostDialog unitId={u.id} onClose={() => setDialog(null)} /> : null}
      {dialog === 'meeting' ? (
        <MeetingDialog holder={{ bodyUnitId: u.id }} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'calendar' ? (
        <MeetingCalendarDialog holder={{ bodyUnitId: u.id }} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'successor' ? (
        <SuccessorDialog unitId={u.id} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function PostDialog({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await orgApi.createPost({
      unitId,
      title: v.title ?? '',
      competenceRequirements: v.competenceRequirements,
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('org.newPost')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <TextField label={t('org.postTitle')} name="title" required error={fe.title} />
        <TextArea
          label={t('org.competence')}
          name="competenceRequirements"
          error={fe.competenceRequirements}
        />
        <FormActions />
      </form>
    </Dialog>
  );
}

function SuccessorDialog({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await orgApi.addSuccessor(unitId, {
      successorId: v.successorId,
      onDate: v.onDate,
      note: v.note,
    });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('org.addSuccessor')} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <UnitSelect
          label={t('org.successor')}
          name="successorId"
          required
          error={fe.successorId}
          exclude={(u) => u.id === unitId}
        />
        <TextField label={t('org.onDate')} name="onDate" type="date" error={fe.onDate} />
        <TextField label={t('org.note')} name="note" error={fe.note} />
        <FormActions />
      </form>
    </Dialog>
  );
}
