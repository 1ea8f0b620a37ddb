import type { ReactNode } from 'react';
import type { UserField } from '../user-types';
import { FieldError } from './field-error';

interface Props {
  label: string;
  /** The id of the control the label names. */
  htmlFor: string;
  /** Which server field this is, so its error shows right here. */
  field: UserField;
  error?: string;
  code?: string;
  hint?: string;
  children: ReactNode;
}

/** One field of a user dialog: label, control, hint, and the server's error for it. */
export function LabeledField({ label, htmlFor, field, error, code, hint, children }: Props) {
  return (
    <div className={error ? 'field user-field has-error' : 'field user-field'} data-field={field}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !error ? <small className="hint">{hint}</small> : null}
      <FieldError field={field} message={error} code={code} />
    </div>
  );
}
