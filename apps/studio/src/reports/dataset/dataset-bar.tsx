import type { LocalizedText } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { confirmAction } from '../../ui/confirm';
import { FormSelect } from '../../ui/form-select';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';
import { useReport } from '../hooks/useReport';
import { useSectionProblems } from '../hooks/useSectionProblems';
import { hasFieldRefs, setDatasetForm, setUnnest, subtablesOf } from '../model/dataset-ops';
import { reportEdit } from '../store/edit';
import { useReportStore } from '../store/report-store';

/** The dataset: the form the report reads and, optionally, the sub-table whose lines are its rows. */
export function DatasetBar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const { dataset } = useReport();
  const problems = useSectionProblems('dataset');
  const drafts = useMemo(() => Object.entries(forms).map(([key, definition]) => ({ key, definition, updatedAt: '' })), [forms]);
  const subtables = subtablesOf(forms[dataset.form]);
  const pickForm = async (form: string) => {
    if (form === dataset.form) return;
    if (hasFieldRefs(useReportStore.getState().doc) && !(await confirmAction(t('reports.confirmDataset')))) return;
    reportEdit.update((r) => setDatasetForm(r, form));
  };
  return (
    <div className={problems.length ? 'report-dataset has-problem' : 'report-dataset'} data-section="dataset" data-testid="report-dataset" title={problems.map((p) => p.message).join('\n') || undefined}>
      <label className="inline-inputs">
        <span>{t('reports.dataset')}</span>
        <FormSelect forms={drafts} value={dataset.form} onChange={(v) => void pickForm(v)} testId="report-dataset-form" />
      </label>
      <label className="inline-inputs">
        <span>{t('reports.unnest')}</span>
        <select className="input" value={dataset.unnest ?? ''} onChange={(e) => reportEdit.update((r) => setUnnest(r, e.target.value))} disabled={subtables.length === 0} data-testid="report-dataset-unnest">
          <option value="">{t('reports.unnestNone')}</option>
          {subtables.map((s) => (
            <option key={s.key} value={s.key}>
              {pick(s.label as LocalizedText, locale, s.key)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
