// Accounts that can sign: those an injected wallet extension (polkadot.js extension, Talisman,
// SubWallet; anything that fills `window.injectedWeb3`) grants the page, and on a development
// chain the well-known dev accounts (//Alice ...), whose keys are public.

import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer, SignerPayloadRaw, SignerResult } from '@polkadot/types/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

/** The part of the injected-extension interface the app uses. */
export interface InjectedAccount {
  address: string;
  name?: string;
  type?: string;
}
export interface InjectedExtension {
  name: string;
  version?: string;
  accounts: { get(anyType?: boolean): Promise<InjectedAccount[]> };
  signer: Signer;
}
interface InjectedWeb3Entry {
  version?: string;
  enable(origin: string): Promise<Omit<InjectedExtension, 'name'>>;
}
declare global {
  interface Window {
    injectedWeb3?: Record<string, InjectedWeb3Entry>;
  }
}

export interface WalletAccount {
  address: string;
  name: string;
  /** "extension name" or "dev". */
  source: string;
  /** The key's scheme: the voucher's signature says which. */
  keyType: 'sr25519' | 'ed25519' | 'ecdsa';
  /** Set for dev accounts: the app signs with the key itself. */
  pair?: KeyringPair;
  /** Set for extension accounts. */
  signer?: Signer;
}

export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

export async function devAccounts(ss58Format: number): Promise<WalletAccount[]> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return { address: pair.address, name, source: 'dev', keyType: 'sr25519' as const, pair };
  });
}

/** Asks every injected extension for its accounts; an extension that refuses is skipped. */
export async function extensionAccounts(origin = 'DIEM chain'): Promise<{ accounts: WalletAccount[]; refused: string[] }> {
  const injected = window.injectedWeb3 ?? {};
  const accounts: WalletAccount[] = [];
  const refused: string[] = [];
  for (const [name, entry] of Object.entries(injected)) {
    try {
      const extension = await entry.enable(origin);
      for (const account of await extension.accounts.get()) {
        const keyType = account.type === 'ed25519' || account.type === 'ecdsa' ? account.type : 'sr25519';
        accounts.push({ address: account.address, name: account.name ?? name, source: name, keyType, signer: extension.signer });
      }
    } catch {
      refused.push(name);
    }
  }
  return { accounts, refused };
}

/**
 * Signs raw bytes as a wallet would: an extension's `signRaw` wraps the data in
 * `<Bytes>`…`</Bytes>` before signing, so the caller must say `wrapping: Bytes`; a dev key signs
 * the bytes themselves (`wrapping: Raw`).
 */
export async function signBytes(account: WalletAccount, data: Uint8Array): Promise<{ signature: `0x${string}`; wrapping: 'Raw' | 'Bytes' }> {
  if (account.pair) {
    return { signature: u8aToHex(account.pair.sign(data)), wrapping: 'Raw' };
  }
  if (!account.signer?.signRaw) throw new Error(`the wallet of ${account.name} cannot sign raw data`);
  const payload: SignerPayloadRaw = { address: account.address, data: u8aToHex(data), type: 'bytes' };
  const result: SignerResult = await account.signer.signRaw(payload);
  return { signature: result.signature as `0x${string}`, wrapping: 'Bytes' };
}
