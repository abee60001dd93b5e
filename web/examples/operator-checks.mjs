// docs/operators.md, "Epochs" and "Before serving": the epoch clock and a payer's credits.
//   node web/examples/operator-checks.mjs [ws://127.0.0.1:9944]
// The test suite runs it against a dev node (web/test/e2e/run.mjs).
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
const payer = new Keyring({ type: 'sr25519' }).addFromUri('//Dave').address;

const clock = await api.call.inferenceCreditsApi.epoch();
// { current: { index, start, length }, nextStart, nextLength }

const state = await api.call.inferenceCreditsApi.creditState(payer);
// { epoch, staked, allowance, used, remaining, unlocking, spenders: [{ spender, capPerEpoch, used, removedIn }] }

const { current, nextStart } = clock.unwrap();
if (nextStart.toNumber() !== current.start.toNumber() + current.length.toNumber()) throw new Error('the next epoch does not follow this one');
console.log(`epoch ${current.index} ends in ${(nextStart.toNumber() - Date.now()) / 1000} s`);
console.log(state.isSome ? `payer may spend ${state.unwrap().remaining.toString()} more this epoch` : 'the payer has no credits');
await api.disconnect();
