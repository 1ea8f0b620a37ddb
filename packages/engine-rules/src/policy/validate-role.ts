import { didYouMean } from '../check/did-you-mean.js';
import { escapeSegment, ptr } from '../compile/pointer.js';
import { checkPolicy } from './check.js';
import { fieldKind, formFields } from './field-kind.js';
import { parsePolicy } from './parse.js';
import { findUserRef } from './refs.js';
import {
  ASSIGNABLE_GLOBAL_ROLES,
  SELF_USER_ATTRS,
  type PolicyNode,
  type PolicyValue,
  type RoleContext,
  type RoleProblem,
} from './types.js';

/** Role keys: `^[a-z][a-z0-9_]{0,63}$`. */
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
/** Group names in `assign.groups` (and users.groups). */
export const GROUP_NAME_PATTERN = /^[\p{L}\p{N}_.-]{1,64}$/u;

const ROLE_KEYS = ['formatVersion', 'key', 'name', 'description', 'assign', 'self', 'forms', 'flows', 'reports', 'portal'];
const GRANT_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
const GRANT_KEYS = [...GRANT_ACTIONS, 'where', 'fields', 'set'];
const FIELD_ACCESS = ['hidden', 'readonly'];
/** Field types `self.field` may have, per `self.userAttr`. */
const SELF_FIELD_TYPES: Readonly<Record<string, readonly string[]>> = {
  phone: ['phone', 'text'],
  email: ['email', 'text'],
  id: ['number', 'user', 'text'],
};
const USER_REF = /^\$user(\.[A-Za-z_][A-Za-z0-9_]*)?$/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const orGuess = (name: string, candidates: Iterable<string>): string => {
  const g = didYouMean(name, candidates);
  return g ? ` Did you mean "${g}"?` : '';
};

/**
 * Checks a role definition (metadata kind `roles`) before it is saved or published and returns
 * every problem found (empty when valid). Accepts `unknown` (drafts are stored JSON), never throws.
 *
 * Each problem has a JSON pointer `path` into the role and a stable code: `ROLE_*` for the
 * definition, `POLICY_*` for a grant's `where` (path `/forms/<form>/where`, with `from`/`to`
 * offsets into that text). Forms, fields, flows and reports are checked against `ctx`.
 *
 * @example
 * validateRole({ formatVersion: 1, key: 'promoter', name: { 'zh-CN': '推广员', en: 'Promoter' },
 *   forms: { withdrawals: { read: true, where: 'promoter = $user.record' } } }, ctx)
 * // [{ code: 'ROLE_SELF_REQUIRED', path: '/forms/withdrawals/where', from: 11, to: 23, … }]
 */
