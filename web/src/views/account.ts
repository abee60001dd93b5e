import type { AccountView } from '../chain';
import { DIEM_KIND, HASH_KIND } from '../chain';
import type { Context } from '../context';
import { figures, h, mount, table } from '../dom';
import { ChainCallError } from '../errors';
import { AmountError, formatAmount, formatExact, parseAmount, shortAddress } from '../format';
import { signVoucher } from '../voucher';
import { actionForm, fieldInput, showError, type Action } from './actions';

const PERCENT_SCALE = 10_000n; // basis points

/** "1" or "0.5" percent as basis points. */
export function parseSlippage(text: string): bigint {
  const bps = parseAmount(text || '0', 2);
  if (bps > 100n * 100n) throw new AmountError('slippage is at most 100 %');
  return bps;
}

const amount = (values: Record<string, string>, name: string) => {
  const value = parseAmount(values[name] ?? '');
  if (value === 0n) throw new AmountError(`${name}: the amount must be more than zero`);
  return value;
};

const time = (ms: number) => new Date(ms).toLocaleString();

export function renderAccountFigures(view: AccountView | null, ctx: Context): void {
  if (!view) {
    mount('account-figures', h('p', {}, 'No account: connect a wallet extension, or use a dev account on a dev chain.'));
    return;
  }
  const stake = view.stake;
  const head = ctx.overview?.head ?? 0;
  const blockMs = Number(ctx.overview?.blockTimeMs ?? 6000n);
  const credits = view.credits;
  const position = view.position;
  mount(
    'account-figures',
    h('div', { class: 'columns' },
      h('section', {},
        h('h3', {}, 'HASH'),
        figures([
          ['free', `${formatExact(view.hash.free)} HASH`, 'hash-free', view.hash.free],
          ['staked (unlocked)', `${formatExact(stake?.unlocked.toBigInt() ?? 0n)} HASH`, 'hash-staked-unlocked', stake?.unlocked.toBigInt() ?? 0n],
          ['staked (locked behind DIEM)', `${formatExact(stake?.locked.toBigInt() ?? 0n)} HASH`, 'hash-staked-locked', stake?.locked.toBigInt() ?? 0n],
          ['claimable rewards', `${formatExact(stake?.claimableRewards.toBigInt() ?? 0n)} HASH`, 'hash-rewards', stake?.claimableRewards.toBigInt() ?? 0n],
        ]),
        stake && stake.unbonding.length > 0
          ? table(['unbonding', 'withdrawable at', 'in about'], stake.unbonding.map((chunk) => [
              `${formatAmount(chunk.amount.toBigInt())} HASH`,
              `#${chunk.end.toNumber()}`,
              `${Math.max(0, Math.round(((chunk.end.toNumber() - head) * blockMs) / 60000))} min`,
            ]), 'unbonding')
          : h('p', { class: 'muted' }, 'Nothing unbonding.'),
      ),
      h('section', {},
        h('h3', {}, 'DIEM'),
        figures([
          ['free', `${formatExact(view.diem.free)} DIEM`, 'diem-free', view.diem.free],
          ['transferable', `${formatExact(view.diem.transferable)} DIEM`, 'diem-transferable', view.diem.transferable],
          ['staked for credits', `${formatExact(credits?.staked.toBigInt() ?? 0n)} DIEM`, 'diem-credit-staked', credits?.staked.toBigInt() ?? 0n],
          ['held in all', `${formatExact(view.diem.held)} DIEM`, 'diem-held', view.diem.held],
        ]),
        credits && credits.unlocking.length > 0
          ? table(['unlocking', 'released at'], credits.unlocking.map((chunk) => [`${formatAmount(chunk.amount.toBigInt())} DIEM`, time(chunk.releaseAt.toNumber())]), 'unlocking')
          : h('p', { class: 'muted' }, 'No DIEM unlocking.'),
      ),
      h('section', {},
        h('h3', {}, 'Position'),
        position
          ? figures([
              ['HASH locked', `${formatExact(position.locked.toBigInt())} HASH`, 'position-locked', position.locked.toBigInt()],
              ['DIEM outstanding', `${formatExact(position.outstanding.toBigInt())} DIEM`, 'position-outstanding', position.outstanding.toBigInt()],
              ['average rate', `${formatExact(position.averageRate.toBigInt())} HASH per DIEM`, 'position-rate', position.averageRate.toBigInt()],
            ])
          : h('p', { 'data-testid': 'position-none' }, 'No position: this account has not minted DIEM.'),
      ),
    ),
    h('h3', {}, 'Inference credits'),
    credits
      ? table(
          ['epoch', 'allowance', 'used', 'remaining'],
          [
            [`${credits.epoch.toNumber()} (this)`, formatAmount(credits.allowance.toBigInt()), formatAmount(credits.used.toBigInt()), formatAmount(credits.remaining.toBigInt())],
            ...(credits.previous.isSome
              ? [[`${credits.previous.unwrap().epoch.toNumber()} (previous)`, formatAmount(credits.previous.unwrap().allowance.toBigInt()), formatAmount(credits.previous.unwrap().used.toBigInt()), formatAmount(credits.previous.unwrap().remaining.toBigInt())]]
              : []),
          ],
          'credits',
        )
      : h('p', { 'data-testid': 'credits-none' }, 'No credit stake: stake DIEM for a daily allowance.'),
    credits && credits.spenders.length > 0
      ? table(['spender', 'cap per epoch', 'used', 'removed in'], credits.spenders.map((s) => [
          shortAddress(s.spender.toString()),
          formatAmount(s.capPerEpoch.toBigInt()),
          formatAmount(s.used.toBigInt()),
          s.removedIn.isSome ? `epoch ${s.removedIn.unwrap().toNumber()}` : '—',
        ]), 'spenders')
      : h('p', { class: 'muted' }, 'No spender keys.'),
  );
}

