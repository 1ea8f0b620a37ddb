import { BASE_JS } from './base.js';
import { COPY_OUT_JS } from './copy-out.js';
import { DATES_JS } from './dates.js';
import { DB_JS } from './db.js';
import { DISPATCH_JS } from './dispatch.js';
import { ERRORS_JS } from './errors.js';
import { HARDEN_JS } from './harden.js';
import { LIMITS_JS } from './limits.js';
import { LISTS_JS } from './lists.js';
import { MONEY_JS } from './money.js';
import { NUM_STR_JS } from './num-str.js';

/** File name the prelude is compiled under (appears in stacks of errors thrown by helpers). */
export const PRELUDE_FILENAME = 'kiln:prelude';

/** Name of the global through which the slot hands the host lookup callback to the prelude. */
export const HOST_GLOBAL = '__kilnHost';

/**
 * The JavaScript run once in every fresh sandbox context, before any program. It is one strict
 * closure: it picks up (and deletes) the host callback, defines the helper library, hardens the
 * context, and completes with the host API object `{ register, unregister, invoke, invokeBatch,
 * takeProgress }` that the slot keeps References to.
 * @internal
 */
export const PRELUDE_SOURCE = [
  `'use strict';\n(function (host) {`,
  BASE_JS, MONEY_JS, NUM_STR_JS, LISTS_JS, DATES_JS, DB_JS, ERRORS_JS, COPY_OUT_JS, DISPATCH_JS, LIMITS_JS, HARDEN_JS,
  `harden();\nzoneParts(0); /* load ICU time-zone data now, not in the first evaluation that needs it */\nreturn { register: register, unregister: unregister, invoke: invoke, invokeBatch: invokeBatch, takeProgress: takeProgress };\n})(globalThis.${HOST_GLOBAL});\n`,
].join('\n');
