import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration, subtractDurations } from '../src/index.js';

describe('parseDuration', () => {
  it.each([
    ['PT2H', 7_200_000, 0],
    ['PT30M', 1_800_000, 0],
    ['P1DT4H', 100_800_000, 1],
    ['PT1.5H', 5_400_000, 0],
    ['P2W', 1_209_600_000, 14],
    ['PT0S', 0, 0],
    ['pt45s', 45_000, 0],
  ])('%s', (iso, ms, days) => {
    expect(parseDuration(iso)).toMatchObject({ ms, days });
  });
  it.each(['', 'P', 'PT', 'P1M', 'P1Y', '-PT1H', 'PT1H30', '2 hours', 'P1DT'])('refuses %j', (iso) => {
    expect(parseDuration(iso)).toBeNull();
  });
  it('refuses non-strings', () => expect(parseDuration(2 as unknown as string)).toBeNull());
});

describe('addDuration without a calendar (wall clock)', () => {
  it('adds days as 24 hours', () => expect(addDuration('2024-09-13T07:00:00Z', 'P1DT2H')).toBe('2024-09-14T09:00:00Z'));
  it('accepts an offset and answers in UTC', () => expect(addDuration('2024-09-13T15:00:00+08:00', 'PT90M')).toBe('2024-09-13T08:30:00Z'));
  it('throws on a bad duration or time', () => {
    expect(() => addDuration('2024-09-13T07:00:00Z', 'P1M')).toThrow(RangeError);
    expect(() => addDuration('yesterday', 'PT1H')).toThrow(RangeError);
  });
});

// Friday 13 September 2024, 15:00 in Shanghai. The Mid-Autumn holiday 2024 ran Sunday 15 to
// Tuesday 17 September, with Saturday 14 September a make-up working day (调休).
const FRIDAY_3PM = '2024-09-13T07:00:00Z';
const MID_AUTUMN = { holidays: ['2024-09-16', '2024-09-17'], extraWorkdays: ['2024-09-14'] };

describe('addDuration with a business calendar (Asia/Shanghai by default, 09–12 and 13–18)', () => {
  it('P1D is one working day of 8 hours: Friday 15:00 → Monday 15:00 over the weekend', () => {
    expect(addDuration(FRIDAY_3PM, 'P1D', {})).toBe('2024-09-16T07:00:00Z');
    expect(addDuration(FRIDAY_3PM, 'PT8H', {})).toBe('2024-09-16T07:00:00Z');
  });
  it('skips holidays: Friday 15:00 + 4 h → Wednesday 10:00 after the Monday–Tuesday holiday', () => {
    expect(addDuration(FRIDAY_3PM, 'PT4H', { holidays: MID_AUTUMN.holidays })).toBe('2024-09-18T02:00:00Z');
  });
  it('works on a make-up Saturday: Friday 15:00 + 4 h → Saturday 10:00', () => {
    expect(addDuration(FRIDAY_3PM, 'PT4H', MID_AUTUMN)).toBe('2024-09-14T02:00:00Z');
    expect(addDuration(FRIDAY_3PM, 'P2D', MID_AUTUMN)).toBe('2024-09-18T07:00:00Z');
  });
  it('a start outside working hours begins at the next period', () => {
    expect(addDuration('2024-09-14T02:00:00Z', 'PT1H', {})).toBe('2024-09-16T02:00:00Z'); // Saturday 10:00 → Monday 10:00
    expect(addDuration('2024-09-13T11:00:00Z', 'PT1H', {})).toBe('2024-09-16T02:00:00Z'); // Friday 19:00 → Monday 10:00
    expect(addDuration('2024-09-12T23:00:00Z', 'PT30M', {})).toBe('2024-09-13T01:30:00Z'); // Friday 07:00 → 09:30
  });
  it('skips the lunch break', () => expect(addDuration('2024-09-13T03:30:00Z', 'PT1H', {})).toBe('2024-09-13T05:30:00Z'));
  it('a sum ending exactly at the end of the day ends there', () => expect(addDuration('2024-09-16T01:00:00Z', 'P1D', {})).toBe('2024-09-16T10:00:00Z'));
  it('honours the time zone, workdays and hours of the calendar', () => {
    const cal = { timezone: 'Europe/Berlin', workdays: [1, 2, 3, 4, 5, 6], hours: [['08:00', '16:00']] as [string, string][] };
    // Friday 15:00 Berlin (CEST, UTC+2) + 3 h → 1 h Friday, 2 h Saturday from 08:00 → Saturday 10:00 = 08:00Z
    expect(addDuration('2024-09-13T13:00:00Z', 'PT3H', cal)).toBe('2024-09-14T08:00:00Z');
    // P1D = 8 working hours here
    expect(addDuration('2024-09-13T13:00:00Z', 'P1D', cal)).toBe('2024-09-14T13:00:00Z');
  });
  it('keeps local working hours across a DST change', () => {
    // Friday 25 Oct 2024 15:00 CEST + 4 h (hours 09–17, Mon–Fri) → Monday 28 Oct 11:00 CET = 10:00Z
    expect(addDuration('2024-10-25T13:00:00Z', 'PT4H', { timezone: 'Europe/Berlin', hours: [['09:00', '17:00']] })).toBe('2024-10-28T10:00:00Z');
  });
  it('throws for a calendar without working time or with an unknown time zone', () => {
    expect(() => addDuration(FRIDAY_3PM, 'PT1H', { workdays: [] })).toThrow(RangeError);
    expect(() => addDuration(FRIDAY_3PM, 'PT1H', { timezone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('subtractDurations', () => {
  it('wall clock', () => expect(subtractDurations('PT2H', 'PT30M')).toBe('PT5400S'));
  it('working days count as the calendar day length', () => expect(subtractDurations('P1D', 'PT2H', {})).toBe('PT21600S'));
  it('null when not positive or unparsable', () => {
    expect(subtractDurations('PT1H', 'PT2H')).toBeNull();
    expect(subtractDurations('PT1H', 'PT1H')).toBeNull();
    expect(subtractDurations('P1M', 'PT1H')).toBeNull();
  });
});
