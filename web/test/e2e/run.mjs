// End-to-end: the built app in headless Chromium (Debian's `chromium`, driven by playwright-core)
// against a dev node this test starts; then every JavaScript example of docs/ and the Python
// example run against the same node. Screenshots of each view go to test-results/screenshots/.
//
//   npm run e2e            (after `npm run build`; scripts/test-web.sh does both)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';
import { runTests, serveApp, startDevNode, stopAll, waitUntil, within } from './lib.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(web, 'test-results/screenshots');
const UNIT = 10n ** 12n;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopAll(), process.exit(130)));

if (!existsSync(path.join(web, 'dist/index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: scripts/setup.sh installs Debian's chromium`);
mkdirSync(shots, { recursive: true });

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519' });
const [alice, bob, charlie, dave, eve] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => keyring.addFromUri(`//${n}`));

const node = await startDevNode();
const app = await serveApp(path.join(web, 'dist'));
const api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

/** Sends `tx` from `pair`, resolves with its events once in a block; rejects on a failed call. */
function send(tx, pair) {
  return within(60_000, `${tx.method.section}.${tx.method.method} in a block`, new Promise((resolve, reject) => {
    tx.signAndSend(pair, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        const e = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
        reject(new Error(e ? `${e.section}.${e.name}` : dispatchError.toString()));
      } else if (status.isInBlock) resolve(events);
    }).catch(reject);
  }));
}

// The page, with a test double of an injected wallet extension (the polkadot.js interface):
// it holds Dave's account and signs `signRaw` requests as the extension does, over the data
// wrapped in <Bytes>…</Bytes>, with the key kept on this side of the browser.
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
const consoleErrors = [];
page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
page.on('pageerror', (error) => consoleErrors.push(error.message));
const signRawRequests = [];
await page.exposeFunction('__extensionSignRaw', (address, data) => {
  signRawRequests.push({ address, data });
  if (address !== dave.address) throw new Error('unknown account');
  return u8aToHex(dave.sign(u8aWrapBytes(hexToU8a(data))));
});
await page.addInitScript((address) => {
  window.injectedWeb3 = {
    'test-extension': {
      version: '0.0.1',
      enable: async () => ({
        accounts: { get: async () => [{ address, name: 'Dave (extension)', type: 'sr25519' }] },
        signer: { signRaw: async ({ address: who, data }) => ({ id: 1, signature: await window.__extensionSignRaw(who, data) }) },
      }),
    },
  };
}, dave.address);

const value = async (testId) => {
  const raw = await page.getByTestId(testId).getAttribute('data-value', { timeout: 30_000 });
  if (raw === null) throw new Error(`${testId} has no data-value`);
  return BigInt(raw);
};
const view = async (name) => {
  await page.getByTestId(`nav-${name}`).click();
};
const chooseAccount = async (pair) => {
  await page.getByTestId('account-select').selectOption(pair.address);
  await waitUntil(20_000, 'the account view to show the chosen account', async () => (await page.getByTestId('hash-free').getAttribute('data-value')) === (await api.query.system.account(pair.address)).data.free.toString());
};
const positionOf = async (pair) => {
  const p = await api.call.diemApi.position(pair.address);
  return p.isSome ? { locked: p.unwrap().locked.toBigInt(), outstanding: p.unwrap().outstanding.toBigInt() } : { locked: 0n, outstanding: 0n };
};
const shownPosition = async () =>
  (await page.getByTestId('position-none').count()) > 0 ? { locked: 0n, outstanding: 0n } : { locked: await value('position-locked'), outstanding: await value('position-outstanding') };

const tests = [
  ['the_page_loads_and_shows_the_runtime_apis_supply_and_rate', async () => {
    await page.goto(`${app}/?rpc=${encodeURIComponent(node.url)}#overview`);
    await waitUntil(30_000, 'the overview', async () => (await page.getByTestId('supply').count()) > 0);
    // The same block for both readings: wait until the page shows the head the API sees.
    await waitUntil(30_000, 'the page and the runtime API to agree on supply and rate', async () => {
      const status = await api.call.diemApi.curveStatus();
      const [supply, rate] = [await value('supply'), await value('marginal-rate')];
      return supply === status.supply.toBigInt() && rate === status.marginalRate.unwrap().toBigInt();
    });
    await waitUntil(30_000, 'the head block', async () => /#\d+/.test(await page.getByTestId('head').innerText()));
    const poolPrice = await api.call.assetConversionApi.quotePriceTokensForExactTokens({ Native: null }, { WithId: 100 }, UNIT, true);
    if (poolPrice.isSome && (await value('pool-price')) !== poolPrice.unwrap().toBigInt()) throw new Error('pool price differs from the runtime API');
    await page.getByTestId('curve-chart').waitFor();
    await page.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  }],

  ['a_dev_account_mints_one_diem_and_the_page_shows_exactly_that', async () => {
    await view('account');
    await chooseAccount(bob);
    // Bob stakes HASH from the page first: minting locks unlocked stake.
    const staked = await value('hash-staked-unlocked');
    await page.getByTestId('stake-hash-amount').fill('1000');
    await page.getByTestId('stake-hash-submit').click();
    await page.getByTestId('stake-hash-result').waitFor({ timeout: 60_000 });
    await waitUntil(20_000, 'the stake to show', async () => (await value('hash-staked-unlocked')) === staked + 1000n * UNIT);
    const before = { diem: await value('diem-free'), ...(await shownPosition()) };
    const quote = (await api.call.diemApi.mintQuote(UNIT)).asOk.toBigInt();
    await page.getByTestId('mint-diem').fill('1');
    await page.getByTestId('mint-preview-button').click();
    await page.getByTestId('mint-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('mint-submit').click();
    await page.getByTestId('mint-result').waitFor({ timeout: 60_000 });
    await waitUntil(20_000, 'the new balance on the page', async () => (await value('diem-free')) !== before.diem);
    const after = { diem: await value('diem-free'), ...(await shownPosition()) };
    const onChain = await positionOf(bob);
    if (after.diem - before.diem !== UNIT) throw new Error(`DIEM balance changed by ${after.diem - before.diem}, not 1 DIEM`);
    if (after.outstanding - before.outstanding !== UNIT) throw new Error(`outstanding changed by ${after.outstanding - before.outstanding}`);
    if (after.locked - before.locked !== quote) throw new Error(`locked HASH changed by ${after.locked - before.locked}, the quote was ${quote}`);
    if (onChain.locked !== after.locked || onChain.outstanding !== after.outstanding) throw new Error('the page and the chain disagree on the position');
    await page.screenshot({ path: path.join(shots, 'account.png'), fullPage: true });
  }],

  ['a_mint_with_a_too_tight_bound_shows_the_chains_error_by_name', async () => {
    const quote = (await api.call.diemApi.mintQuote(UNIT)).asOk.toBigInt();
    const before = await positionOf(bob);
    const tooTight = quote - 1n;
    await page.getByTestId('mint-diem').fill('1');
    await page.getByTestId('mint-maxCost').fill(`${tooTight / UNIT}.${(tooTight % UNIT).toString().padStart(12, '0')}`);
    await page.getByTestId('mint-submit').click();
    const name = await page.getByTestId('mint-error-name').innerText({ timeout: 60_000 });
    if (name !== 'Diem.SlippageExceeded') throw new Error(`the page showed ${name}`);
    const after = await positionOf(bob);
    if (after.locked !== before.locked || after.outstanding !== before.outstanding) throw new Error('the refused mint changed the position');
    await page.getByTestId('mint-maxCost').fill('');
  }],

  ['the_calculator_shows_the_break_even_day_for_fixed_inputs', async () => {
    await view('calculator');
    await page.getByTestId('calc-spend').fill('10');
    await page.getByTestId('calc-horizon').fill('365');
    await page.getByTestId('calc-price').fill('0.5');
    await page.getByTestId('calc-submit').click();
    const shown = await value('break-even');
    // The same figures by this test's own arithmetic, from the chain's quotes at the same time.
    const quote = await api.call.diemMarketApi.buyOrMint(10n * UNIT);
    const params = (await api.query.computeStaking.params()).unwrap();
    const staked = (await api.query.computeStaking.totalUnlocked()).toBigInt() + (await api.query.computeStaking.totalLocked()).toBigInt();
    const perDayEmission = params.emissionPerBlock.toBigInt() * (86_400_000n / api.consts.aura.slotDuration.toBigInt());
    const price = UNIT / 2n;
    const days = [];
    if (quote.mintCost.isOk) {
      const m = quote.mintCost.asOk.toBigInt();
      const forgone = (((m * perDayEmission * (1_000_000_000n - BigInt(params.lockedYieldShare.toNumber()))) / (1_000_000_000n * staked)) * price) / UNIT;
      const saving = 10n * UNIT - forgone;
      if (saving > 0n) days.push(((m * price) / UNIT + saving - 1n) / saving);
    }
    if (quote.buyCost.isSome) days.push(((quote.buyCost.unwrap().toBigInt() * price) / UNIT + 10n * UNIT - 1n) / (10n * UNIT));
    const expected = days.reduce((a, b) => (b < a ? b : a));
    if (shown !== expected) throw new Error(`the page says day ${shown}, the quotes give day ${expected}`);
    if (!(await page.getByTestId('break-even').innerText()).includes(`day ${expected}`)) throw new Error('the break-even day is not shown in words');
    await page.getByTestId('calc-chart').waitFor();
    await page.screenshot({ path: path.join(shots, 'calculator.png'), fullPage: true });
  }],

  ['a_voucher_signed_through_the_extensions_sign_raw_is_redeemed', async () => {
    // Charlie registers as an operator with Eve as its redeem key and Alice (sudo on the dev
    // chain) approves it; Dave, the
    // extension's account, stakes HASH, mints 6 DIEM and stakes 5 for credits (a hold leaves the minimum balance free).
    await Promise.all([
      send(api.tx.inferenceCredits.registerOperator('e2e operator', eve.address), charlie),
      send(api.tx.utility.batchAll([api.tx.computeStaking.stake(2000n * UNIT), api.tx.diem.mint(6n * UNIT, 1000n * UNIT), api.tx.inferenceCredits.stake(5n * UNIT)]), dave),
    ]);
    await send(api.tx.sudo.sudo(api.tx.inferenceCredits.approveOperator(charlie.address, 1000n * UNIT)), alice);
    await view('account');
    await chooseAccount(dave);
    await page.getByTestId('voucher-operator').fill(charlie.address);
    await page.getByTestId('voucher-cumulative').fill('0.01');
    await page.getByTestId('voucher-sign').click();
    const voucherHex = await page.getByTestId('voucher-hex').inputValue({ timeout: 20_000 });
    if (signRawRequests.length !== 1) throw new Error(`the extension was asked to sign ${signRawRequests.length} times`);
    const voucher = api.createType('DiemPrimitivesVoucher', voucherHex);
    if (!voucher.wrapping.isBytes) throw new Error('a voucher signed through signRaw must say wrapping: Bytes');
    const events = await send(api.tx.inferenceCredits.redeem([voucher]), eve);
    const refused = events.find(({ event }) => event.method === 'VoucherRefused');
    if (refused) throw new Error(`the chain refused the voucher: ${refused.event.data.toString()}`);
    const batch = events.find(({ event }) => event.section === 'inferenceCredits' && event.method === 'BatchRedeemed');
    if (!batch) throw new Error('no BatchRedeemed event');
    const { paidVouchers, credits } = batch.event.data;
    if (paidVouchers.toNumber() !== 1 || credits.toBigInt() !== UNIT / 100n) throw new Error(`redeemed ${batch.event.data.toString()}`);
    await waitUntil(30_000, 'the page to show the redeemed credits as used', async () => (await page.getByTestId('credits').innerText()).includes('0.01'));
    await page.screenshot({ path: path.join(shots, 'account-voucher.png'), fullPage: true });
    await view('operators');
    await page.getByTestId('operators-table').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(shots, 'operators.png'), fullPage: true });
  }],

  ['the_page_logged_no_console_errors', async () => {
    if (consoleErrors.length) throw new Error(`console errors:\n${consoleErrors.join('\n')}`);
  }],

  // The docs' programs, run as a developer would run them, with the real npm packages.
  ...readdirSync(path.join(web, 'examples'))
    .filter((file) => file.endsWith('.mjs'))
    .sort()
    .map((file) => [`docs_example_${file.replace(/\W/g, '_')}`, async () => {
      const result = spawnSync(process.execPath, [path.join(web, 'examples', file), node.url], { encoding: 'utf8', timeout: 120_000 });
      if (result.status !== 0) throw new Error(`${file} exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
    }]),
  ['docs_example_python_runtime_apis', async () => {
    const python = process.env.DIEM_PYTHON ?? path.join(process.env.HOME ?? '', '.cache/diem-chain/venv/bin/python');
    const script = path.resolve(web, '../docs/examples/runtime_apis.py');
    const result = spawnSync(python, [script, node.url], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`runtime_apis.py exited ${result.status ?? result.signal ?? result.error}:\n${result.stdout}\n${result.stderr}`);
  }],
];

let ok = false;
try {
  ok = await runTests('web-e2e', tests);
  console.log(`screenshots: ${path.relative(process.cwd(), shots)}/ (${readdirSync(shots).join(', ')})`);
} finally {
  await browser.close().catch(() => undefined);
  await api.disconnect().catch(() => undefined);
  stopAll();
}
process.exit(ok ? 0 : 1);
