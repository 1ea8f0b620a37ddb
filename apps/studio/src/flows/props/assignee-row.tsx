import type { AssigneeSpec } from '@kiln/engine-flow';
import type { FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { ExpressionEditor } from '../../rules/expression-editor';
import { FieldSelect } from '../../rules/common/field-select';
import { useNodeProblems } from '../hooks/useNodeProblems';
import { useSelectedNode } from '../hooks/useSelectedNode';
import { userFields } from '../model/assignees';
import { ROLE_LIST } from '../model/constants';
import { flowEdit } from '../store/edit';
import { GroupInput } from './group-input';
import { UserPicker } from './user-picker';

interface Props {
  spec: AssigneeSpec;
  onChange: (next: AssigneeSpec) => void;
  /** Test-id prefix and index: ids are `<prefix>-<what>-<i>`. */
  prefix: string;
  i: number;
  /** Pointer of this spec in the node's data, e.g. `/assignees/0`. */
  path: string;
  fields: readonly FieldDefinition[];
}

/** The editor of one assignee spec, by kind: users, group, role, user field, manager levels, expression. */
export function AssigneeRow({ spec, onChange, prefix, i, path, fields }: Props) {
  const { t } = useTranslation();
  const node = useSelectedNode();
  const problems = useNodeProblems(node?.id);
  const id = (what: string) => `${prefix}-${what}-${i}`;
  switch (spec.kind) {
    case 'users':
      return <UserPicker value={spec.users ?? []} onChange={(users) => onChange({ ...spec, users })} testId={id('users')} />;
    case 'group':
      return <GroupInput value={spec.group} onChange={(group) => onChange({ ...spec, group })} testId={id('group')} path={`${path}/group`} />;
    case 'role':
      return (
        <select className="input" value={spec.role} onChange={(e) => onChange({ ...spec, role: e.target.value })} data-testid={id('role')}>
          {ROLE_LIST.map((r) => (
            <option key={r} value={r}>
              {t(`flows.roles.${r}`)}
            </option>
          ))}
        </select>
      );
    case 'field': {
      const users = userFields(fields);
      return (
        <>
          <FieldSelect value={spec.field} fields={users} onChange={(field) => onChange({ ...spec, field })} testId={id('field')} path={`${path}/field`} />
          {users.length === 0 && <div className="prop-hint">{t('flows.noUserFields')}</div>}
        </>
      );
    }
    case 'manager':
      return (
        <span className="inline-inputs">
          <span>{t('flows.levels')}</span>
          <input
            className="input"
            type="number"
            min={1}
            max={10}
            value={spec.levels}
            onChange={(e) => onChange({ ...spec, levels: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
            data-testid={id('levels')}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={!!spec.all}
              onChange={(e) => onChange(e.target.checked ? { ...spec, all: true } : { kind: 'manager', levels: spec.levels })}
              data-testid={id('all')}
            />
            {t('flows.everyLevel')}
          </label>
        </span>
      );
    case 'initiator':
      return <span className="muted small">{t('flows.initiatorHint')}</span>;
    case 'expression':
      return (
        <ExpressionEditor
          value={spec.expression}
          onChange={(expression) => onChange({ ...spec, expression })}
          context="trigger"
          fields={fields}
          problems={problems}
          path={`${path}/expression`}
          placeholder="record.owner"
          testId={id('expr')}
          onUndo={flowEdit.undo}
          onRedo={flowEdit.redo}
        />
      );
  }
}
