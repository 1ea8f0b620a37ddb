import { describe, expect, it } from 'vitest';
import { formatValue } from '../src/format-value';

describe('formatValue', () => {
  it('shows money in fen as yuan', () => {
    expect(formatValue(123450, 'money', 'zh-CN')).toBe('¥1,234.50');
    expect(formatValue(-5, 'money', 'en')).toBe('-¥0.05');
    expect(formatValue('99', 'money', 'en')).toBe('¥0.99');
    expect(formatValue(1999.6, 'money', 'en')).toBe('¥20.00');
  });
  it('shows fractions as percentages with one decimal', () => {
    expect(formatValue(0.1234, 'percent', 'en')).toBe('12.3%');
    expect(formatValue(1, 'percent', 'zh-CN')).toBe('100%');
  });
  it('groups integers and keeps two decimals for other numbers', () => {
    expect(formatValue('1234567', 'integer', 'en')).toBe('1,234,567');
    expect(formatValue(2.5, 'integer', 'en')).toBe('3');
    expect(formatValue(12.345, undefined, 'zh-CN')).toBe('12.35');
    expect(formatValue(1234.5, 'number', 'en')).toBe('1,234.5');
  });
  it('leaves empty and non-numeric values alone', () => {
    expect(formatValue(null, 'money', 'en')).toBe('');
    expect(formatValue(undefined, undefined, 'en')).toBe('');
    expect(formatValue('Spring', undefined, 'en')).toBe('Spring');
    expect(formatValue(true, undefined, 'zh-CN')).toBe('是');
  });
});
