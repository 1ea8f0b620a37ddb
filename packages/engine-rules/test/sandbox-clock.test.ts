import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/sandbox/index.js';
import { NOW, expr, returns } from './escape/programs.js';

const sandbox = createSandbox();
afterAll(() => sandbox.dispose());
const NOW_MS = Date.parse(NOW);

async function value(expression: string, now = NOW, timeZone?: string): Promise<unknown> {
  const r = await sandbox.run(returns(expression), expr(), {}, { now, ...(timeZone ? { timeZone } : {}) });
  if (!r.ok) throw new Error(`${expression}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('the run clock', () => {
  it('now(), Date.now() and new Date() return the run now, not the host clock', async () => {
    expect(Math.abs(Date.now() - NOW_MS)).toBeGreaterThan(1e11);
    expect(await value('[now(), Date.now(), new Date().toISOString(), new Date().getTime()]')).toEqual([NOW, NOW_MS, NOW, NOW_MS]);
  });

  it('each evaluation sees its own now', async () => {
    expect(await value('Date.now()', '2030-01-01T00:00:00Z')).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(await value('Date.now()')).toBe(NOW_MS);
  });

  it('Date without `new` describes the run now; explicit dates still work', async () => {
    expect(await value('Date() === new Date().toString()')).toBe(true);
    expect(await value("new Date('2024-05-01T00:00:00Z').getTime()")).toBe(Date.parse('2024-05-01T00:00:00Z'));
    expect(await value('new Date(2020, 0, 1) instanceof Date && Date.UTC(2020, 0, 1) === Date.parse("2020-01-01T00:00:00Z")')).toBe(true);
    expect(await value('Object.getPrototypeOf(new Date()) === Date.prototype && new Date().constructor === Date')).toBe(true);
  });

  it('a Date in the result crosses as a Date', async () => {
    const v = await value('({ at: new Date() })');
    expect(v).toEqual({ at: new Date(NOW_MS) });
  });

  it('today() uses the run time zone (default Asia/Shanghai)', async () => {
    const late = '2024-04-30T20:00:00Z'; // 04:00 on 1 May in Shanghai
    expect(await value('today()', late)).toBe('2024-05-01');
    expect(await value('today()', late, 'UTC')).toBe('2024-04-30');
  });

  it('rejects an invalid clock or zone as data', async () => {
    const bad = await sandbox.run(returns('1'), expr(), {}, { now: 'yesterday' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME' } });
    const zone = await sandbox.run(returns('1'), expr(), {}, { now: NOW, timeZone: 'Mars/Olympus' });
    expect(zone).toMatchObject({ ok: false, error: { code: 'RULE_RUNTIME', message: expect.stringContaining('Mars/Olympus') } });
  });
});
