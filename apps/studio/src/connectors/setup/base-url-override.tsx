import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../hooks/useSettings';
import { saveSettings } from '../store/settings-store';

/**
 * The installation's base URL override (`…/settings` `baseUrl`): where this installation's calls
 * go instead of the definition's base URL (e.g. the test ERP). Applied at once, not published.
 */
export function BaseUrlOverride() {
  const { t } = useTranslation();
  const { settings, saving } = useSettings();
  const [value, setValue] = useState(settings?.baseUrl ?? '');
  useEffect(() => setValue(settings?.baseUrl ?? ''), [settings?.baseUrl]);
  const ready = settings !== null;
  const busy = saving === 'baseUrl';
  return (
    <section className="conn-box" data-testid="connector-installation">
      <div className="conn-box-title">{t('connectors.installation.title')}</div>
      <label className="prop-item">
        <span className="prop-label">{t('connectors.installation.baseUrl')}</span>
        <form className="inline-inputs conn-native-undo" onSubmit={(e) => (e.preventDefault(), void saveSettings({ baseUrl: value.trim() || null }, 'baseUrl'))}>
          <input className="input" value={value} disabled={!ready || busy} placeholder={t('connectors.installation.placeholder')} onChange={(e) => setValue(e.target.value)} data-testid="settings-base-url" />
          <button type="submit" className="btn btn-sm" disabled={!ready || busy || value.trim() === (settings?.baseUrl ?? '')} data-testid="settings-base-url-save">
            {t('connectors.credentials.save')}
          </button>
          <button type="button" className="btn btn-sm btn-danger" disabled={!ready || busy || !settings?.baseUrl} onClick={() => void saveSettings({ baseUrl: null }, 'baseUrl')} data-testid="settings-base-url-clear">
            {t('connectors.credentials.clear')}
          </button>
        </form>
      </label>
      <div className="prop-hint">
        {t('connectors.installation.effective')}: <code data-testid="settings-effective-url">{settings?.effectiveBaseUrl ?? '—'}</code>
      </div>
    </section>
  );
}
