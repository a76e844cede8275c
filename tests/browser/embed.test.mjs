// Embedding in real pages: hostile CSS, the iframe and no-JavaScript modes, strict CSP, lazy
// loading, themes, forced colours, reduced motion, print, language, and axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, artifact, inRoot, canvasPixels, regions, ROOT } from './harness.mjs';

// Pages under a strict policy may not use a data: favicon, so serve an empty one.
const env = useBrowser({ onServe: (server) => server.overrides.set('/favicon.ico', '') });

async function axe(page) {
  // Let the card finish fading in: axe measures contrast with the opacity of the moment.
  await page.waitForFunction(() => {
    const c = document.querySelector('inspection-timeline').shadowRoot.querySelector('.card');
    return c.hidden || getComputedStyle(c).opacity === '1';
  });
  await page.addScriptTag({ path: join(ROOT, 'tests/browser/node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
}

test('a hostile host stylesheet changes neither the chart nor hovering, and the widget leaks no style', async () => {
  const clean = await open(env.browser, `${env.server.base}/tests/browser/pages/clean.html`);
  const hostile = await open(env.browser, `${env.server.base}/tests/browser/pages/hostile.html`);
  await waitForEvents(clean.page, 'render');
  await waitForEvents(hostile.page, 'render');
  // The title's inherited properties (alignment, capitals, breaking, cursor…) are the widget's
  // own on both pages.
  const geometry = (page) => inRoot(page, `const c = root.querySelector('canvas'); const r = c.getBoundingClientRect();
    const t = getComputedStyle(root.querySelector('.title'));
    const inherited = ['fontSize', 'textAlign', 'fontVariantCaps', 'wordBreak', 'cursor', 'fontStyle', 'hyphens',
      'imageRendering', 'webkitTextFillColor'].map((p) => p + ':' + t[p]).join(' ');
    return { w: r.width, h: r.height, px: c.width, inherited, image: c.toDataURL() };`);
  const a = await geometry(clean.page);
  const b = await geometry(hostile.page);
  assert.deepEqual({ ...b, image: b.image === a.image }, { ...a, image: true });
  const where = await regions(clean.page);
  assert.equal(Object.keys(where).length, 6);
  assert.deepEqual(await regions(hostile.page), where, 'every event is hovered at the same place');
  const leak = await clean.page.evaluate(() => {
    const s = getComputedStyle(document.getElementById('leak'));
    return { position: s.position, display: s.display, width: document.getElementById('leak').getBoundingClientRect().width };
  });
  assert.equal(leak.position, 'static');
  assert.ok(leak.width > 100, 'page elements named like the widget\'s are untouched');
  assert.deepEqual([...clean.errors, ...hostile.errors], []);
  await clean.context.close();
  await hostile.context.close();
});

test('readers whose browser draws the chart never download the fallback image', async () => {
  const png = '/www/data/bury-childrens-services.png';
  const before = env.server.hits.get(png) ?? 0;
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await page.waitForTimeout(300);
  assert.equal(env.server.hits.get(png) ?? 0, before, 'the image was fetched');
  await context.close();
});

test('a first load that fails shows the fallback image, which only then is downloaded', async () => {
  const png = '/www/data/bury-childrens-services.png';
  const data = '/www/data/bury-childrens-services.json';
  const before = env.server.hits.get(png) ?? 0;
  env.server.overrides.set(data, '{"version": 1, "title": "A trailing comma", "events": [],}');
  try {
    const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
    const [err] = await waitForEvents(page, 'error');
    assert.match(err.detail.problems[0].message, /remove this comma: JSON does not allow a comma before }/);
    await page.waitForFunction(() => document.querySelector('inspection-timeline img')?.complete);
    const shown = await page.evaluate(() => {
      const el = document.querySelector('inspection-timeline');
      const img = el.querySelector('img');
      const r = img.getBoundingClientRect();
      return { state: el.shadowRoot.querySelector('.wrap').dataset.state, width: r.width, height: r.height, natural: img.naturalWidth };
    });
    assert.equal(shown.state, 'failed');
    assert.ok(shown.width > 100 && shown.height > 50 && shown.natural > 0, JSON.stringify(shown));
    assert.equal(env.server.hits.get(png) ?? 0, before + 1, 'the image is fetched once, on failure');
    await context.close();
  } finally {
    env.server.overrides.delete(data);
  }
});

test('without JavaScript the fallback inside the element shows', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.server.base}/www/index.html`);
  const img = await page.evaluate(() => {
    const i = document.querySelector('inspection-timeline img');
    return { loaded: i.complete && i.naturalWidth > 0, shown: i.getBoundingClientRect().height, alt: i.alt };
  });
  assert.ok(img.loaded, 'the static image drawn by the command line loads');
  assert.ok(img.shown > 100);
  assert.match(img.alt, /rated inadequate by Ofsted in November 2021/);
  await page.locator('.graphic').screenshot({ path: await artifact('no-javascript.png') });
  await context.close();
});

test('a strict Content-Security-Policy page renders with no console errors', async () => {
  env.server.headers.set('/tests/browser/pages/csp.html', {
    'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  });
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/csp.html`);
  const [ev] = await waitForEvents(page, 'render');
  assert.equal(ev.detail.events, 6);
  const fallbackShown = await page.evaluate(() => document.getElementById('fallback').getBoundingClientRect().height);
  assert.equal(fallbackShown, 0, 'the fallback gives way to the chart');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await inRoot(page, "return root.querySelector('.card').hidden"), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the policy blocks WebAssembly, the fallback stays and error says why', async () => {
  env.server.headers.set('/tests/browser/pages/csp-no-wasm.html', {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
  });
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/csp-no-wasm.html`);
  const [err] = await waitForEvents(page, 'error');
  assert.match(err.detail.problems[0].message, /WebAssembly could not be loaded: .*'wasm-unsafe-eval'/);
  const shown = await page.evaluate(() => document.getElementById('fallback').getBoundingClientRect().height);
  assert.ok(shown > 0, 'the fallback is still there');
  await context.close();
});

test('under Trusted Types a failed load still fires error, and shows the <noscript> fallback where the page allows the policy', async () => {
  const path = '/tests/browser/pages/trusted-types.html';
  const body = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Trusted Types</title>
<link rel="icon" href="data:,"><script type="module" src="/pkg/inspection-timeline.js"></script></head><body>
<inspection-timeline loading="eager" src="/nowhere.json"><noscript><img id="still" src="/www/data/bury-childrens-services.png" alt="The timeline"></noscript></inspection-timeline>
</body></html>`;
  try {
    env.server.overrides.set(path, body);
    for (const [policy, shown] of [["require-trusted-types-for 'script'; trusted-types inspection-timeline", true],
      ["require-trusted-types-for 'script'; trusted-types 'none'", false]]) {
      env.server.headers.set(path, { 'content-security-policy': policy });
      const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`);
      const [err] = await waitForEvents(page, 'error');
      assert.match(err.detail.problems[0].message, /nowhere\.json/);
      assert.equal(await page.evaluate(() => !!document.getElementById('still')), shown, policy);
      assert.deepEqual(errors.filter((e) => /TrustedHTML|Uncaught/.test(e)), [], policy);
      await context.close();
    }
  } finally {
    env.server.overrides.delete(path);
    env.server.headers.delete(path);
  }
});

test('a widget far below the fold starts only when scrolled near', async () => {
  env.server.hits.clear();
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/lazy.html`);
  await page.waitForTimeout(600);
  const wasmHits = () => [...env.server.hits].filter(([p]) => p.endsWith('.wasm')).length;
  assert.equal(wasmHits(), 0, 'no wasm before it is needed');
  assert.equal(await page.evaluate(() => window.__events.length), 0);
  const reserved = await page.evaluate(() => document.getElementById('far').getBoundingClientRect().height);
  assert.ok(reserved >= 300, `the element reserves room before it draws (${reserved}px)`);
  await page.evaluate(() => document.getElementById('far').scrollIntoView());
  await waitForEvents(page, 'render');
  assert.equal(wasmHits(), 1);
  await context.close();
});

