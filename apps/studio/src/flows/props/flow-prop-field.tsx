import type { ComponentType, ReactNode } from 'react';
import { PropField } from '../../designer/props/prop-field';
import { PathProblems } from './path-problems';

interface Props {
  /** Property name: the formily field name and the test id suffix (`prop-<name>`). */
  name: string;
  title: ReactNode;
  hint?: ReactNode;
  component: ComponentType<never>;
  props?: Record<string, unknown>;
  /** Pointer into the node's data: problems there show below, and the problems list focuses it. */
  path?: string;
}

/** One property of a node: the form designer's PropField, plus the problems at its path. */
export function FlowPropField({ path, ...rest }: Props) {
  if (!path) return <PropField {...rest} />;
  return (
    <div className="flow-prop" data-path={path}>
      <PropField {...rest} />
      <PathProblems path={path} />
    </div>
  );
}
