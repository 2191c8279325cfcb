import { ModelError, type ModelIssue } from '../errors.js';
import { formatPath, type ModelSource, type Path } from '../model/source.js';

// A year in hours: the mission time of a fault tree whose file gives none (Galileo files give
// no mission time; relkit reads their rates per hour).
const DEFAULT_MISSION_TIME = 8760;

const STATIC_GATES = 'and, or, KofM (such as 2of3) and votK (such as vot2)';
const ATTRIBUTES = 'lambda= (failure rate), prob= (fixed probability) and repair= (repair rate)';

// The dynamic gates of Galileo and its extensions (Storm, DFTCalc, FFORT), named for messages.
const DYNAMIC_GATES: Readonly<Record<string, string>> = {
  pand: 'priority-AND',
  'pand-incl': 'priority-AND',
  'pand<=': 'priority-AND',
  'pand-excl': 'priority-AND',
  'pand<': 'priority-AND',
  por: 'priority-OR',
  'por-incl': 'priority-OR',
  'por<=': 'priority-OR',
  'por-excl': 'priority-OR',
  'por<': 'priority-OR',
  spare: 'spare',
  wsp: 'warm spare',
  csp: 'cold spare',
  hsp: 'hot spare',
  fdep: 'functional dependency',
  pdep: 'probabilistic dependency',
  seq: 'sequence enforcer',
  mutex: 'mutual exclusion',
  insp: 'inspection',
};

/** Options of {@link readGalileo}. */
export interface ReadGalileoOptions {
  /**
   * Time at which P(top) is reported, in hours (Galileo rates are read per hour).
   *
   * @defaultValue 8760
   */
  readonly missionTime?: number;
}

/**
 * Returns a static fault tree written in the Galileo format as a relkit fault-tree document
 * (`events`, `fault_tree`, `time_unit: h`, `mission_time`), with a `locate` that points every
 * later issue back to the Galileo line and column it came from.
 *
 * $$
 * \texttt{"G" and A B} \mapsto G = A \wedge B, \quad \texttt{"V" 2of3 A B C} \mapsto
 * V = \mathrm{atleast}_2(A, B, C), \quad \texttt{"A" lambda=}\lambda \mapsto
 * P(A \text{ by } t) = 1 - e^{-\lambda t}
 * $$
 *
 * Read: `toplevel "Top";`; gates `and`, `or`, `KofM` (`2of3`, at least K of the M children
 * fail, M must be their number) and `votK` (Storm's spelling of the same); basic events with
 * `lambda=` (an exponential failure rate, per hour), optionally `repair=` (an exponential repair
 * rate), or `prob=` (a fixed probability); names bare or in double quotes; `//` and `/* *\/`
 * comments. One statement or more per line, each ending with `;`. A value that is not a plain
 * number is passed on as an expression.
 *
 * @param file - the file name used in messages and as the model name (without its extension),
 * and the text
 * @param options - the mission time, see {@link ReadGalileoOptions}
 * @returns the document and its locator; names, numbers and the tree are checked when the
 * document is loaded (`parseModelSource`), with issues located by `locate`
 * @throws {@link ModelError} with every issue located at `file:line:column`: a statement without
 * its `;`, an unterminated name or comment, a missing or second `toplevel`, a name defined twice,
 * a KofM gate whose M is not its number of children, a dynamic gate (pand, por, spare, wsp, csp,
 * hsp, fdep, pdep, seq, mutex, inspections) or `dorm=` (dormancy, which only spares use), and
 * any other gate type or attribute; each message names what is read
 *
 * @remarks
 * The grammar is the static subset of the Galileo manual (Sullivan and Dugan, University of
 * Virginia, 1998) with the extensions of Storm's parser and FFORT (`votK`, `repair=`): gate and
 * attribute keywords are read in any case; a statement may not span lines, as in those tools.
 * One pass over the text, O(length).
 *
 * @see Galileo User's Manual & Design Overview, version 2.11, University of Virginia, 1998,
 * https://www.cse.msu.edu/~cse870/Materials/FaultTolerant/manual-galileo.htm (textual view).
 * @see FFORT, the fault tree input format, https://dftbenchmarks.utwente.nl/galileo.html.
 * @see Storm, DFT input formats, https://www.stormchecker.org/documentation/background/dft.html.
 *
 * @example
 * ```ts
 * const source = readGalileo({ name: 'pair.dft', text: 'toplevel "S";\n"S" and "A" "B";\n"A" lambda=1e-4;\n"B" prob=0.01;' });
 * JSON.stringify(source.data.fault_tree); // → {"top":"S","gates":{"S":{"and":["A","B"]}}}
 * source.locate({ path: ['events', 'B', 'probability'], message: 'x' }).line; // → 4
 * ```
 */
