import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { isApiError } from '../api/api-error';
import { Dialog } from '../ui/dialog';
import { ErrorText } from '../ui/error-text';
import { isValidKey } from '../ui/keys';

interface Props {
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "Create app": a key plus the name in both languages; `POST /api/apps`. */
export function CreateAppDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const keyOk = isValidKey(key);

  const submit = async () => {
    if (!keyOk || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await endpoints.createApp(key, { 'zh-CN': zh || en || key, en: en || zh || key });
      onCreated(res?.key ?? key);
    } catch (e) {
      setError(isApiError(e, 409) ? new Error(t('apps.exists', { key })) : e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('apps.create')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!keyOk || busy} data-testid="app-create-submit">
            {t('common.create')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('apps.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid="app-key" autoFocus />
        <small className={key && !keyOk ? 'hint hint-bad' : 'hint'}>{t('common.keyHint')}</small>
      </label>
      <label className="field">
        <span>{t('apps.nameZh')}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="app-name-zh" />
      </label>
      <label className="field">
        <span>{t('apps.nameEn')}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} data-testid="app-name-en" />
      </label>
      <ErrorText error={error} />
    </Dialog>
  );
}
