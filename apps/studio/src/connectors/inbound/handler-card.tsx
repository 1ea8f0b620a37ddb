import type { InboundHandler } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { CheckList } from '../../rules/common/check-list';
import { ptr } from '../../rules/model/pointer';
import { pick } from '../../ui/localized';
import { Labeled } from '../common/labeled';
import { MappingEditor } from '../editor/mapping-editor';
import { useConnector } from '../hooks/useConnector';
import { useProblemsAt } from '../hooks/useProblemsAt';
import { HANDLER_ACTIONS, handlerOf, moveHandler, setHandler, type HandlerAction } from '../model/inbound-ops';
import { operationKeys } from '../model/operation-ops';
import { useConnectorContext, type ConnectorContextState } from '../store/connector-context';
import { connectorEdit } from '../store/edit';
import { HookInput } from '../operations/hook-input';

const selectForms = (s: ConnectorContextState) => s.forms;

/**
 * One inbound handler: its action (upsert / update a record, fire a webhook rule, call an
 * operation of this connector), `when`, and the action's fields and expressions.
 */
export function HandlerCard({ index: i, handler: h, count }: { index: number; handler: InboundHandler; count: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useConnector();
  const forms = useConnectorContext(selectForms);
  const base = ptr('inbound', 'handlers', i);
  const problems = useProblemsAt(base, true);
  const ops = operationKeys(def);
  const set = (next: InboundHandler, prop?: string) => connectorEdit.inbound((ib) => setHandler(ib, i, next), prop ? `${base}/${prop}` : undefined);
  const structural = (fn: Parameters<typeof connectorEdit.inbound>[0]) => connectorEdit.structural((d) => (d.inbound ? { ...d, inbound: fn(d.inbound) } : d));
  const setWhen = (v: string) => {
    const { when: _old, ...rest } = h;
    set((v ? { ...rest, when: v } : rest) as InboundHandler, 'when');
  };
  const form = h.action === 'upsert' || h.action === 'update' ? forms[h.form] : undefined;
  return (
    <div className={problems.length ? 'action-card has-problem' : 'action-card'} data-testid={`handler-${i}`} data-action={h.action} data-path={base}>
      <div className="action-head">
        <span className="action-index">{i + 1}</span>
        <select className="input action-type" value={h.action} onChange={(e) => structural((ib) => setHandler(ib, i, handlerOf(e.target.value as HandlerAction, h, ops[0] ?? '')))} data-testid={`handler-action-${i}`}>
          {HANDLER_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`connectors.handlers.actions.${a}`)}
            </option>
          ))}
        </select>
        <span className="action-type-hint">{t(`connectors.handlers.hints.${h.action}`)}</span>
        <span className="action-tools">
          <button type="button" disabled={i === 0} onClick={() => structural((ib) => moveHandler(ib, i, -1))} title={t('connectors.up')} data-testid={`handler-up-${i}`}>↑</button>
          <button type="button" disabled={i === count - 1} onClick={() => structural((ib) => moveHandler(ib, i, 1))} title={t('connectors.down')} data-testid={`handler-down-${i}`}>↓</button>
          <button type="button" onClick={() => structural((ib) => ({ ...ib, handlers: ib.handlers.filter((_, k) => k !== i) }))} title={t('common.delete')} data-testid={`handler-remove-${i}`}>✕</button>
        </span>
      </div>
      <div className="action-body">
        <div className="rule-grid">
          <Labeled label={t('connectors.handlers.when')} hint={t('connectors.handlers.whenHint')} wide>
            <MappingEditor path={`${base}/when`} value={h.when} onChange={setWhen} scope="handler" testId={`handler-when-${i}`} placeholder={t('connectors.steps.always')} />
          </Labeled>
          {(h.action === 'upsert' || h.action === 'update') && (
            <>
              <Labeled label={t('connectors.handlers.form')} path={`${base}/form`}>
                <select className="input" value={h.form} onChange={(e) => set({ ...h, form: e.target.value, match: [] }, 'form')} data-testid={`handler-form-${i}`} data-path={`${base}/form`}>
                  <option value="">{t('rules.pickForm')}</option>
                  {Object.keys(forms).sort().map((k) => (
                    <option key={k} value={k}>
                      {pick(forms[k].title, locale, k)} ({k})
                    </option>
                  ))}
                  {h.form && !forms[h.form] && <option value={h.form}>{h.form}</option>}
                </select>
              </Labeled>
              <Labeled label={t('connectors.handlers.match')} hint={t('connectors.handlers.matchHint')} path={`${base}/match`}>
                <CheckList
                  options={(form?.fields ?? []).map((f) => ({ value: f.key, label: `${pick(f.label, locale, f.key)} (${f.key})` }))}
                  value={h.match} onChange={(match) => set({ ...h, match }, 'match')} testIdPrefix={`handler-match-${i}`} empty={t('connectors.handlers.pickFormFirst')}
                />
              </Labeled>
              <Labeled label={t('connectors.handlers.values')} hint={t('connectors.handlers.valuesHint')} wide>
                <MappingEditor path={`${base}/values`} value={h.values} onChange={(values) => set({ ...h, values }, 'values')} scope="handler" testId={`handler-values-${i}`} multiline placeholder="{ 'order_no': message.order_id }" />
              </Labeled>
            </>
          )}
          {h.action === 'rule' && (
            <>
              <Labeled label={t('connectors.handlers.hook')} hint={t('connectors.handlers.hookHint')} path={`${base}/hook`}>
                <HookInput value={h.hook} onChange={(hook) => set({ ...h, hook }, 'hook')} testId={`handler-hook-${i}`} path={`${base}/hook`} />
              </Labeled>
              <Labeled label={t('connectors.handlers.payload')} hint={t('connectors.handlers.payloadHint')} wide>
                <MappingEditor
                  path={`${base}/payload`} value={h.payload} scope="handler" testId={`handler-payload-${i}`} multiline placeholder="message"
                  onChange={(payload) => {
                    const { payload: _old, ...rest } = h;
                    set(payload ? { ...rest, payload } : rest, 'payload');
                  }}
                />
              </Labeled>
            </>
          )}
          {h.action === 'call' && (
            <>
              <Labeled label={t('connectors.handlers.operation')} path={`${base}/operation`}>
                <select className="input" value={h.operation} onChange={(e) => set({ ...h, operation: e.target.value }, 'operation')} data-testid={`handler-operation-${i}`} data-path={`${base}/operation`}>
                  <option value="">—</option>
                  {ops.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                  {h.operation && !ops.includes(h.operation) && <option value={h.operation}>{h.operation}</option>}
                </select>
              </Labeled>
              <Labeled label={t('connectors.handlers.input')} hint={t('connectors.handlers.inputHint')} wide>
                <MappingEditor path={`${base}/input`} value={h.input} onChange={(input) => set({ ...h, input }, 'input')} scope="handler" testId={`handler-input-${i}`} multiline placeholder="{ 'order_id': message.order_info.order_id }" />
              </Labeled>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
