import Ajv2020Module from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';

// CJS interop under NodeNext: the constructor / plugin may sit on `.default`.
const Ajv2020Ctor = ((Ajv2020Module as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020Module) as typeof Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

/**
 * A fresh Ajv 2020-12 instance with the formats and `formatMinimum`/`formatMaximum` keywords
 * of ajv-formats. One per validator: Ajv caches every compiled schema for its lifetime, so a
 * shared instance would grow with every published version.
 * @internal
 */
export function createAjv(opts: { useDefaults: boolean }): Ajv2020 {
  const ajv = new Ajv2020Ctor({
    allErrors: true,
    useDefaults: opts.useDefaults,
    strict: true,
    strictTypes: false,
    unicodeRegExp: true,
    coerceTypes: false,
    // Record data is untrusted JSON: never read inherited properties (`constructor`).
    ownProperties: true,
  });
  addFormats(ajv, { mode: 'full', keywords: true });
  return ajv;
}
