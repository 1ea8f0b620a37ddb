import { Document, isScalar, parse, visit } from 'yaml';
import { KilnError } from '../errors.js';

/**
 * Keys written first, in this order, when a definition is turned into YAML; every other key
 * follows alphabetically. A fixed order makes exports byte-for-byte stable (stored JSONB does
 * not keep key order) and keeps the most telling keys at the top of each entry for review.
 */
const KEY_ORDER = [
  'formatVersion', 'id', 'key', 'value', 'type', 'name', 'title', 'label', 'description', 'defaultApp', 'version',
  'required', 'unique', 'default', 'linkParam', 'placeholder',
  'target', 'many', 'display', 'mode', 'prefix', 'digits', 'length', 'level',
  'min', 'max', 'integer', 'scale', 'minLength', 'maxLength', 'pattern',
  'options', 'minItems', 'maxItems', 'fields', 'minRows', 'maxRows',
  'public', 'enabled', 'slug', 'dedupe', 'rateLimit', 'perSeconds', 'successMessage',
  'zh-CN', 'en',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

/** A deep copy with object keys in the canonical order (arrays keep theirs). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => {
    const ra = RANK.get(a) ?? Infinity;
    const rb = RANK.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = canonical(v);
  }
  return out;
}

/** Canonical JSON text: equal definitions give equal strings whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

const FLOW_MAP_KEYS = [['zh-CN', 'en'], ['value', 'label'], ['max', 'perSeconds']];

/**
 * YAML for code review: canonical key order, no line folding, and small leaf structures
 * (bilingual labels, select options, rate limits, lists of scalars) on one line.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(canonical(value));
  visit(doc, {
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      if (FLOW_MAP_KEYS.some((set) => keys.length > 0 && keys.every((k) => set.includes(k)))) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/**
 * Parses one YAML (or JSON) file; a syntax error becomes a KilnError naming the file
 * (BAD_REQUEST for files a user brings; templates pass TEMPLATE_INVALID, a server-side bug).
 */
export function fromYaml(text: string, file: string, code: 'BAD_REQUEST' | 'TEMPLATE_INVALID' = 'BAD_REQUEST'): unknown {
  try {
    return parse(text, { prettyErrors: true });
  } catch (err) {
    throw new KilnError(code, `${file}: ${err instanceof Error ? err.message : String(err)}`, { file }, code === 'BAD_REQUEST' ? 400 : 500);
  }
}


