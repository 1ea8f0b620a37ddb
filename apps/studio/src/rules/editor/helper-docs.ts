import type { HelperParam, HelperSignature } from '@kiln/engine-rules';
import { HELPERS } from '@kiln/engine-rules';
import i18n from '../../i18n';

/** Helper catalog by dotted name. */
export const HELPER_MAP: ReadonlyMap<string, HelperSignature> = new Map(HELPERS.map((h) => [h.name, h]));

function paramText(p: HelperParam): string {
  const type = Array.isArray(p.type) ? p.type.join('|') : String(p.type);
  return `${p.rest ? '…' : ''}${p.name}${p.optional ? '?' : ''}: ${type}`;
}

/** `money.pct(fen: number|money, percent: number|money) → money`. */
export function signatureText(h: HelperSignature): string {
  return `${h.name}(${h.params.map(paramText).join(', ')}) → ${h.returns}`;
}

/** The helper's doc in the UI language. */
export function helperDoc(h: HelperSignature): string {
  return i18n.language === 'en' ? h.doc.en : h.doc['zh-CN'];
}

/** A small DOM block: signature, doc, example (completion info and hover tooltip). */
export function helperInfoDom(h: HelperSignature): HTMLElement {
  const box = document.createElement('div');
  box.className = 'cm-kiln-info';
  const sig = document.createElement('code');
  sig.className = 'cm-kiln-info-sig';
  sig.textContent = signatureText(h);
  const doc = document.createElement('div');
  doc.textContent = helperDoc(h);
  box.append(sig, doc);
  if (h.example) {
    const ex = document.createElement('code');
    ex.className = 'cm-kiln-info-example';
    ex.textContent = h.example;
    box.append(ex);
  }
  return box;
}

/** A DOM block with one title line and one text (facts, namespaces). */
export function plainInfoDom(title: string, text: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'cm-kiln-info';
  const sig = document.createElement('code');
  sig.className = 'cm-kiln-info-sig';
  sig.textContent = title;
  const doc = document.createElement('div');
  doc.textContent = text;
  box.append(sig, doc);
  return box;
}

/** The doc of a fact name (`record`, `old`, `$`, …) in the UI language. */
export function factDoc(name: string): string {
  return i18n.t(`rules.facts.${name === '$' ? 'dollar' : name}`);
}
