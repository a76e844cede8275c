// Shared set-up for the browser tests: a static server on 127.0.0.1 over the repository, and
// Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the repository read-only. `overrides` maps a URL path to a body (or a status number),
 * so a test can change what the server answers without touching files; `headers` adds response
 * headers to a path (a Content-Security-Policy, say).
 */
export async function serve() {
  const overrides = new Map();
  const headers = new Map();
  const hits = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    hits.set(path, (hits.get(path) || 0) + 1);
    const extra = headers.get(path) || {};
    if (overrides.has(path)) {
      const o = overrides.get(path);
      if (typeof o === 'number') {
        res.writeHead(o, { 'content-type': 'text/plain' });
        res.end('no');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache', ...extra });
      res.end(o);
      return;
    }
    const file = normalize(join(ROOT, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, overrides, headers, hits, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/**
 * One server and one browser for a test file, started before its first test and closed after
 * its last. The returned object's `server` and `browser` are filled in by the `before` hook, so
 * read them inside tests, not at the top of the file. `onServe(server)` runs before the browser
 * starts, for overrides every test in the file needs.
 */
export function useBrowser({ onServe } = {}) {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await serve();
    await onServe?.(shared.server);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * A page that records console errors and the widget's `render`, `error` and `warning` events. `init`, if
 * given, runs in the page before any of its scripts, to record from the very start.
 */
export async function open(browser, url, { init, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const errors = [];
  // Everything the page writes to the console, for a caller that must wait without asking the
  // page (which would run the driver's script on its main thread).
  const said = [];
  page.on('console', (m) => {
    said.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['render', 'error', 'warning']) {
      document.addEventListener(type, (e) => {
        if (e.target && e.target.localName === 'inspection-timeline') {
          if (type === 'render' && window.__firstRender === undefined) {
            window.__firstRender = performance.now();
            // Two animation frames later the drawn chart has been put on screen.
            requestAnimationFrame(() => requestAnimationFrame(() => {
              window.__firstPaint = performance.now();
              console.debug(`inspection-timeline-test: first paint ${window.__firstPaint}`);
            }));
          }
          const entry = { type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail || null)) };
          // The table rows written when `render` fires, counted here and now: by the time a
          // test could ask the page, idle callbacks may have written the rest.
          if (type === 'render') entry.rows = e.target.shadowRoot?.querySelectorAll('tbody tr').length ?? null;
          window.__events.push(entry);
        }
      }, true);
    }
  });
  await page.goto(url);
  return { page, context, errors, said };
}

/** Waits until `count` events of `type` have fired (optionally from the element `id`). */
export async function waitForEvents(page, type, count = 1, id = null) {
  await page.waitForFunction(([t, n, i]) =>
    window.__events.filter((e) => e.type === t && (i === null || e.id === i)).length >= n, [type, count, id]);
  return page.evaluate(([t, i]) => window.__events.filter((e) => e.type === t && (i === null || e.id === i)), [type, id]);
}

/**
 * Runs `code` (a function body) in the page with `root`, the element's shadow root, and `el`,
 * the element, and returns what it returns.
 */
export const inRoot = (page, code, sel = 'inspection-timeline') => page.evaluate(([s, c]) =>
  new Function('root', 'el', c)(document.querySelector(s).shadowRoot, document.querySelector(s)), [sel, code]);

/** The canvas's pixels as a data URL, to tell whether the chart was redrawn. */
export const canvasPixels = (page, sel = 'inspection-timeline') => inRoot(page, "return root.querySelector('canvas').toDataURL()", sel);

/**
 * Sweeps the canvas with pointer events every `step` CSS pixels and returns, for each card
 * title that showed, the middle of its region (away from edges where rounding could tip it),
 * as [x, y] from the canvas's top left corner.
 */
export async function regions(page, { sel = 'inspection-timeline', step = 4 } = {}) {
  return page.evaluate(([s, d]) => {
    const root = document.querySelector(s).shadowRoot;
    const canvas = root.querySelector('canvas');
    const card = root.querySelector('.card');
    const r = canvas.getBoundingClientRect();
    const where = {};
    for (let y = 1; y < r.height; y += d) {
      for (let x = 1; x < r.width; x += d) {
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, pointerType: 'mouse', bubbles: true }));
        const t = card.hidden ? null : card.querySelector('.ctitle').textContent;
        if (t) (where[t] ??= []).push([x, y]);
      }
    }
    canvas.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    return Object.fromEntries(Object.entries(where).map(([t, p]) => [t, p[Math.floor(p.length / 2)]]));
  }, [sel, step]);
}

export async function artifact(name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
