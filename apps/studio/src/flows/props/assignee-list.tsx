import type { AssigneeSpec } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { useFlowFields } from '../hooks/useFlowFields';
import { newAssignee, type AssigneeKind } from '../model/assignees';
import { ASSIGNEE_KINDS } from '../model/constants';
import { AssigneeRow } from './assignee-row';
import { connectProp } from './connect-prop';
import { PathProblems } from './path-problems';

interface Props {
  value?: AssigneeSpec[];
  onChange?: (value: AssigneeSpec[]) => void;
  'data-testid'?: string;
  /** Test-id prefix of the rows (`assignee`, `notify-to`). */
  prefix: string;
  /** Pointer of the list in the node's data (`/assignees`, `/to`). */
  base: string;
}

/**
 * A list of assignee specs (who approves, who is notified): each row a kind picker and its
 * editor, reorder and remove; the runtime resolves the union. Test ids `<prefix>-add`,
 * `<prefix>-kind-<i>`, `<prefix>-up-<i>`, `<prefix>-remove-<i>` and the kind's own (see TESTIDS.md).
 */
function AssigneeListBase({ value, onChange, 'data-testid': testId, prefix, base }: Props) {
  const { t } = useTranslation();
  const fields = useFlowFields();
  const list = value ?? [];
  const set = (next: AssigneeSpec[]) => onChange?.(next);
  const move = (i: number) => {
    if (i <= 0) return;
    const next = [...list];
    [next[i - 1], next[i]] = [next[i], next[i - 1]];
    set(next);
  };
  return (
    <div className="assignee-list" data-testid={testId} data-count={list.length} data-path={base}>
      {list.length === 0 && <div className="muted small">{t('flows.noAssignees')}</div>}
      {list.map((spec, i) => (
        <div className="assignee-row" key={i} data-testid={`${prefix}-${i}`} data-kind={spec.kind} data-path={`${base}/${i}`}>
          <div className="assignee-row-head">
            <select
              className="input"
              value={spec.kind}
              onChange={(e) => set(list.map((s, j) => (j === i ? newAssignee(e.target.value as AssigneeKind, fields) : s)))}
              data-testid={`${prefix}-kind-${i}`}
            >
              {ASSIGNEE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`flows.assigneeKinds.${k}`)}
                </option>
              ))}
            </select>
            <span className="row-tools">
              <button type="button" title={t('props.moveUp')} disabled={i === 0} onClick={() => move(i)} data-testid={`${prefix}-up-${i}`}>
                ↑
              </button>
              <button type="button" title={t('common.delete')} onClick={() => set(list.filter((_, j) => j !== i))} data-testid={`${prefix}-remove-${i}`}>
                ✕
              </button>
            </span>
          </div>
          <AssigneeRow spec={spec} onChange={(next) => set(list.map((s, j) => (j === i ? next : s)))} prefix={prefix} i={i} path={`${base}/${i}`} fields={fields} />
          <PathProblems path={`${base}/${i}`} />
        </div>
      ))}
      <PathProblems path={base} />
      <button type="button" className="btn btn-sm" onClick={() => set([...list, newAssignee('users', fields)])} data-testid={`${prefix}-add`}>
        + {t('flows.addAssignee')}
      </button>
    </div>
  );
}

/** The formily-connected assignee list (value = `AssigneeSpec[]`). */
export const AssigneeList = connectProp(AssigneeListBase);
