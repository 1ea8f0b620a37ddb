/** A problem of the edited role as the editor shows it: where it came from, its pointer. */
export interface EditorRoleProblem {
  /** `live` = `validateRole` in the browser; `publish` = the last refused publish (until edited). */
  source: 'live' | 'publish';
  code: string;
  message: string;
  /** JSON pointer into the role, e.g. `/forms/orders/where`. */
  path: string;
  /** For a row policy's problem: the offsets into its text to underline. */
  from?: number;
  to?: number;
}
