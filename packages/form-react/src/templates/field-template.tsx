import type { FieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { kilnContext } from '../context';
import { testIdOf } from '../test-id';

/**
 * One field: label (with a required mark), the widget, its description, then its errors.
 * The wrapper is `field-<key>-wrap` and carries `kf-field-invalid` while it has errors.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, uiSchema, classNames } = props;
  if (hidden) return <div className="kf-hidden">{children}</div>;
  // A server-assigned value (autonumber, formula) that does not exist yet has nothing to show,
  // unless formulas are being computed as people type.
  const widget = getUiOptions(uiSchema).widget;
  const empty = props.formData === undefined || props.formData === null || props.formData === '';
  const live = widget === 'formula' && kilnContext(props.registry.formContext).formulas.enabled;
  if (props.schema.readOnly && empty && !live) return <div className="kf-hidden">{children}</div>;
  const isCheckbox = widget === 'checkbox' || props.schema.type === 'boolean';
  const invalid = (rawErrors?.length ?? 0) > 0;
  const isRoot = props.fieldPathId.path.length === 0;
  return (
    <div
      className={`kf-field${invalid ? ' kf-field-invalid' : ''}${classNames ? ` ${classNames}` : ''}`}
      data-testid={isRoot ? undefined : testIdOf(id, 'wrap')}
    >
      {displayLabel && !isCheckbox && label && (
        <label className="kf-label" htmlFor={id}>
          {label}
          {required && <span className="kf-required" aria-hidden="true">*</span>}
        </label>
      )}
      {children}
      {displayLabel && description ? <div className="kf-description">{description}</div> : null}
      {errors}
      {help}
    </div>
  );
}
