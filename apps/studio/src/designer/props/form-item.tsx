import { connect, mapProps } from '@formily/react';
import type { ReactNode } from 'react';

interface Props {
  label?: ReactNode;
  hint?: ReactNode;
  children?: ReactNode;
  inline?: boolean;
}

function FormItemBase({ label, hint, children, inline }: Props) {
  return (
    <div className={inline ? 'prop-item prop-inline' : 'prop-item'}>
      {label ? <div className="prop-label">{label}</div> : null}
      <div className="prop-control">{children}</div>
      {hint ? <div className="prop-hint">{hint}</div> : null}
    </div>
  );
}

/** The decorator of every property: the field's `title` as label, its `description` as hint. */
export const FormItem = connect(
  FormItemBase,
  mapProps((props: Props, field) => ({
    ...props,
    label: props.label ?? ('title' in field ? field.title : undefined),
    hint: props.hint ?? ('description' in field ? field.description : undefined),
  })),
);
