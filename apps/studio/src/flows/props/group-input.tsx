import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowContext, type FlowContextState } from '../store/flow-context';

const selectGroups = (s: FlowContextState) => s.groups;

interface Props {
  value: string;
  onChange: (v: string) => void;
  testId: string;
  path?: string;
}

/** A group / position key (岗位, e.g. `sales_lead`): free text with the known groups suggested. */
export function GroupInput({ value, onChange, testId, path }: Props) {
  const { t } = useTranslation();
  const groups = useFlowContext(selectGroups);
  const listId = useId();
  return (
    <>
      <input
        className="input mono"
        value={value}
        list={listId}
        placeholder={t('flows.groupPlaceholder')}
        onChange={(e) => onChange(e.target.value.trim())}
        data-testid={testId}
        data-path={path}
      />
      <datalist id={listId}>
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
    </>
  );
}
