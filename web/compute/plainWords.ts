/**
 * The library's messages in the page's words: the library explains itself to command-line users
 * (it names `relkit simulate`, `--max-states`, option names such as `mttfCap`), the page does not
 * offer those, so it keeps the reason and drops the advice. Pure functions, unit-tested.
 */
/**
 * Most states the page lets the Markov engine build, as the library estimates them before
 * building (an upper estimate: a chain estimated at 4.1e5 has about 8e4 states). Above it the
 * page simulates instead: a larger chain takes tens of seconds and hundreds of MB in a tab.
 */
export const PAGE_STATE_LIMIT = 500_000;

// Words only a command-line user can act on: a command, a flag, a camelCase option name.
const COMMAND_LINE = /\brelkit\s+\w+|--[a-z][\w-]*|\b[a-z]+[A-Z]\w*\b/;

// Advice to change a setting the page does not offer: `raise the cap (mttfCap, --mttf-cap)`.
const SETTING_ADVICE = /^(raise|lower|set|pass|use|add)\b/;

/**
 * Returns a library note without what a page user cannot act on: each `;`-separated clause that
 * names a command, a flag or an option is dropped (and a piece of advice whose aside names one),
 * and so is each parenthesis that does.
 */
export function plainLibraryNote(text: string): string {
  return text
    .split(/;\s*/)
    .filter((clause) => {
      const asides = [...clause.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]!);
      const words = clause.replace(/\s*\([^()]*\)/g, '');
      if (COMMAND_LINE.test(words)) return false;
      return !(SETTING_ADVICE.test(words.trim()) && asides.some((a) => COMMAND_LINE.test(a)));
    })
    .map((clause) =>
      clause.replace(/\s*\(([^()]*)\)/g, (aside, inner: string) =>
        COMMAND_LINE.test(inner) ? '' : aside,
      ),
    )
    .filter((clause) => clause.trim() !== '')
    .join('; ')
    .trim();
}

/** Returns the estimated state count a refusal's reason gives, or undefined when none. */
export function chainSizeOf(reason: string): number | undefined {
  const match = /the chain (?:would have about|has more than) (\d+(?:\.\d+)?e\d+|\d+) states/.exec(
    reason,
  );
  return match ? Number(match[1]) : undefined;
}

/**
 * Returns why no exact method solves a model, in plain words, from the reason of the library's
 * `UnsupportedModelError` (its advice, which names commands, is not used): a chain over the
 * page's limit says so with both numbers; any other reason is kept without command-line words.
 */
export function noExactMethodMessage(reason: string, limit: number = PAGE_STATE_LIMIT): string {
  const states = chainSizeOf(reason);
  if (states !== undefined && states > limit) {
    return `No exact solution in the page: the Markov chain of this model would have about ${formatCount(states)} states, more than the page's limit of ${formatCount(limit)}. The numbers are simulation estimates instead.`;
  }
  const plain = plainLibraryNote(reason.replace(/^analytic:\s*/, ''));
  return `No exact method applies to this model: ${plain}. The numbers are simulation estimates instead.`;
}

/** Returns a count with thin groups of three digits: 4 300 000. */
export function formatCount(count: number): string {
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A progress report of the Markov engine in plain words, with the chain's size once known. */
export interface PlainProgress {
  readonly text: string;
  readonly states?: number;
}

/**
 * Returns a progress note of the Markov engine (`solveSteadyState: bicgstab on 472276 states,
 * …`) as the page says it: what is being done, and the number of states when the note gives it.
 */
export function plainProgress(note: string): PlainProgress {
  const states = /\bon (\d+) (?:transient )?states/.exec(note)?.[1];
  const size = states === undefined ? {} : { states: Number(states) };
  if (/building the chain/.test(note)) return { text: 'building the Markov chain' };
  if (/^meanTimeToAbsorption/.test(note)) return { text: 'computing the MTTF', ...size };
  if (/^solveSteadyState|^gthSteadyState/.test(note)) {
    return { text: 'computing the long-run measures', ...size };
  }
  return { text: 'solving the Markov chain', ...size };
}
