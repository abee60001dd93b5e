// Action forms: fields, a preview of the effect and the fee, and the outcome or the chain's
// error by name.

import type { Context } from '../context';
import { h } from '../dom';
import { describeError } from '../errors';
import { formatExact } from '../format';
import { previewFee, submit, type Extrinsic } from '../tx';

export interface Field {
  name: string;
  label: string;
  placeholder?: string;
  value?: string;
  options?: string[];
}

export interface Prepared {
  tx: Extrinsic;
  /** What the call will do, in words and figures. */
  effect: string;
}

export interface Action {
  id: string;
  title: string;
  fields: Field[];
  prepare(values: Record<string, string>, ctx: Context): Promise<Prepared>;
}

function readValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) values[element.name] = element.value;
  }
  return values;
}

export function showError(target: HTMLElement, testId: string, error: unknown): void {
  const { name, meaning } = describeError(error);
  target.replaceChildren(
    h('div', { class: 'error', 'data-testid': testId, role: 'alert' }, h('strong', { 'data-testid': `${testId}-name` }, name), meaning ? ` — ${meaning}` : ''),
  );
}

/** Keeps what the user typed across re-renders (the views are rebuilt on every block). */
const remembered = new Map<string, string>();

export function fieldInput(actionId: string, field: Field): HTMLElement {
  const key = `${actionId}.${field.name}`;
  const value = remembered.get(key) ?? field.value ?? '';
  const remember = (event: Event) => remembered.set(key, (event.target as HTMLInputElement).value);
  const control = field.options
    ? h('select', { name: field.name, 'data-testid': `${actionId}-${field.name}`, onchange: remember }, ...field.options.map((option) => h('option', { value: option, selected: option === value }, option)))
    : h('input', { name: field.name, value, placeholder: field.placeholder, 'data-testid': `${actionId}-${field.name}`, oninput: remember, autocomplete: 'off' });
  return h('label', {}, h('span', {}, field.label), control);
}

export function actionForm(action: Action, ctx: Context): HTMLElement {
  const output = h('div', { class: 'output', 'data-testid': `${action.id}-output` });
  const form = h('form', { class: 'action', 'data-testid': `${action.id}-form` }, h('h4', {}, action.title), ...action.fields.map((field) => fieldInput(action.id, field)));
  const run = async (send: boolean) => {
    const account = ctx.account;
    if (!account) return showError(output, `${action.id}-error`, new Error('choose an account first'));
    output.replaceChildren(h('span', { class: 'pending' }, send ? 'signing…' : 'estimating…'));
    try {
      const prepared = await action.prepare(readValues(form), ctx);
      const fee = await previewFee(prepared.tx, account);
      const preview = h('div', { 'data-testid': `${action.id}-preview` }, prepared.effect, h('br'), `fee ≈ ${formatExact(fee)} HASH`);
      if (!send) return output.replaceChildren(preview);
      output.replaceChildren(preview, h('div', { class: 'pending' }, 'submitted, waiting for a block…'));
      const included = await submit(ctx.api, prepared.tx, account);
      output.replaceChildren(preview, h('div', { class: 'success', 'data-testid': `${action.id}-result` }, `in block ${included.blockHash.slice(0, 12)}…`));
      await ctx.refresh();
    } catch (error) {
      showError(output, `${action.id}-error`, error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(true);
  });
  form.append(
    h('div', { class: 'buttons' },
      h('button', { type: 'button', 'data-testid': `${action.id}-preview-button`, onclick: () => void run(false) }, 'Preview'),
      h('button', { type: 'submit', 'data-testid': `${action.id}-submit` }, 'Submit'),
    ),
    output,
  );
  return form;
}
