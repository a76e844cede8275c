// Sizes for `make size` and `make bench`: the files a reader downloads, raw, gzip and brotli;
// or, with --crates, twiggy's CSV on stdin summed by the crate each item comes from.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

/** What a reader of a British English page downloads: the element (with its styles and the
 *  British table of words), the wasm's bindings and the wasm. */
export const READER_FILES = ['inspection-timeline.js', 'inspection_timeline.js', 'inspection_timeline_bg.wasm'];

/** Each reader file of `dir` with its raw, gzip (level 9) and brotli (quality 11) size. */
export function readerSizes(dir) {
  return READER_FILES.filter((f) => existsSync(join(dir, f))).map((file) => {
    const body = readFileSync(join(dir, file));
    return {
      file,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

function printSizes(dir) {
  const rows = readerSizes(dir);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const line = (name, r) => console.log(`  ${name.padEnd(30)} ${String(r.raw).padStart(8)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`);
  console.log("The reader's download (bytes):");
  for (const r of rows) line(r.file, r);
  line('total', total);
  console.log(`  (${(total.gzip / 1024).toFixed(1)} KiB gzip; a table of words for another language adds about 1.3 KiB)`);
}

function printCrates() {
  const lines = readFileSync(0, 'utf8').trim().split('\n').slice(1);
  const by = new Map();
  for (const l of lines) {
    // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names hold commas.
    const m = l.match(/^(.*),(\d+),[\d.]+,[\d.]*,[\d.]*$/);
    if (!m) continue;
    const [, name, bytes] = m;
    if (/function names|Total Rows|^"?\.\.\./.test(name)) continue;
    let crate = 'other (glue, types, tables)';
    if (/data segment/.test(name)) crate = 'data (text and tables)';
    else {
      const c = name.replace(/^"?[<&(]+/, '').match(/^([a-z_][a-z0-9_]*)(\[|::)/);
      if (c) crate = c[1];
    }
    by.set(crate, (by.get(crate) || 0) + Number(bytes));
  }
  for (const [crate, bytes] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${crate.padEnd(30)} ${String(bytes).padStart(8)}`);
  }
}

if (process.argv[2] === '--crates') printCrates();
else if (process.argv[2]) printSizes(process.argv[2]);
