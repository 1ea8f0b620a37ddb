import { endpoints } from '../api/endpoints';
import { useSession } from '../api/session';
import type { Me } from '../api/types';
import { useAsync } from './useAsync';

const selectToken = (s: { token: string | null }) => s.token;

/** The signed-in user (`GET /api/me`), reloaded when the token changes. */
export function useMe(): Me | undefined {
  const token = useSession(selectToken);
  const { data } = useAsync(() => (token ? endpoints.me() : Promise.resolve(undefined)), [token]);
  return data;
}
