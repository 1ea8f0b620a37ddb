import type { ReactNode } from 'react';
import { ProblemHint } from './problem-hint';

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  /** Definition path of the control: its problems show below it. */
  path?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A labelled control of the rule editor, with its hint and the problems at its path. */
export function Labeled({ label, hint, path, wide, children }: Props) {
  return (
    <div className={wide ? 'rf rf-wide' : 'rf'}>
      <div className="rf-label">{label}</div>
      <div className="rf-control">{children}</div>
      {hint ? <div className="rf-hint">{hint}</div> : null}
      {path ? <ProblemHint path={path} /> : null}
    </div>
  );
}
