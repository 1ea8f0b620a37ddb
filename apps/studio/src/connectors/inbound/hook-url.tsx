import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../../ui/icons';
import { useConnectorApp } from '../hooks/useConnectorApp';

/** The URL the outside platform posts to (`/api/hooks/{app}/{connector}`), with a copy button. */
export function HookUrl() {
  const { t } = useTranslation();
  const { app, key } = useConnectorApp();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}/api/hooks/${encodeURIComponent(app)}/${encodeURIComponent(key)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="conn-hook-url">
      <span className="rf-label">{t('connectors.inbound.url')}</span>
      <div className="inline-inputs">
        <code className="conn-url-box" data-testid="inbound-url">{url}</code>
        <button type="button" className="btn btn-sm" onClick={() => void copy()} data-testid="inbound-url-copy" data-copied={copied}>
          <CopyIcon /> {copied ? t('connectors.inbound.copied') : t('connectors.inbound.copy')}
        </button>
      </div>
      <span className="rf-hint">{t('connectors.inbound.urlHint')}</span>
    </div>
  );
}
