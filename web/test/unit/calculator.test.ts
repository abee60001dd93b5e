import { describe, expect, it } from 'vitest';
import { breakEvenDay, dollars, holdVsRent } from '../../src/calculator';
import { UNIT } from '../../src/format';

// Hand-worked: $10 a day of inference needs 10 DIEM; minting them locks 900 HASH, buying them
// spends 950 HASH; HASH is $0.50. Staking emits 1 HASH per 6-second block (14,400 a day) over
// 105,120,000 HASH staked: 14,400 · 365 / 105,120,000 = 5 % a year. Locked stake keeps 80 %, so
// the mint gives up 900 · 0.2 · 14,400 / 105,120,000 = 0.024657534246… HASH a day, $0.012328…
// Mint: $450 up front; renting saves $10 − $0.012328… a day: 450 / 9.98767… = 45.06 → day 46.
// Buy: $475 up front, nothing a day: 475 / 10 = 47.5 → day 48.
const chain = {
  mintCost: 900n * UNIT,
  buyCost: 950n * UNIT,
  emissionPerBlock: UNIT,
  blockTimeMs: 6000n,
  totalStaked: 105_120_000n * UNIT,
  lockedYieldShare: 800_000_000n,
};
const inputs = { dailySpend: 10n * UNIT, horizonDays: 365, hashPrice: UNIT / 2n };

describe('hold vs rent', () => {
  it('computes the hand-worked figures', () => {
    const result = holdVsRent(inputs, chain);
    expect(result.diemNeeded).toBe(10n * UNIT);
    expect(result.yieldPerYear).toBe(50_000_000n); // 5 % in parts per billion
    const [mint, buy] = result.paths;
    expect(mint).toMatchObject({ kind: 'mint', hash: 900n * UNIT, upfront: 450n * UNIT, hashPerDay: 24_657_534_246n, perDay: 12_328_767_123n, breakEvenDay: 46 });
    expect(buy).toMatchObject({ kind: 'buy', hash: 950n * UNIT, upfront: 475n * UNIT, perDay: 0n, breakEvenDay: 48 });
    expect(result.best?.kind).toBe('mint');
    expect(result.series).toHaveLength(366);
    expect(result.series[46]!.rent).toBe(460n * UNIT);
    expect(result.series[46]!.hold.mint).toBe(450n * UNIT + 46n * 12_328_767_123n);
    // On day 45 renting is still cheaper than minting, on day 46 it is not.
    expect(result.series[45]!.rent < result.series[45]!.hold.mint!).toBe(true);
    expect(result.series[46]!.rent >= result.series[46]!.hold.mint!).toBe(true);
  });

  it('has no break-even when the forgone yield costs more than renting', () => {
    expect(breakEvenDay(10n, 100n, 10n)).toBeNull();
    expect(breakEvenDay(10n, 0n, 20n)).toBe(0);
    expect(breakEvenDay(10n, 100n, 0n)).toBe(10);
    expect(breakEvenDay(10n, 101n, 0n)).toBe(11);
  });

  it('leaves out a path the chain cannot quote', () => {
    const result = holdVsRent(inputs, { ...chain, buyCost: null, mintCost: null });
    expect(result.paths).toHaveLength(0);
    expect(result.best).toBeNull();
  });

  it('values HASH in dollars exactly', () => {
    expect(dollars(3n * UNIT, UNIT / 4n)).toBe((3n * UNIT) / 4n);
  });
});
