import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditItem } from '../model/types';
import { AuditRow } from './audit-row';

/** The entries, newest first (`audit-table`, `data-count`); each row expands to its changes. */
export function AuditTable({ items }: { items: AuditItem[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <table className="table audit-table" data-testid="audit-table" data-count={items.length}>
      <thead>
        <tr>
          <th>{t('audit.at')}</th>
          <th>{t('audit.actor')}</th>
          <th>{t('audit.action')}</th>
          <th>{t('audit.subject')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <AuditRow key={item.id} item={item} open={open.has(item.id)} onToggle={() => toggle(item.id)} />
        ))}
      </tbody>
    </table>
  );
}
