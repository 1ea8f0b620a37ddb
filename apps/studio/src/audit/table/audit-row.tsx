import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import type { AuditItem } from '../model/types';
import { DiffTable } from './diff-table';

interface Props {
  item: AuditItem;
  open: boolean;
  onToggle: () => void;
}

/** What an entry was about: app / form / record, or app / target (`user:2`, `forms/orders`). */
function subject(item: AuditItem): string {
  const last = item.record ? `#${item.record}` : item.form ? null : item.target;
  return [item.app, item.form, last].filter(Boolean).join(' / ');
}

/**
 * One entry (`audit-row-<id>`, `data-action`): time, actor (and IP), action, what it was about;
 * a click expands its before / after table.
 */
export function AuditRow({ item, open, onToggle }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actionKey = `audit.actions.${item.action.replace('.', '_')}`;
  return (
    <Fragment>
      <tr className={open ? 'audit-row is-open' : 'audit-row'} onClick={onToggle} data-testid={`audit-row-${item.id}`} data-action={item.action} data-expanded={open}>
        <td className="muted audit-at">{item.at ? new Date(item.at).toLocaleString(locale) : ''}</td>
        <td>
          {item.actor.name ?? (item.actor.id !== null ? `#${item.actor.id}` : <span className="muted">{t(`audit.actorKinds.${item.actor.kind}`, { defaultValue: item.actor.kind })}</span>)}
          {item.actor.kind === 'token' && <span className="badge">{t('audit.actorKinds.token')}</span>}
          {item.ip && <div className="muted small">{item.ip}</div>}
        </td>
        <td>
          <span className={`badge audit-action audit-action-${item.action.split('.')[0]}`}>{t(actionKey, { defaultValue: item.action })}</span>
          <code className="muted-code small"> {item.action}</code>
        </td>
        <td>
          <code>{subject(item)}</code>
        </td>
        <td className="row-actions">
          <button
            type="button" className="btn btn-sm" aria-expanded={open} data-testid={`audit-expand-${item.id}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          >
            {open ? t('audit.collapse') : t('audit.details')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="audit-details">
          <td colSpan={5}>
            <DiffTable item={item} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
