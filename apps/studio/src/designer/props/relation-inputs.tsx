import { connect, mapProps } from '@formily/react';
import type { FieldDefinition } from '@kiln/engine-forms';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useDefinition } from '../hooks/useDefinition';
import { useOtherForms } from '../hooks/useOtherForms';
import { useSelectedField } from '../hooks/useSelectedField';
import { SelectBase, type InputProps } from './base-inputs';

const withTestId = mapProps((props: Record<string, unknown>, field) => ({ ...props, 'data-testid': `prop-${String(field.props.name)}` }));

/** Forms of the app a relation may point at (this form included). */
function TargetSelectBase(props: InputProps<string>) {
  const locale = useLocale();
  const def = useDefinition();
  const others = useOtherForms();
  const forms = { ...others, [def.key]: def };
  const options = Object.entries(forms)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, d]) => ({ value: key, label: `${pick(d.title, locale, key)} (${key})` }));
  return <SelectBase {...props} options={options} allowEmpty />;
}

const DISPLAYABLE = new Set(['text', 'textarea', 'phone', 'email', 'autonumber', 'number', 'select']);

/** Field of the relation's target shown in pickers (default: its first text field). */
function DisplaySelectBase(props: InputProps<string>) {
  const locale = useLocale();
  const def = useDefinition();
  const others = useOtherForms();
  const sel = useSelectedField();
  const target = sel?.field.type === 'relation' ? sel.field.target : '';
  const fields: FieldDefinition[] = target === def.key ? def.fields : (others[target]?.fields ?? []);
  const options = fields
    .filter((f) => DISPLAYABLE.has(f.type))
    .map((f) => ({ value: f.key, label: `${pick(f.label, locale, f.key)} (${f.key})` }));
  return <SelectBase {...props} options={options} allowEmpty emptyLabel="—" />;
}

export const TargetSelect = connect(TargetSelectBase, withTestId);
export const DisplaySelect = connect(DisplaySelectBase, withTestId);
