/**
 * The ONNX graphs the identity search runs: cosine similarities of two sets of unit vectors as one matrix product
 * (Gemm with B transposed), optionally followed by TopK. onnxruntime runs the product with its blocked, SIMD GEMM on
 * every core: about 65 GFLOP/s here against ~1.5 for a JavaScript loop, which is what makes case scale possible.
 *
 * The graphs are a few hundred bytes, so they are written directly as protobuf (ONNX's ModelProto) instead of
 * pulling in a protobuf library for them; field numbers are those of onnx/onnx.proto3.
 */

type Part = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n; // int64 negatives are written as 10-byte two's complement
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}

function key(field: number, wire: number): number[] {
  return varint((field << 3) | wire);
}

function intField(field: number, value: number | bigint): Part {
  return Uint8Array.from([...key(field, 0), ...varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Part {
  const head = Uint8Array.from([...key(field, 2), ...varint(bytes.length)]);
  return concat([head, bytes]);
}

function strField(field: number, text: string): Part {
  return bytesField(field, new TextEncoder().encode(text));
}

function msg(parts: Part[]): Uint8Array {
  return concat(parts);
}

function concat(parts: Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;
const ATTR_FLOAT = 1;

/** TensorShapeProto.Dimension: a fixed size or a named symbolic one. */
function dim(d: number | string): Part {
  return bytesField(1, typeof d === 'number' ? msg([intField(1, d)]) : msg([strField(2, d)]));
}

function valueInfo(name: string, elemType: number, dims?: Array<number | string>): Part {
  const tensorType = msg([intField(1, elemType), ...(dims ? [bytesField(2, msg(dims.map(dim)))] : [])]);
  return msg([strField(1, name), bytesField(2, msg([bytesField(1, tensorType)]))]);
}

function node(op: string, inputs: string[], outputs: string[], attrs: Part[] = []): Part {
  return msg([...inputs.map((i) => strField(1, i)), ...outputs.map((o) => strField(2, o)), strField(4, op), ...attrs.map((a) => bytesField(5, a))]);
}

function intAttr(name: string, value: number): Part {
  return msg([strField(1, name), intField(3, value), intField(20, ATTR_INT)]);
}

function floatAttr(name: string, value: number): Part {
  const f = new Uint8Array(4);
  new DataView(f.buffer).setFloat32(0, value, true);
  return msg([strField(1, name), Uint8Array.from(key(2, 5)), f, intField(20, ATTR_FLOAT)]);
}

function int64Tensor(name: string, values: number[]): Part {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return msg([intField(1, values.length), intField(2, INT64), strField(8, name), bytesField(9, raw)]);
}

function model(graph: Part): Uint8Array {
  // ir_version 8, opset 13: supported by every onnxruntime of the last years.
  const opset = msg([strField(1, ''), intField(2, 13)]);
  return msg([intField(1, 8), strField(2, 'faceaudit'), bytesField(7, graph), bytesField(8, opset)]);
}

/** s = a · bᵀ for a [M, D] and b [N, D]: every cosine between the rows of a and those of b (unit rows). */
export function similarityModel(dims: number): Uint8Array {
  const graph = msg([
    bytesField(1, node('Gemm', ['a', 'b'], ['s'], [intAttr('transB', 1), floatAttr('alpha', 1)])),
    strField(2, 'similarity'),
    bytesField(11, valueInfo('a', FLOAT, ['M', dims])),
    bytesField(11, valueInfo('b', FLOAT, ['N', dims])),
    bytesField(12, valueInfo('s', FLOAT, ['M', 'N'])),
  ]);
  return model(graph);
}

/** The k largest cosines of each row of a against the rows of b, with their row numbers in b. */
export function topKModel(dims: number, k: number): Uint8Array {
  const graph = msg([
    bytesField(1, node('Gemm', ['a', 'b'], ['s'], [intAttr('transB', 1), floatAttr('alpha', 1)])),
    bytesField(1, node('TopK', ['s', 'k'], ['values', 'indices'], [intAttr('axis', 1), intAttr('largest', 1), intAttr('sorted', 1)])),
    strField(2, 'similarity_topk'),
    bytesField(5, int64Tensor('k', [k])),
    bytesField(11, valueInfo('a', FLOAT, ['M', dims])),
    bytesField(11, valueInfo('b', FLOAT, ['N', dims])),
    bytesField(12, valueInfo('values', FLOAT, ['M', k])),
    bytesField(12, valueInfo('indices', INT64, ['M', k])),
  ]);
  return model(graph);
}
