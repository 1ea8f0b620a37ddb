import type { Locale } from '../graph.js';
import type { FlowErrorCode, FlowProblem } from '../types.js';

/** A form as validation sees it: its key and fields with their types. */
export interface FormInfo {
  readonly key: string;
  readonly fields: readonly { readonly key: string; readonly type: string }[];
}

/** Options of `validateFlow`: what the app around the flow holds (each check runs only when given). */
export interface ValidateOptions {
  /** The app's forms by key: field references (assignee fields, editable fields, action values, results) are checked. */
  readonly forms?: Readonly<Record<string, FormInfo>>;
  /** The app's flow keys: sub-flows must name one. */
  readonly flows?: readonly string[];
  /** The app's connector keys: connector actions must name one. */
  readonly connectors?: readonly string[];
  /** Checks an expression; returns a message, or null when fine (e.g. engine-rules' `checkExpression`). */
  readonly checkExpression?: (source: string, node: string, path: string) => string | null;
  /** Language of the messages (default zh-CN). */
  readonly locale?: Locale;
}

/** Where a problem is. @internal */
export interface Where {
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly path?: string;
}

/** Collects problems in one language. @internal */
export class Problems {
  readonly list: FlowProblem[] = [];
  constructor(readonly opts: ValidateOptions) {}

  /** Adds a problem with its message in both languages (the locale picks one). */
  add(code: FlowErrorCode, zh: string, en: string, where: Where = {}): void {
    const message = (this.opts.locale ?? 'zh-CN') === 'en' ? en : zh;
    const clean = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
    this.list.push({ code, message, ...clean });
  }

  /** Runs `checkExpression` on an expression (empty → a problem of `code`). */
  expr(code: FlowErrorCode, source: unknown, nodeId: string, path: string): void {
    if (typeof source !== 'string' || source.trim() === '') {
      this.add(code, `表达式为空（${path}）`, `The expression is empty (${path})`, { nodeId, path });
      return;
    }
    const msg = this.opts.checkExpression?.(source, nodeId, path);
    if (msg) this.add(code, `表达式有误：${msg}`, `Invalid expression: ${msg}`, { nodeId, path });
  }

  /** The form's field, or undefined (also when forms are not given: see `hasForms`). */
  field(form: string | undefined, key: string): { key: string; type: string } | undefined {
    return form ? this.opts.forms?.[form]?.fields.find((f) => f.key === key) : undefined;
  }

  /** Whether fields of `form` can be checked (forms given and the form known). */
  knowsForm(form: string | undefined): boolean {
    return !!form && !!this.opts.forms?.[form];
  }
}

/** Whether a value is a plain object. @internal */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a value is a non-empty string. @internal */
export function isName(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
