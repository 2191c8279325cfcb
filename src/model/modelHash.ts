import type { Model } from './Model.js';

/**
 * Returns a 64-bit FNV-1a hash (16 hex digits) of the evaluated model's canonical JSON (keys
 * sorted), so two results can be told to come from the same model whatever the file's layout.
 *
 * @remarks Not a cryptographic hash: it identifies, it does not authenticate. Runs in browsers
 * and workers (no `node:crypto`).
 *
 * @see G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash Algorithm",
 * IETF draft, https://datatracker.ietf.org/doc/draft-eastlake-fnv/
 *
 * @example
 * ```ts
 * modelHash(loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x')).length; // → 16
 * ```
 */
export function modelHash(model: Model): string {
  return fnv1a64(canonicalJson(model));
}

/** 64-bit FNV-1a of the UTF-16 code units of `text` (equal to the byte form for ASCII), as 16 hex digits. */
export function fnv1a64(text: string): string {
  // 64-bit FNV-1a in two 32-bit halves (BigInt would be simpler but is slow in this loop).
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low = (low ^ text.charCodeAt(i)) >>> 0;
    // Multiply by the FNV prime 2^40 + 0x1b3.
    const lowProduct = low * 0x1b3;
    const carry = Math.floor(lowProduct / 0x1_0000_0000);
    const newHigh = (high * 0x1b3 + (low << 8) + carry) >>> 0;
    low = lowProduct >>> 0;
    high = newHigh;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