export const ACTIONS: Action[] = [
  {
    id: 'stake-hash',
    title: 'Stake HASH',
    fields: [{ name: 'amount', label: 'HASH', placeholder: '100' }],
    async prepare(values, { api }) {
      const hash = amount(values, 'amount');
      return { tx: api.tx.computeStaking.stake(hash), effect: `stakes ${formatExact(hash)} HASH from free balance (unlocked stake, earns the full yield)` };
    },
  },
  {
    id: 'unstake-hash',
    title: 'Unstake HASH',
    fields: [{ name: 'amount', label: 'HASH', placeholder: '100' }],
    async prepare(values, { api }) {
      const hash = amount(values, 'amount');
      const params = await api.query.computeStaking.params();
      const period = params.isSome ? params.unwrap().unbondingPeriod.toNumber() : 0;
      return { tx: api.tx.computeStaking.unstake(hash), effect: `starts unbonding ${formatExact(hash)} HASH of unlocked stake; withdrawable after ${period} blocks` };
    },
  },
  {
    id: 'mint',
    title: 'Mint DIEM',
    fields: [
      { name: 'diem', label: 'DIEM', placeholder: '1' },
      { name: 'slippage', label: 'slippage %', value: '1' },
      { name: 'maxCost', label: 'or exact max cost (HASH)', placeholder: 'from the quote' },
    ],
    async prepare(values, { api }) {
      const diem = amount(values, 'diem');
      const quote = await api.call.diemApi.mintQuote(diem);
      if (quote.isErr) throw new ChainCallError({ name: `Quote.${quote.asErr.type}`, meaning: 'the curve cannot mint that much' });
      const cost = quote.asOk.toBigInt();
      const maxCost = values.maxCost?.trim() ? parseAmount(values.maxCost) : cost + (cost * parseSlippage(values.slippage ?? '1')) / PERCENT_SCALE;
      return {
        tx: api.tx.diem.mint(diem, maxCost),
        effect: `mints ${formatExact(diem)} DIEM, locking ${formatExact(cost)} HASH of unlocked stake at today's quote (at most ${formatExact(maxCost)} HASH)`,
      };
    },
  },
  {
    id: 'burn',
    title: 'Burn DIEM',
    fields: [{ name: 'diem', label: 'DIEM', placeholder: '1' }],
    async prepare(values, ctx) {
      const diem = amount(values, 'diem');
      const position = ctx.account ? await ctx.api.call.diemApi.position(ctx.account.address) : null;
      const p = position?.isSome ? position.unwrap() : null;
      const outstanding = p?.outstanding.toBigInt() ?? 0n;
      const unlocks = p && outstanding > 0n ? (p.locked.toBigInt() * (diem > outstanding ? outstanding : diem)) / outstanding : 0n;
      return { tx: ctx.api.tx.diem.burn(diem), effect: `burns ${formatExact(diem)} DIEM of the position, unlocking about ${formatExact(unlocks)} HASH (the position's average cost)` };
    },
  },
  {
    id: 'stake-diem',
    title: 'Stake DIEM for credits',
    fields: [{ name: 'diem', label: 'DIEM', placeholder: '1' }],
    async prepare(values, { api }) {
      const diem = amount(values, 'diem');
      return { tx: api.tx.inferenceCredits.stake(diem), effect: `holds ${formatExact(diem)} DIEM for credits: ${formatAmount(diem)} credits a day from the next epoch (pro rata in this one)` };
    },
  },
  {
    id: 'unstake-diem',
    title: 'Unstake DIEM',
    fields: [{ name: 'diem', label: 'DIEM', placeholder: '1' }],
    async prepare(values, { api }) {
      const diem = amount(values, 'diem');
      return { tx: api.tx.inferenceCredits.unstake(diem), effect: `starts unlocking ${formatExact(diem)} DIEM; released after the next epoch boundary` };
    },
  },
  {
    id: 'add-spender',
    title: 'Add a spender key',
    fields: [
      { name: 'spender', label: 'spender address' },
      { name: 'cap', label: 'cap per epoch (credits)', placeholder: '1' },
    ],
    async prepare(values, { api }) {
      const cap = amount(values, 'cap');
      const spender = api.createType('AccountId32', values.spender?.trim()).toString();
      return { tx: api.tx.inferenceCredits.addSpender(spender, cap), effect: `lets ${shortAddress(spender)} sign vouchers on this allowance, up to ${formatExact(cap)} credits per epoch` };
    },
  },
  {
    id: 'remove-spender',
    title: 'Remove a spender key',
    fields: [{ name: 'spender', label: 'spender address' }],
    async prepare(values, { api }) {
      const spender = api.createType('AccountId32', values.spender?.trim()).toString();
      return { tx: api.tx.inferenceCredits.removeSpender(spender), effect: `stops ${shortAddress(spender)} from signing new vouchers` };
    },
  },
  {
    id: 'swap',
    title: 'Swap on the DEX',
    fields: [
      { name: 'direction', label: 'direction', options: ['HASH → DIEM', 'DIEM → HASH'] },
      { name: 'amount', label: 'amount in', placeholder: '10' },
      { name: 'slippage', label: 'slippage %', value: '1' },
    ],
    async prepare(values, ctx) {
      const amountIn = amount(values, 'amount');
      const toDiem = (values.direction ?? '').startsWith('HASH');
      const path = toDiem ? [HASH_KIND, DIEM_KIND] : [DIEM_KIND, HASH_KIND];
      const quote = await ctx.api.call.assetConversionApi.quotePriceExactTokensForTokens(path[0]!, path[1]!, amountIn, true);
      if (quote.isNone) throw new ChainCallError({ name: 'AssetConversion.NoQuote', meaning: 'the pool has no liquidity for this swap' });
      const out = quote.unwrap().toBigInt();
      const minOut = out - (out * parseSlippage(values.slippage ?? '1')) / PERCENT_SCALE;
      const [inUnit, outUnit] = toDiem ? ['HASH', 'DIEM'] : ['DIEM', 'HASH'];
      return {
        tx: ctx.api.tx.assetConversion.swapExactTokensForTokens(path, amountIn, minOut, ctx.account!.address, true),
        effect: `swaps ${formatExact(amountIn)} ${inUnit} for about ${formatExact(out)} ${outUnit} (at least ${formatExact(minOut)})`,
      };
    },
  },
];

