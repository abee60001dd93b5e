// What every view shares: the connection, the chosen account, and the latest overview.

import type { ApiPromise } from '@polkadot/api';
import type { Overview } from './chain';
import type { WalletAccount } from './wallet';

export interface Context {
  api: ApiPromise;
  accounts: WalletAccount[];
  account: WalletAccount | null;
  overview: Overview | null;
  /** Re-reads the chain and re-renders the views (after a transaction, on a new block). */
  refresh(): Promise<void>;
}

export const BLOCKS_PER_YEAR = (blockTimeMs: bigint) => (blockTimeMs > 0n ? (365n * 86_400_000n) / blockTimeMs : 0n);

/** The full staking yield per year in parts per billion: emission over what shares it. */
export function yieldPerYear(overview: Overview): bigint {
  if (overview.hashStaked === 0n) return 0n;
  return (overview.emissionPerBlock * BLOCKS_PER_YEAR(overview.blockTimeMs) * 1_000_000_000n) / overview.hashStaked;
}
