// Shared set-up for the browser tests: a static server on 127.0.0.1 over the repository, and
// Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    if (overrides.has(path)) {
      const o = overrides.get(path);
      if (typeof o === 'number') {
        res.writeHead(o, { 'content-type': 'text/plain' });
        res.end('no');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(o);
      return;
    }
    const extra = headers.get(path) || {};
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
      '--disable-dev-shm-usage'],
  });
}

/** A page that records console errors and the widget's `render` and `error` events. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['render', 'error']) {
      document.addEventListener(type, (e) => {
        if (e.target && e.target.localName === 'inspection-timeline') {
          if (type === 'render' && window.__firstRender === undefined) {
            window.__firstRender = performance.now();
            // Two animation frames later the drawn chart has been put on screen.
            requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstPaint = performance.now(); }));
          }
          window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail || null)) });
        }
      }, true);
    }
  });
  await page.goto(url);
  return { page, context, errors };
}

/** Waits until `count` events of `type` have fired (optionally from the element `id`). */
export async function waitForEvents(page, type, count = 1, id = null) {
  await page.waitForFunction(([t, n, i]) =>
    window.__events.filter((e) => e.type === t && (i === null || e.id === i)).length >= n, [type, count, id]);
  return page.evaluate(([t, i]) => window.__events.filter((e) => e.type === t && (i === null || e.id === i)), [type, id]);
}

export async function artifact(name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
