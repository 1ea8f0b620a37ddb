import type { CellNode } from '../tables/cell.js';
import type { DecisionTableDefinition } from '../types.js';
import type { ExpressionTable } from './expression-table.js';
import type { ParsedExpression } from './parse-expression.js';
import { ptr } from './pointer.js';

const J = (v: unknown) => JSON.stringify(v);

/** A table's parsed parts: expressions by path, cells by `/rows/i/when/inputId` (expr cells parsed too). @internal */
export interface ParsedTable {
  readonly exprs: ReadonlyMap<string, ParsedExpression>;
  readonly cells: ReadonlyMap<string, { readonly cell: CellNode; readonly parsed?: ParsedExpression }>;
}

/** Emits a decision table's descriptor for `$table` (see tables/table-runtime.ts). @internal */
export function emitTable(key: string, def: DecisionTableDefinition, parts: ParsedTable, exprs: ExpressionTable): string {
  const fn = (path: string, context: 'table' | 'cell', parsed = parts.exprs.get(path)) => (parsed ? exprs.ref(parsed, context, key, path) : 'null');
  const inputs = def.inputs.map((c, i) => fn(ptr('inputs', i, 'expression'), 'table'));
  const outputs = def.outputs.map((o) => `[${J(o.key)}, ${J(o.id)}]`);
  const rows = def.rows.map((row, i) => {
    const cells: string[] = [];
    def.inputs.forEach((c, k) => {
      const path = ptr('rows', i, 'when', c.id);
      const got = parts.cells.get(path);
      if (!got || got.cell.kind === 'any') return;
      const js = got.cell.kind === 'expr' ? `{ kind: "expr", fn: ${fn(path, 'cell', got.parsed)} }` : J(got.cell);
      cells.push(`[${k}, ${js}]`);
    });
    const then = def.outputs
      .map((o) => [o.id, ptr('rows', i, 'then', o.id)] as const)
      .filter(([, path]) => parts.exprs.has(path))
      .map(([id, path]) => `${J(id)}: ${fn(path, 'table')}`);
    return `    { id: ${J(row.id)}, path: ${J(ptr('rows', i))}, cells: [${cells.join(', ')}], then: { ${then.join(', ')} } }`;
  });
  return `{ key: ${J(key)}, hit: ${J(def.hitPolicy)}, inputs: [${inputs.join(', ')}], outputs: [${outputs.join(', ')}], rows: [\n${rows.join(',\n')}\n  ] }`;
}
