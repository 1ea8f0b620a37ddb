import type { RJSFValidationError, UiSchema } from '@rjsf/utils';
import type { Locale } from '@kiln/engine-forms';
import { msg } from './messages';

/** The uiSchema node of a data path (`lines.0.sku` → uiSchema.lines.items.sku). @internal */
export function uiSchemaAt(ui: UiSchema | undefined, segments: string[]): UiSchema | undefined {
  let node: UiSchema | undefined = ui;
  for (const seg of segments) {
    if (!node) return undefined;
    node = (/^\d+$/.test(seg) ? node.items : node[seg]) as UiSchema | undefined;
  }
  return node;
}

/**
 * Replaces Ajv's technical wording for the errors people hit most (a missing value, a phone or
 * email in the wrong shape, a pattern) with plain words in `locale`; other messages stay as
 * ajv-i18n localized them.
 * @internal
 */
export function transformErrors(errors: RJSFValidationError[], uiSchema: UiSchema | undefined, locale: Locale): RJSFValidationError[] {
  return errors.map((e) => {
    const segments = (e.property ?? '').replace(/^\./, '').split('.').filter(Boolean);
    const widget = uiSchemaAt(uiSchema, segments)?.['ui:widget'];
    let message = e.message;
    if (e.name === 'required') message = msg(locale, 'required');
    else if (widget === 'phone' && (e.name === 'pattern' || e.name === 'format' || e.name === 'minLength' || e.name === 'maxLength')) message = msg(locale, 'invalidPhone');
    else if (e.name === 'format' && e.params?.format === 'email') message = msg(locale, 'invalidEmail');
    else if (e.name === 'pattern') message = msg(locale, 'invalidFormat');
    return message === e.message ? e : { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() };
  });
}
