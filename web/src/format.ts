// Amounts on the chain are integers of base units: HASH and DIEM both have 12 decimals. The app
// keeps them as bigint from the chain to the screen and back; no amount passes through a float.

export const DECIMALS = 12;
export const UNIT = 10n ** BigInt(DECIMALS);

/** A typed amount the user entered that is not a valid amount. */
export class AmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AmountError';
  }
}

/**
 * `amount` base units as a decimal string with `decimals` decimals, trailing zeros trimmed to at
 * most `maxFraction` fraction digits (rounded down: a balance is never shown larger than it is),
 * thousands separated by a thin comma.
 */
export function formatAmount(amount: bigint, maxFraction = 4, decimals = DECIMALS): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, '0').slice(0, Math.max(0, maxFraction));
  const trimmed = fraction.replace(/0+$/, '');
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${trimmed ? '.' + trimmed : ''}`;
}

/** Every digit of `amount`, for places where an exact figure matters (quotes, bounds). */
export function formatExact(amount: bigint, decimals = DECIMALS): string {
  return formatAmount(amount, decimals, decimals);
}

/**
 * Parses "1", "0.5", "1,000.25" into base units. Refuses (AmountError) negative numbers, more
 * than `decimals` fraction digits, exponents and anything that is not a plain decimal number.
 */
export function parseAmount(text: string, decimals = DECIMALS): bigint {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') throw new AmountError('enter an amount');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new AmountError(`"${text}" is not an amount (digits and one decimal point)`);
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new AmountError(`at most ${decimals} decimals (got ${fraction.length})`);
  }
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}

/** `numerator / denominator` as a decimal with `digits` fraction digits, rounded down. */
export function formatRatio(numerator: bigint, denominator: bigint, digits = 2): string {
  if (denominator === 0n) return '—';
  const scale = 10n ** BigInt(digits);
  return formatAmount((numerator * scale) / denominator, digits, digits);
}

/** A duration in milliseconds as "1 h 2 min", "3 min 5 s" or "12 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

/** A short form of an SS58 address: first 6 and last 6 characters. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}
