// Decoding chain errors with the runtime's own metadata (the committed artifact), no node.
import { readFileSync } from 'node:fs';
import { TypeRegistry, Metadata } from '@polkadot/types';
import type { DispatchError } from '@polkadot/types/interfaces';
import { describe, expect, it } from 'vitest';
import { ChainCallError, describeDispatchError, describeError } from '../../src/errors';

const hex = '0x' + readFileSync(new URL('../../../client/metadata/diem.scale', import.meta.url)).toString('hex');
const registry = new TypeRegistry();
const metadata = new Metadata(registry, hex as `0x${string}`);
registry.setMetadata(metadata);

const pallet = (name: string) => metadata.asLatest.pallets.find((p) => p.name.toString() === name)!;
const errorIndex = (palletName: string, error: string) => {
  const type = registry.lookup.getSiType(pallet(palletName).errors.unwrap().type);
  return type.def.asVariant.variants.find((v) => v.name.toString() === error)!.index.toNumber();
};
const moduleError = (palletName: string, error: string) =>
  registry.createType('SpRuntimeDispatchError', {
    Module: { index: pallet(palletName).index.toNumber(), error: [errorIndex(palletName, error), 0, 0, 0] },
  }) as unknown as DispatchError;

describe('chain errors by name', () => {
  it('names a module error and gives its docs as the meaning', () => {
    const error = describeDispatchError(registry, moduleError('Diem', 'SlippageExceeded'));
    expect(error.name).toBe('Diem.SlippageExceeded');
    expect(error.meaning.length).toBeGreaterThan(10);
    expect(describeDispatchError(registry, moduleError('InferenceCredits', 'UnknownSpender')).name).toBe('InferenceCredits.UnknownSpender');
  });

  it('names token, arithmetic and origin errors', () => {
    const token = registry.createType('SpRuntimeDispatchError', { Token: 'FundsUnavailable' }) as unknown as DispatchError;
    expect(describeDispatchError(registry, token)).toEqual({ name: 'Token.FundsUnavailable', meaning: 'the account does not have that much free balance' });
    const arithmetic = registry.createType('SpRuntimeDispatchError', { Arithmetic: 'Overflow' }) as unknown as DispatchError;
    expect(describeDispatchError(registry, arithmetic).name).toBe('Arithmetic.Overflow');
    expect(describeDispatchError(registry, registry.createType('SpRuntimeDispatchError', { BadOrigin: null }) as unknown as DispatchError).name).toBe('BadOrigin');
  });

  it('names what the pool and the wallet refuse', () => {
    expect(describeError(new Error('1010: Invalid Transaction: Inability to pay some fees'))).toEqual({ name: 'Rpc.1010', meaning: 'Invalid Transaction: Inability to pay some fees' });
    expect(describeError(new Error('Cancelled')).name).toBe('Wallet.Rejected');
    expect(describeError(new ChainCallError({ name: 'Diem.ZeroAmount', meaning: 'x' })).name).toBe('Diem.ZeroAmount');
  });
});
