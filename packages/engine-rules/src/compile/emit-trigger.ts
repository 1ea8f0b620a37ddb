import type { ActionSpec, TriggerRuleDefinition } from '../types.js';
import type { ExpressionTable } from './expression-table.js';
import type { ParsedExpression } from './parse-expression.js';
import { ptr } from './pointer.js';
import { isLegacyUpdate } from './slots.js';
import { triggerForm } from './trigger-form.js';

const J = (v: unknown) => JSON.stringify(v);

/** Emits a trigger rule's descriptor for `$rule` (see runtime-actions.ts). @internal */
export class TriggerEmitter {
  constructor(
    private readonly key: string,
    private readonly parsed: ReadonlyMap<string, ParsedExpression>,
    private readonly exprs: ExpressionTable,
  ) {}

  private fn(path: string): string {
    const p = this.parsed.get(path);
    return p ? this.exprs.ref(p, path === '/condition' ? 'trigger' : 'action', this.key, path) : 'null';
  }

  private pairs(base: string, mapping: Readonly<Record<string, string>> | undefined, prop: string): string {
    const items = Object.keys(mapping ?? {}).map((k) => {
      const path = base + ptr(prop, k);
      return `[${J(k)}, ${this.fn(path)}, ${J(path)}]`;
    });
    return `[${items.join(', ')}]`;
  }

  private action(a: ActionSpec, n: number): string {
    const base = ptr('actions', n);
    const yields = a.type === 'create' || a.type === 'upsert' || a.type === 'decide';
    const legacy = isLegacyUpdate(a);
    const head = [`id: ${J(legacy ? `#${n}` : a.id)}`, `type: ${J(a.type)}`, `path: ${J(base)}`, `yields: ${yields}`, `when: ${this.fn(`${base}/when`)}`, `forEach: ${this.fn(`${base}/forEach`)}`];
    const rest: string[] = [];
    switch (a.type) {
      case 'create':
        rest.push(`form: ${J(a.form)}`, `values: ${this.pairs(base, a.values, 'values')}`);
        break;
      case 'update': {
        const target = `${base}/${legacy ? 'id' : 'record'}`;
        rest.push(`form: ${J(a.form)}`, `target: ${this.fn(target)}`, `targetPath: ${J(target)}`, `values: ${this.pairs(base, a.values, 'values')}`);
        break;
      }
      case 'upsert':
        rest.push(`form: ${J(a.form)}`, `match: ${this.pairs(base, a.match, 'match')}`, `values: ${this.pairs(base, a.values, 'values')}`, `createOnly: ${J(a.createOnly ?? null)}`);
        break;
      case 'decide':
        rest.push(`table: ${J(a.table)}`, `assign: ${J(a.assign ? Object.entries(a.assign) : null)}`);
        break;
      case 'ledger':
        rest.push(`form: ${J(a.form)}`, `key: ${J(a.key)}`, `entries: ${this.fn(`${base}/entries`)}`);
        break;
      case 'flow':
        rest.push(`flow: ${J(a.flow)}`, `record: ${this.fn(`${base}/record`)}`);
        break;
      case 'connector':
        rest.push(`connector: ${J(a.connector)}`, `operation: ${J(a.operation ?? null)}`, `payload: ${this.fn(`${base}/payload`)}`);
        break;
      case 'notify':
        rest.push(`users: ${this.fn(`${base}/users`)}`, `roles: ${J(a.roles ?? [])}`, `title: ${this.fn(`${base}/title`)}`, `body: ${this.fn(`${base}/body`)}`);
        break;
      case 'reject':
        rest.push(`message: ${this.fn(`${base}/message`)}`, `field: ${J(a.field ?? null)}`);
        break;
    }
    return `    { ${[...head, ...rest].join(', ')} }`;
  }

  /** `{ key, form, condition, actions: […] }` */
  emit(def: TriggerRuleDefinition): string {
    const actions = def.actions.map((a, n) => this.action(a, n));
    return `{ key: ${J(this.key)}, form: ${J(triggerForm(def) ?? null)}, condition: ${this.fn('/condition')}, actions: [\n${actions.join(',\n')}\n  ] }`;
  }
}
