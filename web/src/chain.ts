// The connection to a node and the reads each view needs, through runtime APIs where the chain
// computes the answer (quotes, allowances, rewards) and storage where it is a plain record. The
// types come from the runtime's metadata (scripts/typegen.mjs writes src/interfaces/).

import './interfaces/augment-api';
import './interfaces/augment-types';
import './interfaces/types-lookup';

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Option } from '@polkadot/types-codec';
import type {
  PalletComputeStakingStakeState,
  PalletDiemPositionInfo,
  PalletInferenceCreditsCreditState,
  PalletInferenceCreditsOperatorState,
} from '@polkadot/types/lookup';

/** DIEM's asset id in `pallet-assets` (`diem_primitives::diem::ASSET_ID`). */
export const DIEM_ASSET_ID = 100;
export const HASH_KIND = { Native: null } as const;
export const DIEM_KIND = { WithId: DIEM_ASSET_ID } as const;
export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

/** Connects to `url`, failing after `timeoutMs` instead of retrying forever. */
export async function connect(url: string, timeoutMs = 10_000): Promise<ApiPromise> {
  const provider = new WsProvider(url, false);
  const api = new ApiPromise({ provider, noInitWarn: true });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no node answered at ${url} within ${timeoutMs / 1000} s`)), timeoutMs),
  );
  try {
    await Promise.race([provider.connect().then(() => api.isReadyOrError), timeout]);
  } catch (error) {
    await api.disconnect().catch(() => undefined);
    throw error;
  }
  return api;
}

const unwrap = <T extends { toBigInt(): bigint }>(value: T): bigint => value.toBigInt();
const optionOf = <T>(value: Option<T & import('@polkadot/types-codec/types').Codec>): T | null =>
  value.isSome ? value.unwrap() : null;

export interface Overview {
  chain: string;
  head: number;
  finalized: number;
  blockTimeMs: bigint;
  epoch: { index: number; start: number; length: number; nextStart: number } | null;
  hashStaked: bigint;
  hashLocked: bigint;
  emissionPerBlock: bigint;
  lockedYieldShare: bigint;
  curve: { baseRate: bigint; steepnessPpm: number; target: bigint; maxSupply: bigint };
  supply: bigint;
  marginalRate: bigint | null;
  mintingOpen: boolean;
  mintingPaused: boolean;
  /** HASH and DIEM in the HASH/DIEM pool; null without a pool. */
  pool: { hash: bigint; diem: bigint } | null;
  /** What the pool asks for one DIEM (fee included); null without liquidity. */
  poolPrice: bigint | null;
  offers: Offer[];
}

export interface Offer {
  operator: string;
  model: string;
  unit: string;
  price: bigint;
  maxContext: number;
  endpoint: string;
  standing: string;
  capacityPerEpoch: bigint;
  capacityLeft: bigint;
}

const text = (bytes: { toU8a(bare?: boolean): Uint8Array }) => new TextDecoder().decode(bytes.toU8a(true));

export async function readOverview(api: ApiPromise, unit: bigint): Promise<Overview> {
  const [header, finalizedHash, chain] = await Promise.all([
    api.rpc.chain.getHeader(),
    api.rpc.chain.getFinalizedHead(),
    api.rpc.system.chain(),
  ]);
  const [finalizedHeader, epoch, params, unlocked, locked, status, reserves, price, offers] = await Promise.all([
    api.rpc.chain.getHeader(finalizedHash),
    api.call.inferenceCreditsApi.epoch(),
    api.query.computeStaking.params(),
    api.query.computeStaking.totalUnlocked(),
    api.query.computeStaking.totalLocked(),
    api.call.diemApi.curveStatus(),
    api.call.assetConversionApi.getReserves(HASH_KIND, DIEM_KIND),
    api.call.assetConversionApi.quotePriceTokensForExactTokens(HASH_KIND, DIEM_KIND, unit, true),
    api.call.marketApi.offers(null),
  ]);
  const clock = optionOf(epoch);
  const stakingParams = optionOf(params);
  const pool = optionOf(reserves);
  const quoted = optionOf(price);
  return {
    chain: chain.toString(),
    head: header.number.toNumber(),
    finalized: finalizedHeader.number.toNumber(),
    blockTimeMs: unwrap(api.consts.aura.slotDuration),
    epoch: clock && {
      index: clock.current.index.toNumber(),
      start: clock.current.start.toNumber(),
      length: clock.current.length.toNumber(),
      nextStart: clock.nextStart.toNumber(),
    },
    hashStaked: unwrap(unlocked) + unwrap(locked),
    hashLocked: unwrap(locked),
    emissionPerBlock: stakingParams ? unwrap(stakingParams.emissionPerBlock) : 0n,
    lockedYieldShare: stakingParams ? BigInt(stakingParams.lockedYieldShare.toNumber()) : 0n,
    curve: {
      baseRate: unwrap(status.params.baseRate),
      steepnessPpm: status.params.steepnessPpm.toNumber(),
      target: unwrap(status.params.target),
      maxSupply: unwrap(status.params.maxSupply),
    },
    supply: unwrap(status.supply),
    marginalRate: status.marginalRate.isSome ? unwrap(status.marginalRate.unwrap()) : null,
    mintingOpen: status.mintingOpen.isTrue,
    mintingPaused: status.mintingPaused.isTrue,
    pool: pool && { hash: unwrap(pool[0]), diem: unwrap(pool[1]) },
    poolPrice: quoted && unwrap(quoted),
    offers: offers.map((offer) => ({
      operator: offer.operator.toString(),
      model: text(offer.model),
      unit: offer.unit.type,
      price: unwrap(offer.price),
      maxContext: offer.maxContext.toNumber(),
      endpoint: text(offer.endpoint),
      standing: offer.record.standing.type,
      capacityPerEpoch: unwrap(offer.record.capacityPerEpoch),
      capacityLeft: unwrap(offer.record.capacityLeft),
    })),
  };
}

export interface AccountView {
  address: string;
  hash: { free: bigint; reserved: bigint; frozen: bigint };
  stake: PalletComputeStakingStakeState | null;
  diem: { free: bigint; transferable: bigint; held: bigint };
  position: PalletDiemPositionInfo | null;
  credits: PalletInferenceCreditsCreditState | null;
}

export async function readAccount(api: ApiPromise, address: string): Promise<AccountView> {
  const [account, stake, diem, position, credits] = await Promise.all([
    api.query.system.account(address),
    api.call.computeStakingApi.stakeState(address),
    api.call.diemLedgerApi.balance(address),
    api.call.diemApi.position(address),
    api.call.inferenceCreditsApi.creditState(address),
  ]);
  return {
    address,
    hash: {
      free: unwrap(account.data.free),
      reserved: unwrap(account.data.reserved),
      frozen: unwrap(account.data.frozen),
    },
    stake: optionOf(stake),
    diem: { free: unwrap(diem.free), transferable: unwrap(diem.transferable), held: unwrap(diem.heldTotal) },
    position: optionOf(position),
    credits: optionOf(credits),
  };
}

export interface OperatorView {
  operator: string;
  state: PalletInferenceCreditsOperatorState;
  metadata: string;
}

/** Every registered operator with its status, capacity and epochs on record. */
export async function readOperators(api: ApiPromise): Promise<OperatorView[]> {
  const keys = await api.query.inferenceCredits.operators.keys();
  const operators = keys.map((key) => key.args[0].toString());
  const states = await Promise.all(operators.map((who) => api.call.inferenceCreditsApi.operatorState(who)));
  const views: OperatorView[] = [];
  states.forEach((state, i) => {
    const operator = operators[i];
    if (operator !== undefined && state.isSome) {
      const value = state.unwrap();
      views.push({ operator, state: value, metadata: text(value.metadata) });
    }
  });
  return views;
}
