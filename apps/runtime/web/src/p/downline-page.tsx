import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from './format';
import { getDownline, type Downline, type DownlineNode } from './portal-api';
import { Failed, Loading } from './states';
import { useLoad } from './use-load';

/** Children by parent id (level 1 hangs under the root). */
function childrenOf(d: Downline): Map<number, DownlineNode[]> {
  const byParent = new Map<number, DownlineNode[]>();
  for (const n of d.nodes) {
    const parent = n.level === 1 ? d.root.id : (n.referrer ?? d.root.id);
    const list = byParent.get(parent) ?? [];
    list.push(n);
    byParent.set(parent, list);
  }
  return byParent;
}

/** The team three levels deep: counts per level, then a tree whose branches open and close. */
export function DownlinePage({ app }: { app: string }) {
  const { t } = useTranslation();
  const [load, reload] = useLoad((signal) => getDownline(app, signal), [app]);
  // null = the default: level-1 branches open (level 2 visible), deeper ones closed.
  const [open, setOpen] = useState<Set<number> | null>(null);
  const data = load.kind === 'ready' ? load.data : undefined;
  const tree = useMemo(() => (data ? childrenOf(data) : new Map<number, DownlineNode[]>()), [data]);

  if (load.kind === 'loading') return <Loading />;
  if (load.kind === 'error') return <Failed error={load.error} onRetry={reload} />;
  const d = load.data;
  const total = d.levels.reduce((s, l) => s + l.count, 0);
  const isOpen = (n: DownlineNode) => (open ? open.has(n.id) : n.level === 1);
  const toggle = (n: DownlineNode) => {
    const next = new Set(open ?? d.nodes.filter((x) => x.level === 1).map((x) => x.id));
    if (next.has(n.id)) next.delete(n.id);
    else next.add(n.id);
    setOpen(next);
  };

  const renderNodes = (parent: number) => {
    const kids = tree.get(parent) ?? [];
    if (!kids.length) return null;
    return (
      <ul className="p-tree" role={parent === d.root.id ? 'tree' : 'group'}>
        {kids.map((n) => {
          const below = tree.get(n.id)?.length ?? 0;
          const expanded = below > 0 && isOpen(n);
          return (
            <li key={n.id} role="treeitem" aria-expanded={below > 0 ? expanded : undefined} data-testid={`p-node-${n.id}`} data-level={n.level} data-name={n.name}>
              <div className="p-node">
                {below > 0 ? (
                  <button
                    type="button"
                    className={`p-node-toggle${expanded ? ' is-open' : ''}`}
                    data-testid={`p-node-toggle-${n.id}`}
                    aria-label={expanded ? t('p.downline.collapse') : t('p.downline.expand')}
                    onClick={() => toggle(n)}
                  >
                    ▸
                  </button>
                ) : (
                  <span className="p-node-toggle is-leaf" aria-hidden="true" />
                )}
                <span className={`p-level-tag l${Math.min(n.level, 3)}`}>{t('p.downline.levelTag', { level: n.level })}</span>
                <span className="p-node-name">{n.name ?? `#${n.id}`}</span>
                <span className="p-node-meta muted">
                  {n.joinedAt ? t('p.downline.joined', { date: formatDate(n.joinedAt) }) : ''}
                  {below > 0 ? ` · ${t('p.downline.members', { count: below })}` : ''}
                </span>
              </div>
              {expanded && renderNodes(n.id)}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div className="p-stack" data-testid="p-downline">
      <section className="card p-card">
        <h1 className="p-card-title">{t('p.downline.title')}</h1>
        <div className="p-counts">
          {d.levels.map((l) => (
            <div key={l.level} className="p-count" data-testid={`p-downline-level-${l.level}`} data-count={l.count}>
              <strong>{l.count}</strong>
              <span>{t('p.home.level', { level: l.level })}</span>
            </div>
          ))}
          <div className="p-count is-total" data-testid="p-downline-total" data-count={total}>
            <strong>{total}</strong>
            <span>{t('p.home.total')}</span>
          </div>
        </div>
      </section>
      <section className="card p-card">
        {d.nodes.length === 0 ? (
          <p className="muted p-empty" data-testid="p-downline-empty">
            {t('p.downline.empty')}
          </p>
        ) : (
          <>
            <div className="p-tree-tools">
              <button type="button" className="btn btn-small" data-testid="p-downline-expand-all" onClick={() => setOpen(new Set(d.nodes.map((n) => n.id)))}>
                {t('p.downline.expandAll')}
              </button>
              <button type="button" className="btn btn-small" data-testid="p-downline-collapse-all" onClick={() => setOpen(new Set())}>
                {t('p.downline.collapseAll')}
              </button>
            </div>
            <div className="p-tree-root">
              <div className="p-node is-root">
                <span className="p-node-name">{d.root.name ?? `#${d.root.id}`}</span>
              </div>
              {renderNodes(d.root.id)}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
