// A few lines of DOM building instead of a framework: the app is a handful of views that are
// re-rendered from chain reads.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces the children of the element with `id`. */
export function mount(id: string, ...children: Child[]): HTMLElement {
  const target = document.getElementById(id);
  if (!target) throw new Error(`no element #${id}`);
  target.replaceChildren();
  append(target, children);
  return target;
}

/**
 * A two-column table of labelled figures. Each value cell carries `data-testid` and, for an
 * amount, its exact base units in `data-value` (what tests and scripts read off the page).
 */
export function figures(rows: [label: string, value: Child, testId?: string, raw?: bigint | null][]): HTMLTableElement {
  return h(
    'table',
    { class: 'figures' },
    ...rows.map(([label, value, testId, raw]) =>
      h('tr', {}, h('th', {}, label), h('td', { 'data-testid': testId, 'data-value': raw === undefined || raw === null ? undefined : raw.toString() }, value)),
    ),
  );
}

export function table(headers: string[], rows: Child[][], testId?: string): HTMLTableElement {
  return h(
    'table',
    { class: 'list', 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...headers.map((title) => h('th', {}, title)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}
