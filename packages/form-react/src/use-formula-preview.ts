import { useEffect, useMemo, useRef, useState } from 'react';
import type { ComputeFormulas, FormulaPreview } from './formula-preview';

/** How long typing must pause before formulas are recomputed. @internal */
export const FORMULA_DEBOUNCE_MS = 300;

type Data = Record<string, unknown>;

/**
 * Recomputes formula values through `compute` ~300 ms after the data stops changing (and when
 * `compute` itself changes, e.g. a new draft in the designer). Formula keys are left out of what
 * is sent: the server computes them. Only the newest answer is shown. Returns the preview for the
 * form context and `changed(data)` to call on every edit.
 * @internal
 */
export function useFormulaPreview(
  compute: ComputeFormulas | undefined,
  formulaKeys: readonly string[],
  formData: Data | undefined,
  failedText: (reason: string) => string,
): { preview: FormulaPreview; changed(data: Data): void } {
  const enabled = compute !== undefined && formulaKeys.length > 0;
  const [data, setData] = useState<Data>(formData ?? {});
  const [state, setState] = useState<Omit<FormulaPreview, 'enabled'>>({ values: {}, errors: {}, pending: enabled });
  const seq = useRef(0);
  const failed = useRef(failedText);

  useEffect(() => {
    failed.current = failedText;
  });

  // A controlled form's data can change from outside (reset, a loaded record).
  useEffect(() => {
    if (formData) setData(formData);
  }, [formData]);

  useEffect(() => {
    if (!enabled) return;
    const run = ++seq.current;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      const values = Object.fromEntries(Object.entries(data).filter(([k]) => !formulaKeys.includes(k)));
      compute(values).then(
        (r) => {
          if (run === seq.current) setState({ values: r.values ?? {}, errors: r.errors ?? {}, pending: false });
        },
        (e: unknown) => {
          if (run !== seq.current) return;
          const text = failed.current(e instanceof Error ? e.message : '');
          setState((s) => ({ values: s.values, errors: Object.fromEntries(formulaKeys.map((k) => [k, text])), pending: false }));
        },
      );
    }, FORMULA_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [data, compute, enabled, formulaKeys]);

  // Answers arriving after unmount are ignored.
  useEffect(() => () => void seq.current++, []);

  const preview = useMemo(() => ({ enabled, ...state }), [enabled, state]);
  return { preview, changed: setData };
}
