import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog';
import { ErrorText } from './error-text';
import { isValidKey } from './keys';

/** What a "new …" dialog collects: a key and a name in both languages (each falls back to the other, then the key). */
export interface KeyAndName {
  key: string;
  name: { 'zh-CN': string; en: string };
}

interface Props {
  title: string;
  testId?: string;
  /** Test ids `<p>-key` and `<p>-create-submit`. */
  prefix: string;
  labels: { key: string; zh: string; en: string; taken?: string };
  nameTestIds: { zh: string; en: string };
  /** Keys already used (refused with `labels.taken`). */
  existing?: string[];
  /** Further conditions for the Create button (e.g. a form picked). */
  ready?: boolean;
  /** Creates it; a throw is shown in the dialog (through `mapError`). */
  create: (v: KeyAndName) => Promise<void>;
  mapError?: (e: unknown, key: string) => unknown;
  onClose: () => void;
  /** Fields above the key (e.g. a type choice). */
  before?: ReactNode;
  /** Fields below the names. */
  children?: ReactNode;
}

/** The studio's "new app / form / rule / flow" dialog: key with its hint, both names, busy and error handling. */
export function CreateDialog({ title, testId, prefix, labels, nameTestIds, existing = [], ready = true, create, mapError, onClose, before, children }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const taken = existing.includes(key);
  const keyOk = isValidKey(key) && !taken;

  const submit = async () => {
    if (!keyOk || !ready || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await create({ key, name: { 'zh-CN': zh || en || key, en: en || zh || key } });
    } catch (e) {
      setError(mapError ? mapError(e, key) : e);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      testId={testId}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!keyOk || !ready || busy} data-testid={`${prefix}-create-submit`}>
            {t('common.create')}
          </button>
        </>
      }
    >
      {before}
      <label className="field">
        <span>{labels.key}</span>
        <input value={key} onChange={(e) => setKey(e.target.value.trim())} data-testid={`${prefix}-key`} autoFocus />
        <small className={key && !keyOk ? 'hint hint-bad' : 'hint'}>{taken && labels.taken ? labels.taken : t('common.keyHint')}</small>
      </label>
      <label className="field">
        <span>{labels.zh}</span>
        <input value={zh} onChange={(e) => setZh(e.target.value)} data-testid={nameTestIds.zh} />
      </label>
      <label className="field">
        <span>{labels.en}</span>
        <input value={en} onChange={(e) => setEn(e.target.value)} data-testid={nameTestIds.en} />
      </label>
      {children}
      <ErrorText error={error} />
    </Dialog>
  );
}
