/** Small DOM helpers shared by the views. */

/** Returns a new element with attributes and children; `text` sets textContent. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children);
  return element;
}

/** Returns the element with this id, or throws naming it (index.html and the code disagree). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no element #${id}`);
  return element as T;
}

/** Saves text as a file through a temporary link. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a blob (an image, a text) as a file through a temporary link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Gives a select the options `[value, label]` (rebuilt only when they change, so an open menu
 * stays open) and selects `selected` when it is one of them.
 */
export function fillSelect(
  select: HTMLSelectElement,
  options: readonly (readonly [string, string])[],
  selected: string | undefined,
): void {
  const signature = JSON.stringify(options);
  if (select.dataset.options !== signature) {
    select.dataset.options = signature;
    select.replaceChildren(...options.map(([value, label]) => h('option', { value, text: label })));
  }
  if (selected !== undefined && options.some(([value]) => value === selected)) {
    select.value = selected;
  }
}

/**
 * Returns text as nodes with a line-break opportunity (`<wbr>`) after each `_`, `-`, `.` and
 * space, so a long event name (`operator_fails_to_start_b`) wraps between its words, not inside
 * them. The pieces are text nodes: a name never becomes markup.
 */
export function breakableText(text: string): Node[] {
  return text
    .split(/(?<=[_\-. ])/)
    .flatMap((piece, i) => (i === 0 ? [piece] : [h('wbr'), piece]))
    .map((piece) => (typeof piece === 'string' ? document.createTextNode(piece) : piece));
}
