import type { FormDefinition } from '@kiln/engine-forms';
import { didYouMean } from '../check/did-you-mean.js';
import { describeKind, fieldCandidates, fieldKind, formFields, type FieldKind } from './field-kind.js';
import { POLICY_MAX_TREE_DEPTH } from './parse.js';
import type { PolicyErrorCode, PolicyNode, PolicyProblem, PolicySpan, PolicyValue } from './types.js';

/** Options of `checkPolicy`. */
export interface CheckPolicyOptions {
  /** The form of `$user.record` (the role's `self.form`), to check it is compared with relations to that form. */
  selfForm?: string;
}

/** What the built-in `$user` attributes hold; any other attribute is free (users.attributes) and unchecked. */
type UserAttrType = 'user' | 'record' | 'text' | 'list';
const USER_ATTRS: Readonly<Record<string, UserAttrType>> = { id: 'user', record: 'record', email: 'text', phone: 'text', groups: 'list' };

const ORDER_OPS = new Set(['<', '<=', '>', '>=']);
const NOWHERE: PolicySpan = { from: 0, to: 0 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const userRefText = (attr: string): string => (attr === 'id' ? '$user' : `$user.${attr}`);

/**
 * Checks a parsed row policy against the forms of the app: every field exists on `formKey`
 * (with a did-you-mean), each operator suits the field's type (`contains` only on multi-valued
 * fields, no `<`/`>` on yes/no fields or relations), literals have the field's type, `$user`
 * attributes fit where they are used, and `subtree`/`descendants` follow a single self-relation.
 * Returns every problem found, with offsets into the policy text (from the AST's spans).
 *
 * @example
 * checkPolicy(parsePolicy('amout > 100').ast!, 'orders', forms)
 * // [{ code: 'POLICY_UNKNOWN_FIELD', message: 'Unknown field "amout" in orders. Did you mean "amount"?', from: 0, to: 5 }]
 */
export function checkPolicy(
  ast: PolicyNode,
  formKey: string,
  forms: Readonly<Record<string, FormDefinition>>,
  options: CheckPolicyOptions = {},
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (code: PolicyErrorCode, message: string, at: PolicySpan | undefined): void => {
    const s = at ?? NOWHERE;
    problems.push({ code, message, from: s.from, to: s.to });
  };
  if (!Object.hasOwn(forms, formKey)) {
    add('POLICY_UNKNOWN_FORM', `The form "${formKey}" does not exist`, ast.span);
    return problems;
  }
  visit(ast);
  return problems;

  function visit(node: PolicyNode): void {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.items.forEach(visit);
        return;
      case 'not':
        visit(node.item);
        return;
      case 'const':
        return;
      case 'null': {
        const k = known(node.field, formKey, node.fieldSpan ?? node.span);
        if (k?.kind === 'unsupported') unsupported(node.field, k, node.fieldSpan ?? node.span);
        return;
      }
      case 'cmp':
        checkCmp(node);
        return;
      case 'tree':
        checkTree(node);
        return;
    }
  }

  /** The kind of a field, or undefined after reporting it unknown. */
  function known(field: string, form: string, at: PolicySpan | undefined): FieldKind | undefined {
    const k = fieldKind(field, form, forms);
    if (k) return k;
    const guess = didYouMean(field, fieldCandidates(form, forms));
    add('POLICY_UNKNOWN_FIELD', `Unknown field "${field}" in ${form}.${guess ? ` Did you mean "${guess}"?` : ''}`, at);
    return undefined;
  }

  function unsupported(field: string, k: FieldKind, at: PolicySpan | undefined): void {
    add('POLICY_OPERATOR', `"${field}" is ${describeKind(k)}, which a row policy cannot use`, at);
  }

  function checkCmp(node: Extract<PolicyNode, { kind: 'cmp' }>): void {
    const fieldAt = node.fieldSpan ?? node.span;
    const k = known(node.field, formKey, fieldAt);
    if (!k) return;
    if (k.kind === 'unsupported') return unsupported(node.field, k, fieldAt);
    const subject = `"${node.field}"`;
    const v = node.value;
    if (node.op === 'contains') {
      if (k.kind !== 'many' && k.kind !== 'any') {
        return add('POLICY_OPERATOR', `"contains" needs a field holding several values (a multi-select or a multiple relation); ${subject} is ${describeKind(k)}: use "=" or "in"`, node.span);
      }
      return scalar(subject, k.kind === 'many' ? k.element : k, v);
    }
    if (k.kind === 'many') {
      return add('POLICY_OPERATOR', `${subject} holds several values, so "${node.op}" does not apply: use "${node.field} contains <value>"`, node.span);
    }
    if (node.op === 'in' || node.op === 'not in') return inList(subject, node.field, k, v);
    if (ORDER_OPS.has(node.op) && (k.kind === 'boolean' || k.kind === 'record' || k.kind === 'user')) {
      return add('POLICY_OPERATOR', `"${node.op}" cannot compare ${describeKind(k)} (${subject}): use "=" or "!="`, node.span);
    }
    if (v.kind === 'literal' && v.value === null) {
      return add('POLICY_VALUE_TYPE', `Use "${node.field} is ${node.op === '!=' ? 'not ' : ''}null" to test for an empty value`, node.span);
    }
    scalar(subject, k, v);
  }

  function inList(subject: string, field: string, k: FieldKind, v: PolicyValue): void {
    if (v.kind === 'list') {
      for (const item of v.items) {
        if (item.kind === 'literal' && item.value === null) add('POLICY_VALUE_TYPE', `null never matches inside a list: add "or ${field} is null" instead`, item.span);
        else scalar(subject, k, item);
      }
      return;
    }
    if (v.kind === 'user') {
      const t = USER_ATTRS[v.attr];
      if (t === undefined) return;
      if (t !== 'list') {
        return add('POLICY_USER_REF', `"in" needs a list, but ${userRefText(v.attr)} is one value: write "${field} = ${userRefText(v.attr)}"`, v.span);
      }
      if (k.kind !== 'text' && k.kind !== 'any') add('POLICY_USER_REF', `$user.${v.attr} is a list of group names, but ${subject} is ${describeKind(k)}`, v.span);
      return;
    }
    add('POLICY_SYNTAX', `"in" needs a list such as ['a', 'b'] or $user.<attribute>`, v.span);
  }

  function checkTree(node: Extract<PolicyNode, { kind: 'tree' }>): void {
    const call = `${node.mode}(…)`;
    const k = known(node.field, formKey, node.fieldSpan ?? node.span);
    if (!k) return;
    if (k.kind !== 'record') {
      return add('POLICY_TREE', `"${node.field} in ${call}" needs "id" or a single relation, but "${node.field}" is ${describeKind(k)}`, node.fieldSpan ?? node.span);
    }
    const tree = k.form;
    const parentAt = node.parentSpan ?? node.span;
    if (!Object.hasOwn(forms, tree)) return add('POLICY_TREE', `"${node.field}" points to the form "${tree}", which does not exist`, node.fieldSpan ?? node.span);
    const selfRelations = [...formFields(forms[tree]).values()].filter((f) => f.type === 'relation' && f.many !== true && f.target === tree).map((f) => f.key);
    const hint = selfRelations.length > 0 ? ` (${tree} has: ${selfRelations.join(', ')})` : ` (${tree} has no such relation)`;
    const p = node.parent === 'id' ? undefined : fieldKind(node.parent, tree, forms);
    if (!p) {
      const guess = didYouMean(node.parent, selfRelations);
      const msg = guess ? ` Did you mean "${guess}"?` : hint;
      add(node.parent === 'id' ? 'POLICY_TREE' : 'POLICY_UNKNOWN_FIELD', node.parent === 'id' ? `The parent of ${call} must be a relation of ${tree} to itself, not "id".${msg}` : `Unknown field "${node.parent}" in ${tree}.${msg}`, parentAt);
    } else if (p.kind !== 'record' || p.form !== tree) {
      add('POLICY_TREE', `The parent of ${call} must be a single relation of ${tree} to itself (the up-line); "${node.parent}" is ${describeKind(p)}${hint}`, parentAt);
    }
    if (node.maxDepth !== undefined && (!Number.isInteger(node.maxDepth) || node.maxDepth < 1 || node.maxDepth > POLICY_MAX_TREE_DEPTH)) {
      add('POLICY_TREE', `The maximum depth must be a whole number from 1 to ${POLICY_MAX_TREE_DEPTH}`, node.span);
    }
    const root = node.root;
    if (root.kind === 'literal' && root.value === null) return add('POLICY_VALUE_TYPE', `The root of ${call} cannot be null`, root.span);
    scalar(`The root of ${call}`, k, root);
  }

  /** Checks one value compared with a single value of kind `k`. */
  function scalar(subject: string, k: FieldKind, v: PolicyValue): void {
    if (v.kind === 'list') return add('POLICY_VALUE_TYPE', 'A list is only allowed after "in" / "not in"', v.span);
    if (v.kind === 'user') return userRef(subject, k, v.attr, v.span);
    const value = v.value;
    const bad = (message: string) => add('POLICY_VALUE_TYPE', message, v.span);
    if (value === null) return bad('null is not a value to compare with: use "is null" / "is not null"');
    const shown = typeof value === 'string' ? `'${value}'` : String(value);
    switch (k.kind) {
      case 'any':
      case 'unsupported':
      case 'many':
        return;
      case 'number':
        if (typeof value !== 'number') return bad(`${subject} is ${describeKind(k)}: compare it with a number without quotes, not ${shown}`);
        if (k.money && !Number.isInteger(value)) return bad(`${subject} is money in integer fen (¥1.00 = 100): ${shown} is not a whole number`);
        return;
      case 'text':
        if (typeof value !== 'string') return bad(`${subject} is text: put the value in quotes ('${String(value)}')`);
        if (k.options && !k.options.includes(value)) {
          const guess = didYouMean(value, k.options);
          return bad(`${shown} is not an option of ${subject}.${guess ? ` Did you mean '${guess}'?` : ` Options: ${k.options.join(', ')}`}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') return bad(`${subject} is yes/no: compare it with true or false, not ${shown}`);
        return;
      case 'date':
        if (typeof value !== 'string' || !isDate(value, k.datetime)) {
          return bad(`${subject} is a date${k.datetime ? ' and time' : ''}: write it in quotes, e.g. '2024-05-01'${k.datetime ? " or '2024-05-01T08:00:00+08:00'" : ''}, not ${shown}`);
        }
        return;
      case 'record':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
          return bad(`${subject} holds record ids of ${k.form}: compare it with an id (a whole number without quotes) or $user.record, not ${shown}`);
        }
        return;
      case 'user':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
          return bad(`${subject} holds user ids: compare it with $user or a user id (a whole number without quotes), not ${shown}`);
        }
        return;
    }
  }

  function userRef(subject: string, k: FieldKind, attr: string, at: PolicySpan | undefined): void {
    const t = USER_ATTRS[attr];
    if (t === undefined || k.kind === 'any' || k.kind === 'unsupported') return;
    const ref = userRefText(attr);
    const bad = (message: string) => add('POLICY_USER_REF', message, at);
    switch (t) {
      case 'list':
        return bad(`${ref} is a list of group names, not one value: write "<field> in ${ref}"`);
      case 'user':
        if (k.kind === 'user') return;
        if (k.kind === 'record') return bad(`${ref} is a user id, but ${subject} holds records of ${k.form}: use $user.record (the user's own record, set by the role's "self")`);
        return bad(`${ref} is a user id, but ${subject} is ${describeKind(k)}`);
      case 'record':
        if (k.kind === 'record') {
          if (options.selfForm !== undefined && options.selfForm !== k.form) {
            bad(`$user.record is a record of ${options.selfForm}, but ${subject} holds records of ${k.form}`);
          }
          return;
        }
        if (k.kind === 'user') return bad(`${subject} holds user ids: use $user, not $user.record`);
        return bad(`$user.record is a record id, but ${subject} is ${describeKind(k)}`);
      case 'text':
        if (k.kind === 'text') return;
        return bad(`${ref} is text, but ${subject} is ${describeKind(k)}`);
    }
  }
}

function isDate(s: string, datetime: boolean): boolean {
  if (DATE.test(s)) return !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s;
  return datetime && DATETIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T')));
}
