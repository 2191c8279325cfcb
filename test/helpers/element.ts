import { expect } from 'vitest';

/**
 * Returns `array[index]`, failing the test when the index lies outside the array: the checked
 * read of tests (brute-force sums, random picks, tables) where a bad index is a bug of the test.
 */
export function element<T>(array: ArrayLike<T>, index: number): T {
  const value = array[index];
  if (value === undefined) {
    expect.fail(`index ${index} is outside an array of length ${array.length}`);
  }
  return value;
}
