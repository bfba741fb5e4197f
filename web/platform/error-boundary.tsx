import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useI18n } from './i18n.js';
import { messageOf } from './components.js';

type Props = { children: ReactNode; fallback: (error: unknown, reset: () => void) => ReactNode };

/** React's error boundary (only a class can be one): one broken page shows its fallback, not a blank app. */
class Boundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('') };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    if (this.state.error)
      return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}

/**
 * Around each routed page. `resetKey` (the path) remounts it on navigation, so leaving a broken
 * page clears the error; "Försök igen" also resets failed queries before rendering again.
 */
export function PageErrorBoundary({
  resetKey,
  children,
}: {
  resetKey: string;
  children: ReactNode;
}) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <Boundary
      key={resetKey}
      fallback={(error, retry) => (
        <PageError
          error={error}
          onRetry={() => {
            reset();
            retry();
          }}
        />
      )}
    >
      {children}
    </Boundary>
  );
}

function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const message = messageOf(error);
  return (
    <div className="alert alert--error page-error" role="alert" tabIndex={-1} ref={ref}>
      <h1>{t('boundary.title')}</h1>
      <p>{t('boundary.body')}</p>
      {message ? <p className="muted">{t('boundary.detail', { message })}</p> : null}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onRetry}>
          {t('boundary.retry')}
        </button>
        <Link to="/" className="btn">
          {t('boundary.home')}
        </Link>
      </div>
    </div>
  );
}
