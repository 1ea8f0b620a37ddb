/**
 * The role and row-policy checks of `@kiln/engine-rules` the studio runs in the browser, in one
 * place: the same functions the runtime runs on publish, so the editor's problems match.
 */
export { checkPolicy, parsePolicy, validateRole } from '@kiln/engine-rules';
export type { PolicyNode, PolicyProblem, RoleProblem } from '@kiln/engine-rules';
