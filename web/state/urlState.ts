/**
 * The explorer's whole state in the URL hash: JSON, compressed with deflate-raw
 * (CompressionStream) and written as base64url, so a link reproduces the model text, parameter
 * values, pins and view. Decoding trusts nothing: the data is checked field by field, and the
 * model text later goes through loadModel, whose expressions are whitelisted.
 */
import {
  IMPORTANCE_KEYS,
  type ImportanceKey,
  type ImportanceLevel,
} from '../compute/importance.js';
import type { MeasureKey } from '../compute/measures.js';
import { MEASURE_KEYS } from '../compute/measures.js';
import { isObjectKey, isSaneParameter, missionTimeProblem } from './limits.js';
import { checkPinnedSimulation } from './pinnedSimulation.js';
import { MAX_PINS, type Pin, type Scenario } from './pins.js';

/** How plots and charts are shown. */
export interface ViewState {
  /** R(t)/A(t) on a linear axis, or 1 − R / 1 − A on a log axis. */
  readonly curve: 'linear' | 'log';
  /**
   * True when the user chose `curve`; absent: the page picks the axis (log 1 − x when the curve
   * stays within 1e-3 of 1, web/charts/curveScale.ts) and `curve` is only its fallback.
   */
  readonly curveChosen?: boolean;
  /** Measure of the tornado and sweep charts; absent: the first the model has. */
  readonly measure?: MeasureKey;
  /** Component whose failure distribution is plotted; absent: the first. */
  readonly component?: string;
  /** Parameter of the sweep chart; absent: the first. */
  readonly sweep?: string;
  /** ± percentage of the tornado chart. */
  readonly tornadoPercent: number;
  /** Factor of the importance chart; absent: Birnbaum. */
  readonly importance?: ImportanceKey;
  /** Importance per unit or per component (the group of its units, where the result has it). */
  readonly importanceLevel?: ImportanceLevel;
}

/** Everything a link restores. */
export interface ExplorerState extends Scenario {
  /** File stem of the bundled example the model came from (`tmr-voter`). */
  readonly example: string;
  /** Model text, when it differs from the example's. */
  readonly text?: string;
  readonly pins: readonly Pin[];
  readonly view: ViewState;
}

/** The state of a fresh page. */
export const DEFAULT_VIEW: ViewState = { curve: 'linear', tornadoPercent: 20 };

/**
 * The version of the link format that encodeState writes. 1 (links without a `version`): before
 * the automatic curve axis, when a link's `curve: 'log'` was always the user's choice; 2: the
 * choice is `view.curveChosen`. A later explorer reads every earlier version. A pin may carry
 * `simulated` (web/state/pinnedSimulation.ts), an optional field added within version 2: an
 * earlier page ignores it and shows the pin's exact results only.
 */
export const LINK_VERSION = 2;

// Model text is at most 5 000 000 characters (docs/model-format.md); the state adds little.
const MAX_DECODED_BYTES = 6_000_000;
const PREFIX = 's=';
// An override names a parameter (letters, digits, `_`) or a house event, whose names may also
// have `-` or `.` between parts (docs/model-format.md, "Fault trees"). Links made when only the
// first were allowed match it too.
const OVERRIDE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*$/;
const MAX_NAME_LENGTH = 100;
// Pins get ids p1, p2… (pins.ts addPin).
const PIN_ID = /^[A-Za-z0-9_-]{1,20}$/;

/** A hash that is not a valid explorer state, with a message for the page. */
export class StateDecodeError extends Error {
  override readonly name: string = 'StateDecodeError';
}

/** Returns the URL hash (without `#`) that encodes the state. */
export async function encodeState(state: ExplorerState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ version: LINK_VERSION, ...state }));
  const compressed = await pipeBytes(bytes, new CompressionStream('deflate-raw'), Infinity);
  return PREFIX + toBase64Url(compressed);
}

/**
 * Returns the state a URL hash encodes (with or without its `#`), or undefined for an empty hash.
 *
 * @throws {@link StateDecodeError} when the hash is not base64url, does not inflate, is not JSON
 * or does not have the shape of a state; the message says which.
 */
export async function decodeState(hash: string): Promise<ExplorerState | undefined> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return undefined;
  if (!body.startsWith(PREFIX)) {
    throw new StateDecodeError('the link does not hold an explorer state (it must start with #s=)');
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(body.slice(PREFIX.length));
  } catch {
    throw new StateDecodeError('the link is damaged: it is not valid base64url');
  }
  let json: string;
  try {
    const inflated = await pipeBytes(
      bytes,
      new DecompressionStream('deflate-raw'),
      MAX_DECODED_BYTES,
    );
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (error) {
    if (error instanceof StateDecodeError) throw error;
    throw new StateDecodeError('the link is damaged: its data does not decompress');
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new StateDecodeError('the link is damaged: its data is not JSON');
  }
  return checkState(data);
}