export function readGalileo(
  file: { readonly name: string; readonly text: string },
  options: ReadGalileoOptions = {},
): ModelSource & { readonly data: GalileoDocument } {
  const issues: ModelIssue[] = [];
  const positions = new Map<string, Token>();
  const record = (path: Path, token: Token): void => {
    const key = JSON.stringify(path);
    if (!positions.has(key)) positions.set(key, token);
  };
  const fail = (token: Token | undefined, message: string): void => {
    issues.push({ file: file.name, ...(token && at(token)), path: '', message });
  };
  const events = new Map<string, unknown>();
  const gates = new Map<string, unknown>();
  const defined = new Map<string, Token>();
  let top: Token | undefined;
  let toplevel: Token | undefined;
  for (const statement of statements(file.text, fail)) {
    const [first, second] = statement;
    if (first === undefined) continue;
    if (!first.quoted && first.text.toLowerCase() === 'toplevel' && first.kind === 'word') {
      if (toplevel) {
        fail(
          first,
          `toplevel must be given once; got a second one (the first is at line ${toplevel.line})`,
        );
      } else if (statement.length !== 2 || second?.kind !== 'word') {
        fail(first, 'toplevel must be followed by one name, as in toplevel "System";');
      } else {
        top = second;
        record(['fault_tree', 'top'], second);
      }
      toplevel ??= first;
      continue;
    }
    if (first.kind !== 'word' || second === undefined) {
      fail(first, `"${first.text}" must be followed by a gate type or attributes such as lambda=`);
      continue;
    }
    const earlier = defined.get(first.text);
    if (earlier) {
      fail(first, `"${first.text}" is defined twice (first at line ${earlier.line})`);
      continue;
    }
    defined.set(first.text, first);
    const isEvent = statement[2]?.kind === 'equals';
    const built = isEvent ? basicEvent(statement, fail) : gate(statement, fail);
    if (built === undefined) continue;
    const path = [isEvent ? 'events' : 'fault_tree', ...(isEvent ? [] : ['gates']), first.text];
    record(path, first);
    for (const [suffix, token] of built.positions) record([...path, ...suffix], token);
    (isEvent ? events : gates).set(first.text, built.value);
  }
  if (!toplevel) {
    fail(
      undefined,
      'toplevel is missing: name the top event with a line such as toplevel "System";',
    );
  }
  if (issues.length > 0) {
    // In file order (the scan reports syntax before the statements are read); unplaced last.
    const place = (issue: ModelIssue): number =>
      issue.line === undefined ? Infinity : issue.line * 1e6 + (issue.column ?? 0);
    throw new ModelError(issues.sort((a, b) => place(a) - place(b)));
  }
  const data: GalileoDocument = {
    name: file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file.name,
    time_unit: 'h',
    mission_time: options.missionTime ?? DEFAULT_MISSION_TIME,
    // fromEntries defines own properties, so a name such as __proto__ stays a plain key.
    events: Object.fromEntries(events),
    fault_tree: { top: top?.text ?? '', gates: Object.fromEntries(gates) },
  };
  const locate = (issue: { path: Path; message: string }): ModelIssue => {
    for (let length = issue.path.length; length >= 0; length--) {
      const token = positions.get(JSON.stringify(issue.path.slice(0, length)));
      if (token) {
        return {
          file: file.name,
          ...at(token),
          path: formatPath(issue.path),
          message: issue.message,
        };
      }
    }
    return { file: file.name, path: formatPath(issue.path), message: issue.message };
  };
  return { file: file.name, data, locate };
}

