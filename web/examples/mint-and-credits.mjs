// docs/rpc.md, "polkadot.js": quote and mint DIEM, then read this epoch's credits.
//   node web/examples/mint-and-credits.mjs [ws://127.0.0.1:9944]
// The test suite runs it against a dev node (web/test/e2e/run.mjs).
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

// Quote, then mint with 1% tolerance; wait for the block, fail on a refused call.
const quote = await api.call.diemApi.mintQuote(10n * 10n ** 12n);
const cost = quote.asOk.toBigInt();
await new Promise((resolve, reject) => {
  api.tx.diem.mint(10n * 10n ** 12n, cost + cost / 100n).signAndSend(alice, ({ status, dispatchError }) => {
    if (dispatchError) reject(new Error(dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule).name : dispatchError.toString()));
    else if (status.isInBlock) resolve();
  }).catch(reject);
});

// Allowance and usage of the current epoch (None for an account without credit stake).
const state = await api.call.inferenceCreditsApi.creditState(alice.address);
console.log(state.isSome ? state.unwrap().remaining.toString() : 'no credit stake');

const position = (await api.call.diemApi.position(alice.address)).unwrap();
if (position.outstanding.toBigInt() < 10n * 10n ** 12n) throw new Error('the mint did not land');
console.log(`minted 10 DIEM for ${cost} HASH base units; outstanding ${position.outstanding.toString()}`);
await api.disconnect();
