import { describe, expect, test } from 'vitest';
import { keyedHeight, RESIZE_STEP } from '../../web/views/resizeHandle.js';

describe('keyedHeight', () => {
  test('arrows move a step, pages four, Home and End to the bounds; other keys do nothing', () => {
    expect(keyedHeight('ArrowDown', 300, 128, 900)).toBe(300 + RESIZE_STEP);
    expect(keyedHeight('ArrowUp', 300, 128, 900)).toBe(300 - RESIZE_STEP);
    expect(keyedHeight('PageDown', 300, 128, 900)).toBe(300 + 4 * RESIZE_STEP);
    expect(keyedHeight('PageUp', 300, 128, 900)).toBe(300 - 4 * RESIZE_STEP);
    expect(keyedHeight('Home', 300, 128, 900)).toBe(128);
    expect(keyedHeight('End', 300, 128, 900)).toBe(900);
    expect(keyedHeight('ArrowUp', 140, 128, 900)).toBe(128);
    expect(keyedHeight('ArrowDown', 890, 128, 900)).toBe(900);
    expect(keyedHeight('a', 300, 128, 900)).toBeUndefined();
    expect(keyedHeight('Tab', 300, 128, 900)).toBeUndefined();
  });
});
