import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../rules/common/field-select';
import { ExpressionEditor } from '../../rules/expression-editor';
import { fieldsOf, writableFields } from '../../rules/model/form-fields';
import { newKey, removeKey, renameKey, setKey } from '../../rules/model/mapping-ops';
import { useFlow } from '../hooks/useFlow';
import { useFlowFields } from '../hooks/useFlowFields';
import { useForms } from '../hooks/useForms';
import { useNodeProblems } from '../hooks/useNodeProblems';
import { useSelectedNode } from '../hooks/useSelectedNode';
import { flowEdit } from '../store/edit';
import { connectProp } from './connect-prop';

interface Props {
  value?: Record<string, string>;
  onChange?: (value: Record<string, string>) => void;
  'data-testid'?: string;
}

const pointerKey = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Field values an action node writes: target field ← expression over the instance's record.
 * The target fields are those of the created form (create) or of the flow's form (update).
 * Test ids `action-value-add`, `action-value-field-<i>`, `action-value-expr-<i>`, `action-value-remove-<i>`.
 */
function ValueRowsBase({ value, onChange, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const node = useSelectedNode();
  const flow = useFlow();
  const forms = useForms();
  const recordFields = useFlowFields();
  const problems = useNodeProblems(node?.id);
  const data = node?.type === 'action' ? node.data : undefined;
  const target = writableFields(fieldsOf(forms, data?.action === 'create' ? data.form : flow.form));
  const map = value ?? {};
  const entries = Object.entries(map);
  const used = entries.map(([k]) => k);
  const set = (next: Record<string, string>) => onChange?.(next);
  return (
    <div className="value-rows" data-testid={testId} data-path="/values">
      {entries.length === 0 && <div className="muted small">{t('rules.noMappings')}</div>}
      {entries.map(([key, expr], i) => (
        <div className="mapping-row" key={i}>
          <FieldSelect value={key} fields={target} exclude={used} onChange={(k) => k && set(renameKey(map, key, k))} testId={`action-value-field-${i}`} />
          <span className="mapping-arrow">←</span>
          <ExpressionEditor
            value={expr}
            onChange={(v) => set(setKey(map, key, v))}
            context="trigger"
            fields={recordFields}
            problems={problems}
            path={`/values/${pointerKey(key)}`}
            placeholder={t('rules.valuePlaceholder')}
            testId={`action-value-expr-${i}`}
            onUndo={flowEdit.undo}
            onRedo={flowEdit.redo}
          />
          <span className="row-tools">
            <button type="button" title={t('common.delete')} onClick={() => set(removeKey(map, key))} data-testid={`action-value-remove-${i}`}>
              ✕
            </button>
          </span>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => set(setKey(map, newKey(map, target.map((f) => f.key)), ''))} data-testid="action-value-add">
        + {t('rules.addMapping')}
      </button>
    </div>
  );
}

/** The formily-connected field values of an action node. */
export const ValueRows = connectProp(ValueRowsBase);
