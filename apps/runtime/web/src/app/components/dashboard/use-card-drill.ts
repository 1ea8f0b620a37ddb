import { useCallback, useState } from 'react';
import type { ReportDrillStep } from '@kiln/report-react';
import type { ReportResult } from '@kiln/engine-reports';
import type { DrillInfo } from '../../lib/reports-api';
import type { DrillStep } from './drill-step';

/** The API takes at most this many drill steps (`_drill`). */
export const MAX_DRILL_STEPS = 5;

/** A card's drill state: the steps taken, a click waiting for "drill or records?", and the group whose records are open. */
export interface CardDrill {
  steps: DrillStep[];
  pending?: DrillStep;
  records?: DrillStep[];
  /** The click handler for a level's result: undefined when that level offers nothing to drill into. */
  handlerFor(data: (ReportResult & { drill?: DrillInfo }) | undefined): ((step: ReportDrillStep) => void) | undefined;
  drillInto(step: DrillStep): void;
  showRecords(step: DrillStep): void;
  jump(level: number): void;
  closePending(): void;
  closeRecords(): void;
}

/**
 * What a click on a card's visual does, from the level's `drill` info: the next dimension
 * (re-fetch with the step appended), the records (side panel), or — when both — a small menu.
 */
export function useCardDrill(): CardDrill {
  const [steps, setSteps] = useState<DrillStep[]>([]);
  const [pending, setPending] = useState<DrillStep>();
  const [records, setRecords] = useState<DrillStep[]>();

  const drillInto = useCallback((s: DrillStep) => {
    setPending(undefined);
    setSteps((xs) => [...xs, s]);
  }, []);
  const showRecords = useCallback(
    (s: DrillStep) => {
      setPending(undefined);
      setRecords([...steps, s]);
    },
    [steps],
  );
  const handlerFor: CardDrill['handlerFor'] = (data) => {
    // The clicked step is one more; the records of the deepest allowed level stay reachable.
    const canNext = !!data?.drill?.next && steps.length + 1 < MAX_DRILL_STEPS;
    const canRecords = !!data?.drill?.records && steps.length < MAX_DRILL_STEPS;
    if (!data || (!canNext && !canRecords)) return undefined;
    return (click) => {
      const dimensionLabel = data.columns.find((c) => c.key === click.dimension)?.label ?? click.dimension;
      const s: DrillStep = { dimension: click.dimension, value: click.value, label: click.label, dimensionLabel };
      if (canNext && canRecords) setPending(s);
      else if (canNext) drillInto(s);
      else showRecords(s);
    };
  };

  return {
    steps,
    pending,
    records,
    handlerFor,
    drillInto,
    showRecords,
    jump: useCallback((level: number) => setSteps((xs) => xs.slice(0, level)), []),
    closePending: useCallback(() => setPending(undefined), []),
    closeRecords: useCallback(() => setRecords(undefined), []),
  };
}
