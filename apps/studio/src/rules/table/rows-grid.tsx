import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useGridProblems } from '../hooks/useGridProblems';
import { useMatchedRows } from '../hooks/useMatchedRows';
import { useTableRule } from '../hooks/useTableRule';
import { addRow } from '../model/table-ops';
import { ruleEdit } from '../store/edit';
import { GridRow } from './grid-row';
import { UnaryHelp } from './unary-help';

/** The rows: one test per input column, one value per output column, reorder / duplicate / remove. */
export function RowsGrid() {
  const { t } = useTranslation();
  const locale = useLocale();
  const table = useTableRule();
  const problems = useGridProblems();
  const matched = useMatchedRows();
  return (
    <section className="rule-card" data-path="/rows">
      <header className="rule-card-head">
        {t('rules.rows')}
        <span className="badge">{table.rows.length}</span>
        <span className="toolbar-spacer" />
        <UnaryHelp />
      </header>
      <div className="grid-wrap">
        <table className="dt-grid" data-testid="table-grid">
          <thead>
            <tr>
              <th className="dt-num">#</th>
              {table.inputs.map((c) => (
                <th key={c.id} className="dt-in" title={c.expression}>
                  <span className="dt-kind">{t('rules.when')}</span> {pick(c.label, locale, c.id)}
                  <code className="dt-expr">{c.expression || '—'}</code>
                </th>
              ))}
              {table.outputs.map((c) => (
                <th key={c.id} className="dt-out">
                  <span className="dt-kind">{t('rules.then')}</span> {pick(c.label, locale, c.key)}
                  <code className="dt-expr">{c.key}</code>
                </th>
              ))}
              <th>{t('rules.rowNote')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <GridRow
                key={r}
                table={table}
                row={row}
                index={r}
                matched={matched.has(row.id)}
                rowProblems={problems.rows.get(r) ?? []}
                cellProblems={problems.cells}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="rule-card-body">
        <button type="button" className="btn btn-sm" onClick={() => ruleEdit.structural((x) => (x.type === 'table' ? addRow(x) : x))} data-testid="table-row-add">
          + {t('rules.addRow')}
        </button>
      </div>
    </section>
  );
}
