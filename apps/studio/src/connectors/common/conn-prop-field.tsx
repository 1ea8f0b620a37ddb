import type { ComponentType, ReactNode } from 'react';
import { PropField } from '../../designer/props/prop-field';
import { PathProblems } from './path-problems';

interface Props {
  /** Formily field name and test id suffix (`prop-<name>`). */
  name: string;
  title: ReactNode;
  hint?: ReactNode;
  component: ComponentType<never>;
  props?: Record<string, unknown>;
  /** Pointer of the property in the connector: problems there show below, and the problems list focuses it. */
  path: string;
}

/** One property of a connector panel: the form designer's PropField, tagged with its pointer, plus its problems. */
export function ConnPropField({ path, ...rest }: Props) {
  return (
    <div className="flow-prop" data-path={path}>
      <PropField {...rest} />
      <PathProblems path={path} />
    </div>
  );
}
