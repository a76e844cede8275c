// The built package's wasm as every reader downloads it: the names it imports its bindings by
// are short, in the wasm and in the bindings alike (see .ci/short-imports.mjs), for the reader's
// build, the editor's and the sheet reader's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

for (const dir of ['pkg', 'pkg/editor', 'pkg/sheet']) {
  test(`${dir}: the wasm imports its bindings by short names, which the bindings define`, async () => {
    const module = new WebAssembly.Module(await readFile(join(ROOT, dir, 'inspection_timeline_bg.wasm')));
    const imports = WebAssembly.Module.imports(module);
    assert.ok(imports.length > 0);
    const long = imports.filter((i) => i.module !== 'b' || i.name.length > 2);
    assert.deepEqual(long, [], 'every import has a short name');
    const js = await readFile(join(ROOT, dir, 'inspection_timeline.js'), 'utf8');
    assert.ok(!/__wbg_\w+_[0-9a-f]{16}/.test(js), 'no hashed import name is left in the bindings');
  });
}
