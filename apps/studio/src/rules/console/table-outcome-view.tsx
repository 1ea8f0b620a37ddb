import type { TableOutcome } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useTableRule } from '../hooks/useTableRule';
import { JsonView } from './json-view';

/** A decision table's dry run: the matched rows (also highlighted in the grid) and the output. */
export function TableOutcomeView({ outcome }: { outcome: TableOutcome }) {
  const { t } = useTranslation();
  const table = useTableRule();
  const rowNo = (id: string) => {
    const i = table.rows.findIndex((r) => r.id === id);
    return i >= 0 ? `#${i + 1}` : id;
  };
  return (
    <>
      <div className="console-section">
        <div className="rf-label">{t('rules.console.matchedRows')}</div>
        <div data-testid="console-rows" data-rows={outcome.matched.join(',')}>
          {outcome.matched.length === 0 ? (
            <span className="muted small">{t('rules.console.noRows')}</span>
          ) : (
            outcome.matched.map((id) => (
              <span key={id} className="badge badge-ok">
                {rowNo(id)} <code>{id}</code>
              </span>
            ))
          )}
        </div>
      </div>
      <div className="console-section">
        <div className="rf-label">{t('rules.console.output')}</div>
        <JsonView value={outcome.output} testId="console-output" />
      </div>
    </>
  );
}
