import { useTranslation } from 'react-i18next';

/** Cancel and save buttons of a user dialog (`user-cancel`, `user-save`). */
export function DialogFooter({ onCancel, canSave, saveLabel }: { onCancel: () => void; canSave: boolean; saveLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="btn" onClick={onCancel} data-testid="user-cancel">
        {t('common.cancel')}
      </button>
      <button type="submit" className="btn btn-primary" disabled={!canSave} data-testid="user-save">
        {saveLabel}
      </button>
    </>
  );
}
