import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../../ui/icons';
import { Dialog } from '../../ui/dialog';
import type { CreatedToken } from '../api/types';

/**
 * The new token, shown this once (`token-reveal`): its value (`token-value`), a copy button
 * (`token-copy`, `data-copied`) and a warning that it cannot be shown again (`token-reveal-close`).
 */
export function TokenReveal({ token, onClose }: { token: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): select the text so the user can copy it.
      document.querySelector<HTMLInputElement>('[data-testid="token-value"]')?.select();
    }
  };
  return (
    <Dialog
      title={t('roles.tokens.createdTitle', { name: token.name })} onClose={onClose} onSubmit={onClose} testId="token-reveal"
      footer={
        <button type="submit" className="btn btn-primary" data-testid="token-reveal-close">
          {t('roles.tokens.done')}
        </button>
      }
    >
      <p className="role-token-warning" role="alert">
        {t('roles.tokens.onceWarning')}
      </p>
      <div className="role-token-value">
        <input className="input" readOnly value={token.token} onFocus={(e) => e.target.select()} data-testid="token-value" />
        <button type="button" className="btn" onClick={() => void copy()} data-testid="token-copy" data-copied={copied}>
          <CopyIcon /> {copied ? t('roles.tokens.copied') : t('roles.tokens.copy')}
        </button>
      </div>
      <p className="hint">{t('roles.tokens.usage')}</p>
    </Dialog>
  );
}
