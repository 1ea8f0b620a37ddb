/**
 * What each kind of connector expression sees (types.ts of @kiln/engine-connectors): the names
 * the editor completes and colours as scope roots.
 */
export const MAPPING_SCOPES = {
  /** An operation's `key`. */
  key: ['input', 'delivery'],
  /** A step's `when`, path parts, query, headers, body. */
  step: ['input', 'key', 'steps'],
  /** A step's `success`, `error`, `expired`, `permanent`. */
  response: ['input', 'key', 'steps', 'response'],
  /** An operation's `result`. */
  result: ['input', 'key', 'steps'],
  /** An operation's `writeBack`. */
  writeBack: ['input', 'key', 'steps', 'result'],
  /** Inbound `messages`. */
  request: ['body', 'headers', 'query'],
  /** Inbound `messageId` (over one message). */
  messageId: [],
  /** Inbound handlers' `when`, `values`, `payload`, `input`; the reply body. */
  handler: ['message', 'headers', 'query'],
} as const;

/** A kind of connector expression. */
export type MappingScope = keyof typeof MAPPING_SCOPES;

/** JSONata's own functions most mappings use (Kiln's helpers come from MAPPING_FUNCTIONS). */
export const JSONATA_BUILTINS = [
  'string', 'number', 'boolean', 'exists', 'type', 'count', 'sum', 'max', 'min', 'average', 'map', 'filter', 'reduce', 'each',
  'keys', 'lookup', 'merge', 'append', 'sort', 'distinct', 'join', 'split', 'substring', 'substringBefore', 'substringAfter',
  'uppercase', 'lowercase', 'trim', 'pad', 'contains', 'replace', 'length', 'round', 'floor', 'ceil', 'abs', 'formatNumber',
  'now', 'millis', 'fromMillis', 'toMillis', 'not', 'single', 'zip', 'spread',
] as const;
