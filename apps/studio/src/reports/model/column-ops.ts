import type { DatasetColumn, ReportDefinition } from '@kiln/engine-reports';
import { newId } from './ids';
import { takenIds } from './well-ops';

/** A new computed column: an expression (`record.total - record.cost`) or a roll-up (count of another form's records pointing here). */
export function newColumn(def: ReportDefinition, kind: DatasetColumn['kind']): DatasetColumn {
  const taken = takenIds(def);
  if (kind === 'expr') return { id: newId('calc', taken), kind, label: { 'zh-CN': '计算列', en: 'Calculated' }, expr: '' };
  return { id: newId('rollup', taken), kind, label: { 'zh-CN': '汇总列', en: 'Roll-up' }, form: '', via: '', agg: 'count' };
}

/** After the kind changed: keep id, label and format; the kind's own properties start empty. */
export function fixColumn(c: DatasetColumn): DatasetColumn {
  const base = { id: c.id, label: c.label, ...(c.format ? { format: c.format } : {}) };
  if (c.kind === 'expr') return { ...base, kind: 'expr', expr: 'expr' in c ? (c.expr ?? '') : '' };
  return { ...base, kind: 'rollup', form: 'form' in c ? (c.form ?? '') : '', via: 'via' in c ? (c.via ?? '') : '', agg: 'agg' in c ? (c.agg ?? 'count') : 'count' };
}
