import { hoverTooltip, type Tooltip } from '@codemirror/view';
import { FACT_NAMES, HELPER_GLOBALS, HELPERS } from '@kiln/engine-rules';
import i18n from '../../i18n';
import { factDoc, HELPER_MAP, helperInfoDom, plainInfoDom } from './helper-docs';
import type { CompletionScope } from './scope';

/**
 * Hover docs: a helper's signature, doc and example (`money.pct`), a namespace's members
 * (`money`), a fact's meaning (`record`).
 */
export function expressionHover(getScope: () => CompletionScope) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const line = view.state.doc.lineAt(pos);
    const text = line.text;
    let start = pos - line.from;
    let end = start;
    while (start > 0 && /[\w$.]/.test(text[start - 1])) start--;
    while (end < text.length && /[\w$]/.test(text[end])) end++;
    const chain = text.slice(start, end).replace(/^\.+/, '');
    if (!chain) return null;
    const [head, member] = chain.split('.');
    const name = member ? `${head}.${member}` : head;
    let dom: HTMLElement | null = null;
    const helper = HELPER_MAP.get(name);
    if (helper) dom = helperInfoDom(helper);
    else if (!member && HELPER_GLOBALS.includes(head)) {
      const members = HELPERS.filter((h) => h.name.startsWith(`${head}.`)).map((h) => h.name.slice(head.length + 1));
      dom = plainInfoDom(head, `${i18n.t('rules.editor.helpers')}: ${members.join(', ')}`);
    } else if (!member && (FACT_NAMES[getScope().context] as readonly string[]).includes(head)) {
      dom = plainInfoDom(head, factDoc(head));
    }
    if (!dom) return null;
    const box = dom;
    return { pos: line.from + start, end: line.from + end, above: true, create: () => ({ dom: box }) };
  });
}
