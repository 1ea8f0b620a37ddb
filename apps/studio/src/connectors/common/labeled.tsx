import type { ReactNode } from 'react';
import { PathProblems } from './path-problems';

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  /** Pointer of the control: its problems show below it (mapping editors show their own). */
  path?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A labelled control of the connector page (the rule editor's layout), with the problems at its path. */
export function Labeled({ label, hint, path, wide, children }: Props) {
  return (
    <div className={wide ? 'rf rf-wide' : 'rf'}>
      <div className="rf-label">{label}</div>
      <div className="rf-control">{children}</div>
      {hint ? <div className="rf-hint">{hint}</div> : null}
      {path ? <PathProblems path={path} /> : null}
    </div>
  );
}
