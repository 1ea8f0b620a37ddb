import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import type { UserField } from '../user-types';

/** Messages to show next to the fields of a user dialog, by field. */
export type FieldErrors = Partial<Record<UserField, string>>;

const FIELDS: readonly UserField[] = ['email', 'password', 'role', 'displayName', 'groups', 'managerId'];

/**
 * Splits a failed save into messages next to the fields it names (`INVALID_USER` with
 * `details.fields`, `USER_EXISTS` → email) and what is left for the dialog's general error.
 * `mode` picks the manager message: on edit, a refused manager is a loop in the chain.
 *
 * @example const { fields, rest } = fieldErrors(e, t, 'edit'); // fields.managerId → "…loop…"
 */
export function fieldErrors(error: unknown, t: TFunction, mode: 'create' | 'edit'): { fields: FieldErrors; rest: unknown } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: error };
  if (error.code === 'USER_EXISTS') return { fields: { email: t('users.fieldErrors.emailTaken') }, rest: undefined };
  if (error.code !== 'INVALID_USER') return { fields: {}, rest: error };
  const named = (error.details as { fields?: unknown } | undefined)?.fields;
  const list = Array.isArray(named) ? named.filter((f): f is UserField => FIELDS.includes(f as UserField)) : [];
  if (!list.length) return { fields: {}, rest: error };
  const fields: FieldErrors = {};
  for (const f of list) {
    fields[f] = f === 'managerId' && mode === 'edit' ? t('users.fieldErrors.managerLoop') : t(`users.fieldErrors.${f}`);
  }
  return { fields, rest: undefined };
}
