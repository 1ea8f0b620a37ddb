import type { AnyNode, CallExpression, Identifier, MemberExpression, Node } from 'acorn';
import type { ParsedExpression } from '../compile/parse-expression.js';
import { ALLOWED_BUILTINS, FACT_NAMES, HELPER_GLOBALS, HELPERS, HELPER_BY_NAME } from '../helpers.js';
import { SYSTEM_FIELDS } from '../schema.js';
import { forEachChild, isFunction, staticKey } from './ast.js';
import { checkHelperCall } from './check-helper-call.js';
import { didYouMean } from './did-you-mean.js';
import type { ExprEnv } from './expression-env.js';
import { Inference } from './infer.js';
import { suggestion } from './messages.js';
import type { Reporter, SourceSpan } from './reporter.js';
import { analyzeScopes, type ScopeInfo } from './scope.js';
import { T, type TypeInfo } from './type-info.js';

const OBJECT_PROTO = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What the checker learnt about one expression (besides the problems it reported). @internal */
export interface ExpressionAnalysis {
  readonly parsed: ParsedExpression;
  readonly scopes: ScopeInfo;
  readonly inference: Inference;
  /** The type of the expression's value (a function body: of its `return`s). */
  readonly type: TypeInfo;
  /** The nodes whose value is the expression's value: the expression, or the body's `return` arguments. */
  readonly values: readonly Node[];
  /** The span of a node in the expression's source. */
  span(node: Node): SourceSpan;
}

/** `return` arguments of a function body, not those of nested functions. @internal */
export function returnsOf(block: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: AnyNode) => {
    if (isFunction(n)) return;
    if (n.type === 'ReturnStatement' && n.argument) out.push(n.argument);
    forEachChild(n, walk);
  };
  forEachChild(block, walk);
  return out;
}

/** Checks one parsed expression (names, fields, helpers) in `env`, reporting at `path`. */
class ExpressionChecker {
  readonly scopes: ScopeInfo;
  readonly inf: Inference;

  constructor(
    readonly parsed: ParsedExpression,
    readonly env: ExprEnv,
    readonly rep: Reporter,
    readonly path: string,
  ) {
    this.scopes = analyzeScopes(parsed.node as AnyNode, parsed.mode);
    this.inf = new Inference(this.scopes, env);
  }

  span = (node: Node): SourceSpan => ({ source: this.parsed.source, from: node.start - this.parsed.offset, to: node.end - this.parsed.offset });

  private insideFunction(node: Node): boolean {
    for (let p = this.scopes.parents.get(node); p; p = this.scopes.parents.get(p)) {
      if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression') return true;
    }
    return this.parsed.mode === 'body';
  }

  private checkName(id: Identifier): void {
    const name = id.name;
    const facts: readonly string[] = FACT_NAMES[this.env.context];
    const at = this.span(id);
    if (facts.includes(name)) {
      if (name === 'item' || name === 'index') {
        if (this.env.itemState === 'unbound') this.rep.add('RULE_UNKNOWN_NAME', this.path, 'itemOutsideForEach', { name }, at);
        else if (this.env.itemState === 'forEach') this.rep.add('RULE_UNKNOWN_NAME', this.path, 'itemInForEach', { name }, at);
      }
      return;
    }
    if (HELPER_GLOBALS.includes(name)) {
      if (name === 'db' && this.env.context === 'formula') this.rep.add('RULE_UNKNOWN_NAME', this.path, 'noLookups', { name: 'db' }, at);
      return;
    }
    if (ALLOWED_BUILTINS.includes(name)) return;
    if (name === 'arguments' && this.insideFunction(id)) return;
    const known = [...facts, ...HELPER_GLOBALS, ...ALLOWED_BUILTINS, ...this.scopes.declared];
    this.rep.add('RULE_UNKNOWN_NAME', this.path, 'unknownName', { name, suggest: suggestion(didYouMean(name, known), this.rep.locale) }, at);
  }

  /** Property names the expression itself assigns (`x.scratch = 1`): reading them back is fine. */
  private readonly assigned = new Set<string>();

  private collectAssigned(n: AnyNode): void {
    const target = n.type === 'AssignmentExpression' ? n.left : n.type === 'UpdateExpression' ? n.argument : undefined;
    if (target?.type === 'MemberExpression') {
      const key = staticKey(target.property, target.computed);
      if (key !== undefined) this.assigned.add(key);
    }
  }

