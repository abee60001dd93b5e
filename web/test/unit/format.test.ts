import { describe, expect, it } from 'vitest';
import { AmountError, UNIT, formatAmount, formatDuration, formatExact, formatRatio, parseAmount } from '../../src/format';

describe('amounts in 12 decimals', () => {
  it('formats base units, rounding down and grouping thousands', () => {
    expect(formatAmount(0n)).toBe('0');
    expect(formatAmount(UNIT)).toBe('1');
    expect(formatAmount(1_234_567n * UNIT + 987_654_321_000n)).toBe('1,234,567.9876');
    expect(formatAmount(999_999_999_999n)).toBe('0.9999'); // never shown larger than it is
    expect(formatAmount(1n)).toBe('0');
    expect(formatAmount(-5n * UNIT / 2n)).toBe('-2.5');
    expect(formatExact(1n)).toBe('0.000000000001');
    expect(formatExact(90_000_123_000_000n)).toBe('90.000123');
  });

  it('parses what users type into exact base units', () => {
    expect(parseAmount('1')).toBe(UNIT);
    expect(parseAmount('0.5')).toBe(UNIT / 2n);
    expect(parseAmount(' 1,000.25 ')).toBe(1000n * UNIT + UNIT / 4n);
    expect(parseAmount('.000000000001')).toBe(1n);
    expect(parseAmount('340282366920938463463374607.431768211455')).toBe(2n ** 128n - 1n);
    expect(parseAmount(formatExact(123_456_789_012_345n))).toBe(123_456_789_012_345n);
  });

  it('refuses what is not an amount, by a typed error', () => {
    for (const bad of ['', '-1', '1e3', 'abc', '1.2.3', '.', '0x10', '1.0000000000001']) {
      expect(() => parseAmount(bad), bad).toThrow(AmountError);
    }
  });

  it('formats ratios and durations', () => {
    expect(formatRatio(1n, 3n, 2)).toBe('0.33');
    expect(formatRatio(1n, 0n)).toBe('—');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(61_000)).toBe('1 min 1 s');
    expect(formatDuration(3_600_000 * 25)).toBe('1 d 1 h');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
