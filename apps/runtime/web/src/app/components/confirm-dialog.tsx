import { useTranslation } from 'react-i18next';

/** A small modal asking to confirm a destructive action (`confirm-dialog`, `confirm-ok`, `confirm-cancel`). */
export function ConfirmDialog({ message, confirmText, onConfirm, onCancel, busy }: { message: string; confirmText: string; onConfirm(): void; onCancel(): void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div className="modal card" role="alertdialog" aria-modal="true" data-testid="confirm-dialog" onClick={(e) => e.stopPropagation()}>
        <p>{message}</p>
        <div className="modal-actions">
          <button type="button" className="btn" data-testid="confirm-cancel" onClick={onCancel} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="confirm-ok" disabled={busy} onClick={onConfirm}>
            {confirmText}
          </button>
        </div>
      </div>
    </div>
  );
}
