import { useMemo } from 'react';
import { KilnForm } from '@kiln/form-react';
import { compileForm, type FieldError, type UiSchema } from '@kiln/engine-forms';
import { currentLocale } from '../../../shared/i18n';
import { flowText } from '../../lib/flow-text';
import type { TaskDetail } from '../../lib/flow-types';
import { operatorPorts } from '../../lib/ports';

interface Props {
  detail: TaskDetail;
  values: Record<string, unknown>;
  onChange(values: Record<string, unknown>): void;
  /** Whether the editable fields take input (only while the task is open and nothing runs). */
  editing: boolean;
  serverErrors?: readonly FieldError[];
}

/**
 * The record's visible fields rendered by KilnForm exactly as the record page renders them
 * (`task-record`, inputs `field-<key>`), every field read-only except the node's editable
 * ones while the task is open. There is no submit button: approve / reject send the values.
 */
export function TaskRecordForm({ detail, values, onChange, editing, serverErrors }: Props) {
  const locale = currentLocale();
  const { form, editable, task } = detail;
  const compiled = useMemo(() => {
    const title = flowText(form.name ?? form.title, locale, form.key);
    return compileForm({ formatVersion: 1, key: form.key, title: { 'zh-CN': title, en: title }, fields: form.fields }, { locale });
  }, [form, locale]);
  const uiSchema = useMemo<UiSchema>(() => {
    const ui: UiSchema = { ...compiled.uiSchema };
    for (const f of form.fields) {
      if (!editing || !editable.includes(f.key)) ui[f.key] = { ...(ui[f.key] as UiSchema | undefined), 'ui:readonly': true };
    }
    return ui;
  }, [compiled, form.fields, editable, editing]);
  // The schema's title repeats the form's name the page already shows.
  const schema = useMemo(() => ({ ...compiled.schema, title: undefined }), [compiled]);
  const ports = useMemo(() => operatorPorts(task.app), [task.app]);
  return (
    <div data-testid="task-record" data-editable={editable.join(',')}>
      <KilnForm schema={schema} uiSchema={uiSchema} formData={values} onChange={onChange} locale={locale} ports={ports} serverErrors={serverErrors} hideSubmit />
    </div>
  );
}
