import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, Locale } from '@kiln/engine-forms';
import { columnsOf, formatCell, type Column } from '../lib/columns';
import { recordHistory, type HistoryActor, type HistoryItem, type RecordRow } from '../lib/records-api';
import { useRelationLabels, type RelationLabels } from '../lib/relation-labels';
import { formatTime } from '../lib/time-format';
import { useAsync } from '../lib/use-async';
import { ErrorNotice } from './error-notice';

type T = (k: string, o?: Record<string, unknown>) => string;

const ACTIONS: Record<string, string> = { 'record.create': 'history.create', 'record.update': 'history.update', 'record.delete': 'history.delete' };

/** Who made a change, as a person reads it. */
export function actorText(actor: HistoryActor | null | undefined, t: T): string {
  const name = actor?.name?.trim();
  switch (actor?.kind) {
    case 'token':
      // The server names a token's change "<owner> (<token name>)".
      return name ? t('history.tokenNamed', { name }) : t('history.token');
    case 'public':
      return t('history.public');
    case 'system':
      return t('history.system');
    default:
      return name || (actor?.id != null ? t('history.user', { id: actor.id }) : t('history.system'));
  }
}

/**
 * Stand-in rows carrying every relation value the changes mention, so one `$in` query per
 * relation field resolves their labels (as the records table does).
 */
function relationRows(items: readonly HistoryItem[] | undefined, def: FormDefinition): RecordRow[] {
  if (!items) return [];
  const relations = new Set(def.fields.filter((f) => f.type === 'relation').map((f) => f.key));
  const rows: RecordRow[] = [];
  for (const item of items)
    for (const c of item.changes ?? [])
      if (relations.has(c.field)) for (const v of [c.before, c.after]) if (v !== null && v !== undefined) rows.push({ id: 0, createdAt: '', updatedAt: '', [c.field]: v });
  return rows;
}

/**
 * A record's history (`record-history`): one entry per change, newest first
 * (`history-item-<id>`, `data-action` create|update|delete), with when (`history-when-<id>`),
 * who (`history-actor-<id>`), the action (`history-action-<id>`), the IP (`history-ip-<id>`)
 * and a table of the changed fields (`history-change-<id>-<field>`, cells
 * `history-before-<id>-<field>` / `history-after-<id>-<field>`) formatted like the records
 * table. Fields hidden from the caller are left out. Empty: `history-empty`.
 */
export function RecordHistory({ app, form, id, def, locale }: { app: string; form: string; id: string; def: FormDefinition; locale: Locale }) {
  const { t } = useTranslation();
  const history = useAsync(() => recordHistory(app, form, id), [app, form, id]);
  const columns = useMemo(() => new Map(columnsOf(def.fields, locale, t).map((c) => [c.key, c])), [def, locale, t]);
  const rows = useMemo(() => relationRows(history.data, def), [history.data, def]);
  const labels = useRelationLabels(app, rows.length ? def : undefined, rows);
  // Entries as the caller may see them: only fields of the (visible) form.
  const items = useMemo(
    () => history.data?.map((item) => ({ ...item, changes: (item.changes ?? []).filter((c) => columns.has(c.field)) })),
    [history.data, columns],
  );

  return (
    <section className="record-history" data-testid="record-history">
      {history.error !== undefined && <ErrorNotice error={history.error} onRetry={history.reload} />}
      {history.loading && !items && <div className="spinner">{t('common.loading')}</div>}
      {items && items.length === 0 && (
        <p className="muted empty" data-testid="history-empty">
          {t('history.empty')}
        </p>
      )}
      {items && items.length > 0 && (
        <ol className="history-list">
          {items.map((item) => (
            <HistoryEntry key={item.id} item={item} columns={columns} labels={labels} locale={locale} t={t} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryEntry({ item, columns, labels, locale, t }: { item: HistoryItem; columns: Map<string, Column>; labels: RelationLabels; locale: Locale; t: T }) {
  const action = ACTIONS[item.action];
  const kind = item.action.replace(/^record\./, '');
  const value = (v: unknown, c: Column) => {
    const text = formatCell(v, c, locale, t, labels.get(c.key));
    return text === '' ? <span className="muted">{t('history.emptyValue')}</span> : text;
  };
  return (
    <li className="card history-item" data-testid={`history-item-${item.id}`} data-action={kind}>
      <div className="history-head">
        <span className={`badge history-action history-${kind}`} data-testid={`history-action-${item.id}`}>
          {action ? t(action) : item.action}
        </span>
        <strong data-testid={`history-actor-${item.id}`}>{actorText(item.actor, t)}</strong>
        <time className="muted small" dateTime={item.at} data-testid={`history-when-${item.id}`}>
          {formatTime(item.at, locale)}
        </time>
        {item.ip && (
          <span className="muted small" data-testid={`history-ip-${item.id}`}>
            {t('history.ip')} {item.ip}
          </span>
        )}
      </div>
      {item.changes.length === 0 ? (
        <p className="muted small">{t('history.noChanges')}</p>
      ) : (
        <div className="table-wrap">
          <table className="records history-changes">
            <thead>
              <tr>
                <th>{t('history.field')}</th>
                <th>{t('history.before')}</th>
                <th>{t('history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {item.changes.map((c) => {
                const col = columns.get(c.field)!;
                return (
                  <tr key={c.field} data-testid={`history-change-${item.id}-${c.field}`}>
                    <td>{col.label}</td>
                    <td className={col.numeric ? 'num wrap' : 'wrap'} data-testid={`history-before-${item.id}-${c.field}`}>
                      {value(c.before, col)}
                    </td>
                    <td className={col.numeric ? 'num wrap' : 'wrap'} data-testid={`history-after-${item.id}-${c.field}`}>
                      {value(c.after, col)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
