/**
 * Round trips through the file formats of src/formats, on random fault trees
 * (test/helpers/randomFaultTree.ts) and on the models of models/:
 *
 * - MEF: `writeMef(model)`, then `readMef` + `parseModelSource` + `evaluateModel`, gives the same
 *   topEventProbability (1e-12 relative), the same family of cut sets or prime implicants (count
 *   and sets, names mapped back through the `<label>` the writer keeps) and the same six
 *   importance factors of every event; writing what was read back and reading it again changes
 *   nothing more (the XML of the second and third trips is the same). Every model of models/
 *   that writeMef accepts gives, read back, the original's P(top), 1 − A(t) or 1 − R(t) at its
 *   mission time (100 h where it gives none, as test/formats/writeMef.test.ts). readMef reads
 *   GLM(0, 0, μ, t) as probability 0 (a regression test; it gave a rate 0 that loading refused).
 * - Galileo: a Galileo text written here for a random and/or/k-of-n tree with prob= and lambda=
 *   (and repair=) events, in varied spellings (quotes, case, spaces, comments, number forms,
 *   statement order), reads into exactly the equivalent relkit document, which analyzes to the
 *   same topEventProbability and cut sets.
 *
 * Tolerances: 1e-12 relative for values computed by the same BDD from the same event
 * probabilities (the order of variables may change, and with it the rounding, by a few n·ε);
 * Birnbaum of a non-coherent tree, a difference of two sums, to 1e-12 of the larger of
 * Q(q_i = 1) = RAW·Q and Q(q_i = 0) = Q/RRW. models/: 1e-12 relative plus 1e-15 absolute (A(t) is
 * a double near 1, so 1 − A(t) carries about 1e-16 absolute: raid5.yaml differs by 4.4e-16,
 * 2e-8 relative, on 1 − A(100 h) = 2.2e-8; the fault trees and the 1 − R(t) models by ≤ 5e-15
 * relative).
 *
 * `RT_COUNT` (default 250) trees from `RT_START` (default 1) for each format; `RT_SEED=17,42`
 * runs those seeds and prints their texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/errors.js';
import { readGalileo } from '../../src/formats/galileo.js';
import { readMef } from '../../src/formats/mef/readMef.js';
import { writeMef } from '../../src/formats/mef/writeMef.js';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { evaluateModel, loadModel, parseModelSource } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';
import type { Measures, SetList } from '../../src/model/Result.js';
import { solveWith } from '../../src/solve/solveWith.js';
import { element } from '../helpers/element.js';
import {
  documentText,
  randomFaultTree,
  type FaultTreeDocument,
  type GateDocument,
  type RandomFaultTree,
  type TimeDocument,
} from '../helpers/randomFaultTree.js';
import { seedsFromEnv } from '../helpers/seedsFromEnv.js';
import { testRng } from '../helpers/testRng.js';

const SEEDS = seedsFromEnv('RT', 250);
const MODELS = join(import.meta.dirname, '../../models');
/** readMef's and readGalileo's mission time when a file gives none (SCRAM's default). */
const DEFAULT_MISSION = 8760;
/** The mission time of the block models of models/ that give none (as writeMef.test.ts). */
const DEFAULT_TIME = 100;
const REL = 1e-12;
/** The per-test budget of the random round trips: a long run (RT_COUNT=20000) takes minutes. */
const LONG_RUN = 24 * 60 * 60 * 1000;

/** One disagreement of a round trip. */
interface Finding {
  readonly seed: number;
  readonly key: string;
  readonly detail: string;
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Whether two values agree within `tolerance` (null and undefined only with themselves). */
function agree(
  a: number | null | undefined,
  b: number | null | undefined,
  tolerance: number,
): boolean {
  return (
    a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tolerance)
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The original name of every MEF name the writer gave: its `<label>` when it renamed the
 * element, else the name itself.
 */
function originalNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const pattern =
    /<define-(?:basic-event|house-event|gate) name="([^"]*)">\s*(?:<label>([^<]*)<\/label>)?/g;
  for (const match of xml.matchAll(pattern)) {
    const mef = unescapeXml(match[1]!); // group 1 always matches
    names.set(mef, match[2] === undefined ? mef : unescapeXml(match[2]));
  }
  return names;
}

