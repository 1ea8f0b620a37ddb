import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/dialog';
import { ErrorText } from '../../ui/error-text';
import { rolesApi } from '../api/roles-api';
import type { CreatedToken } from '../api/types';
import { expiryInstant, todayLocal } from '../model/token-expiry';

interface Props {
  app: string;
  roleKeys: string[];
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}

/** "New API token" (`token-dialog`): name (`token-name`), role (`token-role`), optional expiry day (`token-expires`). */
export function CreateTokenDialog({ app, roleKeys, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState(roleKeys[0] ?? '');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ok = name.trim() !== '' && role !== '';
  const submit = async () => {
    if (!ok || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = expiryInstant(expires);
      onCreated(await rolesApi.createToken(app, { name: name.trim(), role, ...(expiresAt ? { expiresAt } : {}) }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('roles.tokens.create')} onClose={onClose} onSubmit={() => void submit()} testId="token-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ok || busy} data-testid="token-create-submit">
            {t('common.create')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('roles.tokens.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('roles.tokens.namePlaceholder')} maxLength={100} data-testid="token-name" autoFocus />
      </label>
      <label className="field">
        <span>{t('roles.tokens.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="token-role">
          {roleKeys.length === 0 && <option value="">{t('roles.members.noRoles')}</option>}
          {roleKeys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <small className="hint">{t('roles.tokens.roleHint')}</small>
      </label>
      <label className="field">
        <span>{t('roles.tokens.expires')}</span>
        <input type="date" value={expires} min={todayLocal()} onChange={(e) => setExpires(e.target.value)} data-testid="token-expires" />
        <small className="hint">{t('roles.tokens.expiresHint')}</small>
      </label>
      <ErrorText error={error} />
    </Dialog>
  );
}
