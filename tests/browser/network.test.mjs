// The data's server misbehaving on purpose: each fault keeps the chart already shown, tells
// readers only that it could not be updated, and tells the page exactly what went wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, inRoot, canvasPixels, ROOT } from './harness.mjs';

const env = useBrowser();
const BURY = await readFile(join(ROOT, 'www/data/bury-childrens-services.json'));

// A second origin that answers each path with one fault. It lets the test page read its
// answers (CORS), except on /cors.
let faults;
let origin;
const hanging = new Set();
before(async () => {
  faults = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    switch (new URL(req.url, 'http://x').pathname) {
      case '/good.json': res.writeHead(200, { ...cors, 'content-type': 'application/json' }); return res.end(BURY);
      case '/plain.json': res.writeHead(200, { ...cors, 'content-type': 'text/plain' }); return res.end(BURY);
      case '/404.json': res.writeHead(404, cors); return res.end('not here');
      case '/500.json': res.writeHead(500, cors); return res.end('oops');
      case '/html.json':
        res.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><title>Sign in</title><p>Please sign in');
      case '/cors.json': res.writeHead(200, { 'content-type': 'application/json' }); return res.end(BURY);
      case '/truncated.json':
        res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': String(BURY.length) });
        res.write(BURY.subarray(0, 200));
        return setTimeout(() => res.destroy(), 50);
      case '/hang.json': hanging.add(res); return undefined;
      default: res.writeHead(404, cors); return res.end();
    }
  });
  await new Promise((r) => faults.listen(0, '127.0.0.1', r));
  // "localhost" is another origin than the page's 127.0.0.1.
  origin = `http://localhost:${faults.address().port}`;
});
after(async () => {
  for (const res of hanging) res.destroy();
  faults.closeAllConnections?.();
  await new Promise((r) => faults.close(r));
});

const CASES = [
  ['404.json', /: the server answered 404 Not Found$/],
  ['500.json', /: the server answered 500 Internal Server Error$/],
  ['hang.json', /: the server did not answer within 1 s$/],
  ['html.json', /: the server sent a web page \(text\/html; charset=utf-8\), not the data; check the address in src$/],
  ['cors.json', /: the request failed: the network is down, the address is wrong, or the server does not let this page read the file \(CORS\)$/],
  ['truncated.json', /: the connection closed before the whole file arrived$/],
];

for (const [path, message] of CASES) {
  test(`${path.replace('.json', '')}: the chart stays, readers are told it could not be updated, the page is told why`, async () => {
    const { page, context } = await open(env.browser,
      `${env.server.base}/tests/browser/pages/fault.html?src=${encodeURIComponent(`${origin}/good.json`)}`);
    await waitForEvents(page, 'render');
    await page.waitForTimeout(100);
    const before = await canvasPixels(page);
    // A short timeout only for the server that never answers: a loaded machine may take a
    // while over the good file, and only the hanging one must time out.
    await page.evaluate(([src, hang]) => {
      const el = document.querySelector('inspection-timeline');
      if (hang) el.setAttribute('timeout', '1');
      el.setAttribute('src', src);
    }, [`${origin}/${path}`, path === 'hang.json']);
    const [err] = await waitForEvents(page, 'error');
    const text = `${err.detail.problems[0].path ? `${err.detail.problems[0].path}: ` : ''}${err.detail.problems[0].message}`;
    assert.match(text, message);
    assert.ok(text.startsWith(`could not load ${origin}/${path}: `), text);
    const notice = await inRoot(page, "const m = root.querySelector('.msg'); return m.classList.contains('shown') ? m.textContent : null");
    assert.equal(notice, 'This graphic could not be updated, so it shows the last version that loaded.');
    assert.equal(await canvasPixels(page), before, 'the chart stays as it was');
    await context.close();
  });
}

test('a first load that fails says so in place of the chart', async () => {
  const { page, context } = await open(env.browser,
    `${env.server.base}/tests/browser/pages/fault.html?src=${encodeURIComponent(`${origin}/html.json`)}`);
  const [err] = await waitForEvents(page, 'error');
  assert.match(err.detail.problems[0].message, /sent a web page/);
  assert.equal(await inRoot(page, "return root.querySelector('.msg').textContent"), 'This graphic could not be loaded.');
  // The notice stands alone: the room held for a chart that will not come is given back.
  const height = await page.evaluate(() => document.querySelector('inspection-timeline').getBoundingClientRect().height);
  assert.ok(height < 150, `the failed widget is ${height} px tall`);
  await context.close();
});

test('data served with another content type than JSON is still read', async () => {
  const { page, context } = await open(env.browser,
    `${env.server.base}/tests/browser/pages/fault.html?src=${encodeURIComponent(`${origin}/plain.json`)}`);
  const [r] = await waitForEvents(page, 'render');
  assert.equal(r.detail.events, 6);
  await context.close();
});

test('data set while an answer from src is on its way wins: the request is dropped, not drawn over it', async () => {
  const { page, context } = await open(env.browser,
    `${env.server.base}/tests/browser/pages/fault.html?src=${encodeURIComponent(`${origin}/good.json`)}`);
  await waitForEvents(page, 'render');
  const dropped = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/hang.json'));
  await page.evaluate((src) => {
    const el = document.querySelector('inspection-timeline');
    // Far longer than the test: only setting the data can end this request.
    el.setAttribute('timeout', '600');
    el.setAttribute('src', src);
    el.data = { version: 1, title: 'Set last', events: [{ id: 'a', kind: 'other', title: 'A', date: '2024' }] };
  }, `${origin}/hang.json`);
  const request = await dropped;
  assert.match(request.failure().errorText, /ABORTED/i);
  const [, second] = await waitForEvents(page, 'render', 2);
  assert.equal(second.detail.origin, 'data');
  assert.equal(await inRoot(page, "return root.querySelector('.title').textContent"), 'Set last');
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === 'error').length), 0);
  await context.close();
});
