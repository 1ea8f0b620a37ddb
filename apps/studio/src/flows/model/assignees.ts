import type { AssigneeSpec } from '@kiln/engine-flow';
import type { FieldDefinition } from '@kiln/engine-forms';
import type { ASSIGNEE_KINDS } from './constants';

/** An assignee kind of the picker. */
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

/** Fields of a form that hold users (`field` assignees, `assignField`). */
export function userFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => f.type === 'user');
}

/** A fresh spec of `kind` (a user field is pre-picked when the form has one). */
export function newAssignee(kind: AssigneeKind, fields: readonly FieldDefinition[]): AssigneeSpec {
  switch (kind) {
    case 'users':
      return { kind, users: [] };
    case 'group':
      return { kind, group: '' };
    case 'role':
      return { kind, role: 'operator' };
    case 'field':
      return { kind, field: userFields(fields)[0]?.key ?? '' };
    case 'manager':
      return { kind, levels: 1 };
    case 'initiator':
      return { kind };
    case 'expression':
      return { kind, expression: '' };
  }
}
