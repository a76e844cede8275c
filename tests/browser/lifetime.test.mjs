// A page that makes and removes widgets again and again (a single-page app, a live blog's
// rewrites) gets its listeners and memory back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, ROOT } from './harness.mjs';

const env = useBrowser();
const BURY = await readFile(join(ROOT, 'www/data/bury-childrens-services.json'), 'utf8');

/** Listeners on the document and the window, as the browser counts them. */
async function listeners(page, cdp) {
  let n = 0;
  for (const expression of ['document', 'window']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    n += list.length;
  }
  return n;
}

/** Makes `n` widgets one after the other, each drawn, then removed. */
const cycle = (page, n) => page.evaluate(async ([count, data]) => {
  const main = document.getElementById('main');
  for (let k = 0; k < count; k++) {
    const el = document.createElement('inspection-timeline');
    el.setAttribute('loading', 'eager');
    const drawn = new Promise((r) => el.addEventListener('render', r, { once: true }));
    el.data = data;
    main.append(el);
    await drawn;
    el.remove();
  }
}, [n, BURY]);

/** The JS heap after a full garbage collection, and the wasm module's memory, in MB. */
const memory = (page) => page.evaluate(async () => {
  for (let k = 0; k < 3; k++) { window.gc(); await new Promise((r) => setTimeout(r, 50)); }
  const { default: init } = await import('/pkg/inspection_timeline.js');
  const wasm = await init();
  return { js: performance.memory.usedJSHeapSize / 1e6, wasm: wasm.memory.buffer.byteLength / 1e6 };
});

test('making and removing a widget 1,000 times returns listeners and memory to where they were', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/lifetime.html`);
  const cdp = await context.newCDPSession(page);
  await cycle(page, 20);
  const before = { listeners: await listeners(page, cdp), ...(await memory(page)) };
  await cycle(page, 1000);
  const after = { listeners: await listeners(page, cdp), ...(await memory(page)) };
  assert.equal(after.listeners, before.listeners, 'every listener a widget added is removed with it');
  assert.equal(await page.evaluate(() => document.querySelectorAll('inspection-timeline').length), 0);
  // Generous bounds: a leak of one widget's chart each time would be tens of megabytes.
  assert.ok(after.js < before.js + 3, `JS heap ${before.js.toFixed(1)} → ${after.js.toFixed(1)} MB`);
  assert.ok(after.wasm <= before.wasm + 2, `wasm memory ${before.wasm.toFixed(1)} → ${after.wasm.toFixed(1)} MB`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fault inside one widget stops only that widget; the others and the page go on', async () => {
  // The first widget's next call into the WebAssembly fails as a trap would.
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/inline.html`);
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'render').length === 2);
  await page.evaluate(async () => {
    const { Widget } = await import('/pkg/inspection_timeline.js');
    const setData = Widget.prototype.set_data;
    Widget.prototype.set_data = function (json) {
      if (json.includes('FAULT')) throw new WebAssembly.RuntimeError('unreachable');
      return setData.call(this, json);
    };
    window.__pageErrors = [];
    window.addEventListener('error', (e) => window.__pageErrors.push(e.message));
    document.getElementById('inline').data = { version: 1, title: 'FAULT', events: [] };
  });
  const [err] = await waitForEvents(page, 'error', 1, 'inline');
  assert.match(err.detail.problems[0].message, /^the widget stopped: unreachable/);
  const said = await page.evaluate(() => document.getElementById('inline').shadowRoot.querySelector('[role=status]:last-child')?.textContent
    ?? document.getElementById('inline').shadowRoot.textContent);
  assert.match(said, /This graphic could not be drawn\./);
  // The second widget still takes data and draws it.
  await page.evaluate(() => {
    document.getElementById('second').data = { version: 1, title: 'Still here', events: [{ id: 'x', kind: 'other', title: 'X', date: '2021' }] };
  });
  const renders = await waitForEvents(page, 'render', 2, 'second');
  assert.equal(renders[1].detail.events, 1);
  assert.deepEqual(await page.evaluate(() => window.__pageErrors), [], 'nothing reaches the page as an uncaught error');
  await context.close();
});
