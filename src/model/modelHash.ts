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
  const hash = new Fnv1a64();
  hashCanonicalJson(model, hash);
  return hash.digest();
}

/** 64-bit FNV-1a of the UTF-16 code units of `text` (equal to the byte form for ASCII), as 16 hex digits. */
export function fnv1a64(text: string): string {
  const hash = new Fnv1a64();
  hash.update(text);
  return hash.digest();
}

/** 64-bit FNV-1a fed piece by piece: the hash of the pieces' concatenation. */
class Fnv1a64 {
  // In two 32-bit halves (BigInt would be simpler but is slow in this loop).
  private high = 0xcbf29ce4;
  private low = 0x84222325;

  update(text: string): void {
    let high = this.high;
    let low = this.low;
    for (let i = 0; i < text.length; i++) {
      low = (low ^ text.charCodeAt(i)) >>> 0;
      // Multiply by the FNV prime 2^40 + 0x1b3.
      const lowProduct = low * 0x1b3;
      const carry = Math.floor(lowProduct / 0x1_0000_0000);
      const newHigh = (high * 0x1b3 + (low << 8) + carry) >>> 0;
      low = lowProduct >>> 0;
      high = newHigh;
    }
    this.high = high;
    this.low = low;
  }

  digest(): string {
    return this.high.toString(16).padStart(8, '0') + this.low.toString(16).padStart(8, '0');
  }
}

/**
 * Feeds `hash` the canonical JSON of `value` (object keys sorted) without building the text,
 * which is some 100 kB for a model of 500 components. A value JSON cannot write (undefined, a
 * function) is written `undefined` in an object and nothing in an array, as template strings and
 * `join` write it.
 */
function hashCanonicalJson(value: unknown, hash: Fnv1a64, inArray = false): void {
  if (Array.isArray(value)) {
    hash.update('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) hash.update(',');
      hashCanonicalJson(value[i], hash, true);
    }
    hash.update(']');
  } else if (value !== null && typeof value === 'object') {
    hash.update('{');
    const keys = Object.keys(value).sort();
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) hash.update(',');
      hash.update(JSON.stringify(keys[i]));
      hash.update(':');
      hashCanonicalJson((value as Record<string, unknown>)[keys[i]!], hash);
    }
    hash.update('}');
  } else {
    const text = JSON.stringify(value) as string | undefined;
    hash.update(text ?? (inArray ? '' : 'undefined'));
  }
}
