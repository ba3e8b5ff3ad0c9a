// tools/wasm-names.mjs on a small module made here: hashed imports and
// closure exports get short names in the wasm and the glue alike, the module
// still links against the renamed glue, and names the glue uses in any other
// way are left alone.
import test from 'node:test';
import assert from 'node:assert/strict';
import { shortenNames, stripCustomSections } from '../../tools/wasm-names.mjs';

// A hash has up to 16 hex digits: one with leading zeros is written with fewer.
const HASHED = '__wbg_now_123456789abcdef';
const USED_ELSEWHERE = '__wbg_log_fedcba9876543210';
// wasm-bindgen's own imports have no hash and are shortened too.
const PLAIN = '__wbindgen_init_externref_table';
const CLOSURE = 'wasm_bindgen_123456789abcdef___convert__closures_____invoke___true_';
// Another closure export whose name begins with the first one's.
const CLOSURE_TOO = `${CLOSURE}_1_`;

const bytesOf = (text) => [...new TextEncoder().encode(text)];
const name = (text) => [bytesOf(text).length, ...bytesOf(text)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >>> 7)]);
const section = (id, body) => [id, ...leb(body.length), ...body];

/**
 * A module that imports three functions of type () -> i32 from "./glue_bg.js"
 * and exports a fourth, which adds up what the first two return, under two
 * closure shims' names, beside an ordinary export.
 */
function module() {
  const type = section(1, [1, 0x60, 0, 1, 0x7f]);
  const imports = section(2, [3, ...[HASHED, USED_ELSEWHERE, PLAIN].flatMap((n) => [...name('./glue_bg.js'), ...name(n), 0, 0])]);
  const functions = section(3, [1, 0]);
  const exports = section(7, [3, ...name(CLOSURE), 0, 3, ...name(CLOSURE_TOO), 0, 3, ...name('main'), 0, 3]);
  const body = [0, 0x10, 0, 0x10, 1, 0x6a, 0x0b]; // call 0, call 1, i32.add
  const code = section(10, [1, body.length, ...body]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...functions, ...exports, ...code]);
}

const GLUE = `function imports() {
  return { './glue_bg.js': { __proto__: null, ${HASHED}: () => 40, ${USED_ELSEWHERE}: () => 2, ${PLAIN}: () => 0 } };
}
const logged = '${USED_ELSEWHERE}';
export function run(wasm) { return wasm.${CLOSURE}(); }
export function runToo(wasm) { return wasm.${CLOSURE_TOO}(); }
export { imports };`;

async function link(wasm, glue) {
  const url = `data:text/javascript;base64,${Buffer.from(glue).toString('base64')}`;
  const js = await import(url);
  const { instance } = await WebAssembly.instantiate(wasm, js.imports());
  return { js, exports: instance.exports };
}

test('hashed and wasm-bindgen\'s own imports and closure exports get short names in both files', async () => {
  const { wasm, glue, shortened } = shortenNames(module(), GLUE);
  assert.equal(shortened, 4);
  assert.ok(WebAssembly.validate(wasm));
  assert.ok(!glue.includes(HASHED) && !glue.includes(CLOSURE) && !glue.includes(PLAIN), glue);
  const { js, exports } = await link(wasm, glue);
  assert.equal(js.run(exports), 42);
  assert.equal(js.runToo(exports), 42);
  assert.equal(exports.main(), 42, 'other exports keep their names');
});

test('a name the glue also uses otherwise is left alone', () => {
  const { glue } = shortenNames(module(), GLUE);
  assert.equal(glue.split(USED_ELSEWHERE).length - 1, 2);
});

test('the module made here links as it is (a check of the test itself)', async () => {
  const untouched = await link(module(), GLUE);
  assert.equal(untouched.js.run(untouched.exports), 42);
});

test('custom sections are dropped and the module still links', async () => {
  const withMetadata = Uint8Array.from([...module(), ...section(0, [...name('producers'), 1, 2, 3])]);
  assert.ok(WebAssembly.validate(withMetadata));
  const stripped = stripCustomSections(withMetadata);
  assert.deepEqual(stripped, module());
  const { js, exports } = await link(stripped, GLUE);
  assert.equal(js.run(exports), 42);
});
