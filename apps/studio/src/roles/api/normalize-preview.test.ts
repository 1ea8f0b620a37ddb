import { describe, expect, it } from 'vitest';
import { normalizePreview } from './normalize-preview';

describe('normalizePreview', () => {
  const access = { roles: ['auditor'], forms: { orders: { read: true, create: false, update: false, delete: false, export: true, hidden: ['total'], readOnly: [] } }, flows: {}, reports: '*' as const };

  it('reads the nested answer { user, access, self }', () => {
    expect(normalizePreview({ user: { id: 3 }, access: { ...access, unrestricted: false }, self: 12 })).toEqual({ ...access, self: 12 });
  });

  it('reads a flat answer and fills what is missing', () => {
    expect(normalizePreview({ ...access, portal: 'promoter' })).toEqual({ ...access, portal: 'promoter', self: null });
    expect(normalizePreview(null)).toEqual({ roles: [], forms: {}, flows: {}, reports: [], self: null });
  });
});