/** The sets of a result, each literal named back, as sorted keys. */
function setKeys(list: SetList | undefined, rename: (name: string) => string): string[] {
  return (list?.sets ?? [])
    .map((set) =>
      JSON.stringify(
        set
          .map((literal) =>
            literal.startsWith('not ') ? `not ${rename(literal.slice(4))}` : rename(literal),
          )
          .sort(),
      ),
    )
    .sort();
}

/** Compares two analyses of the same tree; `rename` maps the second's event names to the first's. */
function compareMeasures(
  original: Measures,
  back: Measures,
  rename: (name: string) => string,
  add: (key: string, detail: string) => void,
): number {
  let comparisons = 0;
  const check = (ok: boolean, key: string, detail: () => string): void => {
    comparisons++;
    if (!ok) add(key, detail());
  };
  const top = original.topEventProbability as number | undefined;
  const topBack = back.topEventProbability as number | undefined;
  check(
    agree(topBack, top, REL * (top ?? 0)),
    'topEventProbability',
    () => `back ${topBack}, original ${top}`,
  );
  const family = original.minimalCutSets ? 'minimalCutSets' : 'primeImplicants';
  const list = original[family];
  const listBack = back[family];
  check(
    listBack !== undefined && list?.count === listBack.count,
    `${family}: count`,
    () => `back ${listBack?.count ?? 'absent'}, original ${list?.count}`,
  );
  // Sets compared as sets when all are listed (ties may order a capped list differently).
  if (list && listBack && list.sets.length === list.count) {
    const keys = setKeys(list, (name) => name);
    const keysBack = setKeys(listBack, rename);
    check(
      JSON.stringify(keys) === JSON.stringify(keysBack),
      `${family}: sets`,
      () => `back ${keysBack.slice(0, 8).join(' ')}, original ${keys.slice(0, 8).join(' ')}`,
    );
  }
  const importance = original.importance ?? {};
  const importanceBack = Object.fromEntries(
    Object.entries(back.importance ?? {}).map(([name, factors]) => [rename(name), factors]),
  );
  check(
    JSON.stringify(Object.keys(importance).sort()) ===
      JSON.stringify(Object.keys(importanceBack).sort()),
    'importance: the events listed',
    () =>
      `back ${Object.keys(importanceBack).join(', ')}, original ${Object.keys(importance).join(', ')}`,
  );
  for (const [name, factors] of Object.entries(importance)) {
    const other = importanceBack[name];
    if (!other) continue;
    const q = top ?? 0;
    // Q(q_i = 1) and Q(q_i = 0), the terms of Birnbaum's difference.
    const scale = Math.max(
      Math.abs(factors.birnbaum),
      (factors.raw ?? 0) * q,
      factors.rrw ? q / factors.rrw : 0,
    );
    for (const key of [
      'birnbaum',
      'criticality',
      'diagnostic',
      'fussellVesely',
      'raw',
      'rrw',
    ] as const) {
      const a = factors[key];
      const b = other[key];
      // Criticality is q·I_B/Q, with q = DIF/RAW: its tolerance is Birnbaum's times q/Q.
      const qOverQ =
        factors.diagnostic !== null && factors.raw && q > 0
          ? factors.diagnostic / factors.raw / q
          : 0;
      const tolerance =
        key === 'birnbaum'
          ? REL * scale
          : key === 'criticality'
            ? REL * Math.max(Math.abs(a ?? 0), qOverQ * scale)
            : REL * Math.abs(a ?? 0);
      check(
        agree(b, a, tolerance),
        `importance: ${key}`,
        () => `event ${name}: back ${b}, original ${a}`,
      );
    }
  }
  return comparisons;
}

/** Writes a model as MEF and reads it back as a model, with the names the writer changed. */
function mefTrip(
  model: Model,
  missionTime: number,
): { xml: string; back: Model; names: Map<string, string> } {
  const xml = writeMef(model);
  const { source } = readMef([{ name: `${model.name}.xml`, text: xml }], { missionTime });
  return { xml, back: evaluateModel(parseModelSource(source)), names: originalNames(xml) };
}

