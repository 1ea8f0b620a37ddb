import type { ErrorSchema } from '@rjsf/utils';
import type { FieldError } from '@kiln/engine-forms';

/** Splits a JSON pointer (`/lines/0/sku`) into its unescaped segments. @internal */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Turns the server's field errors (JSON pointers, as in `details.errors`) into the rjsf
 * `ErrorSchema` shape so each message shows under its own field; errors at the root (`""`)
 * show above the form.
 */
export function toErrorSchema(errors: readonly FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const seg of pointerSegments(e.path)) {
      node[seg] ??= {};
      node = node[seg] as Record<string, unknown>;
    }
    const list = (node.__errors ??= []) as string[];
    list.push(e.message);
  }
  return root as ErrorSchema;
}
