import { connect, mapProps } from '@formily/react';
import type { ComponentType } from 'react';

/**
 * Connects a custom property editor to formily the way the form designer's inputs are: value /
 * onChange bound to the field, and the stable test id `prop-<field name>`.
 */
export function connectProp<P extends object>(component: ComponentType<P>) {
  return connect(
    component,
    mapProps((props: P, field) => ({ ...props, 'data-testid': `prop-${String(field.props.name)}` }) as P),
  );
}
