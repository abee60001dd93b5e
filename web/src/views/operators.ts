import type { OperatorView } from '../chain';
import { h, mount, table } from '../dom';
import { formatAmount, shortAddress } from '../format';

export function renderOperators(operators: OperatorView[], currentEpoch: number | null): void {
  mount(
    'operators',
    h('h2', {}, 'Operators'),
    operators.length === 0
      ? h('p', { 'data-testid': 'operators-empty' }, 'No operator has registered.')
      : table(
          ['operator', 'status', 'capacity per epoch', 'used this epoch', 'bond', 'redeemed per epoch', 'claimable', 'metadata'],
          operators.map(({ operator, state, metadata }) => {
            const status = state.status;
            const capacity = status.isApproved ? status.asApproved.capacityPerEpoch.toBigInt() : null;
            const current = state.epochs.find((e) => e.epoch.toNumber() === currentEpoch);
            const claimable = state.epochs.reduce((sum, e) => sum + e.claimable.toBigInt(), 0n);
            return [
              h('span', { title: operator }, shortAddress(operator)),
              status.isApproved ? `approved since epoch ${status.asApproved.since.toNumber()}` : status.isLeaving ? `leaving since epoch ${status.asLeaving.since.toNumber()}` : 'pending approval',
              capacity === null ? '—' : formatAmount(capacity),
              current ? formatAmount(current.redeemed.toBigInt()) : '0',
              `${formatAmount(state.bond.toBigInt())} HASH`,
              state.epochs.length === 0 ? '—' : state.epochs.map((e) => `${e.epoch.toNumber()}: ${formatAmount(e.redeemed.toBigInt())}${e.voided.isTrue ? ' (voided)' : ''}`).join(', '),
              `${formatAmount(claimable)} HASH`,
              metadata,
            ];
          }),
          'operators-table',
        ),
  );
}
