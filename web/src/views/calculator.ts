import { holdVsRent, type CalculatorResult } from '../calculator';
import { lineChart } from '../chart';
import type { Context } from '../context';
import { figures, h, mount } from '../dom';
import { AmountError, UNIT, formatAmount, formatExact, formatRatio, parseAmount } from '../format';
import { fieldInput, showError } from './actions';

const usd = (amount: bigint) => `$${formatAmount(amount, 2)}`;
const toNumber = (amount: bigint) => Number(amount) / Number(UNIT);

export function renderCalculatorResult(result: CalculatorResult, horizonDays: number): HTMLElement {
  const mint = result.paths.find((p) => p.kind === 'mint');
  const buy = result.paths.find((p) => p.kind === 'buy');
  const best = result.best;
  const lines = [
    { label: 'rent', className: 'rent', points: result.series.map((point) => [point.day, toNumber(point.rent)] as [number, number]) },
    ...result.paths.map((path) => ({
      label: path.kind === 'mint' ? 'hold (mint)' : 'hold (buy on the DEX)',
      className: path.kind,
      points: result.series.map((point) => [point.day, toNumber(point.hold[path.kind] ?? 0n)] as [number, number]),
    })),
  ];
  return h('div', {},
    figures([
      ['DIEM needed (1 DIEM staked = 1 credit a day)', `${formatExact(result.diemNeeded)} DIEM`, 'calc-diem'],
      ['staking yield', `${formatRatio(result.yieldPerYear, 10_000_000n, 2)} % a year`, 'calc-yield'],
      ['mint: HASH locked', mint ? `${formatExact(mint.hash)} HASH (${usd(mint.upfront)})` : 'the curve cannot mint that much', 'calc-mint-hash'],
      ['mint: yield given up per day', mint ? `${formatExact(mint.hashPerDay)} HASH (${usd(mint.perDay)})` : '—', 'calc-mint-yield'],
      ['buy: HASH spent on the DEX', buy ? `${formatExact(buy.hash)} HASH (${usd(buy.upfront)})` : 'no pool liquidity', 'calc-buy-hash'],
      ['mint: break-even day', mint ? (mint.breakEvenDay === null ? 'never' : `day ${mint.breakEvenDay}`) : '—', 'calc-mint-break-even'],
      ['buy: break-even day', buy ? (buy.breakEvenDay === null ? 'never' : `day ${buy.breakEvenDay}`) : '—', 'calc-buy-break-even'],
      ['holding pays for itself', best && best.breakEvenDay !== null ? `on day ${best.breakEvenDay} (${best.kind === 'mint' ? 'minting' : 'buying'})${best.breakEvenDay > horizonDays ? ', after the horizon' : ''}` : 'not within any horizon', 'break-even', best && best.breakEvenDay !== null ? BigInt(best.breakEvenDay) : null],
    ]),
    lineChart(lines, {
      xLabel: 'day',
      yLabel: 'cumulative cost ($)',
      ...(best && best.breakEvenDay !== null && best.breakEvenDay <= horizonDays ? { marker: { x: best.breakEvenDay, label: `break-even day ${best.breakEvenDay}` } } : {}),
      testId: 'calc-chart',
    }),
  );
}

export function renderCalculator(ctx: Context): void {
  const output = h('div', { 'data-testid': 'calc-output' });
  const fields = [
    { name: 'spend', label: 'daily inference spend ($)', value: '10' },
    { name: 'horizon', label: 'horizon (days)', value: '365' },
    { name: 'price', label: 'HASH price ($)', value: '0.5' },
  ];
  const form = h('form', { class: 'action', 'data-testid': 'calc-form' }, ...fields.map((field) => fieldInput('calc', field)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const values: Record<string, string> = {};
      for (const element of Array.from(form.elements)) if (element instanceof HTMLInputElement) values[element.name] = element.value;
      try {
        const dailySpend = parseAmount(values.spend ?? '');
        if (dailySpend === 0n) throw new AmountError('the daily spend must be more than zero');
        const horizonDays = Number.parseInt(values.horizon ?? '', 10);
        if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 3650) throw new AmountError('horizon: 1 to 3650 days');
        const hashPrice = parseAmount(values.price ?? '');
        const overview = ctx.overview;
        if (!overview) throw new Error('not connected');
        const quote = await ctx.api.call.diemMarketApi.buyOrMint(dailySpend);
        const result = holdVsRent(
          { dailySpend, horizonDays, hashPrice },
          {
            mintCost: quote.mintCost.isOk ? quote.mintCost.asOk.toBigInt() : null,
            buyCost: quote.buyCost.isSome ? quote.buyCost.unwrap().toBigInt() : null,
            emissionPerBlock: overview.emissionPerBlock,
            blockTimeMs: overview.blockTimeMs,
            totalStaked: overview.hashStaked,
            lockedYieldShare: overview.lockedYieldShare,
          },
        );
        output.replaceChildren(renderCalculatorResult(result, horizonDays));
      } catch (error) {
        showError(output, 'calc-error', error);
      }
    })();
  });
  form.append(h('div', { class: 'buttons' }, h('button', { type: 'submit', 'data-testid': 'calc-submit' }, 'Calculate')));
  mount(
    'calculator',
    h('h2', {}, 'Hold vs rent'),
    h('p', {}, 'Renting inference costs the same every day. Holding DIEM costs up front — the HASH you lock to mint it (yours again when you burn) or spend to buy it — plus, for a mint, the share of the staking yield locked stake gives up. Figures are live quotes; the HASH price is yours to type.'),
    form,
    output,
  );
}
