import type { DescriptionFieldProps, ErrorListProps, SubmitButtonProps, TitleFieldProps } from '@rjsf/utils';
import { getSubmitButtonOptions } from '@rjsf/utils';
import { kilnContext } from '../context';
import { msg } from '../messages';

/** A short "fix the N problems" note above the form; the details sit under each field. */
export function ErrorListTemplate({ errors, registry }: ErrorListProps) {
  if (!errors.length) return null;
  const { locale } = kilnContext(registry.formContext);
  return (
    <div className="kf-error-summary" role="alert" data-testid="form-error-summary">
      {msg(locale, 'fixErrors', { n: errors.length })}
    </div>
  );
}

/** The submit button (`form-submit`); text and disabled state come from `ui:submitButtonOptions`. */
export function SubmitButton({ uiSchema, registry }: SubmitButtonProps) {
  const { submitText, norender, props } = getSubmitButtonOptions(uiSchema);
  if (norender) return null;
  const { locale } = kilnContext(registry.formContext);
  return (
    <div className="kf-actions">
      <button type="submit" className="kf-btn kf-btn-primary kf-submit" data-testid="form-submit" disabled={props?.disabled}>
        {submitText && submitText !== 'Submit' ? submitText : msg(locale, 'submit')}
      </button>
    </div>
  );
}

/** Help text under a field or group. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="kf-description">
      {description}
    </div>
  );
}

/** Title of a nested group. */
export function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <div id={id} className="kf-group-title">
      {title}
      {required && <span className="kf-required">*</span>}
    </div>
  );
}
