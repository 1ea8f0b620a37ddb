import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';
import { useReport } from '../hooks/useReport';
import { useSelected } from '../hooks/useSelected';
import { useProblemTargets, selectionKey } from '../hooks/useProblemTargets';
import { reportEdit } from '../store/edit';
import { select } from '../store/report-ui';
import { SectionProblems } from './section-problems';

/**
 * The report's parameters (values the viewer picks: a date range, a select, a choice that
 * switches measures …): click one to edit it, add, remove.
 */
export function ParamsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { params } = useReport();
  const selected = useSelected();
  const { bySelection } = useProblemTargets();
  return (
    <section className="prop-section" data-section="params" data-testid="report-params">
      <div className="prop-section-title">{t('reports.settings.params')}</div>
      <div className="prop-hint">{t('reports.settings.paramsHint')}</div>
      <ul className="report-list">
        {(params ?? []).map((p) => {
          const bad = bySelection.has(selectionKey('param', p.key));
          const on = selected?.kind === 'param' && selected.id === p.key;
          return (
            <li key={p.key} className={[on && 'is-selected', bad && 'has-problem'].filter(Boolean).join(' ')} onClick={() => select({ kind: 'param', id: p.key })} data-testid={`param-${p.key}`}>
              <span>{textOf(p.label, locale, p.key)}</span>
              <code className="muted-code">{p.key}</code>
              <span className="badge">{t(`reports.paramTypes.${p.type}`)}</span>
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-sm" onClick={reportEdit.addParam} data-testid="param-add">
        + {t('reports.settings.addParam')}
      </button>
      <SectionProblems section="params" />
    </section>
  );
}
