// docs/dex.md, "From a client": quote and swap HASH for DIEM with a slippage bound.
//   node web/examples/swap.mjs [ws://127.0.0.1:9944]
// The test suite runs it against a dev node (web/test/e2e/run.mjs).
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
const pair = new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie');
const me = pair.address;
const diemOf = async (who) => (await api.call.diemLedgerApi.balance(who)).free.toBigInt();
const before = await diemOf(me);

const HASH = { Native: null };
const DIEM = { WithId: 100 };
// What 10 HASH buy now, fee included.
const out = await api.call.assetConversionApi.quotePriceExactTokensForTokens(HASH, DIEM, 10n * 10n ** 12n, true);
// Swap with 1 % slippage.
const min = out.unwrap().toBigInt() * 99n / 100n;
await api.tx.assetConversion.swapExactTokensForTokens([HASH, DIEM], 10n * 10n ** 12n, min, me, true).signAndSend(pair);
// Reserves of the HASH/DIEM pool.
const reserves = await api.call.assetConversionApi.getReserves(HASH, DIEM);

// The swap lands in the next block or two: at least `min` DIEM more.
const deadline = Date.now() + 60_000;
while ((await diemOf(me)) - before < min) {
  if (Date.now() > deadline) throw new Error('the swap did not land within 60 s');
  await new Promise((r) => setTimeout(r, 1000));
}
console.log(`got ${(await diemOf(me)) - before} DIEM base units (at least ${min}); reserves ${reserves.toString()}`);
await api.disconnect();