/** The relkit document {@link readGalileo} returns. */
export interface GalileoDocument {
  readonly name: string;
  readonly time_unit: 'h';
  readonly mission_time: number;
  readonly events: Readonly<Record<string, unknown>>;
  readonly fault_tree: { readonly top: string; readonly gates: Readonly<Record<string, unknown>> };
}

/** A token: a name (bare word or quoted) or `=`, with where it starts. */
interface Token {
  readonly kind: 'word' | 'equals';
  readonly text: string;
  readonly quoted: boolean;
  readonly line: number;
  readonly column: number;
}

/** What one statement gives: its value in the document and where its parts were written. */
interface Built {
  readonly value: unknown;
  readonly positions: readonly (readonly [Path, Token])[];
}

type Fail = (token: Token | undefined, message: string) => void;

function at(token: Token): { line: number; column: number } {
  return { line: token.line, column: token.column };
}

function gate(statement: readonly Token[], fail: Fail): Built | undefined {
  const [name, type, ...children] = statement as [Token, Token, ...Token[]];
  const where = `gate "${name.text}"`;
  const bad = children.find((child) => child.kind !== 'word');
  if (type.quoted || bad) {
    fail(bad ?? type, `${where} must be written "${name.text}" <type> <children…>;`);
    return undefined;
  }
  const kind = type.text.toLowerCase();
  const names = children.map((child) => child.text);
  const listed = (key: Path): [Path, Token][] => [
    [key.slice(0, 1), type],
    ...children.map((child, i): [Path, Token] => [[...key, i], child]),
  ];
  if (kind === 'and' || kind === 'or') {
    return { value: { [kind]: names }, positions: listed([kind]) };
  }
  const kOfM = /^(\d+)of(\d+)$/.exec(kind);
  const vote = /^vot(\d+)$/.exec(kind);
  if (kOfM || vote) {
    const k = Number((kOfM ?? vote)![1]); // both patterns capture group 1
    if (kOfM && Number(kOfM[2]) !== children.length) {
      fail(type, `${where}: ${type.text} must have ${kOfM[2]} children; got ${children.length}`);
      return undefined;
    }
    const positions = [...listed(['atleast', 'of']), [['atleast', 'k'], type] as [Path, Token]];
    return { value: { atleast: { k, of: names } }, positions };
  }
  const dynamic = DYNAMIC_GATES[kind] ?? (kind.startsWith('insp') ? 'inspection' : undefined);
  fail(
    type,
    dynamic
      ? `${where}: ${type.text} (${dynamic}) is a dynamic gate; relkit reads the static gates ${STATIC_GATES}`
      : `${where}: "${type.text}" is not a gate type relkit reads; it reads ${STATIC_GATES}`,
  );
  return undefined;
}

