import type { RuleDefinition } from '@kiln/engine-rules';
import { pick } from '../../ui/localized';
import { parsePtr, ptr } from './pointer';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const LISTS = new Set(['actions', 'inputs', 'outputs', 'rows']);

function listOf(rule: RuleDefinition, name: string): readonly { id: string }[] {
  const r = rule as unknown as Record<string, unknown>;
  return Array.isArray(r[name]) ? (r[name] as { id: string }[]) : [];
}

/**
 * A problem path with list elements addressed by index, as the editors tag their controls.
 * A checker may name a row / column / action by its id (`/rows/r3/when/in1`); that id becomes
 * its index (`/rows/2/when/in1`).
 */
export function normalizePath(rule: RuleDefinition, path: string | undefined): string {
  if (!path) return '';
  const segs = parsePtr(path);
  if (segs.length >= 2 && LISTS.has(segs[0]) && !/^\d+$/.test(segs[1])) {
    const i = listOf(rule, segs[0]).findIndex((x) => x.id === segs[1]);
    if (i >= 0) segs[1] = String(i);
  }
  return ptr(...segs);
}

const SUB: Record<string, string> = {
  when: 'rules.where.when',
  forEach: 'rules.where.forEach',
  form: 'rules.where.form',
  table: 'rules.where.table',
  entries: 'rules.where.entries',
  key: 'rules.where.ledgerKey',
  payload: 'rules.where.payload',
  connector: 'rules.where.connector',
  operation: 'rules.where.operation',
  flow: 'rules.where.flow',
  record: 'rules.where.record',
  users: 'rules.where.users',
  roles: 'rules.where.roles',
  title: 'rules.where.notifyTitle',
  body: 'rules.where.body',
  message: 'rules.where.message',
  field: 'rules.where.field',
};

function actionWhere(rule: RuleDefinition, segs: string[], t: Translate): string {
  const i = Number(segs[1]);
  const action = rule.type === 'trigger' ? rule.actions[i] : undefined;
  const head = t('rules.where.action', { n: i + 1, type: action ? t(`rules.actionTypes.${action.type}`) : '?' });
  const [part, key] = segs.slice(2);
  if (!part) return head;
  if (part === 'values' || part === 'match' || part === 'assign') return key ? `${head} · ${key}` : head;
  if (part === 'id') return `${head} · ${t('rules.where.actionId')}`;
  if (part === 'record' && action?.type === 'update') return `${head} · ${t('rules.where.recordId')}`;
  return `${head} · ${SUB[part] ? t(SUB[part]) : part}`;
}

function tableWhere(rule: RuleDefinition, segs: string[], t: Translate, locale: string): string {
  if (rule.type !== 'table') return segs.join('/');
  const i = Number(segs[1]);
  if (segs[0] === 'inputs') return t('rules.where.input', { label: pick(rule.inputs[i]?.label, locale, segs[1]) });
  if (segs[0] === 'outputs') return t('rules.where.output', { label: rule.outputs[i]?.key ?? segs[1] });
  const row = t('rules.where.row', { n: i + 1 });
  const [side, col] = segs.slice(2);
  if (side === 'when') return `${row} · ${pick(rule.inputs.find((c) => c.id === col)?.label, locale, col ?? '')}`;
  if (side === 'then') return `${row} · ${rule.outputs.find((c) => c.id === col)?.key ?? col ?? ''}`;
  return row;
}

/** Where a (normalized) problem path points, in words: "Action 2 (create) · total", "Row 3 · Amount". */
export function describePath(rule: RuleDefinition, path: string, t: Translate, locale: string): string {
  const segs = parsePtr(path);
  switch (segs[0]) {
    case undefined:
      return t('rules.where.rule');
    case 'title':
    case 'description':
      return t('rules.where.title');
    case 'trigger':
      return t('rules.where.trigger');
    case 'condition':
      return t('rules.where.condition');
    case 'hitPolicy':
      return t('rules.where.hitPolicy');
    case 'actions':
      return actionWhere(rule, segs, t);
    case 'inputs':
    case 'outputs':
    case 'rows':
      return tableWhere(rule, segs, t, locale);
    default:
      return segs.join(' · ');
  }
}
