import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KilnForm, type KilnFormPorts } from '@kiln/form-react';
import { localize, type FieldError, type Locale } from '@kiln/engine-forms';
import { ApiError, request, seg } from '../shared/api';
import { currentLocale, setLocale } from '../shared/i18n';
import { LocaleSwitch } from '../shared/locale-switch';
import { randomId } from '../shared/uuid';
import { linkDefaults, linkQuery } from './link-params';
import { usePublicForm } from './use-public-form';

// Anonymous visitors cannot browse records: relation pickers on public forms offer nothing.
const PUBLIC_PORTS: KilnFormPorts = { searchRecords: async () => [] };

function slugOf(pathname: string): string {
  const m = /^\/f\/([^/]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : '';
}

type Outcome = { kind: 'idle' } | { kind: 'done'; id: unknown } | { kind: 'failed'; message: string; fieldErrors: FieldError[] };

/**
 * The public H5 page `/f/{slug}`: the form in the visitor's language, submitted once per page
 * load (one Idempotency-Key, so double taps and retries store one record), with every link
 * parameter of the page passed on to the submission.
 */
export function PublicFormPage() {
  const { t } = useTranslation();
  const [locale, setLoc] = useState<Locale>(currentLocale());
  const [attempt, setAttempt] = useState(0);
  const slug = slugOf(window.location.pathname);
  const state = usePublicForm(slug, locale, attempt);
  const idempotencyKey = useMemo(() => randomId(), []);
  const [formData, setFormData] = useState<Record<string, unknown> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const form = state.kind === 'ready' ? state.form : undefined;
  useEffect(() => {
    if (form) document.title = form.title;
  }, [form]);
  // Seed link-parameter fields once the first schema arrives; keep typed data across languages.
  useEffect(() => {
    if (form && formData === undefined) setFormData(linkDefaults(form.definition, form.schema, window.location.search));
  }, [form, formData]);

  const switchLocale = (l: Locale) => {
    setLocale(l, false);
    setLoc(l);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', l);
    window.history.replaceState(null, '', url);
  };

  const submit = useCallback(
    async (data: Record<string, unknown>) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      try {
        const res = await request<{ id: unknown }>(`/api/public/forms/${seg(slug)}/submissions${linkQuery(window.location.search)}`, {
          method: 'POST',
          body: data,
          auth: false,
          headers: { 'Idempotency-Key': idempotencyKey },
        });
        setOutcome({ kind: 'done', id: res.data?.id });
        window.scrollTo(0, 0);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        const fieldErrors = err.fieldErrors;
        let message: string;
        if (err.status === 429) message = t('f.rateLimited');
        else if (fieldErrors.length) message = t('f.submitFailed');
        else if (err.status === 0) message = t('common.networkError');
        else message = err.message || t('f.genericError');
        if (err.status === 404) setAttempt((a) => a + 1); // closed meanwhile: show the closed state
        setOutcome({ kind: 'failed', message, fieldErrors });
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [slug, idempotencyKey, t],
  );

  let body;
  if (state.kind === 'loading') {
    body = <div className="spinner" data-testid="f-loading">{t('f.loading')}</div>;
  } else if (state.kind === 'missing') {
    body = (
      <div className="f-state" data-testid="f-not-found">
        <div className="f-state-icon" aria-hidden="true">!</div>
        <h1>{t('f.notFoundTitle')}</h1>
        <p className="muted">{t('f.notFoundBody')}</p>
      </div>
    );
  } else if (state.kind === 'error') {
    body = (
      <div className="f-state" data-testid="f-load-error">
        <h1>{t('common.error')}</h1>
        <p className="muted">{state.error.status === 0 ? t('common.networkError') : state.error.message}</p>
        <button type="button" className="btn btn-primary" onClick={() => setAttempt((a) => a + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (outcome.kind === 'done') {
    const custom = localize(state.form.definition.public?.successMessage, locale);
    body = (
      <div className="f-state f-success" data-testid="f-success" data-record-id={String(outcome.id ?? '')}>
        <div className="f-state-icon f-ok" aria-hidden="true">✓</div>
        <h1>{t('f.successTitle')}</h1>
        <p data-testid="f-success-message">{custom || t('f.successDefault')}</p>
      </div>
    );
  } else {
    const def = state.form.definition;
    const description = localize(def.description, locale);
    body = (
      <>
        <h1 className="f-title" data-testid="f-title">{state.form.title}</h1>
        {description && <p className="f-desc muted">{description}</p>}
        {outcome.kind === 'failed' && (
          <div className="notice notice-error f-banner" role="alert" data-testid="f-error">
            {outcome.message}
          </div>
        )}
        <KilnForm
          schema={state.form.schema}
          uiSchema={state.form.uiSchema}
          formData={formData}
          onChange={setFormData}
          onSubmit={submit}
          locale={locale}
          ports={PUBLIC_PORTS}
          serverErrors={outcome.kind === 'failed' ? outcome.fieldErrors : undefined}
          disabled={busy}
          submitText={busy ? t('f.submitting') : undefined}
        />
      </>
    );
  }

  return (
    <div className="f-page">
      <header className="f-top">
        <LocaleSwitch onSwitch={switchLocale} />
      </header>
      <main className="f-card card">{body}</main>
      <footer className="f-foot muted">{t('f.poweredBy')}</footer>
    </div>
  );
}
