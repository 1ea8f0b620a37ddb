import Ajv2020 from 'ajv/dist/2020';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ValidatorType } from '@rjsf/utils';
import type { Locale } from '@kiln/engine-forms';

const cache = new Map<Locale, ValidatorType>();

/**
 * The browser-side validator for a compiled Kiln form schema: Ajv in JSON Schema 2020-12 mode with
 * ajv-formats (rjsf adds them), messages in `locale`. The server validates the same schema, so a
 * form that passes here is only refused there for server-side facts (uniqueness, dedupe, …).
 * One validator per locale, created lazily and reused: Ajv caches compiled schemas per instance.
 */
export function kilnValidator(locale: Locale): ValidatorType {
  let v = cache.get(locale);
  if (!v) {
    v = customizeValidator(
      // rjsf types AjvClass as the draft-07 class; Ajv2020 shares its constructor and API.
      {
        AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>['AjvClass'],
        // As engine-forms' server-side Ajv: unicode patterns, full formats, formatMinimum/Maximum.
        ajvOptionsOverrides: { unicodeRegExp: true },
        ajvFormatOptions: { mode: 'full', keywords: true },
      },
      locale === 'en' ? localizeEn : localizeZh,
    );
    cache.set(locale, v);
  }
  return v;
}
