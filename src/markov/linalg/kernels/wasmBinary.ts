/**
 * A minimal WebAssembly binary writer: enough to assemble the sparse kernels of
 * {@link ./wasmKernels.ts} at run time, so no compiled artefact or toolchain is needed.
 *
 * Encoding per the WebAssembly Core Specification 2.0, §5 (binary format),
 * https://webassembly.github.io/spec/core/binary/index.html
 */

/** Value types (§5.3.1). */
export const i32 = 0x7f;
export const f64 = 0x7c;
export type ValueType = typeof i32 | typeof f64;

/** One function of a module: its exported name, signature, extra locals and body. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly ValueType[];
  readonly results: readonly ValueType[];
  /** Types of the locals declared after the parameters (indices continue from them). */
  readonly locals: readonly ValueType[];
  /** The instructions, without the final `end`. */
  readonly body: readonly number[];
}

/** Unsigned LEB128 (§5.2.2). */
function unsigned(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer (§5.2.2). */
function signed(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsigned(bytes.length), ...bytes];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

/**
 * Returns the binary of a module that imports its memory as `env.memory` (any size) and exports
 * each function under its name.
 */
export function assembleModule(functions: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [
    0x60,
    ...vector(f.params.map((type) => [type])),
    ...vector(f.results.map((type) => [type])),
  ]);
  // Limits {min 0, no max}: the memory object given at instantiation decides the size.
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 0x00];
  const exports = functions.map((f, index) => [...name(f.name), 0x00, ...unsigned(index)]);
  const code = functions.map((f) => {
    const locals = vector(f.locals.map((type) => [1, type]));
    const body = [...locals, ...f.body, op.end];
    return [...unsigned(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, index) => unsigned(index)))),
    ...section(7, vector(exports)),
    ...section(10, vector(code)),
  ]);
}

/** The instructions the kernels use (§5.4), each as its bytes. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: 0x0b,
  br: (depth: number): number[] => [0x0c, ...unsigned(depth)],
  brIf: (depth: number): number[] => [0x0d, ...unsigned(depth)],
  get: (local: number): number[] => [0x20, ...unsigned(local)],
  set: (local: number): number[] => [0x21, ...unsigned(local)],
  tee: (local: number): number[] => [0x22, ...unsigned(local)],
  /** Loads at address + offset; alignment hint 2^2 for i32, 2^3 for f64. */
  i32Load: (offset: number = 0): number[] => [0x28, 2, ...unsigned(offset)],
  f64Load: (offset: number = 0): number[] => [0x2b, 3, ...unsigned(offset)],
  f64Store: (offset: number = 0): number[] => [0x39, 3, ...unsigned(offset)],
  i32Const: (value: number): number[] => [0x41, ...signed(value)],
  f64Zero: [0x44, 0, 0, 0, 0, 0, 0, 0, 0],
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Shl: 0x74,
  f64Abs: 0x99,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
} as const;
