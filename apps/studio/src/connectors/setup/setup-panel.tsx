import { FormProvider } from '@formily/react';
import type { AuthType } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { NumberInput, Select, TextInput } from '../../designer/props/connected';
import { applyValue, toValues } from '../../reports/model/accessors';
import { usePanelForm } from '../../reports/hooks/usePanelForm';
import { ConnPropField } from '../common/conn-prop-field';
import { useConnector } from '../hooks/useConnector';
import { AUTH_FIELDS, AUTH_TYPES } from '../model/auth-fields';
import { SETUP_ACCESSORS } from '../model/setup-accessors';
import { bumpRevision } from '../store/connector-ui';
import { connectorEdit } from '../store/edit';

/**
 * The connector's own settings as a formily panel (fields `prop-<name>`): names, description,
 * base URL, auth type and its fields, timeout, rate limit, retry policy. Seeded once per mount;
 * the page re-keys it after undo / redo and when the auth type changes.
 */
export function SetupPanel() {
  const { t } = useTranslation();
  const def = useConnector();
  const form = usePanelForm(toValues(def, SETUP_ACCESSORS), (name, value) => {
    connectorEdit.update((d) => applyValue(d, SETUP_ACCESSORS, name, value), `setup:${name}`);
    if (name === 'auth-type') bumpRevision();
  });
  const authType: AuthType = def.auth?.type ?? 'none';
  const authOptions = AUTH_TYPES.map((a) => ({ value: a, label: t(`connectors.auth.types.${a}`) }));
  return (
    <FormProvider form={form}>
      <div className="prop-panel conn-setup-panel" data-testid="connector-setup">
        <section className="prop-section" data-section="general">
          <div className="prop-section-title">{t('connectors.setup.general')}</div>
          <div className="prop-grid conn-grid-2">
            <ConnPropField name="name-zh" title={t('connectors.nameZh')} component={TextInput} path="/name" />
            <ConnPropField name="name-en" title={t('connectors.nameEn')} component={TextInput} path="/name" />
            <ConnPropField name="description-zh" title={t('connectors.setup.descriptionZh')} component={TextInput} path="/description" />
            <ConnPropField name="description-en" title={t('connectors.setup.descriptionEn')} component={TextInput} path="/description" />
          </div>
        </section>
        <section className="prop-section" data-section="connection">
          <div className="prop-section-title">{t('connectors.setup.connection')}</div>
          <div className="prop-grid">
            <ConnPropField name="base-url" title={t('connectors.setup.baseUrl')} hint={t('connectors.setup.baseUrlHint')} component={TextInput} props={{ placeholder: 'https://erp.example.com/api', emptyAsUndefined: true }} path="/baseUrl" />
            <div className="conn-grid-2">
              <ConnPropField name="timeout" title={t('connectors.setup.timeout')} hint={t('connectors.setup.timeoutHint')} component={NumberInput} props={{ step: 100, placeholder: '10000' }} path="/timeoutMs" />
              <ConnPropField name="rate" title={t('connectors.setup.rate')} hint={t('connectors.setup.rateHint')} component={NumberInput} props={{ step: 1 }} path="/rateLimit" />
            </div>
          </div>
        </section>
        <section className="prop-section" data-section="auth">
          <div className="prop-section-title">{t('connectors.setup.auth')}</div>
          <div className="prop-grid">
            <ConnPropField name="auth-type" title={t('connectors.auth.type')} hint={t(`connectors.auth.hints.${authType}`)} component={Select} props={{ options: authOptions }} path="/auth" />
            <div className="conn-grid-2">
              {AUTH_FIELDS[authType].map((f) => (
                <ConnPropField
                  key={f.name} name={f.name} title={t(`connectors.auth.fields.${f.prop}`)} path={`/auth/${f.prop}`}
                  component={f.kind === 'number' ? NumberInput : f.kind === 'select' ? Select : TextInput}
                  props={f.kind === 'select' ? { options: (f.options ?? []).map((o) => ({ value: o, label: t(`connectors.auth.options.${o}`) })) } : f.kind === 'number' ? { step: 1 } : {}}
                />
              ))}
            </div>
          </div>
        </section>
        <section className="prop-section" data-section="retry">
          <div className="prop-section-title">{t('connectors.setup.retry')}</div>
          <div className="prop-hint conn-section-hint">{t('connectors.setup.retryHint')}</div>
          <div className="prop-grid conn-grid-3">
            <ConnPropField name="retry-max" title={t('connectors.setup.maxAttempts')} component={NumberInput} props={{ step: 1, placeholder: '8' }} path="/retry/maxAttempts" />
            <ConnPropField name="retry-initial" title={t('connectors.setup.initialDelay')} component={TextInput} props={{ placeholder: 'PT30S', emptyAsUndefined: true }} path="/retry/initialDelay" />
            <ConnPropField name="retry-max-delay" title={t('connectors.setup.maxDelay')} component={TextInput} props={{ placeholder: 'PT1H', emptyAsUndefined: true }} path="/retry/maxDelay" />
          </div>
        </section>
      </div>
    </FormProvider>
  );
}
