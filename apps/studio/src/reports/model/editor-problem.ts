/**
 * A problem as the report designer shows it: from `validateReport` (live), from the last
 * refused publish, or from the server's preview (422). `path` is a JSON pointer into the report
 * (e.g. `/measures/1/den`).
 */
export interface EditorReportProblem {
  source: 'live' | 'publish' | 'preview';
  code: string;
  message: string;
  path: string;
}
