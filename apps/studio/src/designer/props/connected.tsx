import { connect, mapProps } from '@formily/react';
import { CheckboxBase, DateBoundBase, NumberInputBase, SelectBase, TextAreaBase, TextInputBase } from './base-inputs';

/**
 * Formily-connected versions of the plain inputs. `mapProps` gives every input the
 * stable test id `prop-<field name>` and formily's disabled state.
 */
const withTestId = mapProps((props: Record<string, unknown>, field) => ({
  ...props,
  'data-testid': `prop-${String(field.props.name)}`,
}));

export const TextInput = connect(TextInputBase, withTestId);
export const TextArea = connect(TextAreaBase, withTestId);
export const NumberInput = connect(NumberInputBase, withTestId);
export const Checkbox = connect(CheckboxBase, withTestId);
export const Select = connect(SelectBase, withTestId);
export const DateBound = connect(DateBoundBase, withTestId);
