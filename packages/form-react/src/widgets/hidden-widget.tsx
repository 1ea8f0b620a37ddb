import type { WidgetProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** A value the user never edits (link parameters, server-assigned numbers). */
export function HiddenWidget({ id, value, htmlName }: WidgetProps) {
  return <input type="hidden" id={id} name={htmlName || id} data-testid={testIdOf(id)} value={value == null ? '' : String(value)} />;
}
