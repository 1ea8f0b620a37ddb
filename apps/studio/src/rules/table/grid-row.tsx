import type { DecisionTableDefinition, TableRow } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../../ui/icons';
import type { EditorProblem } from '../model/editor-problem';
import { ptr } from '../model/pointer';
import { duplicateRow, moveRow, removeRow, setCell, setRowNote } from '../model/table-ops';
import { ruleEdit } from '../store/edit';

interface Props {
  table: DecisionTableDefinition;
  row: TableRow;
  index: number;
  matched: boolean;
  rowProblems: EditorProblem[];
  cellProblems: Map<string, EditorProblem[]>;
}

const structural = (fn: (t: DecisionTableDefinition) => DecisionTableDefinition) => ruleEdit.structural((r) => (r.type === 'table' ? fn(r) : r));

/**
 * One grid row. Cells are `cell-<row>-<col>` with columns counted left to right, inputs first
 * then outputs; each cell carries `data-path` (`/rows/<r>/when/<inputId>`, `/rows/<r>/then/<outputId>`).
 */
export function GridRow({ table, row, index: r, matched, rowProblems, cellProblems }: Props) {
  const { t } = useTranslation();
  const n = table.rows.length;
  const cls = ['dt-row', matched ? 'is-matched' : '', rowProblems.length ? 'has-problem' : ''].filter(Boolean).join(' ');
  const cell = (side: 'when' | 'then', colId: string, col: number) => {
    const path = ptr('rows', r, side, colId);
    const problems = cellProblems.get(path) ?? [];
    const value = row[side][colId] ?? '';
    return (
      <td key={`${side}-${colId}`} className={side === 'when' ? 'dt-cell dt-cell-in' : 'dt-cell dt-cell-out'}>
        <input
          className={problems.length ? 'cell-input has-problem' : 'cell-input'}
          value={value}
          placeholder={side === 'when' ? '-' : ''}
          title={problems.map((p) => p.message).join('\n') || undefined}
          onChange={(e) => ruleEdit.table((tb) => setCell(tb, r, side, colId, e.target.value), path)}
          data-testid={`cell-${r}-${col}`}
          data-path={path}
          data-problem={problems[0]?.code}
          spellCheck={false}
        />
      </td>
    );
  };
  return (
    <tr
      className={cls}
      data-testid={`row-${r}`}
      data-row-id={row.id}
      data-matched={matched}
      data-problem={rowProblems[0]?.code}
      data-path={ptr('rows', r)}
      title={rowProblems.map((p) => p.message).join('\n') || undefined}
    >
      <td className="dt-num">
        {r + 1}
        {matched && <span className="dt-hit" title={t('rules.console.rowMatched')}>✓</span>}
        {rowProblems.length > 0 && <span className="dt-bad">!</span>}
      </td>
      {table.inputs.map((c, i) => cell('when', c.id, i))}
      {table.outputs.map((c, i) => cell('then', c.id, table.inputs.length + i))}
      <td className="dt-cell dt-note">
        <input
          className="cell-input"
          value={row.description ?? ''}
          onChange={(e) => ruleEdit.table((tb) => setRowNote(tb, r, e.target.value), ptr('rows', r, 'description'))}
          data-testid={`row-note-${r}`}
        />
      </td>
      <td className="dt-tools">
        <span className="row-tools">
          <button type="button" title={t('rules.moveUp')} disabled={r === 0} onClick={() => structural((x) => moveRow(x, r, -1))} data-testid={`row-up-${r}`}>
            ↑
          </button>
          <button type="button" title={t('rules.moveDown')} disabled={r === n - 1} onClick={() => structural((x) => moveRow(x, r, 1))} data-testid={`row-down-${r}`}>
            ↓
          </button>
          <button type="button" title={t('rules.duplicate')} onClick={() => structural((x) => duplicateRow(x, r))} data-testid={`row-duplicate-${r}`}>
            <CopyIcon />
          </button>
          <button type="button" title={t('common.delete')} onClick={() => structural((x) => removeRow(x, r))} data-testid={`row-remove-${r}`}>
            ✕
          </button>
        </span>
      </td>
    </tr>
  );
}