  private checkMember(node: MemberExpression): void {
    const prop = staticKey(node.property, node.computed);
    if (prop === undefined || this.assigned.has(prop)) return;
    const obj = this.inf.type(node.object);
    const at = this.span(node.property);
    const suggest = (names: Iterable<string>) => suggestion(didYouMean(prop, names), this.rep.locale);
    if (obj.ns) {
      if (!HELPER_BY_NAME.has(`${obj.ns}.${prop}`)) {
        const members = HELPERS.filter((h) => h.name.startsWith(`${obj.ns}.`)).map((h) => h.name.slice(obj.ns!.length + 1));
        this.rep.add('RULE_ARG_TYPE', this.path, 'unknownHelper', { ns: obj.ns, name: prop, suggest: suggest(members) }, at);
      }
      return;
    }
    if (obj.results) {
      if (this.env.results && !this.env.results.includes(prop)) this.rep.add('RULE_UNKNOWN_NAME', this.path, 'unknownResult', { name: prop, suggest: suggest(this.env.results) }, at);
      return;
    }
    if (!obj.fields || Object.hasOwn(obj.fields, prop) || OBJECT_PROTO.has(prop)) return;
    if (obj.system && Object.hasOwn(SYSTEM_FIELDS, prop)) return;
    const names = [...Object.keys(obj.fields), ...(obj.system ? Object.keys(SYSTEM_FIELDS) : [])];
    const owner = obj.owner ?? { form: '?' };
    if (owner.subtable) this.rep.add('RULE_UNKNOWN_FIELD', this.path, 'unknownRowField', { field: prop, form: owner.form, subtable: owner.subtable, suggest: suggest(names) }, at);
    else this.rep.add('RULE_UNKNOWN_FIELD', this.path, 'unknownField', { field: prop, form: owner.form, suggest: suggest(names) }, at);
  }

  private checkCall(node: CallExpression): void {
    const callee = this.inf.type(node.callee);
    if (callee.ns && !callee.helper) {
      const first = HELPERS.find((h) => h.name.startsWith(`${callee.ns}.`));
      this.rep.add('RULE_ARG_TYPE', this.path, 'notCallable', { name: callee.ns, example: first?.example ?? `${first?.name ?? callee.ns}(…)` }, this.span(node.callee));
      return;
    }
    const helper = callee.helper ? HELPER_BY_NAME.get(callee.helper) : undefined;
    if (helper) checkHelperCall(this, node, helper);
  }

  run(): ExpressionAnalysis {
    for (const [id, b] of this.scopes.refs) if (b === null) this.checkName(id);
    const collect = (n: AnyNode) => {
      this.collectAssigned(n);
      forEachChild(n, collect);
    };
    collect(this.parsed.node as AnyNode);
    const walk = (n: AnyNode) => {
      if (n.type === 'MemberExpression') this.checkMember(n);
      else if (n.type === 'CallExpression') this.checkCall(n);
      else if (n.type === 'ImportExpression') this.rep.add('RULE_UNKNOWN_NAME', this.path, 'noImport', {}, this.span(n));
      forEachChild(n, walk);
    };
    walk(this.parsed.node as AnyNode);
    const values = this.parsed.mode === 'expression' ? [this.parsed.node] : returnsOf(this.parsed.node);
    let type: TypeInfo = T.any;
    if (values.length === 1) type = this.inf.type(values[0]!);
    else if (values.length > 1) {
      const types = values.map((v) => this.inf.type(v)).filter((t) => !t.isNull);
      if (types.length && types.every((t) => t.vt === types[0]!.vt)) type = T.of(types[0]!.vt);
    }
    return { parsed: this.parsed, scopes: this.scopes, inference: this.inf, type, values, span: this.span };
  }
}

/**
 * Checks a parsed expression against what its context can see — free names (facts, helpers,
 * built-ins, locals), fields of records and sub-table rows, helper names, arity and argument
 * types, `db.*` form and field names, `results.<id>` and `ref('<id>')` — reporting each
 * problem at `path` with from/to in the expression; returns what it learnt (value type…).
 * @internal
 */
export function analyzeExpression(parsed: ParsedExpression, env: ExprEnv, rep: Reporter, path: string): ExpressionAnalysis {
  return new ExpressionChecker(parsed, env, rep, path).run();
}

/** The checker's view needed by helper-call checks. @internal */
export type CheckerView = Pick<ExpressionChecker, 'inf' | 'env' | 'rep' | 'path' | 'span'>;
