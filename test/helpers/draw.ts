/**
 * Seeded uniform draws for the random model generators (test/helpers/randomModel.ts,
 * randomFaultTree.ts): integers, picks, log-uniform numbers, shuffles and weighted keys, all on
 * one Rng so a seed names one model.
 */
import type { Rng } from '../../src/distributions/types.js';
import { element } from './element.js';

/** Uniform draws on top of an Rng. */
export class Draw {
  constructor(private readonly rng: Rng) {}
  u(): number {
    return this.rng.next();
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return element(items, Math.floor(this.rng.next() * items.length));
  }
  /** 10^x with x uniform on [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return 10 ** (lo + (hi - lo) * this.rng.next());
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng.next() * (i + 1));
      [copy[i], copy[j]] = [element(copy, j), element(copy, i)];
    }
    return copy;
  }
  /** One of the keys, drawn with the given weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.rng.next() * total;
    for (const [key, w] of entries) {
      if ((x -= w) < 0) return key;
    }
    return element(entries, entries.length - 1)[0];
  }
}
