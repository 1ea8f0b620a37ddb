import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '@kiln/engine-forms';
import { endpoints } from '../api/endpoints';
import { Dialog } from '../ui/dialog';
import { ErrorText } from '../ui/error-text';
import { isValidKey } from '../ui/keys';

interface Props {
  app: string;
  existing: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New form": key and title; stores an empty draft with `PUT /api/apps/{app}/forms/{key}`. */
export function CreateFormDialog({ app, existing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const taken = existing.includes(key);
  const ok = isValidKey(key) && !taken;

  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setError(undefined);
    const definition: FormDefinition = {
      formatVersion: 1,
      key,
      title: { 'zh-CN': zh || en || key, en: en || zh || key },
      fields: [],
    };
    try {
      await endpoints.saveForm(app, key, definition);
      onCreated(key);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('forms.create')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="form-create-submit">
            {t('common.create')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('forms.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid="form-key" autoFocus />
        <small className={key && !ok ? 'hint hint-bad' : 'hint'}>
          {taken ? t('forms.keyTaken') : t('common.keyHint')}
        </small>
      </label>
      <label className="field">
        <span>{t('forms.titleZh')}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="form-title-zh" />
      </label>
      <label className="field">
        <span>{t('forms.titleEn')}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} data-testid="form-title-en" />
      </label>
      <ErrorText error={error} />
    </Dialog>
  );
}
