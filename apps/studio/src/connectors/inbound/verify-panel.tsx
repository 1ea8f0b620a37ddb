import { FormProvider } from '@formily/react';
import type { VerifyConfig, VerifyScheme } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { NumberInput, Select, TextInput } from '../../designer/props/connected';
import { usePanelForm } from '../../reports/hooks/usePanelForm';
import { ConnPropField } from '../common/conn-prop-field';
import { useConnector } from '../hooks/useConnector';
import { defaultVerify, setConfigProp, VERIFY_FIELDS, VERIFY_SCHEMES } from '../model/auth-fields';
import { bumpRevision } from '../store/connector-ui';
import { connectorEdit } from '../store/edit';

function valuesOf(v: VerifyConfig | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { 'verify-scheme': v?.scheme ?? 'none' };
  for (const f of VERIFY_FIELDS[v?.scheme ?? 'none']) out[f.name] = (v as Record<string, unknown> | undefined)?.[f.prop];
  return out;
}

/** How inbound requests prove their origin: the scheme and its fields (formily, `prop-verify-*`); its secret is in Setup › Credentials. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const verify = useConnector().inbound?.verify;
  const scheme: VerifyScheme = verify?.scheme ?? 'none';
  const form = usePanelForm(valuesOf(verify), (name, value) => {
    if (name === 'verify-scheme') {
      connectorEdit.inbound((ib) => (ib.verify.scheme === value ? ib : { ...ib, verify: defaultVerify((value || 'none') as VerifyScheme) }));
      bumpRevision();
      return;
    }
    connectorEdit.inbound((ib) => {
      const field = VERIFY_FIELDS[ib.verify.scheme].find((f) => f.name === name);
      return field ? { ...ib, verify: setConfigProp(ib.verify, field, value) } : ib;
    }, `/inbound/verify/${name}`);
  });
  return (
    <FormProvider form={form}>
      <section className="rule-card prop-panel" data-testid="inbound-verify">
        <div className="rule-card-head">{t('connectors.inbound.verify')}</div>
        <div className="rule-card-body">
          <ConnPropField
            name="verify-scheme" title={t('connectors.inbound.scheme')} hint={t(`connectors.inbound.schemes.${scheme}.hint`)} component={Select}
            props={{ options: VERIFY_SCHEMES.map((s) => ({ value: s, label: t(`connectors.inbound.schemes.${s}.name`) })) }} path="/inbound/verify"
          />
          <div className="conn-grid-2">
            {VERIFY_FIELDS[scheme].map((f) => (
              <ConnPropField key={f.name} name={f.name} title={t(`connectors.inbound.fields.${f.prop}`)} component={f.kind === 'number' ? NumberInput : TextInput} props={f.kind === 'number' ? { step: 1, placeholder: '300' } : {}} path={`/inbound/verify/${f.prop}`} />
            ))}
          </div>
        </div>
      </section>
    </FormProvider>
  );
}
