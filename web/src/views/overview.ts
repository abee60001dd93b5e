import { curvePoints, lineChart } from '../chart';
import type { Overview } from '../chain';
import { yieldPerYear } from '../context';
import { figures, h, mount, table } from '../dom';
import { UNIT, formatAmount, formatDuration, formatExact, formatRatio, shortAddress } from '../format';

const toNumber = (amount: bigint) => Number(amount) / Number(UNIT);

export function renderOverview(overview: Overview, now = Date.now()): void {
  const epoch = overview.epoch;
  const curve = overview.curve;
  const chart = lineChart(
    [
      {
        label: 'marginal rate (HASH per DIEM)',
        className: 'rate',
        points: curvePoints(toNumber(curve.baseRate), curve.steepnessPpm / 1e6, toNumber(curve.target), toNumber(curve.maxSupply) * 0.95),
      },
    ],
    {
      xLabel: 'DIEM supply',
      yLabel: 'HASH per DIEM (log)',
      logY: true,
      marker: { x: toNumber(overview.supply), label: `supply ${formatAmount(overview.supply, 2)}` },
      testId: 'curve-chart',
    },
  );
  const poolRows: [string, string, string, (bigint | null)?][] = overview.pool
    ? [
        ['DEX price of 1 DIEM (HASH, fee included)', overview.poolPrice === null ? 'no liquidity' : formatAmount(overview.poolPrice, 4), 'pool-price', overview.poolPrice],
        ['HASH/DIEM pool reserves', `${formatAmount(overview.pool.hash, 2)} HASH / ${formatAmount(overview.pool.diem, 2)} DIEM`, 'pool-reserves'],
      ]
    : [['DEX', 'no HASH/DIEM pool', 'pool-price']];
  mount(
    'overview',
    h('h2', {}, 'Overview'),
    h(
      'div',
      { class: 'columns' },
      figures([
        ['chain', overview.chain, 'chain-name'],
        ['head block', `#${overview.head}`, 'head'],
        ['finalized block', `#${overview.finalized}`, 'finalized'],
        ['epoch', epoch ? `${epoch.index}` : 'not started', 'epoch'],
        ['next epoch in', epoch ? formatDuration(epoch.nextStart - now) : '—', 'epoch-next'],
        ['HASH staked', `${formatAmount(overview.hashStaked, 2)} HASH (${formatAmount(overview.hashLocked, 2)} locked behind DIEM)`, 'hash-staked'],
        ['staking yield', `${formatRatio(yieldPerYear(overview), 10_000_000n, 2)} % a year (locked stake keeps ${formatRatio(overview.lockedYieldShare, 10_000_000n, 0)} %)`, 'staking-yield'],
      ]),
      figures([
        ['DIEM supply', `${formatExact(overview.supply)} DIEM`, 'supply', overview.supply],
        ['marginal mint rate', overview.marginalRate === null ? 'at the cap' : `${formatExact(overview.marginalRate)} HASH per DIEM`, 'marginal-rate', overview.marginalRate],
        ['minting', overview.mintingOpen ? (overview.mintingPaused ? 'paused (curve change pending)' : 'open') : 'closed', 'minting'],
        ['curve', `R0 ${formatAmount(curve.baseRate, 2)} HASH, k ${curve.steepnessPpm / 1e6}, T ${formatAmount(curve.target, 0)} DIEM, cap ${formatAmount(curve.maxSupply, 0)} DIEM`, 'curve-params'],
        ...poolRows,
      ]),
    ),
    chart,
    h('h3', {}, 'Operators’ offers'),
    overview.offers.length === 0
      ? h('p', { 'data-testid': 'offers-empty' }, 'No approved operator has posted an offer.')
      : table(
          ['operator', 'model', 'unit', 'price (credits)', 'max context', 'endpoint', 'standing', 'capacity left'],
          overview.offers.map((offer) => [
            shortAddress(offer.operator),
            offer.model,
            offer.unit,
            formatAmount(offer.price, 6),
            offer.maxContext,
            offer.endpoint,
            offer.standing,
            `${formatAmount(offer.capacityLeft, 2)} / ${formatAmount(offer.capacityPerEpoch, 2)}`,
          ]),
          'offers',
        ),
  );
}
