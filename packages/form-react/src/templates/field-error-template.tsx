import { errorId, type FieldErrorProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';

/** The messages under a field (`field-<key>-error`; root-level ones are `form-error`). */
export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const list = errors.filter((e) => !!e);
  if (!list.length) return null;
  const isRoot = fieldPathId.path.length === 0;
  return (
    <ul id={errorId(fieldPathId)} className="kf-errors" role="alert" data-testid={isRoot ? 'form-error' : testIdOf(fieldPathId.$id, 'error')}>
      {list.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}
