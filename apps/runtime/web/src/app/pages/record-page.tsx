import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KilnForm } from '@kiln/form-react';
import { compileForm, localize, type FieldError, type JsonSchema } from '@kiln/engine-forms';
import { ApiError } from '../../shared/api';
import { currentLocale } from '../../shared/i18n';
import { linkClick, navigate, useLocation } from '../../shared/router';
import { randomId } from '../../shared/uuid';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ErrorNotice } from '../components/error-notice';
import { RecordFlows } from '../components/flow/record-flows';
import { RecordHistory } from '../components/record-history';
import { Tabs } from '../components/tabs';
import { formAccess, visibleForm, withReadOnly } from '../lib/access';
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

/**
 * The body to send: read-only fields (autonumbers, and those the caller's role locks) left out;
 * on edit, cleared fields sent as null.
 */
function toBody(data: Data, schema: JsonSchema, locked: ReadonlySet<string>, original?: Data): Data {
  const props = schema.properties ?? {};
  const writable = (k: string) => props[k] && !props[k].readOnly && !locked.has(k);
  const body: Data = {};
  for (const [k, v] of Object.entries(data)) if (writable(k) && v !== undefined) body[k] = v;
  if (original) for (const k of Object.keys(original)) if (writable(k) && !(k in body)) body[k] = null;
  return body;
}

/**
 * Create (`id` undefined) or edit one record through KilnForm, compiled in the browser from the
 * published definition as the caller's role shows it: hidden fields left out, read-only ones
 * disabled, and without the create / update grant a view without a save button
 * (`record-view-only`). Validation errors from the server show under their fields.
 * A stored record has two tabs (`record-tab-record`, `record-tab-history`; `?tab=history`).
 */
export default function RecordPage({ app, form, id }: { app: string; form: string; id?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { pathname, search } = useLocation();
  const tab = id && search.get('tab') === 'history' ? 'history' : 'record';
  const meta = useAsync(() => appMeta(app), [app]);
  const record = useAsync(() => (id ? getRecord(app, form, id) : Promise.resolve(undefined)), [app, form, id]);
  const rawDef = meta.data?.forms[form];
  const access = useMemo(() => formAccess(meta.data?.access, form), [meta.data, form]);
  const def = useMemo(() => (rawDef ? visibleForm(rawDef, access) : undefined), [rawDef, access]);
  const editable = id ? access.update : access.create;
  const compiled = useMemo(() => (def ? withReadOnly(compileForm(def, { locale }), access.readOnly) : undefined), [def, locale, access]);
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
    if (!compiled || busy || !editable) return;
    setBusy(true);
    setFailure(undefined);
    setServerErrors(undefined);
    try {
      if (id) {
        await updateRecord(app, form, id, toBody(values, compiled.schema, compiled.locked, original));
        setFlash(t('record.saved'));
      } else {
        const created = await createRecord(app, form, toBody(values, compiled.schema, compiled.locked), idempotencyKey);
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
  // Nothing to show without the grant (the server would refuse the calls anyway).
  if (meta.data && rawDef && (!access.read || (!id && !access.create)))
    return (
      <div className="page">
        <p className="notice notice-error" role="alert" data-testid="record-forbidden">{!access.read ? t('access.noRead') : t('access.noCreate')}</p>
        <a href={backHref} onClick={linkClick}>‹ {t('common.back')}</a>
      </div>
    );
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
  // A refused read-only field (FIELD_READ_ONLY) is shown with the server's own message.
  const fieldFailure = !!serverErrors?.length && !(failure instanceof ApiError && failure.code === 'FIELD_READ_ONLY');
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
      {id && (
        <Tabs
          items={[
            { key: 'record', label: t('recordTabs.record') },
            { key: 'history', label: t('recordTabs.history') },
          ]}
          active={tab}
          href={(k) => (k === 'history' ? `${pathname}?tab=history` : pathname)}
          testIdPrefix="record-tab"
          label={t('recordTabs.label')}
        />
      )}
      {tab === 'history' && id ? (
        <RecordHistory app={app} form={form} id={id} def={def} locale={locale} />
      ) : (
        <>
          {!editable && (
            <p className="notice notice-info" data-testid="record-view-only">
              {t('access.viewOnly')}
            </p>
          )}
          {editable && compiled.locked.size > 0 && (
            <p className="muted small" data-testid="record-locked-fields">
              {t('access.lockedFields')}
            </p>
          )}
          {failure !== undefined &&
            (fieldFailure ? (
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
              disabled={busy || !editable}
              hideSubmit={!editable}
              submitText={busy ? t('record.saving') : t('common.save')}
            />
            <a className="btn cancel" href={backHref} onClick={linkClick} data-testid="record-cancel">
              {editable ? t('common.cancel') : t('common.back')}
            </a>
          </div>
          {id && <RecordFlows app={app} form={form} record={id} />}
        </>
      )}
    </div>
  );
}
