import { useCallback } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { kilnContext } from '../context';
import { Picker } from './picker';

/** The ids a relation/user value holds: one number, an array of them, or nothing. @internal */
export function idsOf(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return typeof value === 'number' ? [value] : [];
}

/**
 * A reference to records of form `ui:options.target`, picked by searching through
 * `ports.searchRecords`. With `ui:options.many` the value is an array of record ids, otherwise
 * one id (or undefined).
 */
export function RelationWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, options, registry, rawErrors, placeholder } = props;
  const { locale, ports } = kilnContext(registry.formContext);
  const target = String(options.target ?? '');
  const many = options.many === true;
  const search = useCallback((q: string) => ports.searchRecords(target, q), [ports, target]);
  const labelOf = useCallback(
    (rid: number) => (ports.labelOfRecord ? ports.labelOfRecord(target, rid) : Promise.resolve(`#${rid}`)),
    [ports, target],
  );
  return (
    <Picker
      id={id}
      locale={locale}
      value={idsOf(value)}
      many={many}
      disabled={disabled || readonly}
      invalid={!!rawErrors?.length}
      placeholder={placeholder}
      search={search}
      labelOf={labelOf}
      onChange={(ids) => onChange(many ? ids : ids[ids.length - 1])}
      onBlur={() => onBlur(id, value)}
    />
  );
}
