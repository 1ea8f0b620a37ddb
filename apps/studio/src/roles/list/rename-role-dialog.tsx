import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog';
import { ErrorText } from '../../ui/error-text';
import { isValidKey } from '../../ui/keys';
import { renameRole } from './rename-role';

interface Props {
  app: string;
  from: string;
  existing: string[];
  onClose: () => void;
  onRenamed: (key: string) => void;
}

/** Renames a role's key (`role-rename-dialog`): the draft moves to the new key. */
export function RenameRoleDialog({ app, from, existing, onClose, onRenamed }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState(from);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const taken = key !== from && existing.includes(key);
  const ok = isValidKey(key) && !taken && key !== from;
  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await renameRole(app, from, key);
      onRenamed(key);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('roles.renameTitle', { key: from })} onClose={onClose} onSubmit={() => void submit()} testId="role-rename-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="role-rename-submit">
            {t('roles.rename')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('roles.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid="role-rename-key" autoFocus />
        <small className={key && !isValidKey(key) ? 'hint hint-bad' : 'hint'}>{taken ? t('roles.keyTaken') : t('common.keyHint')}</small>
      </label>
      <p className="hint">{t('roles.renameHint')}</p>
      <ErrorText error={error} />
    </Dialog>
  );
}
