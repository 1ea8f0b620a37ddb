import { create } from 'zustand';

/** Where the studio is mounted (Vite `base`). */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

function currentPath(): string {
  const p = window.location.pathname;
  const rest = p.startsWith(BASE) ? p.slice(BASE.length) : p;
  return rest || '/';
}

interface LocationState {
  path: string;
  sync: () => void;
}

/** The in-app path (without the `/studio` base), kept in sync with the browser history. */
export const useLocationStore = create<LocationState>((set) => ({
  path: currentPath(),
  sync: () => set({ path: currentPath() }),
}));

window.addEventListener('popstate', () => useLocationStore.getState().sync());

/** Guards that may veto leaving the page (e.g. unsaved designer changes). */
const leaveGuards = new Set<() => boolean>();

/** Registers a guard; returns the function that removes it. */
export function addLeaveGuard(guard: () => boolean): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

/** Navigates inside the studio, e.g. `navigate('/apps/crm')`. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  for (const guard of leaveGuards) if (!guard()) return;
  const url = `${BASE}${path}`;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  useLocationStore.getState().sync();
}
