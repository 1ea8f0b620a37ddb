import type { Form } from '@formily/core';
import { FormProvider } from '@formily/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelectionProblems } from '../hooks/useSelectionProblems';
import type { Selection } from '../model/selection';
import { reportEdit } from '../store/edit';

/**
 * The frame of a property panel: what is selected (kind and id), its problems, a remove
 * button, and the formily form of its properties.
 */
export function PanelFrame({ form, selection, title, children }: { form: Form; selection: Selection; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const problems = useSelectionProblems(selection.kind, selection.id);
  return (
    <FormProvider form={form}>
      <div className="prop-panel report-prop-panel" data-testid="report-prop-panel" data-kind={selection.kind} data-id={selection.id}>
        <div className="prop-type">
          <span>{title}</span>
          <code className="muted-code">{selection.kind === 'filter' ? `#${Number(selection.id) + 1}` : selection.id}</code>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => reportEdit.remove(selection)} data-testid="prop-remove">
            {t('common.delete')}
          </button>
        </div>
        {problems.length > 0 && (
          <ul className="expr-messages" data-testid="prop-problems">
            {problems.map((p, i) => (
              <li key={i} className="is-error">
                {p.message}
                <code>{p.code}</code>
              </li>
            ))}
          </ul>
        )}
        {children}
      </div>
    </FormProvider>
  );
}
