// docs/operators.md, "Collect vouchers", and docs/rpc.md, "Vouchers": the message a voucher's
// signer signs, from the chain's typed payload, signed and encoded as an operator redeems it.
//   node web/examples/voucher.mjs [ws://127.0.0.1:9944]
// The test suite runs it against a dev node (web/test/e2e/run.mjs); the browser test redeems a
// voucher signed the same way through a wallet extension's signRaw.
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { signatureVerify } from '@polkadot/util-crypto';
import { u8aToHex, u8aWrapBytes } from '@polkadot/util';

const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519' });
const payerKey = keyring.addFromUri('//Alice');
const [payer, signer, operator] = [payerKey.address, payerKey.address, keyring.addFromUri('//Bob').address];
const epoch = (await api.call.inferenceCreditsApi.epoch()).unwrap().current.index.toNumber();
const cumulative = 10n ** 12n; // one credit consumed so far

// The message: the chain's typed payload, encoded again (no length prefix to strip).
const payload = await api.call.inferenceCreditsApi.voucherPayload({ epoch, operator, payer, signer, cumulative });
const message = payload.toU8a();

// A key in hand signs the message itself: wrapping Raw. A browser extension's
// signRaw({ address, data: u8aToHex(message), type: 'bytes' }) signs <Bytes>message</Bytes>:
// wrapping Bytes.
const signature = payerKey.sign(message);
const voucher = api.createType('DiemPrimitivesVoucher', {
  epoch, payer, signer, cumulative, wrapping: 'Raw', signature: { Sr25519: signature },
});
console.log(`voucher for the operator: ${voucher.toHex()}`);

// voucher_signing_bytes returns a Vec<u8>, which polkadot.js hands back as Bytes whose content
// is the SCALE encoding of that Vec (its length prefix first): decode it once more.
const signingBytes = async (wrapping) => {
  const answer = await api.call.inferenceCreditsApi.voucherSigningBytes({ epoch, operator, payer, signer, cumulative }, wrapping);
  return api.createType('Bytes', answer.toU8a(true)).toU8a(true);
};
if (u8aToHex(await signingBytes('Raw')) !== u8aToHex(message)) throw new Error('Raw signing bytes differ from the payload');
if (u8aToHex(await signingBytes('Bytes')) !== u8aToHex(u8aWrapBytes(message))) throw new Error('Bytes signing bytes differ');
if (!signatureVerify(message, signature, signer).isValid) throw new Error('the signature does not verify');
await api.disconnect();