export function validateRole(role: unknown, ctx: RoleContext): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const roleKey = isObj(role) && typeof role.key === 'string' ? role.key : undefined;
  const add = (code: RoleProblem['code'], path: string, message: string, at?: { from: number; to: number }): void => {
    const p: RoleProblem = { code, severity: 'error', message, path };
    if (roleKey !== undefined) p.role = roleKey;
    if (at) Object.assign(p, { from: at.from, to: at.to });
    problems.push(p);
  };
  const invalid = (path: string, message: string) => add('ROLE_INVALID', path, message);
  const unknownKeys = (obj: Obj, path: string, allowed: readonly string[]): void => {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) invalid(`${path}/${escapeSegment(k)}`, `Unknown property "${k}".${orGuess(k, allowed) || ` Allowed: ${allowed.join(', ')}`}`);
    }
  };

  if (!isObj(role)) {
    invalid('', 'A role must be an object');
    return problems;
  }
  unknownKeys(role, '', ROLE_KEYS);
  if (role.formatVersion !== 1) invalid('/formatVersion', `formatVersion must be 1, not ${JSON.stringify(role.formatVersion) ?? 'missing'}`);
  if (typeof role.key !== 'string' || !ROLE_KEY_PATTERN.test(role.key)) {
    add('ROLE_KEY_SYNTAX', '/key', 'The role key must start with a lowercase letter and use only a-z, 0-9 and _ (at most 64 characters)');
  }
  checkName(role.name);
  if (role.description !== undefined && !(isObj(role.description) && typeof role.description['zh-CN'] === 'string' && typeof role.description.en === 'string')) {
    invalid('/description', 'The description must be { "zh-CN": "…", "en": "…" }');
  }
  if (role.assign !== undefined) checkAssign(role.assign);
  const selfForm = role.self !== undefined ? checkSelf(role.self) : undefined;
  checkForms(role.forms, role.self !== undefined, selfForm);
  if (role.flows !== undefined) checkFlows(role.flows);
  if (role.reports !== undefined) checkReports(role.reports);
  if (role.portal !== undefined && role.portal !== 'promoter') invalid('/portal', `portal must be "promoter" when present, not ${JSON.stringify(role.portal)}`);
  return problems;

  function checkName(name: unknown): void {
    if (!isObj(name)) return add('ROLE_NAME', '/name', 'The role needs a name in Chinese and English: { "zh-CN": "…", "en": "…" }');
    for (const locale of ['zh-CN', 'en']) {
      if (!isNonEmpty(name[locale])) add('ROLE_NAME', ptr('name', locale), `The role needs a ${locale === 'en' ? 'English' : 'Chinese'} name`);
    }
  }

  function checkAssign(assign: unknown): void {
    if (!isObj(assign)) return invalid('/assign', 'assign must be { roles?: [...], groups?: [...] }');
    unknownKeys(assign, '/assign', ['roles', 'groups']);
    if (assign.roles !== undefined) {
      if (!Array.isArray(assign.roles)) invalid('/assign/roles', 'assign.roles must be a list');
      else {
        assign.roles.forEach((r, i) => {
          if (!(ASSIGNABLE_GLOBAL_ROLES as readonly unknown[]).includes(r)) {
            add('ROLE_ASSIGN', ptr('assign', 'roles', i), `${JSON.stringify(r)} is not a role that can be assigned automatically (${ASSIGNABLE_GLOBAL_ROLES.join(', ')})`);
          }
        });
      }
    }
    if (assign.groups !== undefined) {
      if (!Array.isArray(assign.groups)) invalid('/assign/groups', 'assign.groups must be a list');
      else {
        assign.groups.forEach((g, i) => {
          if (typeof g !== 'string' || !GROUP_NAME_PATTERN.test(g)) {
            add('ROLE_ASSIGN', ptr('assign', 'groups', i), `${JSON.stringify(g)} is not a group name: 1–64 letters, digits, _ . or -`);
          }
        });
      }
    }
  }

  /** Checks `self`; returns its form key when that form exists. */
  function checkSelf(self: unknown): string | undefined {
    if (!isObj(self)) {
      add('ROLE_SELF', '/self', 'self must be { form, field, userAttr }');
      return undefined;
    }
    unknownKeys(self, '/self', ['form', 'field', 'userAttr']);
    const attrOk = (SELF_USER_ATTRS as readonly unknown[]).includes(self.userAttr);
    if (!attrOk) add('ROLE_SELF', '/self/userAttr', `self.userAttr must be one of ${SELF_USER_ATTRS.join(', ')}`);
    if (typeof self.form !== 'string' || !Object.hasOwn(ctx.forms, self.form)) {
      add('ROLE_UNKNOWN_FORM', '/self/form', `Unknown form ${JSON.stringify(self.form)}.${typeof self.form === 'string' ? orGuess(self.form, Object.keys(ctx.forms)) : ''}`);
      return undefined;
    }
    const fields = formFields(ctx.forms[self.form]);
    const field = typeof self.field === 'string' ? fields.get(self.field) : undefined;
    if (!field) {
      add('ROLE_UNKNOWN_FIELD', '/self/field', `Unknown field ${JSON.stringify(self.field)} in ${self.form}.${typeof self.field === 'string' ? orGuess(self.field, fields.keys()) : ''}`);
    } else if (attrOk) {
      const allowed = SELF_FIELD_TYPES[self.userAttr as string]!;
      if (!allowed.includes(field.type)) {
        add('ROLE_SELF', '/self/field', `To match the user's ${self.userAttr as string}, "${field.key}" must be a ${allowed.join(' or ')} field (it is ${field.type})`);
      }
    }
    return self.form;
  }

  function checkForms(forms: unknown, hasSelf: boolean, selfForm: string | undefined): void {
    if (!isObj(forms)) return invalid('/forms', 'forms must be an object: { <form key>: { read: true, … } }');
    for (const [formKey, grant] of Object.entries(forms)) {
      const base = ptr('forms', formKey);
      if (!Object.hasOwn(ctx.forms, formKey)) {
        add('ROLE_UNKNOWN_FORM', base, `Unknown form "${formKey}".${orGuess(formKey, Object.keys(ctx.forms))}`);
        continue;
      }
      if (!isObj(grant)) {
        invalid(base, 'A form grant must be an object: { read?, create?, update?, delete?, export?, where?, fields?, set? }');
        continue;
      }
      unknownKeys(grant, base, GRANT_KEYS);
      for (const a of GRANT_ACTIONS) {
        if (grant[a] !== undefined && typeof grant[a] !== 'boolean') invalid(`${base}/${a}`, `${a} must be true or false`);
      }
      if (grant.where !== undefined) checkWhere(formKey, grant.where, hasSelf, selfForm);
      if (grant.fields !== undefined) checkFieldPolicies(formKey, grant.fields);
      if (grant.set !== undefined) checkSet(formKey, grant.set, hasSelf, selfForm);
    }
  }

  function checkWhere(formKey: string, where: unknown, hasSelf: boolean, selfForm: string | undefined): void {
    const path = ptr('forms', formKey, 'where');
    if (typeof where !== 'string') return invalid(path, 'where must be a text (a row policy such as createdBy = $user)');
    if (where.trim() === '') return; // empty = every row
    const { ast, problems: syntax } = parsePolicy(where);
    for (const p of syntax) add(p.code, path, p.message, p);
    if (!ast) return;
    for (const p of checkPolicy(ast, formKey, ctx.forms, { selfForm })) add(p.code, path, p.message, p);
    requireSelf(ast, path, hasSelf);
  }

  function requireSelf(ast: PolicyNode, path: string, hasSelf: boolean): void {
    if (hasSelf) return;
    const ref = findUserRef(ast, 'record');
    if (ref) add('ROLE_SELF_REQUIRED', path, '$user.record needs the role\'s "self" (which record is the user\'s own, e.g. customers whose phone is the user\'s phone)', ref.span);
  }

  function checkFieldPolicies(formKey: string, fields: unknown): void {
    const base = ptr('forms', formKey, 'fields');
    if (!isObj(fields)) return invalid(base, 'fields must be an object: { <field key>: "hidden" | "readonly" }');
    const known = formFields(ctx.forms[formKey]);
    for (const [key, access] of Object.entries(fields)) {
      const path = ptr('forms', formKey, 'fields', key);
      if (!known.has(key)) add('ROLE_UNKNOWN_FIELD', path, `Unknown field "${key}" in ${formKey}.${orGuess(key, known.keys())}`);
      if (!FIELD_ACCESS.includes(access as string)) invalid(path, `A field policy is "hidden" or "readonly", not ${JSON.stringify(access)}`);
    }
  }

  function checkSet(formKey: string, set: unknown, hasSelf: boolean, selfForm: string | undefined): void {
    const base = ptr('forms', formKey, 'set');
    if (!isObj(set)) return invalid(base, 'set must be an object: { <field key>: "$user.record" | "$user" | "$user.<attr>" | <JSON literal> }');
    const known = formFields(ctx.forms[formKey]);
    for (const [key, raw] of Object.entries(set)) {
      const path = ptr('forms', formKey, 'set', key);
      if (!known.has(key)) {
        add('ROLE_UNKNOWN_FIELD', path, `Unknown field "${key}" in ${formKey}.${orGuess(key, known.keys())}`);
        continue;
      }
      const value = setValue(raw, path);
      if (!value) continue;
      if (value.kind === 'user' && value.attr === 'record' && !hasSelf) {
        add('ROLE_SELF_REQUIRED', path, '$user.record needs the role\'s "self" (which record is the user\'s own)');
        continue;
      }
      const k = fieldKind(key, formKey, ctx.forms)!;
      if (value.kind === 'list') {
        if (k.kind !== 'many') add('ROLE_SET_VALUE', path, `"${key}" holds one value; a list cannot be set`);
        continue;
      }
      if (value.kind === 'literal' && value.value === null) continue;
      if (k.kind === 'many' && value.kind === 'literal') {
        add('ROLE_SET_VALUE', path, `"${key}" holds several values: set a JSON list such as ["a"]`);
        continue;
      }
      const cmp: PolicyNode = { kind: 'cmp', field: key, op: k.kind === 'many' ? 'contains' : '=', value };
      for (const p of checkPolicy(cmp, formKey, ctx.forms, { selfForm })) add('ROLE_SET_VALUE', path, p.message);
    }
  }

  /** The value of one `set` entry, or undefined after reporting it. */
  function setValue(raw: unknown, path: string): PolicyValue | undefined {
    const bad = (why: string): undefined => {
      add('ROLE_SET_VALUE', path, why);
      return undefined;
    };
    if (typeof raw !== 'string') return bad('A set value is a text: "$user.record", "$user", "$user.<attribute>" or a JSON literal such as "5", "true" or "\\"web\\""');
    const s = raw.trim();
    if (s.startsWith('$')) {
      if (!USER_REF.test(s)) return bad(`${JSON.stringify(raw)} is not a user reference: write $user, $user.record or $user.<attribute>`);
      return { kind: 'user', attr: s.length > 5 ? s.slice(6) : 'id' };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      return bad(`${JSON.stringify(raw)} is not a JSON literal: to set the text ${raw}, write ${JSON.stringify(JSON.stringify(raw))}`);
    }
    if (parsed === null || typeof parsed === 'string' || typeof parsed === 'number' || typeof parsed === 'boolean') return { kind: 'literal', value: parsed };
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return { kind: 'list', items: parsed.map((x: string | number) => ({ kind: 'literal', value: x })) };
    }
    return bad('A set value must be a single JSON value (text, number, true/false, null) or a list of them');
  }

  function checkFlows(flows: unknown): void {
    if (!isObj(flows)) return invalid('/flows', 'flows must be an object: { <flow key>: { start: true } }');
    for (const [flowKey, grant] of Object.entries(flows)) {
      const path = ptr('flows', flowKey);
      if (!Object.hasOwn(ctx.flows, flowKey)) add('ROLE_UNKNOWN_FLOW', path, `Unknown flow "${flowKey}".${orGuess(flowKey, Object.keys(ctx.flows))}`);
      if (!isObj(grant)) {
        invalid(path, 'A flow grant must be { start: true | false }');
        continue;
      }
      unknownKeys(grant, path, ['start']);
      if (grant.start !== undefined && typeof grant.start !== 'boolean') invalid(`${path}/start`, 'start must be true or false');
    }
  }

  function checkReports(reports: unknown): void {
    if (reports === '*') return;
    if (!Array.isArray(reports)) return invalid('/reports', 'reports must be "*" (all reports) or a list of report keys');
    reports.forEach((r, i) => {
      if (typeof r !== 'string' || !Object.hasOwn(ctx.reports, r)) {
        add('ROLE_UNKNOWN_REPORT', ptr('reports', i), `Unknown report ${JSON.stringify(r)}.${typeof r === 'string' ? orGuess(r, Object.keys(ctx.reports)) : ''}`);
      }
    });
  }
}
