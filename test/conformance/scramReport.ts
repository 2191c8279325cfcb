/**
 * Reads the XML report of SCRAM 0.16 (`scram --probability 1 --importance 1 … -o report.xml`):
 * per top event, the minimal cut set count and probability of its `<sum-of-products>` and the
 * importance factors of every basic event under `<importance>`. Only what the conformance test
 * compares is kept. The format: SCRAM's RELAX NG schema share/report.rng (installed as
 * /usr/share/scram/report.rng) and https://scram-pra.org/doc/report_file.html.
 */
import { SaxesParser } from 'saxes';

/** SCRAM's importance factor attributes and relkit's name for each (src/model/Result.ts). */
export const SCRAM_FACTORS = {
  MIF: 'birnbaum',
  CIF: 'criticality',
  DIF: 'diagnostic',
  RAW: 'raw',
  RRW: 'rrw',
} as const;

/** A factor by relkit's name. */
export type ScramFactor = (typeof SCRAM_FACTORS)[keyof typeof SCRAM_FACTORS];

/**
 * One basic event's line of the importance table: its probability and the five factors. SCRAM
 * prints 6 significant digits, `inf`/`nan` for non-finite values, and 0 for an RRW whose
 * denominator P(top | event does not occur) is 0 (an event in every minimal cut set).
 * SCRAM's DIF is q·RAW, relkit's `diagnostic` (src/structure/importanceMeasures.ts).
 */
export type ScramImportance = Readonly<Record<'probability' | ScramFactor, number>>;

/** The results for one top event (a `<sum-of-products>` and its `<importance>`). */
export interface ScramTopEvent {
  /** The top gate's name. */
  readonly name: string;
  /** P(top), exact when the report's `approximation` is `none` (BDD). */
  readonly probability: number;
  /** The number of minimal cut sets (products) up to the product-order limit. */
  readonly products: number;
  /** Products of order 1, 2, …: SCRAM's `distribution` attribute. */
  readonly productsByOrder: readonly number[];
  /**
   * Importance by basic-event name. A common-cause event (`<ccf-event>`) is named as relkit
   * names it (src/model/expandCommonCauseGroups.ts): a single member's independent part by the
   * member, the event failing several members `[a b …]`, members in group order.
   */
  readonly importance: ReadonlyMap<string, ScramImportance>;
}

/** What the conformance test needs of one report. */
export interface ScramReport {
  /** SCRAM's version, such as `0.16.2`. */
  readonly version: string;
  /** The probability analysis' `approximation`: `none`, `rare-event` or `mcub`. */
  readonly approximation: string | undefined;
  /** The largest product order computed (`--limit-order`, default 20). */
  readonly productOrderLimit: number | undefined;
  readonly topEvents: readonly ScramTopEvent[];
}

/** An element of the report: tag, attributes, child elements and its text. */
interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
  text: string;
}

/**
 * Parses the text of a SCRAM report.
 *
 * @throws Error when the text is not well-formed XML, is not a SCRAM report, or a number, a
 * required attribute or a product is missing or malformed.
 */
export function parseScramReport(text: string): ScramReport {
  const root = parseElements(text);
  if (root.name !== 'report') throw new Error(`not a SCRAM report: the root is <${root.name}>`);
  const information = only(root, 'information');
  const quantities = information.children.filter((e) => e.name === 'calculated-quantity');
  const probability = quantities.find((e) => e.attributes.name === 'Probability Analysis');
  const orderLimit = quantities
    .find((e) => e.attributes.name === 'Minimal Cut Sets')
    ?.children.flatMap((method) => method.children)
    .flatMap((limits) => limits.children)
    .find((limit) => limit.name === 'product-order');
  const results = only(root, 'results');
  const importance = new Map(
    results.children
      .filter((e) => e.name === 'importance')
      .map((e) => [attribute(e, 'name'), importanceTable(e)]),
  );
  const topEvents = results.children
    .filter((e) => e.name === 'sum-of-products')
    .map((e): ScramTopEvent => {
      const name = attribute(e, 'name');
      const products = count(e, 'products');
      const listed = e.children.filter((child) => child.name === 'product').length;
      if (listed !== products) {
        throw new Error(`${name}: products="${products}" but ${listed} <product> elements`);
      }
      const distribution = e.attributes.distribution?.trim();
      return {
        name,
        probability: scramNumber(attribute(e, 'probability'), `${name} probability`),
        products,
        productsByOrder: distribution ? distribution.split(/\s+/).map(Number) : [],
        importance: importance.get(name) ?? new Map(),
      };
    });
  return {
    version: attribute(only(information, 'software'), 'version'),
    approximation: probability?.attributes.approximation,
    productOrderLimit: orderLimit && scramNumber(orderLimit.text.trim(), 'product-order'),
    topEvents,
  };
}

/**
 * Reads a number as SCRAM prints it (C++ streams: `1.5e-06`, `inf`, `-inf`, `nan`).
 *
 * @throws Error naming `what` when the text is not a number
 */
export function scramNumber(text: string, what: string): number {
  const special = new Map([
    ['inf', Infinity],
    ['-inf', -Infinity],
    ['nan', NaN],
  ]).get(text);
  if (special !== undefined) return special;
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`${what}: "${text}" is not a number`);
  return value;
}

function importanceTable(element: Element): Map<string, ScramImportance> {
  const table = new Map<string, ScramImportance>();
  for (const entry of element.children) {
    const name =
      entry.name === 'basic-event'
        ? attribute(entry, 'name')
        : ccfEventName(entry.children.map((member) => attribute(member, 'name')));
    const values: Partial<Record<'probability' | ScramFactor, number>> = {
      probability: scramNumber(attribute(entry, 'probability'), `${name} probability`),
    };
    for (const [scram, relkit] of Object.entries(SCRAM_FACTORS)) {
      values[relkit] = scramNumber(attribute(entry, scram), `${name} ${scram}`);
    }
    table.set(name, values as ScramImportance); // every key set just above
  }
  return table;
}

/** relkit's name of the common-cause event failing `members`. */
function ccfEventName(members: readonly string[]): string {
  if (members.length === 0) throw new Error('a <ccf-event> without members');
  return members.length === 1 ? members[0]! : `[${members.join(' ')}]`; // length checked
}

function only(parent: Element, name: string): Element {
  const found = parent.children.filter((e) => e.name === name);
  if (found.length !== 1) {
    throw new Error(`<${parent.name}> has ${found.length} <${name}> elements, expected 1`);
  }
  return found[0]!; // length checked
}

function attribute(element: Element, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) throw new Error(`<${element.name}> has no ${name} attribute`);
  return value;
}

function count(element: Element, name: string): number {
  const value = scramNumber(attribute(element, name), name);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}="${value}" is not a count`);
  return value;
}

/** The element tree of `text` (text kept, comments and declarations dropped). */
function parseElements(text: string): Element {
  const parser = new SaxesParser();
  const open: Element[] = [];
  let root: Element | undefined;
  parser.on('opentag', (tag) => {
    const element: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>, // no xmlns option: plain strings
      children: [],
      text: '',
    };
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  parser.on('text', (chunk) => {
    const current = open.at(-1);
    if (current) current.text += chunk;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('error', (error) => {
    throw new Error(`the SCRAM report is not well-formed XML: ${error.message}`);
  });
  parser.write(text).close();
  if (!root) throw new Error('the SCRAM report has no root element');
  return root;
}
