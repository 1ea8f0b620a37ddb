import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/error-text';

/**
 * A titled panel over a list the role designer manages (members, API tokens): an add button
 * (`<testPrefix>-<addId>`), a hint, the load or action error, "loading…", the empty state
 * (`<testPrefix>s-empty`), then the table the caller renders when there are rows.
 */
export function ListPanel(props: {
  title: string;
  hint: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  error: unknown;
  loading: boolean;
  empty: boolean;
  emptyText: string;
  emptyTestId: string;
  /** Rows in the table; the table (children) shows only when there are some. */
  rows: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <header className="panel-head panel-head-row">
        <span>{props.title}</span>
        <button type="button" className="btn btn-sm btn-primary" onClick={props.onAdd} data-testid={props.addTestId}>
          + {props.addLabel}
        </button>
      </header>
      <p className="hint pad-x">{props.hint}</p>
      <ErrorText error={props.error} />
      {props.loading && <div className="muted pad">{t('common.loading')}</div>}
      {props.empty && <div className="page-empty" data-testid={props.emptyTestId}>{props.emptyText}</div>}
      {props.rows > 0 && props.children}
    </section>
  );
}
