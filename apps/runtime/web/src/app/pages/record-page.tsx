import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KilnForm } from '@kiln/form-react';
import { compileForm, localize, type FieldError, type JsonSchema } from '@kiln/engine-forms';
import { ApiError } from '../../shared/api';
import { currentLocale } from '../../shared/i18n';
import { linkClick, navigate } from '../../shared/router';
import { randomId } from '../../shared/uuid';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ErrorNotice } from '../components/error-notice';
import { RecordFlows } from '../components/flow/record-flows';
import { setFlash } from '../lib/flash';
import { appMeta } from '../lib/metadata';
import { operatorPorts } from '../lib/ports';
import { computeFormulas, createRecord, getRecord, updateRecord, type RecordRow } from '../lib/records-api';
import { useAsync } from '../lib/use-async';

type Data = Record<string, unknown>;
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt']);

/** A stored record as form data: system columns and unknown keys dropped (the schema is closed). */
function toFormData(row: RecordRow, schema: JsonSchema): Data {
  const props = schema.properties ?? {};
  return Object.fromEntries(Object.entries(row).filter(([k, v]) => !SYSTEM_KEYS.has(k) && k in props && v !== null));
}

/** The body to send: read-only fields (autonumbers) left out; on edit, cleared fields sent as null. */
function toBody(data: Data, schema: JsonSchema, original?: Data): Data {
  const props = schema.properties ?? {};
  const body: Data = {};
  for (const [k, v] of Object.entries(data)) if (props[k] && !props[k].readOnly && v !== undefined) body[k] = v;
  if (original) for (const k of Object.keys(original)) if (props[k] && !props[k].readOnly && !(k in body)) body[k] = null;
  return body;
}

/**
 * Create (`id` undefined) or edit one record through KilnForm, compiled in the browser from the
 * published definition. Validation errors from the server show under their fields.
 */
export default function RecordPage({ app, form, id }: { app: string; form: string; id?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const meta = useAsync(() => appMeta(app), [app]);
  const record = useAsync(() => (id ? getRecord(app, form, id) : Promise.resolve(undefined)), [app, form, id]);
  const def = meta.data?.forms[form];
  const compiled = useMemo(() => (def ? compileForm(def, { locale }) : undefined), [def, locale]);
  const ports = useMemo(() => operatorPorts(app), [app]);
  // Formula fields preview their values as the operator types (the server computes them again on save).
  const compute = useCallback((values: Data) => computeFormulas(app, form, values), [app, form]);
  const hasFormulas = def?.fields.some((f) => f.type === 'formula') ?? false;
  const idempotencyKey = useMemo(() => randomId(), []);
  const [data, setData] = useState<Data | undefined>();
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[] | undefined>();
  const [failure, setFailure] = useState<unknown>();

  const listBase = `/app/${encodeURIComponent(app)}/${encodeURIComponent(form)}`;
  const backHref = listBase + (sessionStorage.getItem(`kiln.list.${app}.${form}`) ?? '');
  const original = useMemo(() => (record.data && compiled ? toFormData(record.data, compiled.schema) : undefined), [record.data, compiled]);
  const formData = data ?? original;

  const save = async (values: Data) => {
    if (!compiled || busy) return;
    setBusy(true);
    setFailure(undefined);
    setServerErrors(undefined);
    try {
      if (id) {
        await updateRecord(app, form, id, toBody(values, compiled.schema, original));
        setFlash(t('record.saved'));
      } else {
        const created = await createRecord(app, form, toBody(values, compiled.schema), idempotencyKey);
        setFlash(t('record.created', { id: created.id }));
      }
      navigate(backHref);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) setServerErrors(e.fieldErrors);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  if (meta.error !== undefined) return <div className="page"><ErrorNotice error={meta.error} onRetry={meta.reload} /></div>;
  if (record.error !== undefined) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <div className="page">
        {missing ? <p className="notice notice-error" data-testid="record-not-found">{t('record.notFound')}</p> : <ErrorNotice error={record.error} onRetry={record.reload} />}
        <a href={backHref} onClick={linkClick}>‹ {t('common.back')}</a>
      </div>
    );
  }
  if (!meta.data || !compiled || (id && !record.data)) return <div className="spinner">{t('common.loading')}</div>;
  if (!def) return <div className="page"><p className="muted">{t('notFound.title')}</p></div>;

  const formTitle = localize(def.title, locale) || form;
  const appName = (meta.data.name && localize(meta.data.name, locale)) || app;
  return (
    <div className="page page-form">
      <Breadcrumbs
        items={[
          { href: '/app', label: t('app.apps') },
          { href: `/app/${encodeURIComponent(app)}`, label: appName },
          { href: backHref, label: formTitle },
          { label: id ? `#${id}` : t('records.new') },
        ]}
      />
      <h1 className="page-title" data-testid="record-title">{id ? t('record.editTitle', { form: formTitle, id }) : t('record.newTitle', { form: formTitle })}</h1>
      {failure !== undefined &&
        (serverErrors?.length ? (
          <div className="notice notice-error" role="alert" data-testid="record-error">{t('record.saveFailed')}</div>
        ) : (
          <ErrorNotice error={failure} />
        ))}
      <div className="card form-card">
        <KilnForm
          schema={compiled.schema}
          uiSchema={compiled.uiSchema}
          formData={formData}
          onChange={setData}
          onSubmit={save}
          locale={locale}
          ports={ports}
          serverErrors={serverErrors}
          computeFormulas={hasFormulas ? compute : undefined}
          disabled={busy}
          submitText={busy ? t('record.saving') : t('common.save')}
        />
        <a className="btn cancel" href={backHref} onClick={linkClick} data-testid="record-cancel">
          {t('common.cancel')}
        </a>
      </div>
      {id && <RecordFlows app={app} form={form} record={id} />}
    </div>
  );
}
