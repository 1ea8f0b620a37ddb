import { temporal } from 'zundo';
import { create } from 'zustand';

/** State of a {@link createDocStore} store: the one definition being edited. */
export interface DocState<T> {
  doc: T;
}

/** Successive edits of one group (typing into one input) within this window merge into one undo step. */
const GROUP_WINDOW_MS = 1200;

/**
 * A store for one edited definition with undo / redo (zundo), as the flow and rule editors
 * keep theirs: `commit` makes an undo step (merging keystrokes of one `group`), `load` replaces
 * the definition and forgets the history. Selection, save state and problems live elsewhere,
 * so they are never undone. `onJump` runs after undo / redo (e.g. to re-seed property panels).
 *
 * @example const reportDoc = createDocStore<ReportDefinition>(EMPTY, bumpRevision);
 */
export function createDocStore<T>(empty: T, onJump: () => void = () => {}) {
  const useDoc = create<DocState<T>>()(
    temporal(() => ({ doc: empty }), {
      partialize: (s) => ({ doc: s.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: 200,
    }),
  );
  const history = useDoc.temporal;
  let lastGroup: string | null = null;
  let lastAt = 0;

  const breakGroup = () => {
    lastGroup = null;
  };
  const commit = (next: T, group?: string) => {
    if (next === useDoc.getState().doc) return;
    const now = Date.now();
    const merge = group !== undefined && group === lastGroup && now - lastAt < GROUP_WINDOW_MS;
    lastGroup = group ?? null;
    lastAt = now;
    if (!merge) return useDoc.setState({ doc: next });
    history.getState().pause();
    useDoc.setState({ doc: next });
    history.getState().resume();
  };
  const load = (doc: T) => {
    history.getState().pause();
    useDoc.setState({ doc });
    history.getState().resume();
    history.getState().clear();
    breakGroup();
  };
  const undo = () => {
    breakGroup();
    history.getState().undo();
    onJump();
  };
  const redo = () => {
    breakGroup();
    history.getState().redo();
    onJump();
  };
  return { useDoc, history, commit, breakGroup, load, undo, redo };
}