/** Runs the MEF round trip of one random tree. */
function checkMef(generated: RandomFaultTree): { findings: Finding[]; comparisons: number } {
  const findings: Finding[] = [];
  const add = (key: string, detail: string): void =>
    void findings.push({ seed: generated.seed, key, detail });
  let model: Model;
  try {
    model = loadModel(generated.text, { file: generated.file });
  } catch (error) {
    add('load: a generated document is refused', message(error));
    return { findings, comparisons: 0 };
  }
  const missionTime = model.missionTime ?? DEFAULT_MISSION;
  let trip: ReturnType<typeof mefTrip>;
  try {
    trip = mefTrip(model, missionTime);
  } catch (error) {
    add('mef: the trip throws', message(error));
    return { findings, comparisons: 0 };
  }
  let comparisons = 0;
  // A second trip changes nothing: the names are MEF names already, the numbers exact.
  try {
    const again = mefTrip(trip.back, missionTime);
    comparisons++;
    const strip = (xml: string): string => xml.replace(/<!--[\s\S]*?-->/, '');
    const third = writeMef(again.back);
    if (strip(third) !== strip(again.xml)) {
      const lines = [strip(third).split('\n'), strip(again.xml).split('\n')] as const;
      const at = lines[0].findIndex((line, i) => line !== lines[1][i]);
      add(
        'mef: writeMef(readMef(x)) ≠ x for x written by writeMef',
        `line ${at}: ${lines[0][at]} vs ${lines[1][at]}`,
      );
    }
  } catch (error) {
    add('mef: the second trip throws', message(error));
  }
  // A model analyze refuses is no finding of the round trip (test/fuzz/faultTrees.differential
  // reports it), but its copy read back must be refused too, and only then.
  const analyzed = (m: Model): Measures | string => {
    try {
      return analyze(m).measures;
    } catch (error) {
      return message(error);
    }
  };
  const original = analyzed(model);
  const back = analyzed(trip.back);
  comparisons++;
  if (typeof original === 'string' || typeof back === 'string') {
    // readMef gives the copy a mission time (8760 h) when the original has none, and with it a
    // horizon: only a model with a mission time must be refused on both sides alike.
    const timeDiffers = model.missionTime === undefined && typeof back !== 'string';
    if (typeof original !== typeof back && !timeDiffers) {
      add(
        'analyze refuses one of the original and the copy',
        `original: ${String(typeof original === 'string' ? original : 'solved')}; copy: ${String(typeof back === 'string' ? back : 'solved')}`,
      );
    }
    return { findings, comparisons };
  }
  const rename = (name: string): string => trip.names.get(name) ?? name;
  const timedWithoutTime =
    model.missionTime === undefined &&
    (model.faultTree?.events ?? []).some((event) => 'unit' in event);
  if (!timedWithoutTime) comparisons += compareMeasures(original, back, rename, add);
  else {
    // Read back at readMef's default time, the sets are ranked by probability rather than by
    // size: only the count and, when all are listed, the sets are compared.
    const family = original.minimalCutSets ? 'minimalCutSets' : 'primeImplicants';
    const list = original[family]!; // every tree has one of the two
    const all = list.sets.length === list.count;
    const a = all ? setKeys(list, (name) => name) : [];
    const b = all ? setKeys(back[family], rename) : [];
    if (list.count !== back[family]?.count || JSON.stringify(a) !== JSON.stringify(b)) {
      add(
        `${family} without a mission time`,
        `back ${back[family]?.count} sets ${b.slice(0, 8).join(' ')}, original ${list.count} sets ${a.slice(0, 8).join(' ')}`,
      );
    }
  }
  return { findings, comparisons };
}

// ---- Galileo ------------------------------------------------------------------------------

