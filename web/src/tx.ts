// Submitting extrinsics from the page: a fee preview before, the outcome after, the chain's
// error by name when it fails.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { ChainCallError, describeDispatchError } from './errors';
import type { WalletAccount } from './wallet';

export type Extrinsic = SubmittableExtrinsic<'promise'>;

/** The fee `account` would pay for `tx` now, in HASH base units. */
export async function previewFee(tx: Extrinsic, account: WalletAccount): Promise<bigint> {
  const info = await tx.paymentInfo(account.pair ?? account.address);
  return info.partialFee.toBigInt();
}

export interface Included {
  blockHash: string;
  events: EventRecord[];
}

/**
 * Signs and submits `tx`, resolving once it is in a block and succeeded; rejects with a
 * ChainCallError naming the error when the call failed, or with the pool's refusal.
 */
export function submit(api: ApiPromise, tx: Extrinsic, account: WalletAccount, onStatus?: (status: string) => void): Promise<Included> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    const done = (action: () => void) => {
      unsubscribe?.();
      action();
    };
    const options = account.pair ? {} : { signer: account.signer };
    tx.signAndSend(account.pair ?? account.address, options, (result) => {
      onStatus?.(result.status.type);
      if (result.dispatchError) {
        const error = describeDispatchError(api.registry, result.dispatchError);
        done(() => reject(new ChainCallError(error)));
      } else if (result.status.isInBlock || result.status.isFinalized) {
        const blockHash = (result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized).toHex();
        done(() => resolve({ blockHash, events: result.events }));
      } else if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped) {
        done(() => reject(new Error(`the transaction was ${result.status.type.toLowerCase()} by the pool`)));
      }
    })
      .then((unsub) => {
        unsubscribe = unsub;
      })
      .catch(reject);
  });
}
