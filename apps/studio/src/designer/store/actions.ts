import type { FieldDefinition, FieldType, FormDefinition, Locale } from '@kiln/engine-forms';
import type { ContainerId } from '../model/containers';
import { locateField, isSubtable } from '../model/containers';
import * as ops from '../model/field-ops';
import { breakUndoGroup, commitDefinition, definitionHistory, useDefinitionStore } from './definition-store';
import { bumpRevision, useDesignerUi } from './ui-store';

const current = () => useDefinitionStore.getState().definition;

/**
 * The designer's commands. Each one is a single undo step (except grouped typing)
 * and keeps the selection sensible.
 */
export const designer = {
  /** Adds a field of `type` at a position; selects it. */
  add(type: FieldType, container: ContainerId, locale: Locale, index?: number) {
    const res = ops.addField(current(), type, container, locale, index);
    if (!res) return;
    breakUndoGroup();
    commitDefinition(res.definition);
    useDesignerUi.getState().select(res.id);
  },
  /** Click on a palette item: append at the end, or inside the selected sub-table when the type may go there. */
  append(type: FieldType, locale: Locale) {
    const sel = useDesignerUi.getState().selectedId;
    const loc = sel ? locateField(current(), sel) : null;
    const container = loc && isSubtable(loc.field) && ops.canDropInto(type, loc.field.id) ? loc.field.id : null;
    designer.add(type, container, locale);
  },
  move(id: string, container: ContainerId, index: number) {
    const next = ops.moveField(current(), id, container, index);
    if (next === current()) return;
    breakUndoGroup();
    commitDefinition(next);
    bumpRevision();
  },
  remove(id: string) {
    breakUndoGroup();
    commitDefinition(ops.removeField(current(), id));
    if (useDesignerUi.getState().selectedId === id) useDesignerUi.getState().select(null);
  },
  duplicate(id: string) {
    const res = ops.duplicateField(current(), id);
    if (!res) return;
    breakUndoGroup();
    commitDefinition(res.definition);
    useDesignerUi.getState().select(res.id);
  },
  /** Edits one field; `group` merges successive keystrokes into one undo step. */
  updateField(id: string, fn: (f: FieldDefinition) => FieldDefinition, group?: string) {
    commitDefinition(ops.updateField(current(), id, fn), group);
  },
  /** Edits form-level settings (title, key, public page). */
  updateForm(fn: (d: FormDefinition) => FormDefinition, group?: string) {
    commitDefinition(fn(current()), group);
  },
  undo() {
    breakUndoGroup();
    definitionHistory.getState().undo();
    bumpRevision();
  },
  redo() {
    breakUndoGroup();
    definitionHistory.getState().redo();
    bumpRevision();
  },
};
