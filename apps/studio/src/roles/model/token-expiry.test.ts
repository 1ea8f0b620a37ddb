import { describe, expect, it } from 'vitest';
import { normalizeToken } from '../api/normalize-token';
import { expiryInstant, todayLocal, tokenState } from './token-expiry';

describe('token expiry', () => {
  it('sends the end of the picked local day', () => {
    const iso = expiryInstant('2030-06-15')!;
    const d = new Date(iso);
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2030, 6, 15, 23, 59]);
    expect(expiryInstant('')).toBeUndefined();
    expect(expiryInstant('15/06/2030')).toBeUndefined();
  });

  it('formats today locally', () => {
    expect(todayLocal(new Date(2030, 0, 5, 12))).toBe('2030-01-05');
  });

  it('tells revoked, expired and active tokens apart', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(tokenState({ revokedAt: '2029-01-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(tokenState({ revokedAt: null, expiresAt: '2029-12-31T00:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: null, expiresAt: '2030-12-31T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });

  it('reads token rows in either casing', () => {
    expect(normalizeToken({ id: '3', name: 'ERP', role_key: 'auditor', prefix: 'kt_ab', created_at: '2030-01-01T00:00:00Z', revoked: true })).toEqual({
      id: 3,
      name: 'ERP',
      role: 'auditor',
      prefix: 'kt_ab',
      createdAt: '2030-01-01T00:00:00Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: 'yes',
    });
  });
});
