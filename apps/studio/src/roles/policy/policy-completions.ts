import { snippetCompletion, type Completion, type CompletionSource } from '@codemirror/autocomplete';
import type { FormDefinition } from '@kiln/engine-forms';
import i18n from '../../i18n';
import { pick } from '../../ui/localized';
import { policyFields, SYSTEM_KEYS, treePath } from './tree-fields';
import { USER_ATTRS } from './user-attrs';

/** What the completions of one row policy know: its form and the app's draft forms. */
export interface PolicyScope {
  form: string;
  forms: Record<string, FormDefinition>;
}

const WORD = /^[\w$.]*$/;
const KEYWORDS = ['and', 'or', 'not', 'in', 'not in', 'is null', 'is not null', 'contains', 'true', 'false', 'null'];

function fieldOptions(scope: PolicyScope): Completion[] {
  const locale = i18n.language;
  const fields: Completion[] = policyFields(scope.forms[scope.form]).map((f) => ({
    label: f.key,
    type: 'property',
    detail: `${pick(f.label, locale)} · ${f.type}`,
    boost: 2,
  }));
  const system: Completion[] = SYSTEM_KEYS.map((k) => ({ label: k, type: 'property', detail: i18n.t(`roles.policy.system.${k}`), boost: 1 }));
  return [...fields, ...system];
}

function treeOptions(scope: PolicyScope): Completion[] {
  const parent = treePath(scope.form, scope.forms)?.parent ?? 'parent';
  return (['subtree', 'descendants'] as const).map((mode) =>
    snippetCompletion(`${mode}(\${${parent}}, \${$user.record})`, {
      label: `${mode}(`,
      type: 'function',
      detail: i18n.t(`roles.policy.snippet.${mode}`),
    }),
  );
}

function userOptions(): Completion[] {
  return [
    { label: '$user', type: 'variable', detail: i18n.t('roles.policy.attr.self') },
    ...USER_ATTRS.map((a) => ({ label: `$user.${a}`, type: 'variable', detail: i18n.t(`roles.policy.attr.${a}`) })),
  ];
}

/**
 * Autocomplete for row policies: after `$user.` the user's attributes (`id`, `email`, `phone`,
 * `record`, `groups`; any other name is free text, read from the user's attributes); after `$`
 * the `$user` references; elsewhere the form's field keys, the system keys, the keywords and
 * the `subtree(` / `descendants(` snippets (with the form's parent field filled in). Nothing
 * inside a string. `getScope` is read per request.
 */
export function policyCompletions(getScope: () => PolicyScope): CompletionSource {
  return (ctx) => {
    const before = ctx.state.sliceDoc(0, ctx.pos);
    if (((before.match(/'/g)?.length ?? 0) % 2) || ((before.match(/"/g)?.length ?? 0) % 2)) return null;
    const attr = ctx.matchBefore(/\$user\.\w*$/);
    if (attr) {
      const from = attr.from + '$user.'.length;
      return { from, options: USER_ATTRS.map((a) => ({ label: a, type: 'property', detail: i18n.t(`roles.policy.attr.${a}`) })), validFor: /^\w*$/ };
    }
    const ref = ctx.matchBefore(/\$\w*$/);
    if (ref) return { from: ref.from, options: userOptions(), validFor: WORD };
    const word = ctx.matchBefore(/[A-Za-z_]\w*$/);
    if (!word && !ctx.explicit) return null;
    const scope = getScope();
    const keywords: Completion[] = KEYWORDS.map((k) => ({ label: k, type: 'keyword' }));
    return { from: word?.from ?? ctx.pos, options: [...fieldOptions(scope), ...treeOptions(scope), ...keywords, ...userOptions()], validFor: /^\w*$/ };
  };
}
