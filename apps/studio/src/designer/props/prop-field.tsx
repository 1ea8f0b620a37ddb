import { Field } from '@formily/react';
import type { ComponentType, ReactNode } from 'react';
import { FormItem } from './form-item';

interface Props {
  /** Property name: the formily field name and the test id suffix (`prop-<name>`). */
  name: string;
  title: ReactNode;
  hint?: ReactNode;
  // formily accepts any component; props are checked where the component is defined.
  component: ComponentType<never>;
  props?: Record<string, unknown>;
}

/** One property row: a formily Field with the FormItem decorator. */
export function PropField({ name, title, hint, component, props }: Props) {
  return (
    <Field
      name={name}
      title={title}
      description={hint}
      decorator={[FormItem]}
      component={[component as ComponentType, props ?? {}]}
    />
  );
}
