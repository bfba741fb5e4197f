import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import { Badge, LoadError, Loading, PageHeader } from '../../../platform/components.js';
import { formatDateTime, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { orgApi } from '../api.js';
import { DecisionDialog, OutcomeBadge } from '../components/decisions.js';
import { DecisionLinks } from '../components/decision-links.js';
import { useTree } from '../components/units.js';

export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId, units } = useTree(true);
  const decision = useQuery({ queryKey: ['decision', id], queryFn: () => orgApi.decision(id) });
  const chain = useQuery({ queryKey: ['decision', id, 'chain'], queryFn: () => orgApi.chain(id) });
  const forum = useQuery({
    queryKey: ['forum', decision.data?.forumId],
    queryFn: () => orgApi.forum(decision.data!.forumId!),
    enabled: Boolean(decision.data?.forumId),
  });
  const [editing, setEditing] = useState(false);
  if (decision.isLoading) return <Loading />;
  if (decision.error || !decision.data) return <LoadError error={decision.error} />;
  const d = decision.data;
  const holderPath = d.bodyUnitId
    ? byId.get(d.bodyUnitId)?.path
    : forum.data
      ? byId.get(forum.data.parentUnitId)?.path
      : !d.forumId
        ? // An executive decision naming only the post is the whole organisation's.
          units.find((u) => !u.parentId)?.path
        : undefined;
  const mayEdit = holderPath ? can('org.decision.edit', { unitPath: holderPath }) : false;
  return (
    <>
      <PageHeader
        title={d.title}
        intro={d.reference}
        actions={
          mayEdit ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
          ) : null
        }
      />
      {d.warnings.length ? (
        <section aria-labelledby="warn-h" className="alert card">
          <h2 id="warn-h">{t('decision.warnings')}</h2>
          <ul>
            {d.warnings.map((w) => (
              <li key={w.path}>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <dl className="facts">
        <dt>{t('decision.kind')}</dt>
        <dd>{t(`decisionKind.${d.kind}` as MessageKey)}</dd>
        <dt>{t('decision.decider')}</dt>
        <dd>
          {d.bodyUnitId ? (
            <Link to={`/organisation/${d.bodyUnitId}`}>{d.bodyName}</Link>
          ) : d.forumId ? (
            <Link to={`/forum/${d.forumId}`}>{d.forumName}</Link>
          ) : (
            '—'
          )}
        </dd>
        {d.decidedByTitle || d.decidedByPersonName ? (
          <>
            <dt>{t('decision.decidedBy')}</dt>
            <dd>{[d.decidedByTitle, d.decidedByPersonName].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('decision.decidedOn')}</dt>
        <dd>{d.dateText ?? t('common.unknown')}</dd>
        <dt>{t('decision.paragraph')}</dt>
        <dd>{d.paragraph ?? '—'}</dd>
        <dt>{t('decision.caseNumber')}</dt>
        <dd>{d.caseNumber ?? '—'}</dd>
        <dt>{t('decision.level')}</dt>
        <dd>{t(`level.${d.level}` as MessageKey)}</dd>
        <dt>{t('decision.outcome')}</dt>
        <dd>
          <OutcomeBadge d={d} />
        </dd>
        {d.subjects.length ? (
          <>
            <dt>{t('decision.subjects')}</dt>
            <dd>
              {d.subjects.map((s) => (
                <Badge key={s} tone="info">
                  {s}
                </Badge>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('common.version')}</dt>
        <dd>
          {t('common.version', { version: d.version })} ·{' '}
          {t('common.changedBy', { at: formatDateTime(d.updatedAt) })}
        </dd>
      </dl>
      {d.body ? (
        <section aria-labelledby="text-h">
          <h2 id="text-h">{t('decision.text')}</h2>
          <p className="prewrap">{d.body}</p>
        </section>
      ) : null}
      {d.basis.length ? (
        <section aria-labelledby="basis-h">
          <h2 id="basis-h">{t('decision.basis').replace(/ \(.*\)/, '')}</h2>
          <ul>
            {d.basis.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.links.length ? (
        <section aria-labelledby="links-h">
          <h2 id="links-h">{t('decision.links')}</h2>
          <DecisionLinks links={d.links} />
        </section>
      ) : null}
      {chain.data?.items.length ? (
        <section aria-labelledby="chain-h">
          <h2 id="chain-h">{t('decision.chain')}</h2>
          <ol className="chain">
            {chain.data.items.map((c) => (
              <li key={c.id}>
                {c.id === d.id ? (
                  <strong aria-current="true">
                    {c.reference} – {c.title}
                  </strong>
                ) : (
                  <Link to={`/beslut/${c.id}`}>
                    {c.reference} – {c.title}
                  </Link>
                )}{' '}
                <OutcomeBadge d={c} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {editing ? <DecisionDialog decision={d} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