function basicEvent(statement: readonly Token[], fail: Fail): Built | undefined {
  const [name, ...rest] = statement as [Token, ...Token[]];
  const where = `basic event "${name.text}"`;
  const values = new Map<string, Token>();
  let ok = true;
  for (let i = 0; i < rest.length; i += 3) {
    const [key, equals, value] = [rest[i], rest[i + 1], rest[i + 2]];
    if (key?.kind !== 'word' || equals?.kind !== 'equals' || value?.kind !== 'word') {
      fail(key, `${where} must be written "${name.text}" attribute=value …;`);
      return undefined;
    }
    const attribute = key.text.toLowerCase();
    if (attribute === 'pdep') {
      fail(
        key,
        `gate "${name.text}": pdep (probabilistic dependency) is a dynamic gate; relkit reads the static gates ${STATIC_GATES}`,
      );
      return undefined;
    }
    if (attribute === 'dorm') {
      fail(
        key,
        `${where}: dorm= (dormancy) only matters under spare gates, which are dynamic; relkit reads ${ATTRIBUTES}`,
      );
      ok = false;
    } else if (!['lambda', 'prob', 'repair'].includes(attribute)) {
      fail(key, `${where}: ${key.text}= is not an attribute relkit reads; it reads ${ATTRIBUTES}`);
      ok = false;
    } else if (values.has(attribute)) {
      fail(key, `${where}: ${key.text}= is given twice`);
      ok = false;
    } else values.set(attribute, value);
  }
  const lambda = values.get('lambda');
  const prob = values.get('prob');
  const repair = values.get('repair');
  if (ok && (lambda === undefined) === (prob === undefined)) {
    fail(
      name,
      `${where} must have exactly one of lambda= and prob=; got ${lambda ? 'both' : 'neither'}`,
    );
    ok = false;
  } else if (ok && prob && repair) {
    fail(repair, `${where}: repair= needs lambda= (a fixed probability is not repaired)`);
    ok = false;
  }
  if (!ok) return undefined;
  if (prob) return { value: { probability: number(prob) }, positions: [[['probability'], prob]] };
  const failure = lambda!; // exactly one of lambda and prob is set, checked above
  return {
    value: {
      failure: { rate: number(failure) },
      ...(repair && { repair: { rate: number(repair) } }),
    },
    positions: [[['failure'], failure], ...(repair ? [[['repair'], repair] as [Path, Token]] : [])],
  };
}

/** A plain decimal number as a number; anything else is passed on as an expression. */
function number(token: Token): number | string {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token.text)
    ? Number(token.text)
    : token.text;
}

/**
 * Splits the text into statements of tokens, dropping comments; reports unterminated names and
 * comments and a line that ends inside a statement.
 */
function statements(text: string, fail: Fail): Token[][] {
  const found: Token[][] = [];
  let current: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const token = (kind: Token['kind'], value: string, quoted: boolean, start: number): Token => ({
    kind,
    text: value,
    quoted,
    line,
    column: start - lineStart + 1,
  });
  const lineEnd = (from: number): number => {
    const end = text.indexOf('\n', from);
    return end < 0 ? text.length : end;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\n') {
      const last = current.at(-1);
      if (last) {
        fail(
          last,
          `statement must end with ";" on its line; got the end of the line after "${last.text}"`,
        );
      }
      current = [];
      line++;
      lineStart = ++i;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '/' && next === '/') i = lineEnd(i);
    else if (c === '/' && next === '*') {
      const opening = token('word', '/*', false, i);
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      // The comment's newlines still count: later tokens keep their true lines.
      for (let j = text.indexOf('\n', i); j >= 0 && j < stop; j = text.indexOf('\n', j + 1)) {
        line++;
        lineStart = j + 1;
      }
      if (end < 0) fail(opening, 'comment /* must be closed with */');
      i = stop;
    } else if (c === ';') {
      if (current.length > 0) found.push(current);
      current = [];
      i++;
    } else if (c === '=') {
      current.push(token('equals', '=', false, i++));
    } else if (c === '"') {
      const eol = lineEnd(i);
      const length = text.slice(i + 1, eol).indexOf('"');
      const name = token('word', text.slice(i + 1, i + 1 + Math.max(length, 0)), true, i);
      if (length < 0) {
        fail(name, 'a quoted name must end with " on its line');
        current = []; // the statement is lost: one message is enough
        i = eol;
      } else {
        if (length === 0) fail(name, 'a name must not be empty; got ""');
        else current.push(name);
        i += length + 2;
      }
    } else {
      const start = i;
      while (i < text.length && isWordCharacter(text, i)) i++;
      current.push(token('word', text.slice(start, i), false, start));
    }
  }
  const last = current.at(-1);
  if (last) fail(last, `statement must end with ";"; got the end of the file after "${last.text}"`);
  return found;
}

/** True unless the character at `i` is blank, `;`, `=`, `"` or starts a comment. */
function isWordCharacter(text: string, i: number): boolean {
  const c = text.charAt(i);
  if (c === '/') return !['/', '*'].includes(text.charAt(i + 1));
  return !(c === ';' || c === '=' || c === '"' || /\s/.test(c));
}
