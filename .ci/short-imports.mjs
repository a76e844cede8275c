// Shortens the names by which a wasm module imports its JavaScript bindings. wasm-bindgen
// names each import after the browser function it calls with a hash after it
// (`__wbg_getBoundingClientRect_329ca748ec918b0c`), and the module of every import is
// "./inspection_timeline_bg.js": about 6 KB of the wasm and 3 KB of the bindings that every
// reader downloads, and hashes compress badly. Each name becomes one or two letters, in the wasm
// and in the bindings alike; the bindings stay readable, as each import keeps its function.
//
// Usage: node .ci/short-imports.mjs DIR (with DIR/inspection_timeline_bg.wasm and
// DIR/inspection_timeline.js as wasm-bindgen wrote them). When the two do not match as
// expected, both are left as they are and the reason is printed: the build goes on, larger.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const wasmPath = join(dir, 'inspection_timeline_bg.wasm');
const jsPath = join(dir, 'inspection_timeline.js');
const MODULE = './inspection_timeline_bg.js';
const SHORT_MODULE = 'b';

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

const name = (s) => {
  const b = Buffer.from(s, 'utf8');
  return [...encodeLeb(b.length), ...b];
};

/** a, b, …, z, A, …, Z, aa, ab, …: short, and valid as keys of a JavaScript object. */
function shortName(k) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  let n = k;
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return s;
}

/** The length of an import's description after its kind byte, starting at `at`. */
function descriptionEnd(bytes, kind, at) {
  const limits = (i) => {
    const flags = bytes[i];
    let [, j] = leb(bytes, i + 1);
    if (flags & 1) [, j] = leb(bytes, j);
    return j;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // a function: its type
    case 1: return limits(at + 1); // a table: its element type, then limits
    case 2: return limits(at); // a memory
    case 3: return at + 2; // a global: its type and mutability
    case 4: return leb(bytes, at + 1)[1]; // a tag
    default: throw new Error(`an import of unknown kind ${kind}`);
  }
}

function shorten() {
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(jsPath, 'utf8');
  if (wasm.readUInt32LE(0) !== 0x6d736100) return 'not a wasm module';
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  let i = 8;
  while (i < wasm.length) {
    const id = wasm[i];
    const [size, start] = leb(wasm, i + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(i, end));
      i = end;
      continue;
    }
    const [count, first] = leb(wasm, start);
    const body = [...encodeLeb(count)];
    let j = first;
    for (let k = 0; k < count; k++) {
      const [mlen, m0] = leb(wasm, j);
      const module = wasm.subarray(m0, m0 + mlen).toString('utf8');
      const [flen, f0] = leb(wasm, m0 + mlen);
      const field = wasm.subarray(f0, f0 + flen).toString('utf8');
      const kind = wasm[f0 + flen];
      const descEnd = descriptionEnd(wasm, kind, f0 + flen + 1);
      if (module === MODULE) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        body.push(...name(SHORT_MODULE), ...name(renamed.get(field)));
      } else {
        body.push(...name(module), ...name(field));
      }
      body.push(...wasm.subarray(f0 + flen, descEnd));
      j = descEnd;
    }
    if (j !== end) return 'the import section did not read to its end';
    out.push(Buffer.from([2, ...encodeLeb(body.length), ...body]));
    i = end;
  }
  // In the bindings, each import is a key of the object handed to the module.
  for (const [long, short] of renamed) {
    const key = new RegExp(`^(\\s+)${long}:`, 'gm');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) return `the bindings name ${long} ${found} times, not once`;
    js = js.replace(key, `$1${short}:`);
  }
  const moduleKey = `"${MODULE}": import0`;
  if (js.split(moduleKey).length !== 2) return `the bindings do not hand the imports over as ${moduleKey}`;
  js = js.replace(moduleKey, `"${SHORT_MODULE}": import0`);
  writeFileSync(wasmPath, Buffer.concat(out));
  writeFileSync(jsPath, js);
  return null;
}

const problem = shorten();
if (problem) console.error(`[build] the wasm's import names are left long: ${problem}`);
