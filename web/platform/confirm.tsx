import { useCallback, useRef, useState } from 'react';
import { Dialog } from './components.js';
import { useI18n } from './i18n.js';

type Ask = { message: string; confirmLabel: string | undefined };

/**
 * Ask before a destructive action, in an accessible dialog (the native <dialog>: focus stays in
 * it, Escape or Avbryt answers no). `confirm` resolves true only when the user presses the
 * confirm button; render `confirmDialog` once in the component.
 */
export function useConfirm() {
  const { t } = useI18n();
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback(
    (message: string, confirmLabel?: string) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setAsk({ message, confirmLabel });
      }),
    [],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsk(null);
  };
  const confirmDialog = (
    <Dialog title={t('common.confirmTitle')} open={ask !== null} onClose={() => answer(false)}>
      {ask ? (
        <>
          <p>{ask.message}</p>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={() => answer(true)}>
              {ask.confirmLabel ?? t('common.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => answer(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
  return { confirm, confirmDialog };
}
