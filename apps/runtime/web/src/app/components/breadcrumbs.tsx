import type { ReactNode } from 'react';
import { linkClick } from '../../shared/router';

/** A trail of links; the last crumb is plain text. */
export function Breadcrumbs({ items }: { items: { href?: string; label: ReactNode }[] }) {
  return (
    <nav className="crumbs" aria-label="breadcrumbs">
      {items.map((c, i) => (
        <span key={i}>
          {i > 0 && <span className="crumb-sep">/</span>}
          {c.href ? (
            <a href={c.href} onClick={linkClick}>
              {c.label}
            </a>
          ) : (
            <span>{c.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}