/** A Galileo text for a document of the Galileo subset, in spellings drawn from `u`. */
function galileoText(document: FaultTreeDocument, u: () => number): string {
  const pick = <T>(items: readonly T[]): T => element(items, Math.floor(u() * items.length));
  const name = (n: string): string =>
    /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(n) && u() < 0.5 ? n : `"${n}"`;
  const keyword = (word: string): string =>
    pick([word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]);
  const number = (x: number): string => {
    const forms = [String(x), x.toExponential(), x.toExponential().toUpperCase()];
    // Twenty decimals keep at least 17 significant digits from 1e-3 up, which read back exactly.
    if (x >= 1e-3 && x < 1e6) forms.push(x.toFixed(20));
    return pick(forms);
  };
  const attribute = (key: string, value: number): string =>
    `${keyword(key)}${pick(['=', ' = ', '= '])}${number(value)}`;
  const statements: string[] = [];
  for (const [gateName, gate] of Object.entries(document.fault_tree.gates)) {
    const body = gate as Exclude<GateDocument, string>;
    const [kind, value] = Object.entries(body)[0] as [string, unknown];
    let type: string;
    let children: GateDocument[];
    if (kind === 'atleast') {
      const vote = value as { k: number; of: GateDocument[] };
      children = vote.of;
      type = u() < 0.5 ? `${vote.k}of${children.length}` : keyword(`vot${vote.k}`);
    } else {
      children = value as GateDocument[];
      type = keyword(kind);
    }
    statements.push(
      `${name(gateName)} ${type} ${children.map((c) => name(c as string)).join(' ')};`,
    );
  }
  for (const [eventName, event] of Object.entries(document.events)) {
    if ('probability' in event) {
      statements.push(`${name(eventName)} ${attribute('prob', event.probability as number)};`);
    } else {
      const rate = (time: TimeDocument | undefined): number => (time as { rate: number }).rate;
      const parts = [attribute('lambda', rate(event.failure))];
      if (event.repair) parts.push(attribute('repair', rate(event.repair)));
      statements.push(`${name(eventName)} ${(u() < 0.5 ? parts : parts.reverse()).join(' ')};`);
    }
  }
  // Events before gates now and then, comments, and several statements on a line.
  if (u() < 0.3) statements.reverse();
  const lines = [`${keyword('toplevel')} ${name(document.fault_tree.top)};`];
  for (const statement of statements) {
    const roll = u();
    if (roll < 0.1) lines.push(`// ${statement.replace(/;$/, '')}`, statement);
    else if (roll < 0.2) lines.push(`/* a comment\n over lines */ ${statement}`);
    else if (roll < 0.35) lines[lines.length - 1] += ` ${statement}`;
    else lines.push(statement);
  }
  return lines.join(u() < 0.2 ? '\r\n' : '\n') + '\n';
}

// ---- the tests ----------------------------------------------------------------------------

function summarize(findings: readonly Finding[], trees: number, comparisons: number): string {
  const classes = new Map<string, Finding[]>();
  for (const f of findings) classes.set(f.key, [...(classes.get(f.key) ?? []), f]);
  return [
    `${trees} trees, ${comparisons} comparisons, ${findings.length} findings in ${classes.size} classes`,
    ...[...classes].map(
      ([key, list]) =>
        `  ${key}: ${list.length} (seeds ${[...new Set(list.map((f) => f.seed))].slice(0, 10).join(', ')})\n    ${list
          .slice(0, 3)
          .map((f) => `seed ${f.seed}: ${f.detail}`)
          .join('\n    ')}`,
    ),
  ].join('\n');
}

describe('MEF round trip of random fault trees', () => {
  it(
    `writeMef then readMef keeps P(top), the cut sets and importance of ${SEEDS.length} random trees`,
    () => {
      const findings: Finding[] = [];
      let comparisons = 0;
      for (const seed of SEEDS) {
        const generated = randomFaultTree(seed);
        if (process.env.RT_SEED) console.log(`seed ${seed}\n${generated.text}`);
        const outcome = checkMef(generated);
        findings.push(...outcome.findings);
        comparisons += outcome.comparisons;
      }
      const summary = summarize(findings, SEEDS.length, comparisons);
      console.log(`MEF: ${summary}`);
      expect(findings, summary).toEqual([]);
    },
    LONG_RUN,
  );
});

