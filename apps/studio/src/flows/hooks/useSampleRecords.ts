import { endpoints } from '../../api/endpoints';
import type { ApiRecord } from '../../api/types';
import { useAsync } from '../../hooks/useAsync';

/**
 * The latest records (up to 20) of the flow's form, as dry-run samples. Records exist only for
 * a published form; the error is kept so the panel can say why the list is empty.
 */
export function useSampleRecords(app: string, form: string): { items: ApiRecord[]; error: unknown; loading: boolean } {
  const { data, error, loading } = useAsync(() => (form ? endpoints.latestRecords(app, form, 20) : Promise.resolve({ items: [] as ApiRecord[] })), [app, form]);
  return { items: data?.items ?? [], error, loading };
}
