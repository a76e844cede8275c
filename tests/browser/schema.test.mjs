// The JSON Schema read by two more implementations than the Rust test's: Ajv in strict mode
// (what most JavaScript tooling uses) and Python's jsonschema. Each must compile it and judge
// every fixture as the validator does, but for the few rules only the validator can check
// (listed in tests/schema.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './harness.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const SCHEMA = join(ROOT, 'src/schema.json');

/** Every fixture with the verdict the validator gives it, and whether the schema can see why. */
async function fixtures() {
  const rust = await readFile(join(ROOT, 'tests/schema.rs'), 'utf8');
  const only = new Set([...rust.slice(rust.indexOf('VALIDATOR_ONLY')).split('];')[0].matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  const out = [];
  for (const name of ['bury-childrens-services.json', 'sample-councils.json']) {
    out.push({ name: `www/data/${name}`, path: join(ROOT, 'www/data', name), valid: true });
  }
  for (const group of ['valid', 'invalid', 'multi']) {
    const names = (await readdir(join(ROOT, 'tests/fixtures', group))).filter((n) => n.endsWith('.json')).sort();
    for (const n of names) {
      const name = `${group}/${n}`;
      // A rule only the validator checks: the schema accepts the file.
      out.push({ name, path: join(ROOT, 'tests/fixtures', group, n), valid: group === 'valid' || only.has(name) });
    }
  }
  assert.ok(only.size >= 5, 'the list of validator-only rules was read');
  return out;
}

test('Ajv compiles the schema in strict mode and agrees on every fixture', async () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // VS Code's own keyword for a friendlier message than the pattern: known to editors only.
  ajv.addKeyword('patternErrorMessage');
  const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
  const wrong = [];
  for (const f of await fixtures()) {
    let doc;
    try {
      doc = JSON.parse((await readFile(f.path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch {
      assert.equal(f.valid, false, `${f.name} is not JSON`);
      continue;
    }
    if (validate(doc) !== f.valid) wrong.push(`${f.name}: Ajv says ${!f.valid}`);
  }
  assert.deepEqual(wrong, []);
});

test('Python\'s jsonschema agrees on every fixture', async () => {
  const list = await fixtures();
  const verdicts = execFileSync('python3', [join(ROOT, 'tests/schema_verdicts.py'), SCHEMA, ...list.map((f) => f.path)],
    { encoding: 'utf8' }).trim().split('\n');
  const wrong = list
    .map((f, k) => [f, verdicts[k]])
    .filter(([f, v]) => (v === 'not-json' ? f.valid : (v === 'valid') !== f.valid))
    .map(([f, v]) => `${f.name}: Python says ${v}`);
  assert.deepEqual(wrong, []);
});
