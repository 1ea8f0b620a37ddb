import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@kiln/engine-forms';
import { currentLocale } from '../../shared/i18n';
import { linkClick, navigate, useLocation } from '../../shared/router';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { FilterBar } from '../components/filter-bar';
import { RecordsTable } from '../components/records-table';
import { formAccess, visibleForm } from '../lib/access';
import { columnsOf } from '../lib/columns';
import { toFilter, type FilterState } from '../lib/filters';
import { setFlash, takeFlash } from '../lib/flash';
import { appMeta } from '../lib/metadata';
import { deleteRecord, exportRecordsCsv, listRecords } from '../lib/records-api';
import { useRelationLabels } from '../lib/relation-labels';
import { useAsync } from '../lib/use-async';

const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_SORT = '-id';

function parseFilterState(raw: string | null): FilterState {
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as FilterState) : {};
  } catch {
    return {};
  }
}

/**
 * The records of one form: filters, sortable columns, cursor paging and page size. Filter,
 * sort and page size live in the URL (`?q=&sort=&limit=`) so reloads and "back" keep them.
 */
export function RecordsPage({ app, form }: { app: string; form: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { search } = useLocation();
  const filterState = useMemo(() => parseFilterState(search.get('q')), [search]);
  const sort = search.get('sort') || DEFAULT_SORT;
  const limit = PAGE_SIZES.includes(Number(search.get('limit'))) ? Number(search.get('limit')) : 20;
  const [flash, setFlashState] = useState<string | undefined>(() => takeFlash());
  const [deleting, setDeleting] = useState<number | undefined>();
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>();

  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();

  const meta = useAsync(() => appMeta(app), [app]);
  const rawDef = meta.data?.forms[form];
  const access = useMemo(() => formAccess(meta.data?.access, form), [meta.data, form]);
  // The form as the caller sees it: hidden fields are neither columns nor filters.
  const def = useMemo(() => (rawDef && access.read ? visibleForm(rawDef, access) : undefined), [rawDef, access]);
  const filter = useMemo(() => (def ? toFilter(def.fields, filterState) : {}), [def, filterState]);
  const filterKey = JSON.stringify(filter);
  const listBase = `/app/${encodeURIComponent(app)}/${encodeURIComponent(form)}`;

  // Cursor stack of the current query; any other query starts again from the first page.
  const queryKey = `${app}/${form}?${filterKey}&${sort}&${limit}`;
  const [paging, setPaging] = useState<{ key: string; stack: (string | null)[] }>({ key: queryKey, stack: [null] });
  const cursors = paging.key === queryKey ? paging.stack : [null];
  const cursor = cursors[cursors.length - 1];
  const setCursors = (f: (c: (string | null)[]) => (string | null)[]) => setPaging({ key: queryKey, stack: f(cursors) });
  const page = useAsync(
    () => (def ? listRecords(app, form, { filter, sort, limit, cursor }) : Promise.resolve(undefined)),
    [def, filterKey, sort, limit, cursor, app, form],
  );
  const rows = page.data?.items;
  const labels = useRelationLabels(app, def, rows);
  const columns = useMemo(() => (def ? columnsOf(def.fields, locale, t) : []), [def, locale, t]);

  const setQuery = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, v);
    }
    const qs = p.toString();
    navigate(`${listBase}${qs ? `?${qs}` : ''}`, { replace: true });
  };
  // Remember the list view so the record page can come back to it.
  useEffect(() => {
    sessionStorage.setItem(`kiln.list.${app}.${form}`, window.location.search);
  }, [search, app, form]);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await exportRecordsCsv(app, form, { filter, sort });
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const confirmDelete = async () => {
    if (deleting === undefined) return;
    setDeleteBusy(true);
    setDeleteError(undefined);
    try {
      await deleteRecord(app, form, deleting);
      setFlash(t('records.deleted', { id: deleting }));
      setFlashState(takeFlash());
      setDeleting(undefined);
      page.reload();
    } catch (e) {
      setDeleteError(e);
      setDeleting(undefined);
    } finally {
      setDeleteBusy(false);
    }
  };

  if (meta.error !== undefined) return <div className="page"><ErrorNotice error={meta.error} onRetry={meta.reload} /></div>;
  if (!meta.data) return <div className="spinner">{t('common.loading')}</div>;
  if (!rawDef) return <div className="page"><p className="muted">{t('notFound.title')}</p></div>;
  if (!def)
    return (
      <div className="page">
        <p className="notice notice-error" role="alert" data-testid="records-forbidden">{t('access.noRead')}</p>
        <a href={`/app/${encodeURIComponent(app)}`} onClick={linkClick}>‹ {t('common.back')}</a>
      </div>
    );

  const appName = (meta.data.name && localize(meta.data.name, locale)) || app;
  const title = localize(def.title, locale) || form;
  const pageNo = cursors.length;

  return (
    <div className="page page-wide">
      <Breadcrumbs items={[{ href: '/app', label: t('app.apps') }, { href: `/app/${encodeURIComponent(app)}`, label: appName }, { label: title }]} />
      <div className="page-head">
        <h1 className="page-title" data-testid="records-title">{title}</h1>
        <div className="page-actions">
          {access.export && (
            <button type="button" className="btn" data-testid="records-export" disabled={exporting} onClick={() => void exportCsv()}>
              {exporting ? t('access.exporting') : t('access.exportCsv')}
            </button>
          )}
          {access.create && (
            <a className="btn btn-primary" href={`${listBase}/new`} onClick={linkClick} data-testid="records-new">
              + {t('records.new')}
            </a>
          )}
        </div>
      </div>
      {flash && (
        <div className="notice notice-ok" role="status" data-testid="flash">
          {flash}
          <button type="button" className="close" aria-label="×" onClick={() => setFlashState(undefined)}>×</button>
        </div>
      )}
      {deleteError !== undefined && <ErrorNotice error={deleteError} />}
      {exportError !== undefined && <ErrorNotice error={exportError} />}
      <FilterBar key={JSON.stringify(filterState)} fields={def.fields} locale={locale} value={filterState} onApply={(s) => setQuery({ q: Object.keys(s).length ? JSON.stringify(s) : undefined })} />
      {page.error !== undefined && <ErrorNotice error={page.error} onRetry={page.reload} />}
      {rows && (
        <RecordsTable
          columns={columns}
          rows={rows}
          locale={locale}
          sort={sort}
          labels={labels}
          editHref={(id) => `${listBase}/${id}`}
          onSort={(s) => setQuery({ sort: s === DEFAULT_SORT ? undefined : s })}
          onDelete={(id) => setDeleting(id)}
          canEdit={access.update}
          canDelete={access.delete}
        />
      )}
      {rows && rows.length === 0 && <p className="muted empty" data-testid="records-empty">{t('records.empty')}</p>}
      {page.loading && !rows && <div className="spinner">{t('common.loading')}</div>}
      <div className="pager">
        <button type="button" className="btn" data-testid="page-prev" disabled={pageNo <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ‹ {t('records.prev')}
        </button>
        <span className="muted" data-testid="page-number">{t('records.page', { page: pageNo })}</span>
        <button
          type="button"
          className="btn"
          data-testid="page-next"
          disabled={!page.data?.nextCursor || page.loading}
          onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data!.nextCursor])}
        >
          {t('records.next')} ›
        </button>
        <label className="page-size">
          <span className="muted">{t('records.pageSize')}</span>
          <select className="input" data-testid="page-size" value={limit} onChange={(e) => setQuery({ limit: e.target.value === '20' ? undefined : e.target.value })}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      {deleting !== undefined && (
        <ConfirmDialog message={t('records.confirmDelete', { id: deleting })} confirmText={t('records.delete')} busy={deleteBusy} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(undefined)} />
      )}
    </div>
  );
}
