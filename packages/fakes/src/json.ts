/**
 * JSON that keeps big integers exact. The platforms' ids (Douyin `p_id`, WeChat `order_id`)
 * exceed 2^53, so a plain `JSON.parse` would round them: {@link parseJson} keeps every integer
 * literal outside the safe range as its digit string, and {@link stringifyJson} writes `bigint`
 * values as bare integers.
 * @internal
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Raw control characters are refused by the JSON.parse each matched string goes through.
const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const MAX_DEPTH = 200;

/**
 * Parses JSON text; integers beyond `Number.MAX_SAFE_INTEGER` become digit strings.
 * Throws `SyntaxError` on invalid text.
 * @example parseJson('{"id":4837328765348566675}') // → { id: '4837328765348566675' }
 */
export function parseJson(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at ${i}: ${what}`);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const match = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail('too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        ws();
        const k = match(STRING) ?? fail('expected a key');
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        // defineProperty: a "__proto__" key stays a plain property.
        Object.defineProperty(obj, JSON.parse(k) as string, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        const sep = text[i++];
        if (sep === '}') return obj;
        if (sep !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        const sep = text[i++];
        if (sep === ']') return arr;
        if (sep !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') return JSON.parse(match(STRING) ?? fail('bad string')) as string;
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) return (i += word.length), v;
    }
    const num = match(NUMBER) ?? fail('unexpected character');
    const n = Number(num);
    if (/^-?\d+$/.test(num) && !Number.isSafeInteger(n)) return num;
    return n;
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail('trailing text');
  return result;
}

/**
 * `JSON.stringify` that writes `bigint` values as bare integers (and skips `undefined` and
 * functions the same way).
 * @example stringifyJson({ id: 4837328765348566675n }) // → '{"id":4837328765348566675}'
 */
export function stringifyJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(v: unknown): string | undefined {
  if (typeof v === 'bigint') return v.toString();
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const withJson = v as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
  if (Array.isArray(v)) return `[${v.map((x) => write(x) ?? 'null').join(',')}]`;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    const w = write(x);
    if (w !== undefined) parts.push(`${JSON.stringify(k)}:${w}`);
  }
  return `{${parts.join(',')}}`;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses JSON, returning `undefined` instead of throwing. */
export function tryParseJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}
