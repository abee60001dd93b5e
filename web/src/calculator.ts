// Hold vs rent: what covering a daily inference spend costs a holder of DIEM against a renter
// who pays per call. Pure arithmetic on bigints (amounts in 12-decimal base units, dollars too),
// so the page and its unit tests compute the same figures from the same inputs.
//
// One DIEM staked for credits gives one credit ("$1 of inference") per day, so a daily spend of
// `s` dollars needs `s` DIEM. The holder gets them one of two ways:
//   - mint: lock `mintCost` HASH of its stake. The HASH stays its own (a burn unlocks it), but it
//     is paid for up front, and locked stake earns only `lockedYieldShare` of the staking yield:
//     the rest, `mintCost · (1 − share) · yield / 365`, is given up every day;
//   - buy: spend `buyCost` HASH on the DEX, once.
// A renter pays `s` dollars every day. The break-even day is the first whole day on which the
// renter's total reaches the holder's.

import { UNIT } from './format';

export const PERBILL = 1_000_000_000n;
export const MS_PER_DAY = 86_400_000n;

export interface CalculatorInputs {
  /** Daily inference spend in dollars (12-decimal fixed point): also the DIEM needed. */
  dailySpend: bigint;
  /** Horizon in whole days. */
  horizonDays: number;
  /** The price of one HASH in dollars (12-decimal fixed point), typed in by the user. */
  hashPrice: bigint;
}

/** What the chain says now (live quotes and staking figures). */
export interface ChainFigures {
  /** HASH stake a mint of the needed DIEM locks (`DiemApi.mint_quote`); null if refused. */
  mintCost: bigint | null;
  /** HASH a swap for exactly the needed DIEM spends (`buy_or_mint`); null without a pool. */
  buyCost: bigint | null;
  /** HASH emitted to stakers per block. */
  emissionPerBlock: bigint;
  /** Block time in milliseconds. */
  blockTimeMs: bigint;
  /** All HASH staked (unlocked plus locked), which shares the emission. */
  totalStaked: bigint;
  /** Share of the yield locked stake keeps, in parts per billion. */
  lockedYieldShare: bigint;
}

export interface HoldPath {
  kind: 'mint' | 'buy';
  /** HASH locked (mint) or spent (buy). */
  hash: bigint;
  /** Dollars paid before the first day. */
  upfront: bigint;
  /** Dollars given up per day (the mint's forgone yield; zero for a purchase). */
  perDay: bigint;
  /** HASH given up per day (mint only). */
  hashPerDay: bigint;
  /** First whole day on which renting has cost at least as much; null if never. */
  breakEvenDay: number | null;
}

export interface CalculatorResult {
  diemNeeded: bigint;
  /** Full staking yield per year, in parts per billion of the stake. */
  yieldPerYear: bigint;
  paths: HoldPath[];
  /** The path with the earliest break-even (then the smallest up-front cost). */
  best: HoldPath | null;
  /** Cumulative dollars per day 0..horizon: renting and each path. */
  series: { day: number; rent: bigint; hold: Record<string, bigint> }[];
}

/** The HASH `amount` is worth in dollars at `price` (both 12-decimal fixed point). */
export function dollars(hash: bigint, price: bigint): bigint {
  return (hash * price) / UNIT;
}

/** First whole day d >= 0 with `rent · d >= upfront + perDay · d`; null if it never comes. */
export function breakEvenDay(rentPerDay: bigint, upfront: bigint, perDay: bigint): number | null {
  if (upfront <= 0n) return 0;
  const saving = rentPerDay - perDay;
  if (saving <= 0n) return null;
  return Number((upfront + saving - 1n) / saving);
}

export function holdVsRent(inputs: CalculatorInputs, chain: ChainFigures): CalculatorResult {
  const diemNeeded = inputs.dailySpend;
  const blocksPerDay = chain.blockTimeMs > 0n ? MS_PER_DAY / chain.blockTimeMs : 0n;
  const emissionPerDay = chain.emissionPerBlock * blocksPerDay;
  const yieldPerYear =
    chain.totalStaked > 0n ? (emissionPerDay * 365n * PERBILL) / chain.totalStaked : 0n;
  const paths: HoldPath[] = [];
  if (chain.mintCost !== null) {
    const hashPerDay =
      chain.totalStaked > 0n
        ? (chain.mintCost * emissionPerDay * (PERBILL - chain.lockedYieldShare)) /
          (PERBILL * chain.totalStaked)
        : 0n;
    const upfront = dollars(chain.mintCost, inputs.hashPrice);
    const perDay = dollars(hashPerDay, inputs.hashPrice);
    paths.push({
      kind: 'mint',
      hash: chain.mintCost,
      upfront,
      perDay,
      hashPerDay,
      breakEvenDay: breakEvenDay(inputs.dailySpend, upfront, perDay),
    });
  }
  if (chain.buyCost !== null) {
    const upfront = dollars(chain.buyCost, inputs.hashPrice);
    paths.push({
      kind: 'buy',
      hash: chain.buyCost,
      upfront,
      perDay: 0n,
      hashPerDay: 0n,
      breakEvenDay: breakEvenDay(inputs.dailySpend, upfront, 0n),
    });
  }
  const rank = (p: HoldPath) => (p.breakEvenDay === null ? Number.POSITIVE_INFINITY : p.breakEvenDay);
  const best =
    [...paths].sort((a, b) => rank(a) - rank(b) || (a.upfront < b.upfront ? -1 : a.upfront > b.upfront ? 1 : 0))[0] ??
    null;
  const series = [];
  for (let day = 0; day <= inputs.horizonDays; day++) {
    const d = BigInt(day);
    const hold: Record<string, bigint> = {};
    for (const p of paths) hold[p.kind] = p.upfront + p.perDay * d;
    series.push({ day, rent: inputs.dailySpend * d, hold });
  }
  return { diemNeeded, yieldPerYear, paths, best, series };
}
