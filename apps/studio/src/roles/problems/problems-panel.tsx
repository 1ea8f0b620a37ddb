import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { navigate } from '../../router/history';
import { paths } from '../../router/routes';
import { pick } from '../../ui/localized';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useFocusProblem } from '../hooks/useFocusProblem';
import { useProblems } from '../hooks/useProblems';
import { useRoleApp } from '../hooks/useRoleApp';
import { useRoleUi, type RoleUiState } from '../store/role-ui';

const selectServer = (s: RoleUiState) => s.serverProblems;

/**
 * Problems of this role (`role-problems`, rows `role-problem-<i>`; live validation and the last
 * refused publish); a click focuses the control it is about. Publish problems of other roles
 * (`role-problem-role-<i>`) and other drafts (`role-problem-other-<i>`) open them.
 */
export function RoleProblems() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { app, key } = useRoleApp();
  const problems = useProblems();
  const server = useRoleUi(selectServer);
  const focus = useFocusProblem();
  const otherRoles = server.filter((p) => p.kind === 'roles' && p.key !== key);
  const elsewhere = server.filter((p) => p.kind !== 'roles');
  return (
    <section className="problems role-problems" data-testid="role-problems" data-count={problems.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && otherRoles.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li key={i} className="problem" data-testid={`role-problem-${i}`} data-code={p.code} data-problem-path={p.path} data-source={p.source} onClick={() => focus(p)}>
            <span className="problem-where">{p.path || '/'}</span>
            <span>{p.message}</span>
            <span className="problem-source">{t(`roles.problemSource.${p.source}`)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
        {otherRoles.map((p, i) => (
          <li key={`r${i}`} className="problem problem-server problem-elsewhere" data-testid={`role-problem-role-${i}`} data-code={p.code} onClick={() => navigate(paths.roles(app, p.key))}>
            <span className="problem-where">roles/{p.key}</span>
            <span>{pick(p.message, locale)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="role-problem" />
    </section>
  );
}
