// The npm package as a graphics developer uses it: installed from its packed tarball into a
// fresh project, bundled by Vite, webpack 5, esbuild and Rollup as their documentation says
// (with the one step the README gives for bundlers that do not emit the wasm), and drawn in
// Chromium.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile, readFile, copyFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, ROOT, ARTIFACTS } from './harness.mjs';

const env = useBrowser();
const BIN = join(ROOT, 'tests/browser/node_modules/.bin');
const WORK = join(ARTIFACTS, 'bundlers');
let tarball;

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'pipe', encoding: 'utf8' });

before(async () => {
  // The tarball `npm pack` makes of pkg/, as `make package-check` does.
  const packs = join(ROOT, 'target/pack');
  await mkdir(packs, { recursive: true });
  run('npm', ['pack', '--silent', '--pack-destination', packs], join(ROOT, 'pkg'));
  tarball = join(packs, (await readdir(packs)).find((f) => f.endsWith('.tgz')));
});

const DATA = JSON.stringify({
  version: 1, title: 'Bundled',
  events: [{ id: 'i', kind: 'inspection', title: 'Inspection', date: '2021-11', rating: 'inadequate' },
    { id: 'v', kind: 'monitoring-visit', title: 'Visit', date: '2022-06' }],
});

/** A fresh project in tests/artifacts/bundlers/NAME with the package installed from its tarball. */
async function project(name) {
  const dir = join(WORK, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `try-${name}`, private: true, type: 'module' }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', tarball], dir);
  await writeFile(join(dir, 'src/main.js'),
    `import 'inspection-timeline';\nimport 'inspection-timeline/frame';\n` +
    `document.querySelector('inspection-timeline').data = ${DATA};\n`);
  return dir;
}

const page = (script) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Bundled</title><link rel="icon" href="data:,"></head>
<body><inspection-timeline loading="eager"></inspection-timeline><script type="module" src="${script}"></script></body></html>`;

/** Opens `dir/index.html` (under the repository, so the test server serves it) and waits for the chart. */
async function draws(dir) {
  const url = `${env.server.base}/${dir.slice(ROOT.length + 1)}/index.html`;
  const { page: p, context, errors } = await open(env.browser, url);
  const [r] = await waitForEvents(p, 'render');
  assert.equal(r.detail.events, 2);
  assert.deepEqual(errors, []);
  await context.close();
}

/** Whether the frame script made it into the bundle (its side effects are declared). */
async function hasFrameScript(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  return texts.some((t) => t.includes('data-inspection-timeline'));
}

test('Vite bundles the element and emits its wasm by itself', async () => {
  const dir = await project('vite');
  await writeFile(join(dir, 'index.html'), page('/src/main.js'));
  run(join(BIN, 'vite'), ['build', '--logLevel', 'error', '--base', './'], dir);
  assert.ok((await readdir(join(dir, 'dist/assets'))).some((f) => f.endsWith('.wasm')));
  assert.ok(await hasFrameScript(join(dir, 'dist')));
  await draws(join(dir, 'dist'));
});

test('webpack 5 bundles the element and emits its wasm by itself', async () => {
  const dir = await project('webpack');
  await writeFile(join(dir, 'webpack.config.cjs'), `module.exports = {
  mode: 'production', entry: './src/main.js', experiments: { outputModule: true },
  output: { path: require('path').join(__dirname, 'dist'), filename: 'main.js', module: true, publicPath: 'auto' },
  performance: { hints: false },
};`);
  run(join(BIN, 'webpack'), ['--config', 'webpack.config.cjs'], dir);
  assert.ok((await readdir(join(dir, 'dist'))).some((f) => f.endsWith('.wasm')));
  assert.ok(await hasFrameScript(join(dir, 'dist')));
  await writeFile(join(dir, 'dist/index.html'), page('main.js'));
  await draws(join(dir, 'dist'));
});

/** The README's one step for bundlers that do not emit the wasm: copy it beside the bundle. */
const copyWasm = (dir) => copyFile(join(dir, 'node_modules/inspection-timeline/inspection_timeline_bg.wasm'),
  join(dir, 'dist/inspection_timeline_bg.wasm'));

test('esbuild bundles the element, splitting the language tables, with the wasm copied beside the bundle', async () => {
  const dir = await project('esbuild');
  run(join(BIN, 'esbuild'), ['src/main.js', '--bundle', '--splitting', '--format=esm', '--outdir=dist', '--log-level=error'], dir);
  // The tables of other languages are chunks of their own, not part of what every page loads.
  const main = await readFile(join(dir, 'dist/main.js'), 'utf8');
  assert.ok(!main.includes('Ymweliad'), 'the Welsh table is in the main bundle');
  await copyWasm(dir);
  assert.ok(await hasFrameScript(join(dir, 'dist')));
  await writeFile(join(dir, 'dist/index.html'), page('main.js'));
  await draws(join(dir, 'dist'));
});

test('Rollup bundles the element into an output directory, with the wasm copied beside the bundle', async () => {
  const dir = await project('rollup');
  await writeFile(join(dir, 'rollup.config.mjs'), `import { nodeResolve } from '${join(ROOT, 'tests/browser/node_modules/@rollup/plugin-node-resolve/dist/es/index.js')}';
export default { input: 'src/main.js', output: { dir: 'dist', format: 'es' }, plugins: [nodeResolve()] };`);
  run(join(BIN, 'rollup'), ['--config', 'rollup.config.mjs', '--silent'], dir);
  await copyWasm(dir);
  assert.ok(await hasFrameScript(join(dir, 'dist')));
  await writeFile(join(dir, 'dist/index.html'), page('main.js'));
  await draws(join(dir, 'dist'));
  assert.ok(existsSync(join(dir, 'dist/main.js')));
});

test('TypeScript --strict compiles a consumer of the package without casts', async () => {
  const dir = join(WORK, 'typescript');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'try-typescript', private: true, type: 'module' }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', tarball], dir);
  await copyFile(join(ROOT, 'tests/browser/types/consumer.ts'), join(dir, 'consumer.ts'));
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] },
    files: ['consumer.ts'],
  }));
  // Throws, with the compiler's messages, on any error.
  run(join(BIN, 'tsc'), ['-p', '.'], dir);
});

test('imported during server-side rendering (Node, no DOM), the package does nothing and throws nothing', async () => {
  const dir = await project('ssr');
  await writeFile(join(dir, 'server.mjs'),
    "const element = await import('inspection-timeline');\n" +
    "await import('inspection-timeline/frame');\n" +
    "console.log(typeof element.InspectionTimeline);\n");
  assert.equal(run('node', ['server.mjs'], dir).trim(), 'function');
});
