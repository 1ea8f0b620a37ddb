import { create } from 'zustand';

const TOKEN_KEY = 'kiln.token';

interface SessionState {
  token: string | null;
  setToken: (token: string | null) => void;
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * The bearer token, shared with the operator UI through localStorage `kiln.token`
 * (same origin), so logging in once works for both.
 */
export const useSession = create<SessionState>((set) => ({
  token: readToken(),
  setToken: (token) => {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
    set({ token });
  },
}));
