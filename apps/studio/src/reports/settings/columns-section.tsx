import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';
import { useReport } from '../hooks/useReport';
import { selectionKey, useProblemTargets } from '../hooks/useProblemTargets';
import { newColumn } from '../model/column-ops';
import type { DatasetColumn } from '@kiln/engine-reports';
import { reportEdit } from '../store/edit';
import { select } from '../store/report-ui';
import { SectionProblems } from './section-problems';

function addColumn(kind: DatasetColumn['kind']) {
  let id = '';
  reportEdit.update((r) => {
    const c = newColumn(r, kind);
    id = c.id;
    return { ...r, dataset: { ...r.dataset, columns: [...(r.dataset.columns ?? []), c] } };
  });
  select({ kind: 'column', id });
}

/** The dataset's computed columns (palette group "computed", paths `$<id>`): click to edit, add an expression or a roll-up. */
export function ColumnsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { dataset } = useReport();
  const { bySelection } = useProblemTargets();
  return (
    <section className="prop-section" data-section="columns" data-testid="report-columns">
      <div className="prop-section-title">{t('reports.settings.columns')}</div>
      <ul className="report-list">
        {(dataset.columns ?? []).map((c) => (
          <li key={c.id} className={bySelection.has(selectionKey('column', c.id)) ? 'has-problem' : undefined} onClick={() => select({ kind: 'column', id: c.id })} data-testid={`column-${c.id}`}>
            <span>{textOf(c.label, locale, c.id)}</span>
            <code className="muted-code">${c.id}</code>
            <span className="badge">{t(`reports.columnKinds.${c.kind}`)}</span>
          </li>
        ))}
      </ul>
      <div className="btn-group">
        <button type="button" className="btn btn-sm" disabled={!dataset.form} onClick={() => addColumn('expr')} data-testid="column-add-expr">
          + {t('reports.columnKinds.expr')}
        </button>
        <button type="button" className="btn btn-sm" disabled={!dataset.form} onClick={() => addColumn('rollup')} data-testid="column-add-rollup">
          + {t('reports.columnKinds.rollup')}
        </button>
      </div>
      <SectionProblems section="columns" />
    </section>
  );
}
