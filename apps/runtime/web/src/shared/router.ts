import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * A tiny history router: the current location as a React value, `navigate()` to move, and a
 * click handler for links. Enough for the operator pages; no nested routes, no loaders.
 */
const listeners = new Set<() => void>();
const NAV_EVENT = 'kiln:navigate';

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  window.addEventListener(NAV_EVENT, fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
    window.removeEventListener(NAV_EVENT, fn);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path plus query string; re-renders on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** Goes to `to` (same origin), pushing a history entry unless `replace`. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAV_EVENT));
}

/** An `onClick` for `<a href>`: plain left clicks navigate in-page, others open as usual. */
export function linkClick(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = e.currentTarget.getAttribute('href');
  if (!href || e.currentTarget.target) return;
  e.preventDefault();
  navigate(href);
}
