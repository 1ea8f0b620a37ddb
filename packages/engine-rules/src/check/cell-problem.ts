import type { CellErrorReason, CellError } from '../tables/parse-cell.js';
import type { RuleMessageId } from './messages.js';
import { syntaxDetail } from './parse-slot.js';
import type { Reporter } from './reporter.js';

const CELL_MESSAGES: Readonly<Record<CellErrorReason, RuleMessageId>> = {
  syntax: 'cellSyntax',
  compareValue: 'cellCompareValue',
  rangeBound: 'cellRangeBound',
  rangeTypes: 'cellRangeTypes',
  emptyRange: 'cellEmptyRange',
  listItem: 'cellListItem',
  alwaysTrue: 'cellAlwaysTrue',
};

/** Reports a cell that is not valid cell grammar (RULE_TABLE_CELL, positioned in the cell's text). @internal */
export function reportCellError(rep: Reporter, text: string, path: string, e: CellError): void {
  const detail = e.detail ? syntaxDetail(e.detail, rep.locale) : '';
  rep.add('RULE_TABLE_CELL', path, CELL_MESSAGES[e.reason], { text: text.trim(), detail }, { source: text, from: e.from, to: e.to });
}
