import type { ReactNode } from 'react';
import { linkClick } from '../../shared/router';

/** One tab: its key, label, and an optional count / extra badge after the label. */
export interface TabItem {
  key: string;
  label: string;
  count?: number;
  extra?: ReactNode;
}

/**
 * Tabs as links (the tab lives in the URL, so reload and "back" keep it): `<prefix>-<key>`
 * (`aria-selected`, `data-active`), counts as `<prefix>-<key>-count`.
 */
export function Tabs({ items, active, href, testIdPrefix, label }: { items: TabItem[]; active: string; href(key: string): string; testIdPrefix: string; label: string }) {
  return (
    <nav className="tabs" role="tablist" aria-label={label}>
      {items.map((tab) => (
        <a
          key={tab.key}
          role="tab"
          href={href(tab.key)}
          onClick={linkClick}
          aria-selected={tab.key === active}
          className={tab.key === active ? 'tab active' : 'tab'}
          data-testid={`${testIdPrefix}-${tab.key}`}
          data-active={String(tab.key === active)}
        >
          {tab.label}
          {tab.count !== undefined && (
            <span className="tab-count" data-testid={`${testIdPrefix}-${tab.key}-count`}>
              {tab.count}
            </span>
          )}
          {tab.extra}
        </a>
      ))}
    </nav>
  );
}
