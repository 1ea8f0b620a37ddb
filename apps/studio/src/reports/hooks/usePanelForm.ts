import { createForm, onFieldInputValueChange, type Form } from '@formily/core';
import { useMemo, useRef } from 'react';

/**
 * A formily form for a property panel, seeded once with `values` (the panel is re-keyed to
 * re-seed it: another element selected, undo / redo); every input change calls the latest
 * `onChange(name, value)`, which writes into the definition.
 */
export function usePanelForm(values: Record<string, unknown>, onChange: (name: string, value: unknown) => void): Form {
  const latest = useRef(onChange);
  latest.current = onChange;
  return useMemo(
    () =>
      createForm({
        values,
        effects() {
          onFieldInputValueChange('*', (f) => latest.current(String(f.props.name), f.value));
        },
      }),
    // Seeded once per mount by design (see above).
    [],
  );
}
