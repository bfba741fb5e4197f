import { Link } from 'react-router';
import type { Evidence } from '../../domain/shared/evidence.js';
import { formatNumber, useI18n } from './i18n.js';

/**
 * A count that opens the records it is built from: the figure and its label as a disclosure
 * (keyboard and screen readers get it from <details>), the records as links beneath.
 */
export function EvidenceCount({ evidence, label }: { evidence: Evidence; label: string }) {
  const { t } = useI18n();
  return (
    <details className="evidence">
      <summary>
        <span className="evidence__figure">{formatNumber(evidence.figure)}</span> {label}
      </summary>
      {evidence.records.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <ul className="plain">
          {evidence.records.map((r) => (
            <li key={`${r.entity}:${r.id}`}>
              <Link to={r.href}>{r.title}</Link>
              {r.detail ? <span className="muted"> · {r.detail}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
