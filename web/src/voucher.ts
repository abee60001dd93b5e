// Vouchers from the browser. The chain hands out the message as a typed struct
// (`InferenceCreditsApi.voucher_payload`): decoded with the metadata's type and encoded again it
// is, byte for byte, the SCALE payload the chain verifies, with no length prefix to strip.
// (`voucher_signing_bytes` returns a `Vec<u8>`; polkadot.js hands that back as `Bytes`, and a
// wallet given `bytes.toHex()` or `bytes.toU8a()` signs the length prefix too.)

import type { ApiPromise } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { signBytes, type WalletAccount } from './wallet';

const SCHEME = { sr25519: 'Sr25519', ed25519: 'Ed25519', ecdsa: 'Ecdsa' } as const;

export interface VoucherTerms {
  epoch: number;
  operator: string;
  payer: string;
  signer: string;
  cumulative: bigint;
}

/** The exact bytes the signer signs, before any wallet wrapping. */
export async function voucherMessage(api: ApiPromise, terms: VoucherTerms): Promise<Uint8Array> {
  const payload = await api.call.inferenceCreditsApi.voucherPayload(terms);
  return payload.toU8a();
}

/** Signs the voucher with `account` and returns its SCALE encoding (what an operator redeems). */
export async function signVoucher(api: ApiPromise, account: WalletAccount, terms: VoucherTerms): Promise<`0x${string}`> {
  if (account.address !== terms.signer && api.createType('AccountId32', account.address).toHex() !== api.createType('AccountId32', terms.signer).toHex()) {
    throw new Error('the signer of the voucher must be the account that signs it');
  }
  const message = await voucherMessage(api, terms);
  const { signature, wrapping } = await signBytes(account, message);
  const voucher = api.createType('DiemPrimitivesVoucher', {
    epoch: terms.epoch,
    payer: terms.payer,
    signer: terms.signer,
    cumulative: terms.cumulative,
    wrapping,
    signature: { [SCHEME[account.keyType]]: signature },
  });
  return u8aToHex(voucher.toU8a());
}
