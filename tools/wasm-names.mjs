// Shortens the names by which a wasm module and its wasm-bindgen glue refer
// to each other. wasm-bindgen names every import after the JS it calls plus a
// hash of up to 16 hex digits (`__wbg_addEventListener_f2d27251d333a631`; a
// hash with leading zeros has fewer, as it is written without them), and names the
// exports that call Rust closures after their full Rust paths. Both files carry
// every name, and the hashes do not compress: about 3 KB gzip in all for the
// course pages' module. This gives each such name a short one in both files,
// and so too wasm-bindgen's own imports (`__wbindgen_generic_…`,
// `__wbindgen_init_externref_table`) under the same rule.
//
// An import is renamed only when its name stands exactly once in the glue, as
// a key of the imports object, and an export only when every use of its name
// in the glue reads it as a property (`wasm.name`), so a name the glue uses
// in some other way is left alone rather than broken. The module's custom
// sections (toolchain metadata) can be dropped here too.

/** Reads an unsigned LEB128 number at `pos`; returns [value, next position]. */
function readU32(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) return [value >>> 0, pos];
    shift += 7;
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

const utf8 = new TextDecoder();
const encode = (text) => [...new TextEncoder().encode(text)];
const named = (text) => [...writeU32(encode(text).length), ...encode(text)];

/** Short names: a, b, …, z, A, …, Z, aa, ab, … (never a JS keyword: all are 1-2 letters but `do`, `if`, `in`). */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const reserved = new Set(['do', 'if', 'in']);
  for (const a of letters) yield a;
  for (const a of letters) for (const b of letters) if (!reserved.has(a + b)) yield a + b;
}

/** The sections of a module: id, the bytes of its body, and all its bytes. */
function sections(bytes) {
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = readU32(bytes, pos + 1);
    out.push({ id, body: bytes.subarray(start, start + size), whole: bytes.subarray(pos, start + size) });
    pos = start + size;
  }
  return out;
}

/** Rewrites the import section (id 2) and export section (id 7) with `rename(kind, name)`. */
function rewrite(bytes, rename) {
  const parts = [bytes.subarray(0, 8)];
  for (const { id, body, whole } of sections(bytes)) {
    if (id !== 2 && id !== 7) {
      parts.push(whole);
      continue;
    }
    const newBody = [];
    {
      let [count, pos] = readU32(body, 0);
      newBody.push(...writeU32(count));
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          let length;
          [length, pos] = readU32(body, pos);
          const module = utf8.decode(body.subarray(pos, pos + length));
          pos += length;
          [length, pos] = readU32(body, pos);
          const field = utf8.decode(body.subarray(pos, pos + length));
          pos += length;
          const descriptorStart = pos;
          const kind = body[pos++];
          if (kind === 0) [, pos] = readU32(body, pos); // function: type index
          else if (kind === 1) { pos++; const [flags, p] = readU32(body, pos); [, pos] = readU32(body, p); if (flags & 1) [, pos] = readU32(body, pos); } // table
          else if (kind === 2) { const [flags, p] = readU32(body, pos); [, pos] = readU32(body, p); if (flags & 1) [, pos] = readU32(body, pos); } // memory
          else if (kind === 3) pos += 2; // global: type, mutability
          else if (kind === 4) { pos++; [, pos] = readU32(body, pos); } // tag
          else throw new Error(`unknown import kind ${kind}`);
          const newField = kind === 0 ? rename('import', field) : field;
          newBody.push(...named(module), ...named(newField), ...body.subarray(descriptorStart, pos));
        } else {
          let length;
          [length, pos] = readU32(body, pos);
          const field = utf8.decode(body.subarray(pos, pos + length));
          pos += length;
          const kind = body[pos++];
          let index;
          [index, pos] = readU32(body, pos);
          newBody.push(...named(kind === 0 ? rename('export', field) : field), kind, ...writeU32(index));
        }
      }
      if (pos !== body.length) throw new Error(`section ${id} has ${body.length - pos} bytes left over`);
    }
    parts.push(Uint8Array.from([id, ...writeU32(newBody.length), ...newBody]));
  }
  return concat(parts);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The module without its custom sections (`producers`, `target_features`):
 * metadata that no browser reads.
 */
export function stripCustomSections(wasm) {
  return concat([wasm.subarray(0, 8), ...sections(wasm).filter(({ id }) => id !== 0).map(({ whole }) => whole)]);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Renames wasm-bindgen's hashed imports and its closure exports in `wasm`
 * (bytes) and `glue` (text). Returns the new { wasm, glue } and how many
 * names were shortened.
 */
export function shortenNames(wasm, glue) {
  const short = shortNames();
  const taken = new Set();
  let shortened = 0;
  let text = glue;
  const rename = (kind, name) => {
    const hashedImport = kind === 'import' && (/^__wbg_.*_[0-9a-f]{8,16}$/.test(name) || /^__wbindgen_\w+$/.test(name));
    const closureExport = kind === 'export' && /^wasm_bindgen_[0-9a-f]{8,16}___/.test(name);
    if (!hashedImport && !closureExport) return name;
    // An import is a key of the imports object; an export is read as `wasm.name`.
    const pattern = hashedImport
      ? new RegExp(`(?<=[{,\\s])${escapeRegExp(name)}(?=\\s*:)`, 'g')
      : new RegExp(`(?<=\\.)${escapeRegExp(name)}(?![\\w$])`, 'g');
    const uses = text.match(pattern)?.length ?? 0;
    // Whole-word occurrences only: one closure export's name can begin another's.
    const all = text.match(new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'g'))?.length ?? 0;
    const elsewhere = all - uses;
    if (uses === 0 || elsewhere !== 0 || (hashedImport && uses !== 1)) return name;
    // A new name must not be a key or an export the glue already has.
    const free = (candidate) =>
      !taken.has(candidate) && !new RegExp(`(?:[{,\\s]${candidate}\\s*:|\\.${candidate}(?![\\w$]))`).test(text);
    let next;
    do next = `${hashedImport ? '' : '_'}${short.next().value}`; while (!free(next));
    taken.add(next);
    text = text.replace(pattern, next);
    shortened++;
    return next;
  };
  const out = rewrite(wasm, rename);
  return { wasm: out, glue: text, shortened };
}
