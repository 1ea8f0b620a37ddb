import type { Completion, CompletionSource } from '@codemirror/autocomplete';
import { MAPPING_FUNCTIONS } from '@kiln/engine-connectors';
import i18n from '../../i18n';
import { JSONATA_BUILTINS } from './mapping-scope';

function functionOptions(): Completion[] {
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const kiln = (MAPPING_FUNCTIONS ?? []).map((f): Completion => ({ label: `$${f.name}`, type: 'function', detail: f.signature, info: f.doc[lang], boost: 2 }));
  const known = new Set(kiln.map((c) => c.label));
  const builtins = JSONATA_BUILTINS.filter((n) => !known.has(`$${n}`)).map((n): Completion => ({ label: `$${n}`, type: 'function', detail: 'JSONata' }));
  return [...kiln, ...builtins];
}

/**
 * Autocomplete of connector mappings: `$` functions (Kiln's helpers with signature and doc in
 * the UI language, then JSONata's), and the scope's root names (`input`, `steps`, `response`, …).
 * Nothing inside strings.
 */
export function mappingCompletions(getRoots: () => readonly string[]): CompletionSource {
  return (ctx) => {
    const before = ctx.state.sliceDoc(0, ctx.pos);
    const quotes = (before.match(/"/g)?.length ?? 0) + (before.match(/'/g)?.length ?? 0);
    if (quotes % 2 === 1) return null;
    const m = ctx.matchBefore(/\$?[A-Za-z_][\w]*$|\$$/);
    if (!m) return ctx.explicit ? { from: ctx.pos, options: getRoots().map((r) => ({ label: r, type: 'variable' })) } : null;
    if (m.from > 0 && ctx.state.sliceDoc(m.from - 1, m.from) === '.') return null;
    if (m.text.startsWith('$')) return { from: m.from, options: functionOptions(), validFor: /^\$\w*$/ };
    return { from: m.from, options: getRoots().map((r) => ({ label: r, type: 'variable', boost: 1 })), validFor: /^\w*$/ };
  };
}
