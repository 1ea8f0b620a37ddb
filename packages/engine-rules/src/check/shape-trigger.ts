import { ptr } from '../compile/pointer.js';
import { isLegacyUpdate } from '../compile/slots.js';
import { ACTION_TYPES, TRIGGER_EVENTS } from '../types.js';
import { cronProblem, isTimeZone } from './cron.js';
import type { Reporter } from './reporter.js';
import { ID_PATTERN, isObject, KEY_PATTERN, Shape } from './shape-util.js';

function checkTriggerSpec(rep: Reporter, t: unknown): void {
  if (!isObject(t)) {
    rep.add('RULE_INVALID', '/trigger', t === undefined ? 'required' : 'notObject', { prop: 'trigger', what: rep.locale === 'en' ? 'trigger' : 'trigger ' });
    return;
  }
  const s = new Shape(rep, t, '/trigger');
  if (!s.oneOf('event', TRIGGER_EVENTS)) return;
  switch (t.event) {
    case 'record.updated':
    case 'record.saved':
      s.strings('fields');
    // falls through
    case 'record.created':
    case 'record.deleted':
    case 'form.submitted':
      s.string('form');
      break;
    case 'schedule': {
      if (s.string('cron')) {
        const p = cronProblem(t.cron as string);
        if (p && 'count' in p) rep.add('RULE_INVALID', '/trigger/cron', 'cronFields', { count: p.count });
        else if (p) rep.add('RULE_INVALID', '/trigger/cron', 'cronField', p);
      }
      if (s.string('timezone', true) && typeof t.timezone === 'string' && !isTimeZone(t.timezone)) rep.add('RULE_INVALID', '/trigger/timezone', 'timezone', { value: t.timezone });
      break;
    }
    case 'webhook':
      s.name('hook', KEY_PATTERN, 'keySyntax');
      s.string('secret', true);
      break;
    case 'flow.node':
      s.string('flow');
      s.string('node');
      break;
  }
}

function checkAction(rep: Reporter, a: unknown, n: number, ids: Map<string, number>): void {
  const base = ptr('actions', n);
  if (!isObject(a)) {
    rep.add('RULE_INVALID', base, 'notObject', { what: rep.locale === 'en' ? 'An action' : '动作' });
    return;
  }
  const s = new Shape(rep, a, base);
  const typeOk = s.oneOf('type', ACTION_TYPES);
  const legacy = isLegacyUpdate(a);
  if (!legacy && s.name('id', ID_PATTERN, 'idSyntax')) {
    const id = a.id as string;
    if (ids.has(id)) rep.add('RULE_INVALID', `${base}/id`, 'idDuplicate', { value: id });
    else ids.set(id, n);
  }
  s.string('when', true, 'expression');
  s.string('forEach', true, 'expression');
  if (!typeOk) return;
  switch (a.type) {
    case 'create':
      s.string('form');
      s.mapping('values');
      break;
    case 'update':
      s.string('form');
      if (legacy) rep.add('RULE_INVALID', `${base}/id`, 'updateLegacyId', {}, undefined, 'warning');
      else s.string('record', false, 'expression');
      s.mapping('values');
      break;
    case 'upsert':
      s.string('form');
      s.mapping('match');
      s.mapping('values');
      if (s.strings('createOnly') && Array.isArray(a.createOnly) && isObject(a.values)) {
        a.createOnly.forEach((k: string, i: number) => {
          if (!Object.hasOwn(a.values as object, k)) rep.add('RULE_INVALID', `${base}/createOnly/${i}`, 'createOnlyNotInValues', { value: k });
        });
      }
      break;
    case 'decide':
      s.string('table');
      s.mapping('assign', true);
      break;
    case 'ledger':
      s.string('form');
      s.string('entries', false, 'expression');
      s.string('key');
      break;
    case 'flow':
      s.string('flow');
      s.string('record', true, 'expression');
      break;
    case 'connector':
      s.string('connector');
      s.string('operation', true);
      s.string('payload', false, 'expression');
      break;
    case 'notify':
      s.string('users', true, 'expression');
      s.strings('roles');
      s.string('title', false, 'expression');
      s.string('body', true, 'expression');
      if ((a.users === undefined || (typeof a.users === 'string' && a.users.trim() === '')) && !(Array.isArray(a.roles) && a.roles.length > 0)) rep.add('RULE_INVALID', base, 'notifyNobody');
      break;
    case 'reject':
      s.string('message', false, 'expression');
      s.string('field', true);
      break;
  }
}

/**
 * Shape checks of a trigger rule (after the header): the trigger spec (event, form, cron, time
 * zone…), the condition, and every action's required properties, types and unique ids.
 * @internal
 */
export function checkTriggerShape(rep: Reporter, def: Record<string, unknown>): void {
  const s = new Shape(rep, def, '');
  s.boolean('enabled');
  s.number('priority');
  checkTriggerSpec(rep, def.trigger);
  s.string('condition', true, 'expression');
  if (!Array.isArray(def.actions)) {
    rep.add('RULE_INVALID', '/actions', def.actions === undefined ? 'required' : 'wrongType', { prop: 'actions', expected: rep.locale === 'en' ? 'a list' : '列表' });
    return;
  }
  const ids = new Map<string, number>();
  def.actions.forEach((a, n) => checkAction(rep, a, n, ids));
}
