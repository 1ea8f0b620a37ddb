import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { fieldErrors, type FieldErrors } from '../form/field-errors';

/** A user dialog's save: whether it runs, and the errors of the last failure. */
export interface UserSaveState {
  busy: boolean;
  /** Messages next to the fields the server named. */
  fields: FieldErrors;
  /** The stable code of the last failure (`INVALID_USER`, `USER_EXISTS`, …). */
  code: string | undefined;
  /** A failure no field explains, for the dialog's `<ErrorText>`. */
  error: unknown;
  /** Runs `save`; resolves true when it succeeded. A second call while one runs is ignored. */
  run: (save: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * Runs a create / update of a user and turns its failure into field messages (see
 * {@link fieldErrors}); `mode` says which dialog, for the manager message.
 */
export function useUserSave(mode: 'create' | 'edit'): UserSaveState {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const { fields, rest } = fieldErrors(failure, t, mode);
  const run = async (save: () => Promise<unknown>) => {
    if (busy) return false;
    setBusy(true);
    setFailure(undefined);
    try {
      await save();
      return true;
    } catch (e) {
      setFailure(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, fields, code: failure instanceof ApiError ? failure.code : undefined, error: rest, run };
}
