/** A problem of the edited connector as the page shows it: where it came from, its pointer. */
export interface EditorConnectorProblem {
  /** `live` = `validateConnector` in the browser; `publish` = the last refused publish (until edited). */
  source: 'live' | 'publish';
  code: string;
  message: string;
  /** JSON pointer into the definition, e.g. `/operations/push/steps/0/body`. */
  path: string;
}
