// The app: connect to a node, pick an account, show the views and keep them current on every
// new block.

import './style.css';
import type { ApiPromise } from '@polkadot/api';
import { DEFAULT_RPC, connect, readAccount, readOperators, readOverview } from './chain';
import type { Context } from './context';
import { h, mount } from './dom';
import { describeError } from './errors';
import { UNIT } from './format';
import { renderAccountActions, renderAccountFigures } from './views/account';
import { renderCalculator } from './views/calculator';
import { renderOperators } from './views/operators';
import { renderOverview } from './views/overview';
import { devAccounts, extensionAccounts, type WalletAccount } from './wallet';

const VIEWS = ['overview', 'account', 'calculator', 'operators'] as const;
const TITLES: Record<(typeof VIEWS)[number], string> = { overview: 'Overview', account: 'Account', calculator: 'Hold vs rent', operators: 'Operators' };

function status(text: string, kind: 'ok' | 'error' | 'pending' = 'ok'): void {
  mount('status', h('span', { class: kind, 'data-testid': 'connection' }, text));
}

function rpcUrl(): string {
  return new URLSearchParams(location.search).get('rpc') ?? localStorage.getItem('diem.rpc') ?? DEFAULT_RPC;
}

function showView(view: string): void {
  for (const name of VIEWS) {
    document.getElementById(name)?.toggleAttribute('hidden', name !== view && !(name === 'account' && view === 'account'));
    document.querySelector(`[data-view="${name}"]`)?.classList.toggle('active', name === view);
  }
  document.getElementById('account-actions')?.toggleAttribute('hidden', view !== 'account');
  document.getElementById('account-figures')?.toggleAttribute('hidden', view !== 'account');
  if (location.hash !== `#${view}`) history.replaceState(null, '', `#${view}`);
}

let current: { api: ApiPromise; unsubscribe: () => void } | null = null;

async function start(url: string): Promise<void> {
  if (current) {
    current.unsubscribe();
    await current.api.disconnect().catch(() => undefined);
    current = null;
  }
  status(`connecting to ${url}…`, 'pending');
  let api: ApiPromise;
  try {
    api = await connect(url);
  } catch (error) {
    status(`${describeError(error).meaning}`, 'error');
    return;
  }
  localStorage.setItem('diem.rpc', url);
  const chainType = await api.rpc.system.chainType();
  const accounts: WalletAccount[] = [];
  const extensions = await extensionAccounts();
  accounts.push(...extensions.accounts);
  if (chainType.isDevelopment || chainType.isLocal) accounts.push(...(await devAccounts(api.registry.chainSS58 ?? 42)));

  let refreshing = false;
  let again = false;
  const ctx: Context = {
    api,
    accounts,
    account: accounts[0] ?? null,
    overview: null,
    async refresh() {
      if (refreshing) {
        again = true;
        return;
      }
      refreshing = true;
      try {
        do {
          again = false;
          ctx.overview = await readOverview(api, UNIT);
          renderOverview(ctx.overview);
          renderAccountFigures(ctx.account ? await readAccount(api, ctx.account.address) : null, ctx);
          renderOperators(await readOperators(api), ctx.overview.epoch?.index ?? null);
        } while (again);
        status(`connected to ${url} · #${ctx.overview?.head ?? 0}`);
      } catch (error) {
        status(`read failed: ${describeError(error).name}: ${describeError(error).meaning}`, 'error');
      } finally {
        refreshing = false;
      }
    },
  };

  const picker = h(
    'select',
    {
      'data-testid': 'account-select',
      onchange: (event: Event) => {
        const address = (event.target as HTMLSelectElement).value;
        ctx.account = accounts.find((a) => a.address === address) ?? null;
        // A fresh set of forms: one account's previews and outcomes are not another's.
        renderAccountActions(ctx);
        void ctx.refresh();
      },
    },
    ...accounts.map((a) => h('option', { value: a.address }, `${a.name} (${a.source}) ${a.address.slice(0, 8)}…`)),
  );
  mount('wallet', accounts.length ? picker : h('span', { class: 'muted' }, 'no accounts: install a wallet extension'), extensions.refused.length ? h('span', { class: 'muted' }, ` (${extensions.refused.join(', ')} refused)`) : null);

  renderAccountActions(ctx);
  renderCalculator(ctx);
  await ctx.refresh();
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(() => void ctx.refresh());
  current = { api, unsubscribe };
}

function boot(): void {
  const input = h('input', { id: 'rpc', value: rpcUrl(), 'data-testid': 'rpc-url', size: 28 });
  mount(
    'connect',
    h('form', { onsubmit: (event: Event) => { event.preventDefault(); void start(input.value.trim()); } }, input, h('button', { type: 'submit', 'data-testid': 'connect' }, 'Connect')),
  );
  mount('nav', ...VIEWS.map((view) => h('a', { href: `#${view}`, 'data-view': view, 'data-testid': `nav-${view}`, onclick: (event: Event) => { event.preventDefault(); showView(view); } }, TITLES[view])));
  const initial = location.hash.slice(1);
  showView((VIEWS as readonly string[]).includes(initial) ? initial : 'overview');
  void start(input.value.trim());
}

boot();
