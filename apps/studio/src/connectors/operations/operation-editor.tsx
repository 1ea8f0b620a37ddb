import type { OperationDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { confirmAction } from '../../ui/confirm';
import { KeyInput } from '../common/key-input';
import { Labeled } from '../common/labeled';
import { MappingEditor } from '../editor/mapping-editor';
import { useConnector } from '../hooks/useConnector';
import { operationKeys, setOperationProp } from '../model/operation-ops';
import { bothOf, withLang } from '../model/text';
import { connectorEdit } from '../store/edit';
import { HookInput } from './hook-input';
import { StepList } from './step-list';

/**
 * One operation: its key (rename), names, idempotency key expression, steps, result, write-back
 * and the webhook rule fired after success. Every expression is a JSONata editor.
 */
export function OperationEditor({ opKey, op }: { opKey: string; op: OperationDefinition }) {
  const { t } = useTranslation();
  const def = useConnector();
  const base = ptr('operations', opKey);
  const name = bothOf(op.name);
  const edit = (fn: (o: OperationDefinition) => OperationDefinition, prop: string) => connectorEdit.operation(opKey, fn, `${base}/${prop}`);
  const setName = (lang: 'zh-CN' | 'en', v: string) =>
    edit((o) => {
      const next = { ...o, name: withLang(o.name, lang, v) };
      if (!next.name) delete next.name;
      return next;
    }, `name-${lang}`);
  const remove = async () => {
    if (await confirmAction(t('connectors.ops.confirmRemove', { key: opKey }), { danger: true })) connectorEdit.removeOperation(opKey);
  };
  return (
    <div className="conn-op-editor" data-testid="op-editor" data-op={opKey} data-path={base}>
      <section className="rule-card">
        <div className="rule-card-head conn-op-head">
          <Labeled label={t('connectors.ops.key')} hint={t('connectors.ops.keyHint')}>
            <KeyInput
              value={opKey} taken={operationKeys(def).filter((k) => k !== opKey)} onCommit={(to) => connectorEdit.renameOperation(opKey, to)}
              testId="op-key" invalidHint={t('connectors.ops.keyInvalid')}
            />
          </Labeled>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove()} data-testid="op-remove">
            {t('connectors.ops.remove')}
          </button>
        </div>
        <div className="rule-grid">
          <Labeled label={t('connectors.ops.nameZh')} path={`${base}/name`}>
            <input className="input" value={name['zh-CN']} onChange={(e) => setName('zh-CN', e.target.value)} data-testid="op-name-zh" />
          </Labeled>
          <Labeled label={t('connectors.ops.nameEn')}>
            <input className="input" value={name.en} onChange={(e) => setName('en', e.target.value)} data-testid="op-name-en" />
          </Labeled>
          <Labeled label={t('connectors.ops.idempotency')} hint={t('connectors.ops.idempotencyHint')} wide>
            <MappingEditor path={`${base}/key`} value={op.key} onChange={(v) => edit((o) => setOperationProp(o, 'key', v), 'key')} scope="key" testId="op-idempotency" placeholder={'"KLN" & delivery.app & "D" & delivery.id'} />
          </Labeled>
        </div>
      </section>
      <StepList opKey={opKey} op={op} />
      <section className="rule-card">
        <div className="rule-card-head">{t('connectors.ops.after')}</div>
        <div className="rule-grid">
          <Labeled label={t('connectors.ops.result')} hint={t('connectors.ops.resultHint')} wide>
            <MappingEditor path={`${base}/result`} value={op.result} onChange={(v) => edit((o) => setOperationProp(o, 'result', v), 'result')} scope="result" testId="op-result" expandable placeholder="{ 'id': steps.call.body.id }" />
          </Labeled>
          <Labeled label={t('connectors.ops.writeBack')} hint={t('connectors.ops.writeBackHint')} wide>
            <MappingEditor path={`${base}/writeBack`} value={op.writeBack} onChange={(v) => edit((o) => setOperationProp(o, 'writeBack', v), 'writeBack')} scope="writeBack" testId="op-writeback" expandable placeholder="{ 'status': 'synced', 'erp_no': result.id }" />
          </Labeled>
          <Labeled label={t('connectors.ops.rule')} hint={t('connectors.ops.ruleHint')} path={`${base}/rule`}>
            <HookInput value={op.rule ?? ''} onChange={(v) => edit((o) => setOperationProp(o, 'rule', v), 'rule')} testId="op-rule" path={`${base}/rule`} />
          </Labeled>
        </div>
      </section>
    </div>
  );
}
