import type { LocalizedText } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useDefinition } from '../hooks/useDefinition';
import { useFormKey } from '../hooks/useFormKey';
import { useLiveProblems } from '../hooks/useLiveProblems';
import { useServerProblems } from '../hooks/useServerProblems';
import { fieldIdAtPath } from '../model/problem-paths';
import { locateField } from '../model/containers';
import { useDesignerUi } from '../store/ui-store';

/** Live problems from validateFormDefinition, plus those of the last refused publish. Click to select the field. */
export function ProblemsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const def = useDefinition();
  const live = useLiveProblems();
  const server = useServerProblems();
  const formKey = useFormKey();

  const where = (path: string) => {
    const id = fieldIdAtPath(def, path);
    const f = id ? locateField(def, id)?.field : null;
    return { id, label: f ? pick(f.label, locale, f.key) : t('problems.form') };
  };
  const focus = (id: string | null) => id && useDesignerUi.getState().select(id);
  const isHere = (kind: string, key: string) => (kind === 'forms' || kind === 'form') && (key === formKey || key === def.key);

  return (
    <section className="problems" data-testid="problems" data-count={live.length + server.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={live.length ? 'badge badge-warn' : 'badge badge-ok'}>{live.length}</span>
      </div>
      <ul className="problem-list">
        {live.length === 0 && server.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {live.map((p, i) => {
          const w = where(p.path);
          return (
            <li key={`l${i}`} className="problem" data-testid={`problem-${i}`} data-path={p.path} data-code={p.code} onClick={() => focus(w.id)}>
              <span className="problem-where">{w.label}</span>
              <span>{pick(p.message, locale)}</span>
              <code className="muted-code">{p.code}</code>
            </li>
          );
        })}
      </ul>
      {server.length > 0 && (
        <>
          <div className="problem-sub">{t('problems.server', { count: server.length })}</div>
          <ul className="problem-list" data-testid="server-problems">
            {server.map((p, i) => {
              const here = isHere(p.kind, p.key);
              const w = here ? where(p.path) : { id: null, label: `${p.kind}/${p.key}` };
              return (
                <li
                  key={`s${i}`}
                  className={here ? 'problem problem-server' : 'problem problem-server problem-elsewhere'}
                  data-testid={`server-problem-${i}`}
                  data-path={p.path}
                  data-code={p.code}
                  onClick={() => focus(w.id)}
                >
                  <span className="problem-where">{w.label}</span>
                  <span>{pick(p.message as LocalizedText | string, locale)}</span>
                  <code className="muted-code">{p.code}</code>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
