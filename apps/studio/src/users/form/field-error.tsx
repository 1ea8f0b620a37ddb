import type { UserField } from '../user-types';

/**
 * The server's complaint about one field, shown under it (`user-error-<field>`, with the
 * error code in `data-code`); nothing when the field is fine.
 */
export function FieldError({ field, message, code }: { field: UserField; message?: string; code?: string }) {
  if (!message) return null;
  return (
    <small className="hint hint-bad" role="alert" data-testid={`user-error-${field}`} data-code={code}>
      {message}
    </small>
  );
}
