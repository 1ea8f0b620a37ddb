import type { AnyNode, BlockStatement, Identifier, Node, Pattern, VariableDeclaration } from 'acorn';
import { forEachChild, isFunction, type FunctionNode } from './ast.js';

/** How a local name was declared. */
export type BindingKind = 'var' | 'let' | 'const' | 'function' | 'class' | 'param' | 'catch';

/** A declared local name. */
export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** `const x = init` with a plain identifier: the initializer (its type is x's type). */
  readonly init?: Node;
  /** Plain identifier parameters: the function and the parameter's position. */
  readonly fn?: FunctionNode;
  readonly paramIndex?: number;
}

/** What scope analysis of one expression found. */
export interface ScopeInfo {
  /** Every identifier in a reference position → its local binding, or null when free. */
  readonly refs: ReadonlyMap<Identifier, Binding | null>;
  /** The parent of every visited node. */
  readonly parents: ReadonlyMap<Node, Node | null>;
  /** Every locally declared name (for "did you mean"). */
  readonly declared: ReadonlySet<string>;
}

interface Scope {
  readonly parent: Scope | null;
  readonly names: Map<string, Binding>;
}

const newScope = (parent: Scope | null): Scope => ({ parent, names: new Map() });

function patternNames(p: Pattern, out: Identifier[]): Identifier[] {
  switch (p.type) {
    case 'Identifier':
      out.push(p);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) patternNames(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      break;
    case 'ArrayPattern':
      for (const el of p.elements) if (el) patternNames(el, out);
      break;
    case 'RestElement':
      patternNames(p.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(p.left, out);
      break;
    default:
      break;
  }
  return out;
}

/** Resolves identifiers of one expression to their declarations (lexical scoping, hoisting). */
class Analyzer {
  readonly refs = new Map<Identifier, Binding | null>();
  readonly parents = new Map<Node, Node | null>();
  readonly declared = new Set<string>();

  private declare(scope: Scope, b: Binding): void {
    scope.names.set(b.name, b);
    this.declared.add(b.name);
  }

  private resolve(scope: Scope, name: string): Binding | null {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.names.get(name);
      if (b) return b;
    }
    return null;
  }

  private declareDeclaration(decl: VariableDeclaration, scope: Scope): void {
    for (const d of decl.declarations) {
      for (const id of patternNames(d.id, [])) {
        const simpleConst = decl.kind === 'const' && d.id.type === 'Identifier' && d.init;
        this.declare(scope, { name: id.name, kind: decl.kind === 'using' || decl.kind === 'await using' ? 'const' : decl.kind, ...(simpleConst ? { init: d.init! } : {}) });
      }
    }
  }

  private declareLexical(statements: readonly Node[], scope: Scope): void {
    for (const st of statements as AnyNode[]) {
      if (st.type === 'VariableDeclaration' && st.kind !== 'var') this.declareDeclaration(st, scope);
      else if (st.type === 'FunctionDeclaration' && st.id) this.declare(scope, { name: st.id.name, kind: 'function' });
      else if (st.type === 'ClassDeclaration' && st.id) this.declare(scope, { name: st.id.name, kind: 'class' });
    }
  }

  private hoistVars(body: Node, scope: Scope): void {
    const walk = (n: AnyNode) => {
      if (isFunction(n)) return;
      if (n.type === 'VariableDeclaration' && n.kind === 'var') this.declareDeclaration(n, scope);
      forEachChild(n, walk);
    };
    forEachChild(body, walk);
  }

  /** A function body block: var/function hoisting plus its top-level lexical declarations. */
  visitBodyBlock(block: BlockStatement, scope: Scope): void {
    this.hoistVars(block, scope);
    this.declareLexical(block.body, scope);
    for (const st of block.body) this.visit(st, scope, block);
  }

  private visitFunction(fn: FunctionNode, scope: Scope): void {
    const s = newScope(scope);
    if (fn.id) {
      this.parents.set(fn.id, fn);
      if (fn.type === 'FunctionExpression') this.declare(s, { name: fn.id.name, kind: 'function' });
    }
    fn.params.forEach((p, i) => {
      for (const id of patternNames(p, [])) this.declare(s, { name: id.name, kind: 'param', fn, ...(p.type === 'Identifier' ? { paramIndex: i } : {}) });
    });
    if (fn.body.type === 'BlockStatement') {
      this.hoistVars(fn.body, s);
      this.declareLexical(fn.body.body, s);
    }
    for (const p of fn.params) this.visitBinding(p, s, fn);
    this.parents.set(fn.body, fn);
    if (fn.body.type === 'BlockStatement') for (const st of fn.body.body) this.visit(st, s, fn.body);
    else this.visit(fn.body, s, fn);
  }

  /** A pattern in a binding position: its identifiers declare, its defaults and computed keys refer. */
  private visitBinding(p: Pattern, scope: Scope, parent: Node): void {
    this.parents.set(p, parent);
    switch (p.type) {
      case 'Identifier':
        break;
      case 'ObjectPattern':
        for (const prop of p.properties) {
          this.parents.set(prop, p);
          if (prop.type === 'RestElement') this.visitBinding(prop.argument, scope, prop);
          else {
            if (prop.computed) this.visit(prop.key, scope, prop);
            else this.parents.set(prop.key, prop);
            this.visitBinding(prop.value, scope, prop);
          }
        }
        break;
      case 'ArrayPattern':
        for (const el of p.elements) if (el) this.visitBinding(el, scope, p);
        break;
      case 'RestElement':
        this.visitBinding(p.argument, scope, p);
        break;
      case 'AssignmentPattern':
        this.visitBinding(p.left, scope, p);
        this.visit(p.right, scope, p);
        break;
      default:
        this.visit(p, scope, parent);
    }
  }

  visit(node: AnyNode, scope: Scope, parent: Node | null): void {
    this.parents.set(node, parent);
    switch (node.type) {
      case 'Identifier':
        this.refs.set(node, this.resolve(scope, node.name));
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        let s = scope;
        if (node.id) {
          this.parents.set(node.id, node);
          if (node.type === 'ClassExpression') this.declare((s = newScope(scope)), { name: node.id.name, kind: 'class' });
        }
        if (node.superClass) this.visit(node.superClass, s, node);
        this.visit(node.body, s, node);
        return;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
        if (node.computed) this.visit(node.key, scope, node);
        else this.parents.set(node.key, node);
        if (node.value) this.visit(node.value, scope, node);
        return;
      case 'BlockStatement':
      case 'StaticBlock': {
        const s = newScope(scope);
        this.declareLexical(node.body, s);
        for (const st of node.body) this.visit(st, s, node);
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const s = newScope(scope);
        const head = node.type === 'ForStatement' ? node.init : node.left;
        if (head?.type === 'VariableDeclaration' && head.kind !== 'var') this.declareDeclaration(head, s);
        forEachChild(node, (c) => this.visit(c, s, node));
        return;
      }
      case 'SwitchStatement': {
        this.visit(node.discriminant, scope, node);
        const s = newScope(scope);
        this.declareLexical(node.cases.flatMap((c) => c.consequent), s);
        for (const c of node.cases) this.visit(c, s, node);
        return;
      }
      case 'CatchClause': {
        const s = newScope(scope);
        if (node.param) {
          for (const id of patternNames(node.param, [])) this.declare(s, { name: id.name, kind: 'catch' });
          this.visitBinding(node.param, s, node);
        }
        this.visit(node.body, s, node);
        return;
      }
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          this.parents.set(d, node);
          this.visitBinding(d.id, scope, d);
          if (d.init) this.visit(d.init, scope, d);
        }
        return;
      case 'MemberExpression':
        this.visit(node.object, scope, node);
        if (node.computed) this.visit(node.property, scope, node);
        else this.parents.set(node.property, node);
        return;
      case 'Property':
        if (node.computed) this.visit(node.key, scope, node);
        else this.parents.set(node.key, node);
        this.visit(node.value, scope, node);
        return;
      case 'LabeledStatement':
        this.parents.set(node.label, node);
        this.visit(node.body, scope, node);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      default:
        forEachChild(node, (c) => this.visit(c, scope, node));
    }
  }

  static root(): Scope {
    return newScope(null);
  }
}

/**
 * Scope analysis of a parsed expression: which identifiers are locals (and where they were
 * declared) and which are free (facts, helpers, built-ins — or unknown).
 */
export function analyzeScopes(root: AnyNode, mode: 'expression' | 'body'): ScopeInfo {
  const a = new Analyzer();
  const scope = Analyzer.root();
  if (mode === 'body' && root.type === 'BlockStatement') {
    a.parents.set(root, null);
    a.visitBodyBlock(root, scope);
  } else a.visit(root, scope, null);
  return { refs: a.refs, parents: a.parents, declared: a.declared };
}
