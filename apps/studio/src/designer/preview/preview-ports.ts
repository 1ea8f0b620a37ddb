import type { KilnFormPorts, PickerOption } from '@kiln/form-react';
import { endpoints } from '../../api/endpoints';

function labelOf(rec: Record<string, unknown>): string {
  for (const v of Object.values(rec)) if (typeof v === 'string' && v && !/^\d{4}-\d\d-\d\dT/.test(v)) return v;
  return `#${String(rec.id)}`;
}

/** Picker ports of the preview: the app's real (published) records, filtered by the query text. */
export function previewPorts(app: string): KilnFormPorts {
  return {
    async searchRecords(target: string, query: string): Promise<PickerOption[]> {
      const { items } = await endpoints.searchRecords(app, target, '');
      const q = query.trim().toLowerCase();
      return items
        .map((r) => ({ id: Number(r.id), label: labelOf(r) }))
        .filter((o) => !q || o.label.toLowerCase().includes(q));
    },
  };
}
