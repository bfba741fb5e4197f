import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../platform/api.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';

export type DecisionLinkValue = { kind: string; targetId?: string | null; label: string };

/** The records a decision or information item can report on, and where each opens. */
const PICKABLE = {
  initiative: { url: '/api/initiatives', href: (id: string) => `/portfolj/${id}` },
  goal: { url: '/api/goals', href: (id: string) => `/mal/${id}` },
  document: { url: '/api/documents', href: (id: string) => `/styrdokument/${id}` },
} as const;
type Pickable = keyof typeof PICKABLE;
const isPickable = (k: string): k is Pickable => k in PICKABLE;

export const linkHref = (l: DecisionLinkValue) =>
  l.targetId && isPickable(l.kind) ? PICKABLE[l.kind].href(l.targetId) : null;

/** A decision's links as a list: those to a record open it. */
export function DecisionLinks({ links }: { links: readonly DecisionLinkValue[] }) {
  const { t } = useI18n();
  return (
    <ul className="plain">
      {links.map((l, i) => {
        const href = linkHref(l);
        return (
          <li key={`${l.kind}-${l.targetId ?? i}`}>
            <span className="muted">{t(`orgLinkKind.${l.kind}` as MessageKey)}: </span>
            {href ? <Link to={href}>{l.label}</Link> : l.label}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Picks the initiatives, goals and documents an item reports on (and free-text links). The
 * chosen links travel in a hidden field `links` as JSON, so the form's change check sees them.
 */
export function LinkPicker({
  defaultValue,
  error,
}: {
  defaultValue: readonly DecisionLinkValue[];
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const [links, setLinks] = useState<DecisionLinkValue[]>([...defaultValue]);
  const [kind, setKind] = useState<Pickable | 'other'>('document');
  const [target, setTarget] = useState('');
  const [label, setLabel] = useState('');
  const options = useQuery({
    queryKey: ['link-options', kind],
    queryFn: () =>
      isPickable(kind)
        ? api.get<{ items: { id: string; title: string }[] }>(
            `${PICKABLE[kind].url}${qs({ limit: 200 })}`,
          )
        : Promise.resolve({ items: [] }),
  });
  const items = options.data?.items ?? [];
  const add = () => {
    if (kind === 'other') {
      if (!label.trim()) return;
      setLinks([...links, { kind: 'other', label: label.trim() }]);
      setLabel('');
      return;
    }
    const chosen = items.find((x) => x.id === target);
    if (!chosen || links.some((l) => l.targetId === chosen.id)) return;
    setLinks([...links, { kind, targetId: chosen.id, label: chosen.title.slice(0, 300) }]);
    setTarget('');
  };
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('decision.links')}</legend>
      <input type="hidden" name="links" value={JSON.stringify(links)} />
      {links.length > 0 ? (
        <ul className="plain">
          {links.map((l, i) => (
            <li key={`${l.kind}-${l.targetId ?? l.label}`}>
              <span className="muted">{t(`orgLinkKind.${l.kind}` as MessageKey)}: </span>
              {l.label}{' '}
              <button
                type="button"
                className="btn btn--link"
                onClick={() => setLinks(links.filter((_, j) => j !== i))}
              >
                {t('decision.removeLink', { label: l.label })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('decision.noLinks')}</p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('decision.linkKind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Pickable | 'other');
              setTarget('');
            }}
          >
            {(['document', 'initiative', 'goal', 'other'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`orgLinkKind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'other' ? (
          <div className="field">
            <label htmlFor={`${id}-label`}>{t('decision.linkLabel')}</label>
            <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-target`}>{t('decision.linkTarget')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">—</option>
              {items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <button type="button" className="btn" onClick={add}>
            {t('decision.addLink')}
          </button>
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
