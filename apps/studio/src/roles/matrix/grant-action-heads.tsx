import { useTranslation } from 'react-i18next';
import { GRANT_ACTIONS } from '../model/types';

/** The header cells of the grant actions (read … export), for the role matrix and the "view as" table. */
export function GrantActionHeads() {
  const { t } = useTranslation();
  return (
    <>
      {GRANT_ACTIONS.map((a) => (
        <th key={a} className="role-matrix-check">
          {t(`roles.actions.${a}`)}
        </th>
      ))}
    </>
  );
}
