/** Line terminators as V8 counts them for stack positions (and acorn for `loc`). */
const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/g;

/** Number of line breaks in `text`. @internal */
export function countLines(text: string): number {
  return (text.match(LINE_BREAK) ?? []).length;
}

/**
 * Accumulates program source and knows the 1-based line the next write starts on, so the
 * compiler can record where each expression's source begins.
 * @internal
 */
export class ProgramWriter {
  private readonly parts: string[] = [];
  private breaks = 0;

  /** The 1-based line the next character written lands on. */
  get line(): number {
    return this.breaks + 1;
  }

  write(text: string): this {
    this.parts.push(text);
    this.breaks += countLines(text);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}
