/**
 * A handle under an element that sets its height, by pointer drag or by keyboard: a focusable
 * `role="separator"` with its value in pixels (WAI-ARIA window splitter pattern): ArrowUp and
 * ArrowDown move it by a step, PageUp and PageDown by four, Home and End to the least and the
 * largest height.
 */

/** Pixels an arrow key moves the handle. */
export const RESIZE_STEP = 32;

/**
 * Returns the height after a key on the handle, within [min, max], or undefined for a key that
 * does not resize (it is left to the page).
 */
export function keyedHeight(
  key: string,
  height: number,
  min: number,
  max: number,
): number | undefined {
  const moves: Record<string, number> = {
    ArrowUp: -RESIZE_STEP,
    ArrowDown: RESIZE_STEP,
    PageUp: -4 * RESIZE_STEP,
    PageDown: 4 * RESIZE_STEP,
    Home: -Infinity,
    End: Infinity,
  };
  const move = moves[key];
  if (move === undefined) return undefined;
  return Math.min(max, Math.max(min, height + move));
}

/**
 * Makes `handle` resize `target` vertically between `min` px and `max()` px (a function: it may
 * follow the window's height), and keeps the separator's aria values current.
 */
export function attachResizeHandle(
  target: HTMLElement,
  handle: HTMLElement,
  min: number,
  max: () => number,
): void {
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'horizontal');
  handle.tabIndex = 0;
  const set = (height: number): void => {
    const clamped = Math.round(Math.min(max(), Math.max(min, height)));
    target.style.height = `${clamped}px`;
    show();
  };
  const show = (): void => {
    handle.setAttribute('aria-valuemin', String(min));
    handle.setAttribute('aria-valuemax', String(Math.round(max())));
    handle.setAttribute('aria-valuenow', String(Math.round(target.getBoundingClientRect().height)));
  };
  handle.addEventListener('keydown', (event) => {
    const next = keyedHeight(event.key, target.getBoundingClientRect().height, min, max());
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  });
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const start = event.clientY;
    const height = target.getBoundingClientRect().height;
    const move = (e: PointerEvent) => set(height + e.clientY - start);
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  });
  handle.addEventListener('focus', show);
  show();
}
