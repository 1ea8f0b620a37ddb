import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FormDraft } from '../../api/types';
import { useLocale } from '../../hooks/useLocale';
import { Dialog } from '../../ui/dialog';
import { ErrorText } from '../../ui/error-text';
import { isValidKey } from '../../ui/keys';
import { pick } from '../../ui/localized';
import { newTableRule, newTriggerRule } from '../model/new-rule';

interface Props {
  app: string;
  existing: string[];
  forms: FormDraft[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New rule": automation or decision table, key, title (and the form an automation starts on). */
export function CreateRuleDialog({ app, existing, forms, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [type, setType] = useState<'trigger' | 'table'>('trigger');
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [form, setForm] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const taken = existing.includes(key);
  const ok = isValidKey(key) && !taken;

  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setError(undefined);
    const title = { 'zh-CN': zh || en || key, en: en || zh || key };
    const definition = type === 'trigger' ? newTriggerRule(key, title, form) : newTableRule(key, title);
    try {
      await endpoints.saveRule(app, key, definition);
      onCreated(key);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('rules.create')}
      onClose={onClose}
      onSubmit={submit}
      testId="rule-create-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="rule-create-submit">
            {t('common.create')}
          </button>
        </>
      }
    >
      <div className="rule-type-choice" role="radiogroup">
        {(['trigger', 'table'] as const).map((ty) => (
          <label key={ty} className={type === ty ? 'type-card is-active' : 'type-card'}>
            <input type="radio" name="rule-type" checked={type === ty} onChange={() => setType(ty)} data-testid={`rule-type-${ty}`} />
            <strong>{ty === 'trigger' ? t('rules.typeTrigger') : t('rules.typeTable')}</strong>
            <span className="muted small">{ty === 'trigger' ? t('rules.typeTriggerHint') : t('rules.typeTableHint')}</span>
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('rules.key')}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid="rule-key" autoFocus />
        <small className={key && !ok ? 'hint hint-bad' : 'hint'}>{taken ? t('rules.keyTaken') : t('common.keyHint')}</small>
      </label>
      <label className="field">
        <span>{t('rules.titleZh')}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="rule-create-title-zh" />
      </label>
      <label className="field">
        <span>{t('rules.titleEn')}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} data-testid="rule-create-title-en" />
      </label>
      {type === 'trigger' && (
        <label className="field">
          <span>{t('rules.startForm')}</span>
          <select value={form} onChange={(e) => setForm(e.target.value)} data-testid="rule-create-form">
            <option value="">{t('rules.pickForm')}</option>
            {forms.map((f) => (
              <option key={f.key} value={f.key}>
                {pick(f.definition?.title, locale, f.key)} ({f.key})
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorText error={error} />
    </Dialog>
  );
}
