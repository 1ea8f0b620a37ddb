import { VISUAL_TYPES } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { useReport } from '../hooks/useReport';
import { useSectionProblems } from '../hooks/useSectionProblems';
import { reportEdit } from '../store/edit';
import { VisualIcon } from './visual-icon';
import { VisualOptions } from './visual-options';

/** The visual picker (`visual-<type>`, `aria-pressed` on the current one) and the options of the chosen type. */
export function VisualPicker() {
  const { t } = useTranslation();
  const { visual } = useReport();
  const problems = useSectionProblems('visual');
  return (
    <div className={problems.length ? 'report-visual has-problem' : 'report-visual'} data-section="visual" data-testid="report-visual" data-type={visual.type}>
      <div className="report-visual-types" role="group" aria-label={t('reports.visual')}>
        {VISUAL_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className={visual.type === type ? 'report-visual-btn is-active' : 'report-visual-btn'}
            aria-pressed={visual.type === type}
            title={t(`reports.visuals.${type}`)}
            onClick={() => reportEdit.setVisual(type)}
            data-testid={`visual-${type}`}
          >
            <VisualIcon type={type} />
            <span>{t(`reports.visuals.${type}`)}</span>
          </button>
        ))}
      </div>
      <VisualOptions />
      {problems.length > 0 && (
        <ul className="expr-messages" data-testid="section-problems-visual">
          {problems.map((p, i) => (
            <li key={i} className="is-error">
              {p.message}
              <code>{p.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
