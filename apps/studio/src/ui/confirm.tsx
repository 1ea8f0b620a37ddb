import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { Dialog } from './dialog';

interface ConfirmState {
  request: { message: string; danger: boolean; resolve: (ok: boolean) => void } | null;
}

const useConfirmStore = create<ConfirmState>(() => ({ request: null }));
const selectRequest = (s: ConfirmState) => s.request;

/**
 * Asks the user to confirm in an in-app dialog (`confirm-ok` / `confirm-cancel`), instead of
 * `window.confirm`, which browsers under automation silently dismiss.
 *
 * @example if (await confirmAction(t('forms.confirmDelete', { key }), { danger: true })) remove();
 */
export function confirmAction(message: string, opts: { danger?: boolean } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    useConfirmStore.getState().request?.resolve(false);
    useConfirmStore.setState({ request: { message, danger: !!opts.danger, resolve } });
  });
}

/** Renders the pending confirmation, if any; mounted once by the shell. */
export function ConfirmHost() {
  const { t } = useTranslation();
  const request = useConfirmStore(selectRequest);
  if (!request) return null;
  const answer = (ok: boolean) => {
    useConfirmStore.setState({ request: null });
    request.resolve(ok);
  };
  return (
    <Dialog
      title={t('common.confirmTitle')}
      onClose={() => answer(false)}
      onSubmit={() => answer(true)}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => answer(false)} data-testid="confirm-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" className={request.danger ? 'btn btn-danger-solid' : 'btn btn-primary'} data-testid="confirm-ok" autoFocus>
            {t('common.confirm')}
          </button>
        </>
      }
    >
      <p className="confirm-message">{request.message}</p>
    </Dialog>
  );
}
