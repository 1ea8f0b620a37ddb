import { evaluateMapping } from '@kiln/engine-connectors';
import { useEffect, useState } from 'react';

/** Where JSONata's parser stopped in `expression`, when `active` (a syntax problem is reported on it). */
export function useSyntaxPosition(expression: string, active: boolean): { from: number; to: number } | null {
  const [pos, setPos] = useState<{ from: number; to: number } | null>(null);
  useEffect(() => {
    if (!active || !expression.trim()) {
      setPos(null);
      return;
    }
    let live = true;
    // Evaluated over an empty scope only to reach the parser's position (values do not matter).
    evaluateMapping(expression, {}, new Date()).then(
      (r) => {
        if (!live) return;
        const at = !r.ok ? r.error.position : undefined;
        if (typeof at !== 'number') return setPos(null);
        const len = !r.ok && r.error.token ? String(r.error.token).length : 1;
        setPos({ from: Math.max(0, at - len), to: Math.max(at, 1) });
      },
      () => live && setPos(null),
    );
    return () => {
      live = false;
    };
  }, [expression, active]);
  return pos;
}
