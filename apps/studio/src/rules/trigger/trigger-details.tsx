import type { TriggerSpec } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { CheckList } from '../common/check-list';
import { FormSelect } from '../common/form-select';
import { Labeled } from '../common/labeled';
import { useDraftKeys } from '../hooks/useDraftKeys';
import { useFormFields } from '../hooks/useFormFields';
import { useRuleApp } from '../hooks/useRuleApp';
import { ruleEdit } from '../store/edit';
import { CronInput } from './cron-input';

const setSpec = (fn: (s: TriggerSpec) => TriggerSpec, group?: string) => ruleEdit.trigger((r) => ({ ...r, trigger: fn(r.trigger) }), group);

/** The settings of the chosen event. */
export function TriggerDetails({ spec }: { spec: TriggerSpec }) {
  const { t } = useTranslation();
  const app = useRuleApp();
  const flows = useDraftKeys('flows');
  switch (spec.event) {
    case 'schedule':
      return <CronInput cron={spec.cron} timezone={spec.timezone} />;
    case 'webhook':
      return (
        <>
          <Labeled label={t('rules.hook')} hint={`POST /api/hooks/${app}/${spec.hook || '…'}`} path="/trigger/hook">
            <input
              className="input"
              value={spec.hook}
              onChange={(e) => setSpec((s) => ({ ...s, hook: e.target.value.trim() }) as TriggerSpec, '/trigger/hook')}
              data-testid="trigger-hook"
              data-path="/trigger/hook"
            />
          </Labeled>
          <Labeled label={t('rules.secret')} hint={t('rules.secretHint')}>
            <input
              className="input"
              value={spec.secret ?? ''}
              autoComplete="off"
              onChange={(e) =>
                setSpec((s) => {
                  const next = { ...s } as Extract<TriggerSpec, { event: 'webhook' }>;
                  if (e.target.value) next.secret = e.target.value;
                  else delete next.secret;
                  return next;
                }, '/trigger/secret')
              }
              data-testid="trigger-secret"
              data-path="/trigger/secret"
            />
          </Labeled>
        </>
      );
    case 'flow.node':
      return (
        <>
          <Labeled label={t('rules.flow')} path="/trigger/flow">
            <input
              className="input"
              list="rule-flow-keys"
              value={spec.flow}
              onChange={(e) => setSpec((s) => ({ ...s, flow: e.target.value.trim() }) as TriggerSpec, '/trigger/flow')}
              data-testid="trigger-flow"
              data-path="/trigger/flow"
            />
            <datalist id="rule-flow-keys">
              {flows.map((k) => (
                <option key={k} value={k} />
              ))}
            </datalist>
          </Labeled>
          <Labeled label={t('rules.node')} hint={t('rules.nodeHint')} path="/trigger/node">
            <input
              className="input"
              value={spec.node}
              onChange={(e) => setSpec((s) => ({ ...s, node: e.target.value.trim() }) as TriggerSpec, '/trigger/node')}
              data-testid="trigger-node"
              data-path="/trigger/node"
            />
          </Labeled>
        </>
      );
    default:
      return <RecordTrigger spec={spec} />;
  }
}

function RecordTrigger({ spec }: { spec: Extract<TriggerSpec, { form: string }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fields = useFormFields(spec.form);
  const narrowable = spec.event === 'record.updated' || spec.event === 'record.saved';
  return (
    <>
      <Labeled label={t('rules.form')} path="/trigger/form">
        <FormSelect
          value={spec.form}
          onChange={(form) => setSpec((s) => ({ ...s, form, ...('fields' in s ? { fields: [] } : {}) }) as TriggerSpec)}
          testId="trigger-form"
          path="/trigger/form"
        />
      </Labeled>
      {narrowable && (
        <Labeled label={t('rules.onlyFields')} hint={t('rules.onlyFieldsHint')} path="/trigger/fields" wide>
          <CheckList
            options={fields.filter((f) => f.type !== 'autonumber').map((f) => ({ value: f.key, label: pick(f.label, locale, f.key) }))}
            value={'fields' in spec ? (spec.fields ?? []) : []}
            onChange={(next) =>
              setSpec((s) => {
                const out = { ...s } as Extract<TriggerSpec, { event: 'record.updated' | 'record.saved' }>;
                if (next.length) out.fields = next;
                else delete out.fields;
                return out;
              })
            }
            testIdPrefix="trigger-fields"
            empty={t('rules.pickFormFirst')}
          />
        </Labeled>
      )}
    </>
  );
}