/** The voucher form: signs off-chain, submits nothing. */
function voucherForm(ctx: Context): HTMLElement {
  const output = h('div', { class: 'output', 'data-testid': 'voucher-output' });
  const fields = [
    { name: 'operator', label: 'operator address' },
    { name: 'cumulative', label: 'cumulative credits', placeholder: '1' },
    { name: 'epoch', label: 'epoch', placeholder: 'current' },
    { name: 'payer', label: 'payer (if a spender key signs)', placeholder: 'this account' },
  ];
  const form = h('form', { class: 'action', 'data-testid': 'voucher-form' }, h('h4', {}, 'Sign a voucher for an operator'), ...fields.map((field) => fieldInput('voucher', field)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const account = ctx.account;
      if (!account) return showError(output, 'voucher-error', new Error('choose an account first'));
      const values: Record<string, string> = {};
      for (const element of Array.from(form.elements)) if (element instanceof HTMLInputElement) values[element.name] = element.value.trim();
      try {
        const epoch = values.epoch ? Number.parseInt(values.epoch, 10) : ctx.overview?.epoch?.index;
        if (epoch === undefined || !Number.isInteger(epoch) || epoch < 0) throw new AmountError('epoch: a whole number (or empty for the current one)');
        const terms = {
          epoch,
          operator: ctx.api.createType('AccountId32', values.operator).toString(),
          payer: values.payer ? ctx.api.createType('AccountId32', values.payer).toString() : account.address,
          signer: account.address,
          cumulative: amount(values, 'cumulative'),
        };
        const encoded = await signVoucher(ctx.api, account, terms);
        const blob = URL.createObjectURL(new Blob([encoded], { type: 'text/plain' }));
        output.replaceChildren(
          h('p', {}, `Voucher for epoch ${epoch}, ${formatExact(terms.cumulative)} credits in total; give it to the operator:`),
          h('textarea', { readonly: true, rows: 3, 'data-testid': 'voucher-hex' }, encoded),
          h('div', { class: 'buttons' },
            h('button', { type: 'button', onclick: () => void navigator.clipboard?.writeText(encoded) }, 'Copy'),
            h('a', { href: blob, download: `voucher-${epoch}-${terms.cumulative}.hex`, class: 'button' }, 'Download'),
          ),
        );
      } catch (error) {
        showError(output, 'voucher-error', error);
      }
    })();
  });
  form.append(h('div', { class: 'buttons' }, h('button', { type: 'submit', 'data-testid': 'voucher-sign' }, 'Sign')), output);
  return form;
}

export function renderAccountActions(ctx: Context): void {
  mount('account-actions', h('h3', {}, 'Act'), h('div', { class: 'actions' }, ...ACTIONS.map((action) => actionForm(action, ctx)), voucherForm(ctx)));
}