/**
 * Returns the state in `data` with only known fields of the right types.
 *
 * @throws {@link StateDecodeError} naming the first field that is wrong
 */
export function checkState(data: unknown): ExplorerState {
  const fail = (what: string): never => {
    throw new StateDecodeError(`the link's state is invalid: ${what}`);
  };
  if (!isRecord(data)) return fail('it is not an object');
  const version = data.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('version must be a whole number from 1');
  }
  if ((version as number) > LINK_VERSION) {
    fail(
      `it was made by a newer explorer (link version ${version as number}; this page reads up to ${LINK_VERSION})`,
    );
  }
  if (typeof data.example !== 'string' || !/^[\w.-]{0,100}$/.test(data.example)) {
    fail('example must be a file name');
  }
  if (data.text !== undefined && typeof data.text !== 'string') fail('text must be a string');
  const pinsData = data.pins ?? [];
  if (!Array.isArray(pinsData) || pinsData.length > MAX_PINS) {
    fail(`pins must be a list of at most ${MAX_PINS}`);
  }
  const pinIds = new Set<string>();
  const pins = (pinsData as unknown[]).map((pin, i): Pin => {
    if (!isRecord(pin) || typeof pin.id !== 'string' || typeof pin.name !== 'string') {
      return fail(`pins[${i}] must have an id and a name`);
    }
    if (!PIN_ID.test(pin.id) || pinIds.has(pin.id)) {
      return fail(`pins[${i}].id must be a short name of letters and digits, once`);
    }
    pinIds.add(pin.id);
    return {
      id: pin.id,
      name: pin.name.slice(0, 80),
      ...checkScenario(pin, `pins[${i}]`, fail),
      ...(pin.simulated !== undefined && {
        simulated: checkPinnedSimulation(pin.simulated, `pins[${i}].simulated`, fail),
      }),
    };
  });
  const view = isRecord(data.view) ? data.view : {};
  const percent = view.tornadoPercent;
  const curve = view.curve === 'log' ? 'log' : 'linear';
  // Before version 2 the axis was linear unless the user chose log.
  const curveChosen = version === 1 ? curve === 'log' : view.curveChosen === true;
  return {
    example: data.example as string,
    ...(typeof data.text === 'string' && { text: data.text }),
    ...checkScenario(data, 'state', fail),
    pins,
    view: {
      curve,
      ...(curveChosen && { curveChosen }),
      ...(MEASURE_KEYS.includes(view.measure as MeasureKey) && {
        measure: view.measure as MeasureKey,
      }),
      ...(isName(view.component) && { component: view.component }),
      ...(isName(view.sweep) && { sweep: view.sweep }),
      ...(IMPORTANCE_KEYS.includes(view.importance as ImportanceKey) && {
        importance: view.importance as ImportanceKey,
      }),
      ...((view.importanceLevel === 'unit' || view.importanceLevel === 'component') && {
        importanceLevel: view.importanceLevel,
      }),
      tornadoPercent:
        typeof percent === 'number' && percent > 0 && percent < 100
          ? percent
          : DEFAULT_VIEW.tornadoPercent,
    },
  };
}

function checkScenario(
  data: Record<string, unknown>,
  where: string,
  fail: (what: string) => never,
): Scenario {
  const overrides = data.overrides ?? {};
  if (!isRecord(overrides)) return fail(`${where}.overrides must be an object`);
  const checked: Record<string, number> = {};
  for (const [name, value] of Object.entries(overrides)) {
    if (name.length > MAX_NAME_LENGTH || !OVERRIDE_NAME.test(name) || isObjectKey(name)) {
      fail(`${where}.overrides has a name that is not a parameter or event name`);
    }
    if (typeof value !== 'number' || !isFinite(value)) {
      fail(`${where}.overrides.${name.slice(0, 40)} must be a finite number`);
    }
    if (!isSaneParameter(value as number)) {
      fail(`${where}.overrides.${name.slice(0, 40)} is not a usable value (${String(value)})`);
    }
    checked[name] = value as number;
  }
  const mission = data.missionTime;
  if (mission !== undefined) {
    const problem = typeof mission === 'number' ? missionTimeProblem(mission) : 'must be a number';
    if (problem !== undefined) fail(`${where}.missionTime ${problem}`);
  }
  const system = data.system;
  if (system !== undefined && !(isName(system) && OVERRIDE_NAME.test(system))) {
    fail(`${where}.system must be a system name`);
  }
  return {
    overrides: checked,
    ...(typeof mission === 'number' && { missionTime: mission }),
    ...(typeof system === 'string' && { system }),
  };
}

/** Returns whether a view setting names a component or parameter (short, not an object key). */
function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH && !isObjectKey(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs bytes through a (de)compression stream, refusing output longer than `limit` bytes. */
async function pipeBytes(
  bytes: Uint8Array<ArrayBuffer>,
  transform: TransformStream<BufferSource, Uint8Array>,
  limit: number,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(bytes).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new StateDecodeError(`the link's data is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