describe('MEF round trip of the models of models/', () => {
  const files = readdirSync(MODELS).filter((file) => file.endsWith('.yaml'));
  for (const file of files) {
    const model = loadModel(readFileSync(join(MODELS, file), 'utf8'), { file });
    let xml: string | undefined;
    try {
      xml = writeMef(model);
    } catch (error) {
      if (!(error instanceof UnsupportedModelError)) throw error;
    }
    if (xml === undefined) {
      it.skip(`${file}: writeMef refuses it (see writeMef.test.ts)`, () => {});
      continue;
    }
    it(`${file}: read back from MEF, P(top) at the mission time is the original's`, () => {
      const t = model.missionTime ?? DEFAULT_TIME;
      const { measures } = solveWith(model, 'analytic', { times: [t] });
      const curve = measures.availability ?? measures.reliability;
      const expected =
        typeof measures.topEventProbability === 'number'
          ? measures.topEventProbability
          : 1 - element(curve!.values, 0); // a block model has A(t) or R(t)
      const { back } = mefTrip(model, t);
      const got = analyze(back).measures.topEventProbability as number;
      const tolerance = REL * expected + (model.faultTree ? 0 : 1e-15);
      expect(
        Math.abs(got - expected),
        `${file} at t = ${t}: read back ${got}, original ${expected}`,
      ).toBeLessThanOrEqual(tolerance);
    });
  }
});

describe('readMef regressions found beside the round trips', () => {
  it('readMef reads GLM(0, 0, μ, t) as probability 0, as exponential(0, t) (it wrote rate 0, which loading refused)', () => {
    // SCRAM takes λ = 0 (GLM is then 0 at every t); relkit's failure rate must be > 0.
    const event = (expression: string): string =>
      `<define-basic-event name="a">${expression}</define-basic-event>`;
    const f = (x: number): string => `<float value="${x}"/>`;
    for (const expression of [
      `<GLM>${f(0)}${f(0)}${f(0.1)}<system-mission-time/></GLM>`,
      `<GLM>${f(0)}${f(0)}${f(0)}<system-mission-time/></GLM>`,
      `<exponential>${f(0)}<system-mission-time/></exponential>`,
    ]) {
      const xml = `<opsa-mef><define-fault-tree name="t"><define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/></or></define-gate>${event(expression)}<define-basic-event name="b">${f(0.2)}</define-basic-event></define-fault-tree></opsa-mef>`;
      const { source } = readMef([{ name: 't.xml', text: xml }]);
      expect((source.data as FaultTreeDocument).events.a).toEqual({ probability: 0 });
      const model = evaluateModel(parseModelSource(source));
      expect(analyze(model).measures.topEventProbability).toBe(0.2);
    }
  });
});

describe('Galileo texts of random and/or/k-of-n trees', () => {
  it(
    `readGalileo gives the equivalent relkit document for ${SEEDS.length} random trees`,
    () => {
      const findings: Finding[] = [];
      let comparisons = 0;
      for (const seed of SEEDS) {
        const generated = randomFaultTree(seed, { galileo: true });
        const u = testRng(seed ^ 0x6a09e667);
        const text = galileoText(generated.document, () => u.next());
        if (process.env.RT_SEED) console.log(`seed ${seed}\n${text}`);
        const add = (key: string, detail: string): void =>
          void findings.push({ seed, key, detail });
        const missionTime = generated.document.mission_time ?? DEFAULT_MISSION;
        const expected: FaultTreeDocument = {
          name: `tree-${seed}`,
          time_unit: 'h',
          mission_time: missionTime,
          events: generated.document.events,
          fault_tree: generated.document.fault_tree,
        };
        try {
          const source = readGalileo({ name: `dir/tree-${seed}.dft`, text }, { missionTime });
          comparisons++;
          if (JSON.stringify(sorted(source.data)) !== JSON.stringify(sorted(expected))) {
            add(
              'galileo: document',
              `read ${JSON.stringify(source.data)}\nexpected ${JSON.stringify(expected)}`,
            );
            continue;
          }
          const fromGalileo = analyze(evaluateModel(parseModelSource(source))).measures;
          const fromYaml = analyze(loadModel(documentText(expected, 'yaml'))).measures;
          comparisons += compareMeasures(fromYaml, fromGalileo, (name) => name, add);
        } catch (error) {
          add('galileo: throws', `${message(error)}\n${text}`);
        }
      }
      const summary = summarize(findings, SEEDS.length, comparisons);
      console.log(`Galileo: ${summary}`);
      expect(findings, summary).toEqual([]);
    },
    LONG_RUN,
  );
});

/** A JSON value with every object's keys sorted, for comparing documents whatever their key order. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, v]) => [key, sorted(v)]),
  );
}
