import { useCallback } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { kilnContext } from '../context';
import { testIdOf } from '../test-id';
import { Picker } from './picker';
import { idsOf } from './relation-widget';

/**
 * A platform user (value = user id), picked through `ports.searchUsers`. A host without that
 * port gets a plain number input instead.
 */
export function UserWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, registry, rawErrors, placeholder } = props;
  const { locale, ports } = kilnContext(registry.formContext);
  const searchUsers = ports.searchUsers;
  const search = useCallback((q: string) => (searchUsers ? searchUsers(q) : Promise.resolve([])), [searchUsers]);
  if (!searchUsers) {
    return (
      <input
        id={id}
        className="kf-input"
        data-testid={testIdOf(id)}
        type="number"
        inputMode="numeric"
        value={typeof value === 'number' ? value : ''}
        disabled={disabled}
        readOnly={readonly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  }
  return (
    <Picker
      id={id}
      locale={locale}
      value={idsOf(value)}
      many={false}
      disabled={disabled || readonly}
      invalid={!!rawErrors?.length}
      placeholder={placeholder}
      search={search}
      onChange={(ids) => onChange(ids[ids.length - 1])}
      onBlur={() => onBlur(id, value)}
    />
  );
}
