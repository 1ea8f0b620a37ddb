import type { FormDefinition, JsonSchema } from '@kiln/engine-forms';

/** Query parameters that steer the page itself and are not passed on to the submission. */
const PAGE_PARAMS = new Set(['lang']);

/**
 * The page's query string minus page-only parameters, ready to append to the submission URL:
 * link parameters (`ref`, `code`, `channel`, …) travel with the submission unchanged.
 */
export function linkQuery(search: string): string {
  const params = new URLSearchParams(search);
  for (const p of PAGE_PARAMS) params.delete(p);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * Initial values for fields that declare a `linkParam` present in the URL, so the browser
 * validates what the server will store (a required `code` from the link passes). Numbers and
 * booleans are converted per the field's schema type.
 */
export function linkDefaults(def: FormDefinition | undefined, schema: JsonSchema | undefined, search: string): Record<string, unknown> {
  const params = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const f of def?.fields ?? []) {
    if (!f.linkParam || !params.has(f.linkParam)) continue;
    const raw = params.get(f.linkParam) ?? '';
    const type = schema?.properties?.[f.key]?.type;
    if (type === 'integer' || type === 'number') {
      const n = Number(raw);
      if (raw !== '' && Number.isFinite(n)) out[f.key] = n;
    } else if (type === 'boolean') {
      if (raw === 'true' || raw === 'false') out[f.key] = raw === 'true';
    } else {
      out[f.key] = raw;
    }
  }
  return out;
}
