import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FormDraft } from '../../api/types';
import { useLocale } from '../../hooks/useLocale';
import { Dialog } from '../../ui/dialog';
import { ErrorText } from '../../ui/error-text';
import { isValidKey } from '../../ui/keys';
import { pick } from '../../ui/localized';
import { newFlow } from '../model/new-flow';

interface Props {
  app: string;
  existing: string[];
  forms: FormDraft[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New flow": key, name in both languages, and the form whose records it runs on. */
export function CreateFlowDialog({ app, existing, forms, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [form, setForm] = useState(forms.length === 1 ? forms[0].key : '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const taken = existing.includes(key);
  const ok = isValidKey(key) && !taken && !!form;

  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setError(undefined);
    const name = { 'zh-CN': zh || en || key, en: en || zh || key };
    try {
      await endpoints.saveFlow(app, key, newFlow(key, name, form));
      onCreated(key);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('flows.create')}
      onClose={onClose}
      onSubmit={submit}
      testId="flow-create-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="flow-create-submit">
            {t('common.create')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('flows.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid="flow-key" autoFocus />
        <small className={key && !(isValidKey(key) && !taken) ? 'hint hint-bad' : 'hint'}>{taken ? t('flows.keyTaken') : t('common.keyHint')}</small>
      </label>
      <label className="field">
        <span>{t('flows.nameZh')}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="flow-create-name-zh" />
      </label>
      <label className="field">
        <span>{t('flows.nameEn')}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} data-testid="flow-create-name-en" />
      </label>
      <label className="field">
        <span>{t('flows.settings.form')}</span>
        <select value={form} onChange={(e) => setForm(e.target.value)} data-testid="flow-create-form">
          <option value="">{t('rules.pickForm')}</option>
          {forms.map((f) => (
            <option key={f.key} value={f.key}>
              {pick(f.definition?.title, locale, f.key)} ({f.key})
            </option>
          ))}
        </select>
        <small className="hint">{t('flows.settings.formHint')}</small>
      </label>
      <ErrorText error={error} />
    </Dialog>
  );
}
