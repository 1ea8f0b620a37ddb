import type { DecideAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/useLocale';
import { Link } from '../../../router/link';
import { paths } from '../../../router/routes';
import { pick } from '../../../ui/localized';
import { FieldSelect } from '../../common/field-select';
import { Labeled } from '../../common/labeled';
import { useRuleApp } from '../../hooks/useRuleApp';
import { useTables } from '../../hooks/useTables';
import { moveKey, newKey, removeKey, renameKey, setKey } from '../../model/mapping-ops';
import { ptr } from '../../model/pointer';
import { editAs, type BuilderProps } from './builder-props';

function withAssign(a: DecideAction, assign: Record<string, string>): DecideAction {
  const next = { ...a };
  if (Object.keys(assign).length) next.assign = assign;
  else delete next.assign;
  return next;
}

/** decide: which decision table, and which outputs to write to the triggering record. */
export function DecideBuilder({ index: n, action, scope }: BuilderProps<DecideAction>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const app = useRuleApp();
  const tables = useTables();
  const table = tables[action.table];
  const outputs = table?.outputs ?? [];
  const assign = action.assign ?? {};
  const entries = Object.entries(assign);
  const set = (next: Record<string, string>) => editAs<DecideAction>(n, (a) => withAssign(a, next));
  return (
    <div className="rule-grid">
      <Labeled
        label={t('rules.table')}
        hint={
          table ? (
            <Link to={paths.rule(app, action.table)}>{t('rules.openTable')} ↗</Link>
          ) : (
            t('rules.tableHint', { id: action.id })
          )
        }
        path={ptr('actions', n, 'table')}
      >
        <select
          className="input"
          value={action.table}
          onChange={(e) => editAs<DecideAction>(n, (a) => ({ ...a, table: e.target.value }))}
          data-testid={`action-table-${n}`}
          data-path={ptr('actions', n, 'table')}
        >
          <option value="">{t('rules.pickTable')}</option>
          {Object.entries(tables).map(([k, def]) => (
            <option key={k} value={k}>
              {pick(def.title, locale, k)} ({k})
            </option>
          ))}
          {action.table && !table && <option value={action.table}>{t('rules.unknownKey', { key: action.table })}</option>}
        </select>
      </Labeled>
      <Labeled label={t('rules.assign')} hint={t('rules.assignHint')} path={ptr('actions', n, 'assign')} wide>
        <div className="mapping" data-testid={`assign-${n}`}>
          {entries.map(([field, out], m) => (
            <div className="mapping-row" key={m} data-path={ptr('actions', n, 'assign', field)}>
              <FieldSelect
                value={field}
                fields={scope.fields}
                exclude={entries.map(([k]) => k)}
                onChange={(k) => k && set(renameKey(assign, field, k))}
                testId={`assign-field-${n}-${m}`}
              />
              <span className="mapping-arrow">←</span>
              <select className="input" value={out} onChange={(e) => set(setKey(assign, field, e.target.value))} data-testid={`assign-output-${n}-${m}`}>
                <option value="">{t('rules.pickOutput')}</option>
                {outputs.map((o) => (
                  <option key={o.id} value={o.key}>
                    {pick(o.label, locale, o.key)} ({o.key})
                  </option>
                ))}
                {out && !outputs.some((o) => o.key === out) && <option value={out}>{t('rules.unknownKey', { key: out })}</option>}
              </select>
              <span className="row-tools">
                <button type="button" title={t('rules.moveUp')} disabled={m === 0} onClick={() => set(moveKey(assign, m, -1))} data-testid={`assign-up-${n}-${m}`}>
                  ↑
                </button>
                <button type="button" title={t('common.delete')} onClick={() => set(removeKey(assign, field))} data-testid={`assign-remove-${n}-${m}`}>
                  ✕
                </button>
              </span>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              // Prefer a record field named like an output (`rate` ← `rate`).
              const outKeys = outputs.map((o) => o.key);
              const fieldKeys = scope.fields.map((f) => f.key);
              const key = newKey(assign, [...fieldKeys.filter((k) => outKeys.includes(k)), ...fieldKeys]);
              set(setKey(assign, key, outKeys.includes(key) ? key : (outKeys[0] ?? '')));
            }}
            data-testid={`assign-add-${n}`}
          >
            + {t('rules.addAssign')}
          </button>
        </div>
      </Labeled>
    </div>
  );
}
