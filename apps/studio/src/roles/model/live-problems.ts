import type { FormDefinition } from '@kiln/engine-forms';
import { validateRole } from './engine';
import type { EditorRoleProblem } from './editor-problem';
import type { RoleDefinition } from './types';

/** What a role is checked against: the app's draft forms, and the keys of its flows and reports. */
export interface RoleCheckContext {
  forms: Record<string, FormDefinition>;
  flows: readonly string[];
  reports: readonly string[];
}

const byKey = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, {}]));

/**
 * The role's problems in the browser: `validateRole`, the check publish runs — the definition,
 * its references to forms, fields, flows and reports, and every grant's row policy (with the
 * offsets into its text).
 */
export function liveProblems(role: RoleDefinition, ctx: RoleCheckContext): EditorRoleProblem[] {
  return validateRole(role, { forms: ctx.forms, flows: byKey(ctx.flows), reports: byKey(ctx.reports) }).map((p) => ({
    source: 'live',
    code: p.code,
    message: p.message,
    path: p.path ?? '',
    ...(typeof p.from === 'number' ? { from: p.from, to: p.to ?? p.from } : {}),
  }));
}
