import type { LocalizedText } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/useLocale';
import { navigate } from '../router/history';
import { paths } from '../router/routes';
import { pick } from './localized';

/** A publish problem of some draft of the app. */
export interface DraftProblem {
  kind: string;
  key: string;
  code: string;
  message: unknown;
}

/** Where a publish problem's draft opens. */
function draftPath(app: string, kind: string, key: string): string | null {
  if (kind === 'flows') return paths.flow(app, key);
  if (kind === 'rules') return paths.rule(app, key);
  if (kind === 'forms' || kind === 'form') return paths.form(app, key);
  if (kind === 'reports') return paths.report(app, key);
  if (kind === 'dashboards') return paths.dashboard(app, key);
  if (kind === 'connectors') return paths.connector(app, key);
  return null;
}

/**
 * The publish problems of the app's other drafts, below a designer's own problems; a click
 * opens that draft. Rows are `<testIdPrefix>-other-<i>`.
 */
export function OtherDraftsProblems({ app, problems, testIdPrefix }: { app: string; problems: DraftProblem[]; testIdPrefix: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!problems.length) return null;
  const open = (kind: string, key: string) => {
    const to = draftPath(app, kind, key);
    if (to) navigate(to);
  };
  return (
    <>
      <div className="problem-sub">{t('rules.otherProblems', { count: problems.length })}</div>
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i} className="problem problem-server problem-elsewhere" data-testid={`${testIdPrefix}-other-${i}`} data-code={p.code} onClick={() => open(p.kind, p.key)}>
            <span className="problem-where">
              {p.kind}/{p.key}
            </span>
            <span>{pick(p.message as LocalizedText | string, locale)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
