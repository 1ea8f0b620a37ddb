import { secretNames, type SecretSpec } from '@kiln/engine-connectors';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import type { SecretState } from '../api/types';
import { useConnector } from '../hooks/useConnector';
import { useSettings } from '../hooks/useSettings';
import { textOf } from '../model/text';
import { saveSettings } from '../store/settings-store';

/** A secret the definition needs, with what the server knows of it (absent: not saved yet). */
interface SecretRow {
  spec: SecretSpec;
  server: SecretState | undefined;
}

/**
 * The installation's credentials (`…/settings`): per secret its label, whether it is set, a
 * password input with Save, and Clear. Values are write-only: never shown, never in the
 * definition. A secret the saved draft does not need yet (e.g. after changing the auth type)
 * is disabled until the draft is saved; the whole box until the settings can be read.
 */
export function CredentialsBox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useConnector();
  const { settings, error, loading } = useSettings();
  const rows = useMemo<SecretRow[]>(() => {
    let specs: SecretSpec[] = [];
    try {
      specs = secretNames(def);
    } catch {
      specs = [];
    }
    return specs.map((spec) => ({ spec, server: settings?.secrets.find((s) => s.name === spec.name) }));
  }, [def, settings]);
  const stale = (settings?.secrets ?? []).filter((s) => !rows.some((r) => r.spec.name === s.name));
  const ready = settings !== null;
  return (
    <section className="conn-box" data-testid="connector-credentials" data-ready={ready}>
      <div className="conn-box-title">{t('connectors.credentials.title')}</div>
      <p className="prop-hint">{t('connectors.credentials.note')}</p>
      {!ready && !loading && <p className="hint" data-testid="credentials-unsaved">{t('connectors.credentials.saveFirst')}</p>}
      <ErrorText error={error} />
      {rows.length === 0 && stale.length === 0 && <p className="muted small">{t('connectors.credentials.none')}</p>}
      <ul className="conn-secrets">
        {rows.map(({ spec, server }) => (
          <SecretItem key={spec.name} name={spec.name} label={textOf(spec.label, locale, spec.name)} forWhat={spec.for} set={!!server?.set} enabled={ready && !!server} />
        ))}
        {stale.map((s) => (
          <SecretItem key={s.name} name={s.name} label={textOf(s.label, locale, s.name)} forWhat={s.for} set={s.set} enabled={ready} unused />
        ))}
      </ul>
    </section>
  );
}

interface ItemProps {
  name: string;
  label: string;
  forWhat: 'auth' | 'inbound';
  set: boolean;
  enabled: boolean;
  /** The saved draft still needs it but the edited one no longer does. */
  unused?: boolean;
}

function SecretItem({ name, label, forWhat, set, enabled, unused }: ItemProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const saving = useSettings().saving === name;
  const save = async () => {
    if (value && (await saveSettings({ secrets: { [name]: value } }, name))) setValue('');
  };
  return (
    <li className="conn-secret" data-testid={`secret-${name}`} data-set={set}>
      <div className="conn-secret-head">
        <strong>{label}</strong>
        <code className="muted-code">{name}</code>
        <span className="badge">{t(`connectors.credentials.for.${forWhat}`)}</span>
        <span className={set ? 'badge badge-ok' : 'badge badge-warn'} data-testid={`secret-status-${name}`}>
          {set ? `${t('connectors.credentials.set')} ✓` : t('connectors.credentials.notSet')}
        </span>
      </div>
      <form className="inline-inputs conn-native-undo" onSubmit={(e) => (e.preventDefault(), void save())}>
        <input
          type="password" className="input" autoComplete="new-password" value={value} disabled={!enabled || saving}
          placeholder={set ? t('connectors.credentials.replace') : t('connectors.credentials.enter')}
          onChange={(e) => setValue(e.target.value)} data-testid={`secret-input-${name}`}
        />
        <button type="submit" className="btn btn-sm" disabled={!enabled || !value || saving} data-testid={`secret-save-${name}`}>
          {t('connectors.credentials.save')}
        </button>
        <button type="button" className="btn btn-sm btn-danger" disabled={!enabled || !set || saving} onClick={() => void saveSettings({ secrets: { [name]: null } }, name)} data-testid={`secret-clear-${name}`}>
          {t('connectors.credentials.clear')}
        </button>
      </form>
      {enabled ? null : <small className="hint">{unused ? '' : t('connectors.credentials.saveDraftFirst')}</small>}
      {unused && <small className="hint">{t('connectors.credentials.unused')}</small>}
    </li>
  );
}
