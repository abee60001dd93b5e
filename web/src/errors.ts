// Chain errors by name and meaning. A failed extrinsic's `DispatchError` names its pallet and
// error through the metadata (the error's doc comment is its meaning); a refused transaction
// (the pool's "1010: Invalid Transaction: ...") and other failures are shown as they come.

import type { Registry } from '@polkadot/types/types';
import type { DispatchError } from '@polkadot/types/interfaces';

export interface ChainError {
  /** `Pallet.Error` for a module error, else the error kind (`BadOrigin`, `Token.FundsUnavailable`...). */
  name: string;
  /** What it means, from the metadata's docs where it has them. */
  meaning: string;
}

/** Names a dispatch error through the registry that holds the runtime's metadata. */
export function describeDispatchError(registry: Registry, error: DispatchError): ChainError {
  if (error.isModule) {
    try {
      const meta = registry.findMetaError(error.asModule);
      const section = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
      return { name: `${section}.${meta.name}`, meaning: meta.docs.join(' ').trim() || meta.name };
    } catch {
      return { name: 'Module', meaning: `unknown module error ${error.asModule.toString()}` };
    }
  }
  if (error.isToken) return { name: `Token.${error.asToken.type}`, meaning: TOKEN_MEANINGS[error.asToken.type] ?? '' };
  if (error.isArithmetic) return { name: `Arithmetic.${error.asArithmetic.type}`, meaning: 'an amount overflowed or underflowed' };
  if (error.isBadOrigin) return { name: 'BadOrigin', meaning: 'this account may not make this call' };
  return { name: error.type, meaning: error.toString() };
}

const TOKEN_MEANINGS: Record<string, string> = {
  FundsUnavailable: 'the account does not have that much free balance',
  OnlyProvider: 'the account would be reaped while other things depend on it',
  BelowMinimum: 'the amount is below the minimum balance',
  CannotCreate: 'the account cannot be created',
  UnknownAsset: 'no such asset',
  Frozen: 'the funds are frozen',
  Unsupported: 'the operation is not supported for this asset',
  CannotCreateHold: 'the account cannot hold more',
  NotExpendable: 'the withdrawal would kill the account',
  Blocked: 'the account is blocked',
};

/** Any error thrown while building, signing or sending a transaction, as a ChainError. */
export function describeError(error: unknown): ChainError {
  if (error && typeof error === 'object' && 'chainError' in error) {
    return (error as { chainError: ChainError }).chainError;
  }
  const message = error instanceof Error ? error.message : String(error);
  const invalid = /^(\d{4}): (.*)$/.exec(message);
  if (invalid) return { name: `Rpc.${invalid[1]}`, meaning: invalid[2] ?? message };
  if (/Cancelled|Rejected by user/i.test(message)) return { name: 'Wallet.Rejected', meaning: 'the wallet did not sign' };
  return { name: error instanceof Error && error.name !== 'Error' ? error.name : 'Error', meaning: message };
}

/** An Error that carries a ChainError (what `tx.ts` throws for a failed extrinsic). */
export class ChainCallError extends Error {
  constructor(public readonly chainError: ChainError) {
    super(`${chainError.name}: ${chainError.meaning}`);
    this.name = 'ChainCallError';
  }
}