test('the page does not jump when the chart arrives', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 1200, height: 1400 } });
  await page.evaluate(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await waitForEvents(page, 'render');
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls < 0.05, `cumulative layout shift ${cls}`);
  await context.close();
});

test('the iframe page tells its parent its height with pym.js messages', async () => {
  // Every message from the first, however early the frame sends it.
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/parent.html`, {
    init: () => {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(e.data));
      window.__frameHeight = () => Math.ceil(
        document.querySelector('iframe').contentDocument.documentElement.getBoundingClientRect().height);
    },
  });
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200);
  // The frame is on the same origin, so the parent can compare the frame's own height, read
  // afresh each time (its content may still be settling), with the iframe's.
  const fit = async () => {
    await page.waitForFunction(() => {
      const h = window.__frameHeight();
      return h > 0 && Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1;
    });
    return page.evaluate(() => window.__frameHeight());
  };
  const wide = await fit();
  await page.evaluate(() => { document.getElementById('column').style.width = '340px'; });
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height !== h, wide);
  const narrow = await fit();
  assert.notEqual(narrow, wide, 'the height follows the content as it reflows');
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 2);
  for (const m of messages) assert.match(m, /^pymxPYMxburyxPYMxheightxPYMx\d+$/);
  await context.close();
});

test("the package's own iframe page draws the data its address names", async () => {
  const { page, context, errors } = await open(env.browser,
    `${env.server.base}/pkg/embed/embed.html?src=/www/data/bury-childrens-services.json&lang=fr`);
  const [ev] = await waitForEvents(page, 'render');
  assert.equal(ev.detail.origin, 'src');
  assert.equal(await page.evaluate(() => document.querySelector('inspection-timeline').getAttribute('lang')), 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard focus is visible, and axe-core finds no violations in light or dark themes', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await page.keyboard.press('Tab');
  const focus = await inRoot(page, `const c = root.querySelector('canvas');
    return { visible: c.matches(':focus-visible'), outline: getComputedStyle(c).outlineStyle, width: getComputedStyle(c).outlineWidth };`);
  assert.deepEqual(focus, { visible: true, outline: 'solid', width: '3px' });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.querySelector('inspection-timeline').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('inspection-timeline').shadowRoot.querySelector('.wrap')).backgroundColor === 'rgb(18, 18, 20)');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await axe(page), []);
  await page.locator('.graphic').screenshot({ path: await artifact('dark-1200.png') });
  await context.close();
});

test('theme="auto" follows the colour scheme and the canvas redraws when it changes; on its own background the chart is a panel with room inside its edge', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await page.evaluate(() => document.querySelector('inspection-timeline').setAttribute('theme', 'auto'));
  const pixel = () => inRoot(page, `const c = root.querySelector('canvas');
    return Array.from(c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data).join(',');`);
  // How far the title and the chart stand inside the widget's painted box.
  const inset = () => inRoot(page, `const box = root.querySelector('.wrap').getBoundingClientRect();
    const title = root.querySelector('.title').getBoundingClientRect();
    const chart = root.querySelector('canvas').getBoundingClientRect();
    return [title.left - box.left, title.top - box.top, box.right - chart.right].map(Math.round);`);
  assert.deepEqual(await inset(), [0, 0, 0], 'on the page\'s own background the chart lines up with the article');
  const light = await pixel();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((p) => {
    const c = document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas');
    return Array.from(c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data).join(',') !== p;
  }, light);
  assert.equal(await pixel(), '18,18,20,255', 'the dark background is painted');
  for (const gap of await inset()) assert.ok(gap >= 8, `the panel's text and chart keep off its edge: ${gap} px`);
  // Laid out for the room inside the panel, not squeezed into it.
  await page.waitForFunction(() => {
    const c = document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas');
    return c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio);
  }, null, { timeout: 5000 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((p) => {
    const c = document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas');
    return Array.from(c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data).join(',') === p;
  }, light);
  assert.deepEqual(await inset(), [0, 0, 0]);
  await context.close();
});

test('forced colours (Windows high contrast) redraw with the system colours', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const before = await canvasPixels(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.waitForFunction((b) => document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas').toDataURL() !== b, before);
  const colours = await inRoot(page, `const p = document.createElement('span'); root.append(p);
    p.style.color = 'CanvasText'; const text = getComputedStyle(p).color; p.remove();
    return { text, wrap: getComputedStyle(root.querySelector('.wrap')).color };`);
  assert.equal(colours.wrap, colours.text);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assert.equal(await inRoot(page, "return root.querySelector('.card').hidden"), false);
  await page.locator('.graphic').screenshot({ path: await artifact('forced-colors.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the card appears at once, with no fade, with or without reduced motion', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const duration = () => inRoot(page, "return getComputedStyle(root.querySelector('.card')).transitionDuration");
  assert.equal(await duration(), '0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
  await context.close();
});

test('printing shows the chart and the table of events with their findings', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('tbody tr'));
  await page.emulateMedia({ media: 'print' });
  const table = await inRoot(page, `const t = root.querySelector('table');
    return { height: t.getBoundingClientRect().height, rows: t.querySelectorAll('tbody tr').length, text: t.textContent };`);
  assert.ok(table.height > 200, `the table is printed (${table.height}px)`);
  assert.equal(table.rows, 6);
  assert.match(table.text, /Social workers have a clearer understanding of expectations/);
  await page.screenshot({ path: await artifact('print.png'), fullPage: true });
  await page.pdf({ path: await artifact('print.pdf'), format: 'A4' });
  await context.close();
});

test('theme properties set on an element around the widget apply, as on the element itself', async () => {
  const path = '/tests/browser/pages/ancestor-theme.html';
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Themed</title>
<link rel="icon" href="data:,"></head><body>
<div style="--it-background: #fff3d0; --it-text: #5a1e00; --it-focus: #aa00aa">
<inspection-timeline loading="eager" src="/www/data/bury-childrens-services.json"></inspection-timeline></div>
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`);
    await waitForEvents(page, 'render');
    const seen = await inRoot(page, `const c = root.querySelector('canvas');
      return { title: getComputedStyle(root.querySelector('.title')).color,
        panel: root.querySelector('.wrap').hasAttribute('data-panel'),
        corner: Array.from(c.getContext('2d').getImageData(2, c.height - 2, 1, 1).data).join(',') };`);
    assert.deepEqual(seen, { title: 'rgb(90, 30, 0)', panel: true, corner: '255,243,208,255' });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('in a browser that cannot construct stylesheets (Safari before 16.4) the widget is styled by a style element', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, {
    init: () => {
      window.CSSStyleSheet = class { constructor() { throw new TypeError('Illegal constructor'); } };
    },
  });
  await waitForEvents(page, 'render');
  const seen = await inRoot(page, `return { styles: root.querySelectorAll('style').length,
    font: getComputedStyle(root.querySelector('.wrap')).fontSize,
    card: getComputedStyle(root.querySelector('.card')).display,
    rule: getComputedStyle(root.querySelector('.wrap')).getPropertyValue('--_it-text').trim() };`);
  assert.equal(seen.styles, 1);
  assert.equal(seen.font, '16px');
  assert.equal(seen.card, 'none', 'the hidden card is hidden');
  assert.match(seen.rule, /^#[0-9a-f]{6}$/, 'the default colours from the wasm joined it');
  assert.deepEqual(errors, []);
  await context.close();
});
