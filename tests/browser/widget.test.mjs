// The widget in a real headless Chromium, on pages served from 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, artifact, inRoot, canvasPixels, regions, ROOT } from './harness.mjs';

const BURY = JSON.parse(await readFile(join(ROOT, 'www/data/bury-childrens-services.json'), 'utf8'));
const TITLES = BURY.events.map((e) => e.title);

const env = useBrowser();

/** Watches the card inside the widget's shadow root and records each title it shows. */
async function recordCards(page, selector = 'inspection-timeline') {
  await page.evaluate((sel) => {
    const card = document.querySelector(sel).shadowRoot.querySelector('.card');
    window.__cards = [];
    const note = () => {
      const t = card.querySelector('.ctitle');
      if (!card.hidden && t && window.__cards[window.__cards.length - 1] !== t.textContent) {
        window.__cards.push(t.textContent);
      }
    };
    new MutationObserver(note).observe(card, { childList: true, subtree: true, attributes: true });
  }, selector);
}

async function canvasBox(page, selector = 'inspection-timeline') {
  const handle = await page.evaluateHandle((sel) => document.querySelector(sel).shadowRoot.querySelector('canvas'), selector);
  return { handle, box: await handle.asElement().boundingBox() };
}

/** How many of the canvas's pixels have been drawn on (any alpha above zero). */
async function inkedPixels(page, selector = 'inspection-timeline') {
  return inRoot(page, `const c = root.querySelector('canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;`, selector);
}

test('the demo page draws the Bury timeline', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  const [ev] = await waitForEvents(page, 'render');
  assert.equal(ev.detail.events, BURY.events.length);
  assert.equal(ev.detail.origin, 'src');
  // The table's rows follow the chart by a frame.
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('tbody tr'));
  const info = await page.evaluate(() => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    const c = root.querySelector('canvas');
    return {
      title: root.querySelector('.title').textContent,
      width: c.getBoundingClientRect().width,
      hostWidth: document.querySelector('inspection-timeline').getBoundingClientRect().width,
      label: c.getAttribute('aria-label'),
      rows: root.querySelectorAll('table tbody tr').length,
      // The first event's cell under the Rating heading: the grade alone.
      rating: root.querySelectorAll('tbody tr td')[[...root.querySelectorAll('thead th')].findIndex((th) => th.textContent === 'Rating') - 1].textContent,
      message: root.querySelector('.msg').classList.contains('shown'),
    };
  });
  assert.equal(info.title, BURY.title);
  assert.ok(Math.abs(info.width - info.hostWidth) <= 1, `canvas fills the element: ${info.width} vs ${info.hostWidth}`);
  const inked = await inkedPixels(page);
  assert.ok(inked > 5000, `the canvas has a chart on it (${inked} inked pixels)`);
  assert.match(info.label, /rated inadequate by Ofsted in November 2021; four monitoring visits since/);
  assert.ok(info.label.startsWith(`${BURY.title}. Bury Council`), `the title is a sentence of its own: ${info.label}`);
  assert.equal(info.rows, BURY.events.length, 'the accessible table lists every event');
  assert.equal(info.rating, 'Inadequate');
  assert.equal(info.message, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving the pointer across the canvas shows every event\'s findings card in turn', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  // Sweep the whole canvas, row by row, with pointer events, noting where each card shows.
  const found = await regions(page, { step: 3 });
  assert.deepEqual(Object.keys(found).sort(), [...TITLES].sort());
  // Then move the real mouse to each of those places, in time order.
  const { box } = await canvasBox(page);
  await recordCards(page);
  for (const title of TITLES) {
    const [x, y] = found[title];
    await page.mouse.move(box.x + x, box.y + y);
  }
  assert.deepEqual(await page.evaluate(() => window.__cards), TITLES);
  const card = await inRoot(page, `const c = root.querySelector('.card');
    return { findings: c.querySelectorAll('.findings li').length, role: c.getAttribute('role') };`);
  assert.equal(card.role, 'tooltip');
  await page.mouse.move(0, 0);
  const hidden = await inRoot(page, "return root.querySelector('.card').hidden");
  assert.equal(hidden, true, 'leaving the chart closes the card');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard reaches every event in time order, and Enter pins, Escape closes', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await recordCards(page);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.localName + '/' + document.activeElement?.shadowRoot?.activeElement?.localName);
  assert.equal(focused, 'inspection-timeline/canvas');
  const announced = [];
  for (let i = 0; i < TITLES.length; i++) {
    await page.keyboard.press('ArrowRight');
    announced.push(await inRoot(page, "return root.querySelector('[aria-live]').textContent"));
  }
  const seen = await page.evaluate(() => window.__cards);
  assert.deepEqual(seen, TITLES, 'every event, in order');
  assert.ok(announced[3].startsWith('Third monitoring visit. Visit: February 2023'), announced[3]);
  await page.keyboard.press('Enter');
  const pinned = await inRoot(page, "return root.querySelector('.card').classList.contains('pinned')");
  assert.equal(pinned, true);
  await page.keyboard.press('Escape');
  const hidden = await inRoot(page, "return root.querySelector('.card').hidden");
  assert.equal(hidden, true);
  await context.close();
});

test('invalid data keeps the last good chart, says so, and fires error with every problem', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const before = await canvasPixels(page);
  const bad = structuredClone(BURY);
  bad.events[3].end = '2023-01-05';
  bad.events[3].date = '2023-02-27';
  bad.events[1].finding = [];
  await page.evaluate((d) => { document.querySelector('inspection-timeline').data = d; }, bad);
  const [err] = await waitForEvents(page, 'error');
  const said = err.detail.problems.map((p) => `${p.path}: ${p.message}`);
  // The reader's build lists the fields rather than name the nearest; the command line and
  // the editor's build say "did you mean `findings`?".
  assert.match(said[0], /^events\[1\]\.finding: unknown field `finding`; the fields allowed here are `id`, `kind`, /);
  assert.deepEqual(said.slice(1), [
    'events[3].end: 2023-01-05 is before date 2023-02-27; end is the last day of the visit, so it cannot come first: check both dates',
  ]);
  assert.equal(await canvasPixels(page), before, 'the chart is unchanged');
  const msg = await inRoot(page, `const m = root.querySelector('.msg');
    return { shown: m.classList.contains('shown'), text: m.textContent };`);
  assert.equal(msg.shown, true);
  assert.match(msg.text, /could not be updated/);
  // Not even JSON: still the old chart.
  await page.evaluate(() => { document.querySelector('inspection-timeline').data = '{"version": 1,'; });
  const errs = await waitForEvents(page, 'error', 2);
  assert.match(errs[1].detail.problems[0].message, /^not valid JSON: /);
  assert.equal(await canvasPixels(page), before);
  // Good data again replaces the chart and clears the message.
  const fixed = structuredClone(BURY);
  fixed.events.splice(1, 1);
  await page.evaluate((d) => { document.querySelector('inspection-timeline').data = d; }, fixed);
  const renders = await waitForEvents(page, 'render', 2);
  assert.equal(renders[1].detail.events, BURY.events.length - 1);
  assert.notEqual(await canvasPixels(page), before);
  await context.close();
});

test('text from the data is shown as text, never parsed as HTML', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/inline.html`);
  await waitForEvents(page, 'render');
  const d = { version: 1, title: '<b>bold</b>', events: [{ id: 'x', kind: 'other', title: '<img src=x onerror="window.__pwned=1">', date: '2023', findings: [{ text: '<script>window.__pwned=2</script>' }] }] };
  await page.evaluate((data) => { document.querySelector('#inline').data = data; }, d);
  await waitForEvents(page, 'render', 2, 'inline');
  await inRoot(page, "root.querySelector('canvas').focus()", '#inline');
  await page.keyboard.press('ArrowRight');
  const r = await inRoot(page, `return { imgs: root.querySelectorAll('img, script, b').length,
    title: root.querySelector('.card .ctitle').textContent, pwned: window.__pwned };`, '#inline');
  assert.equal(r.imgs, 0);
  assert.equal(r.title, d.events[0].title);
  assert.equal(r.pwned, undefined);
  await context.close();
});

test('inline JSON works and several widgets on a page load the wasm once and act independently', async () => {
  env.server.hits.clear();
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/inline.html`);
  await waitForEvents(page, 'render', 1, 'inline');
  await waitForEvents(page, 'render', 1, 'second');
  const wasm = [...env.server.hits].filter(([p]) => p.endsWith('.wasm'));
  assert.deepEqual(wasm.map(([, n]) => n), [1], 'one wasm download for the page');
  await page.evaluate(() => { document.querySelector('#second').data = '{"version": 1}'; });
  await waitForEvents(page, 'error', 1, 'second');
  const state = await page.evaluate(() => ['#inline', '#second'].map((s) => document.querySelector(s).shadowRoot.querySelector('.msg').classList.contains('shown')));
  assert.deepEqual(state, [false, true], 'only the widget given bad data complains');
  const evs = await page.evaluate(() => window.__events.filter((e) => e.type === 'error').map((e) => e.id));
  assert.deepEqual(evs, ['second']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the data, the bindings and the wasm are requested side by side, not one after another', async () => {
  // The wasm's bindings are held back until the data file and the wasm have both been asked
  // for. An element that waited for the bindings before asking for either would never draw,
  // and fail this test when waiting for the chart times out.
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const asked = new Set();
  let seen;
  const both = new Promise((resolve) => { seen = resolve; });
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) asked.add('wasm');
    if (path.endsWith('/bury-childrens-services.json')) asked.add('data');
    if (asked.size === 2) seen();
  });
  let heldUntil = null;
  await page.route('**/pkg/inspection_timeline.js', async (route) => {
    await both;
    heldUntil = [...asked].sort();
    await route.continue();
  });
  await page.addInitScript(() => document.addEventListener('render', () => { window.__drawn = true; }, true));
  await page.goto(`${env.server.base}/tests/browser/pages/article.html`);
  await page.waitForFunction(() => window.__drawn === true);
  assert.deepEqual(heldUntil, ['data', 'wasm'], 'requested while the bindings were still on their way');
  await context.close();
});

test('setting src draws its file even after el.data replaced it, and a moved chart keeps its origin', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const title = () => inRoot(page, "return root.querySelector('.title').textContent");
  await page.evaluate(() => {
    document.querySelector('inspection-timeline').data = { version: 1, title: 'Other', events: [{ id: 'a', kind: 'other', title: 'A', date: '2024' }] };
  });
  await waitForEvents(page, 'render', 2);
  assert.equal(await title(), 'Other');
  // The same address again: the file's text is the one loaded first, and is drawn all the same.
  await page.evaluate(() => { const el = document.querySelector('inspection-timeline'); el.setAttribute('src', el.getAttribute('src')); });
  const third = (await waitForEvents(page, 'render', 3))[2];
  assert.equal(third.detail.origin, 'src');
  assert.equal(await title(), BURY.title);
  await page.evaluate(() => document.body.prepend(document.querySelector('inspection-timeline')));
  const fourth = (await waitForEvents(page, 'render', 4))[3];
  assert.equal(fourth.detail.origin, 'src', 'drawn again after the move from the file it came from');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failing fetch says what failed and never leaves a blank box', async () => {
  env.server.overrides.set('/www/data/missing.json', 404);
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/missing.html`);
  const [err] = await waitForEvents(page, 'error');
  assert.match(err.detail.problems[0].message, /^could not load http:\/\/127\.0\.0\.1:\d+\/www\/data\/missing\.json: the server answered 404/);
  const msg = await inRoot(page, "return root.querySelector('.msg').textContent");
  assert.equal(msg, 'This graphic could not be loaded.');
  const visible = await page.evaluate(() => document.querySelector('inspection-timeline').getBoundingClientRect().height);
  assert.ok(visible > 10, 'the message takes room on the page');
  env.server.overrides.delete('/www/data/missing.json');
  await context.close();
});

for (const width of [320, 375]) {
  test(`at ${width} px: a row per event, tap pins the card, a tap elsewhere closes it, scrolling stays with the page`, async () => {
    const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await waitForEvents(page, 'render');
    await page.evaluate(() => {
      window.__cancelled = [];
      for (const type of ['touchstart', 'touchmove', 'touchend', 'pointerdown', 'pointermove', 'pointerup']) {
        // Listeners on window run after the widget's own, so they see whether it cancelled.
        window.addEventListener(type, (e) => { if (e.defaultPrevented) window.__cancelled.push(type); });
      }
    });
    const { handle } = await canvasBox(page);
    await handle.asElement().scrollIntoViewIfNeeded();
    const b = await handle.asElement().boundingBox();
    const dims = await inRoot(page, `const c = root.querySelector('canvas');
      return { w: c.width, css: c.getBoundingClientRect().width, overflow: document.documentElement.scrollWidth - innerWidth, touch: getComputedStyle(c).touchAction };`);
    assert.equal(dims.w, Math.round(dims.css * 2), 'two device pixels per CSS pixel');
    assert.ok(dims.overflow <= 0, `no horizontal scrolling (${dims.overflow})`);
    assert.equal(dims.touch, 'manipulation', 'panning and pinch-zoom stay with the page');
    // Tap each row's right-hand side (its text), top to bottom, until every title has pinned.
    const pinned = new Set();
    for (let y = b.y + 4; y < b.y + b.height; y += 18) {
      if (y > 730) break;
      await page.touchscreen.tap(b.x + b.width - 20, y);
      const t = await inRoot(page, `const c = root.querySelector('.card');
        return !c.hidden && c.classList.contains('pinned') ? c.querySelector('.ctitle').textContent : null;`);
      if (t) {
        pinned.add(t);
        await page.touchscreen.tap(2, 2);
        const hidden = await inRoot(page, "return root.querySelector('.card').hidden");
        assert.equal(hidden, true, 'a tap outside the widget closes the card');
      }
    }
    assert.ok(pinned.size >= 3, `rows pin their cards: ${[...pinned]}`);
    for (const t of pinned) assert.ok(TITLES.includes(t));
    // Scrolling and zooming stay with the page: touch-action leaves panning and pinch-zoom to
    // the browser, and no touch or pointer event the widget sees is cancelled.
    const cancelled = await page.evaluate(() => window.__cancelled);
    assert.deepEqual(cancelled, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a phone turned with a card pinned from the keyboard does not make the page scroll sideways', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 1000, height: 800 } });
  await waitForEvents(page, 'render');
  await page.keyboard.press('Tab');
  // The last event, at the right of the wide chart, reached and pinned from the keyboard.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('.card.pinned'));
  await page.setViewportSize({ width: 420, height: 800 });
  // The phone layout has no window of time.
  await page.waitForFunction(() => document.querySelector('inspection-timeline').view === null);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide in a ${widths[1]} px window`);
  await context.close();
});

test('on a page too dark for the light theme the chart stands on the theme\'s own white, as a panel', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/clean.html`);
  await waitForEvents(page, 'render');
  const wrap = () => inRoot(page, `const w = root.querySelector('.wrap');
    return { panel: w.hasAttribute('data-panel'), background: getComputedStyle(w).backgroundColor };`, '#w');
  assert.deepEqual(await wrap(), { panel: false, background: 'rgba(0, 0, 0, 0)' });
  // The page turns dark; the theme is read again when the attribute changes.
  await page.evaluate(() => {
    document.body.style.background = '#121212';
    document.querySelector('#w').setAttribute('theme', 'light');
  });
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.wrap[data-panel]'));
  assert.deepEqual(await wrap(), { panel: true, background: 'rgb(255, 255, 255)' });
  await page.evaluate(() => {
    document.body.style.background = '';
    document.querySelector('#w').removeAttribute('theme');
  });
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('.wrap[data-panel]'));
  assert.deepEqual(await wrap(), { panel: false, background: 'rgba(0, 0, 0, 0)' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart redraws to its container width', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const widths = [];
  for (const w of [320, 480, 700]) {
    await page.evaluate((px) => { document.querySelector('.graphic').style.width = `${px}px`; }, w);
    // The bitmap follows the container (the CSS box alone could be squeezed by max-width).
    await page.waitForFunction((px) => document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas').width === px, w);
    widths.push(await inRoot(page, "return Math.round(root.querySelector('canvas').getBoundingClientRect().width)"));
  }
  assert.deepEqual(widths, [320, 480, 700]);
  await context.close();
});

test('screenshots at phone and desktop widths', async () => {
  for (const [name, width] of [['phone-375.png', 375], ['desktop-1200.png', 1200]]) {
    const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width, height: 900 } });
    await waitForEvents(page, 'render');
    const el = await page.$('.graphic');
    await el.scrollIntoViewIfNeeded();
    const { box } = await canvasBox(page);
    await page.mouse.move(box.x + box.width * 0.05, box.y + 1);
    await el.screenshot({ path: await artifact(name) });
    // What a reader would notice first: a chart that did not draw, or one cut off at the edge.
    const inked = await inkedPixels(page);
    assert.ok(inked > 5000, `${name}: the canvas has a chart on it (${inked} inked pixels)`);
    const fit = await inRoot(page, `const r = root.querySelector('canvas').getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, inner: innerWidth, left: r.left, right: r.right };`);
    assert.ok(fit.scroll <= fit.inner, `${name}: no horizontal scrolling (${fit.scroll} px of content in ${fit.inner})`);
    assert.ok(fit.left >= 0 && fit.right <= fit.inner, `${name}: the canvas lies within the viewport (${fit.left} to ${fit.right} of ${fit.inner})`);
    await context.close();
  }
});

test('an element moved in the page keeps its data and draws again', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/inline.html`);
  await waitForEvents(page, 'render', 1, 'second');
  await page.evaluate(() => {
    const el = document.getElementById('second');
    el.data = { version: 1, title: 'Set by script', events: [{ id: 'a', kind: 'other', title: 'A', date: '2020' }, { id: 'b', kind: 'other', title: 'B', date: '2021' }] };
  });
  await waitForEvents(page, 'render', 2, 'second');
  await page.evaluate(() => document.body.prepend(document.getElementById('second')));
  const renders = await waitForEvents(page, 'render', 3, 'second');
  assert.equal(renders[2].detail.events, 2);
  assert.equal(await inRoot(page, "return root.querySelector('.title').textContent", '#second'), 'Set by script');
  assert.equal(await inRoot(page, "return root.querySelectorAll('figure').length", '#second'), 1, 'one chart, not two');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long events table is written a page at a time, turned by its buttons, and whole for print', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=1000`);
  const [ev] = await waitForEvents(page, 'render');
  assert.equal(ev.detail.events, 1001);
  // Counted as `render` fired: the chart did not wait for the table, whose first page (and
  // no more) follows it.
  assert.equal(ev.rows, 0);
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('tbody tr').length === 200);
  const titles = () => inRoot(page, "return [...root.querySelectorAll('tbody th')].map((th) => th.textContent)", '#w');
  const first = await titles();
  const pager = () => inRoot(page, `const p = root.querySelector('.pages');
    return { hidden: p.hidden, text: p.querySelector('span').textContent,
      prev: p.querySelectorAll('button')[0].getAttribute('aria-disabled') === 'true',
      next: p.querySelectorAll('button')[1].getAttribute('aria-disabled') === 'true' };`, '#w');
  assert.deepEqual(await pager(), { hidden: false, text: 'Events 1 to 200 of 1,001, in time order.', prev: true, next: false });
  const seen = new Set(first);
  for (let k = 0; k < 5; k++) {
    await inRoot(page, "root.querySelectorAll('.pages button')[1].click();", '#w');
    for (const t of await titles()) seen.add(t);
  }
  assert.deepEqual(await pager(), { hidden: false, text: 'Events 1,001 to 1,001 of 1,001, in time order.', prev: false, next: true });
  assert.equal(seen.size, 1001, 'every event once across the pages');
  assert.equal((await titles()).at(-1), 'Next', 'the undated expected event last');
  // A keyboard user who tabs into the table sees it.
  await inRoot(page, "root.querySelectorAll('.pages button')[0].focus();", '#w');
  const box = await inRoot(page, "const r = root.querySelector('.table-box').getBoundingClientRect(); return [r.width, r.height];", '#w');
  assert.ok(box[0] > 100 && box[1] > 100, `the focused table shows: ${box}`);
  // Turning a page from the keyboard takes the focus to the table's start, in view, whose
  // caption names the rows it now holds.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.activeElement?.localName === 'table');
  const start = await inRoot(page, `const r = root.querySelector('caption').getBoundingClientRect();
    return { top: r.top, text: root.querySelector('caption').textContent };`, '#w');
  assert.ok(start.top > -1 && start.top < 900, `the caption is in view: ${start.top}`);
  assert.match((await pager()).text, /^Events 801 to 1,000 of 1,001/);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal((await titles()).length, 1001, 'printing writes every row');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.ok((await titles()).length <= 200, 'and back to a page after');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a line under the subtitle says how to read the chart: by pointer and keys, or by touch', async () => {
  const hint = (page) => inRoot(page, `const shown = (c) => getComputedStyle(root.querySelector(c)).display !== 'none' ? root.querySelector(c).textContent : null;
    return [shown('.hint-pointer'), shown('.hint-touch')];`);
  const desk = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(desk.page, 'render');
  assert.deepEqual(await hint(desk.page), ['Hover over or click an event, or use the arrow keys, to read about it.', null]);
  await desk.page.emulateMedia({ media: 'print' });
  assert.equal(await inRoot(desk.page, "return getComputedStyle(root.querySelector('.hint')).display"), 'none', 'not on paper');
  assert.deepEqual(desk.errors, []);
  await desk.context.close();
  const phone = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
  await waitForEvents(phone.page, 'render');
  assert.deepEqual(await hint(phone.page), [null, 'Tap an event to read about it.']);
  // A page that wants no such line empties its words.
  await phone.page.evaluate(() => { document.querySelector('inspection-timeline').strings = { hintTouch: '' }; });
  await phone.page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('.hint').getBoundingClientRect().height === 0);
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
});

test('on paper: the table, but not the announcements, the focus ring or the zoom buttons\' room', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('[aria-live]').textContent);
  const aspect = () => inRoot(page, "const c = root.querySelector('canvas'); return c.height / c.width;");
  const onScreen = await aspect();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await inRoot(page, `const c = root.querySelector('canvas');
    return { live: getComputedStyle(root.querySelector('[aria-live]')).display,
      ring: getComputedStyle(c).outlineStyle, focused: root.activeElement === c,
      table: root.querySelector('table').getBoundingClientRect().height };`);
  assert.deepEqual({ ...printed, table: printed.table > 100 }, { live: 'none', ring: 'none', focused: true, table: true });
  assert.ok(await aspect() < onScreen, 'the chart is laid out without the buttons\' row');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await aspect(), onScreen, 'and with it again after');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host page that scales the chart keeps it in proportion, and the pointer finds the mark under it', async () => {
  const scale = 0.5;
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`);
  await waitForEvents(page, 'render');
  const plain = await regions(page, { step: 3 });
  const titles = Object.keys(plain);
  assert.ok(titles.length >= 5, `marks found: ${titles}`);
  await page.evaluate((s) => {
    const el = document.querySelector('inspection-timeline');
    el.style.transform = `scale(${s})`;
    el.style.transformOrigin = '0 0';
  }, scale);
  const seen = await page.evaluate(([points, s]) => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    const canvas = root.querySelector('canvas');
    const card = root.querySelector('.card');
    const r = canvas.getBoundingClientRect();
    const out = {};
    for (const [title, [x, y]] of Object.entries(points)) {
      canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x * s, clientY: r.top + y * s, pointerType: 'mouse', bubbles: true }));
      out[title] = card.hidden ? null : card.querySelector('.ctitle').textContent;
    }
    return out;
  }, [plain, scale]);
  for (const t of titles) assert.equal(seen[t], t, `the mark drawn at ${plain[t]} (scaled by ${scale})`);
  // Laid out again while scaled, the chart keeps the width the page lays it out at: the
  // canvas is not shrunk twice, and its bitmap follows the scale.
  await page.evaluate(() => { document.querySelector('inspection-timeline').style.width = '1000px'; });
  await page.waitForFunction(() => {
    const el = document.querySelector('inspection-timeline');
    return el.shadowRoot.querySelector('canvas').offsetWidth === 1000;
  });
  const bitmap = await inRoot(page, "const c = root.querySelector('canvas'); return c.width / c.offsetWidth");
  assert.ok(Math.abs(bitmap - scale) < 0.05, `bitmap pixels per CSS px: ${bitmap}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in containers that shrink their content (a centred flex box, a grid, an inline block) the chart takes the full width', async () => {
  const path = '/tests/browser/pages/containers.html';
  const box = (style) => `<div style="${style}"><inspection-timeline loading="eager" src="/www/data/bury-childrens-services.json"></inspection-timeline></div>`;
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Containers</title>
<link rel="icon" href="data:,"><style>body { margin: 0; } div { width: 800px; margin: 0 0 20px; }</style></head><body>
${box('display: flex; justify-content: center')}${box('display: grid; justify-items: center')}
${box('display: inline-block')}${box('')}
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`);
    await waitForEvents(page, 'render', 4);
    const widths = await page.evaluate(() => [...document.querySelectorAll('inspection-timeline')].map((el) => Math.round(el.getBoundingClientRect().width)));
    assert.deepEqual(widths, [800, 800, 800, 800]);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('under a page\'s CSS reset (all: unset) in a flex row, the chart still takes the row\'s width, unsqueezed', async () => {
  const path = '/tests/browser/pages/reset.html';
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Reset</title>
<link rel="icon" href="data:,"><style>*:where(:not(html, iframe, canvas, img, svg, video, audio):not(svg *, symbol *)) { all: unset; display: revert; }</style>
</head><body><div style="display: flex; width: 800px"><inspection-timeline loading="eager" src="/www/data/bury-childrens-services.json"></inspection-timeline></div>
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`);
    await waitForEvents(page, 'render');
    const sizes = await inRoot(page, `const c = root.querySelector('canvas');
      return [Math.round(el.getBoundingClientRect().width), c.width / c.getBoundingClientRect().width];`);
    assert.deepEqual(sizes, [800, 1], 'the full row, one bitmap pixel per CSS pixel');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('a card that a host column with overflow: hidden would cut off is lifted over the page, whole, and follows the chart as it scrolls', async () => {
  const path = '/tests/browser/pages/clipped.html';
  const page_ = (style) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Clipped</title>
<link rel="icon" href="data:,"><style>body { margin: 0; padding-bottom: 1500px; } .column { width: 800px; ${style} }</style></head><body>
<div class="column"><inspection-timeline loading="eager" src="/www/data/bury-childrens-services.json"></inspection-timeline></div>
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`;
  /** Pins the third visit's card (the one with most findings) from the keyboard; where it is. */
  const pinThird = async (page) => {
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    return page.evaluate(() => {
      const root = document.querySelector('inspection-timeline').shadowRoot;
      const card = root.querySelector('.card');
      const c = card.getBoundingClientRect();
      const column = document.querySelector('.column').getBoundingClientRect();
      const chart = root.querySelector('.chart').getBoundingClientRect();
      // What the reader would touch near the card's bottom edge: the card, if it shows there.
      const hit = root.elementFromPoint(c.left + c.width / 2, c.bottom - 6);
      return {
        title: card.querySelector('.ctitle')?.textContent,
        open: card.matches(':popover-open'),
        beyond: c.bottom - column.bottom,
        reachable: !!hit && card.contains(hit),
        offset: c.top - chart.top,
      };
    });
  };
  try {
    env.server.overrides.set(path, page_('overflow: hidden'));
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`, { viewport: { width: 900, height: 1000 } });
    await waitForEvents(page, 'render');
    const cut = await pinThird(page);
    assert.equal(cut.title, 'Third monitoring visit');
    assert.ok(cut.beyond > 20, `the card reaches ${cut.beyond} px below the column, which would cut it off`);
    assert.equal(cut.reachable, true, 'its bottom edge shows and takes the pointer');
    assert.equal(cut.open, true, 'lifted into the top layer');
    // The page scrolls at once (no smooth scrolling to race); the card follows when the page
    // says it scrolled, so that is waited for, however long a loaded machine takes.
    await page.evaluate(() => window.scrollTo({ top: 120, behavior: 'instant' }));
    await page.waitForFunction((offset) => {
      const root = document.querySelector('inspection-timeline').shadowRoot;
      const moved = root.querySelector('.card').getBoundingClientRect().top - root.querySelector('.chart').getBoundingClientRect().top;
      return window.scrollY === 120 && Math.abs(moved - offset) < 1;
    }, cut.offset);
    await page.keyboard.press('Escape');
    const closed = await inRoot(page, "const c = root.querySelector('.card'); return [c.hidden, c.matches(':popover-open')]");
    assert.deepEqual(closed, [true, false]);
    assert.deepEqual(errors, []);
    await context.close();

    // Under a sticky header of the page the mark is out of sight, and its lifted card,
    // which would cover the header, is too, until the mark comes back.
    env.server.overrides.set(path, page_('overflow: hidden').replace('<div class="column">',
      '<header style="position: sticky; top: 0; height: 80px; z-index: 100; background: #123;"></header><div class="column">'));
    const sticky = await open(env.browser, `${env.server.base}${path}`, { viewport: { width: 900, height: 1000 } });
    await waitForEvents(sticky.page, 'render');
    assert.equal((await pinThird(sticky.page)).open, true);
    const shown = () => inRoot(sticky.page, "return getComputedStyle(root.querySelector('.card')).visibility;");
    assert.equal(await shown(), 'visible');
    // The focus ring, the one thing drawn on the overlay, is around the mark: scroll until
    // the mark sits under the header.
    const markY = await inRoot(sticky.page, `const o = root.querySelector('.overlay');
      const data = o.getContext('2d').getImageData(0, 0, o.width, o.height).data;
      let top = Infinity, bottom = -1;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) { const y = Math.floor((i >> 2) / o.width); top = Math.min(top, y); bottom = Math.max(bottom, y); }
      const r = o.getBoundingClientRect();
      return r.top + (top + bottom) / 2 * r.height / o.height;`);
    assert.ok(Number.isFinite(markY), 'the focus ring is drawn');
    await sticky.page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), Math.round(markY - 40));
    await sticky.page.waitForFunction(() => getComputedStyle(document.querySelector('inspection-timeline').shadowRoot.querySelector('.card')).visibility === 'hidden');
    await sticky.page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await sticky.page.waitForFunction(() => getComputedStyle(document.querySelector('inspection-timeline').shadowRoot.querySelector('.card')).visibility === 'visible');
    assert.deepEqual(sticky.errors, []);
    await sticky.context.close();

    // Where nothing cuts it off, the card stays in the chart, as it always was.
    env.server.overrides.set(path, page_(''));
    const plain = await open(env.browser, `${env.server.base}${path}`, { viewport: { width: 900, height: 1000 } });
    await waitForEvents(plain.page, 'render');
    const free = await pinThird(plain.page);
    assert.equal(free.open, false);
    assert.equal(free.reachable, true);
    assert.ok(Math.abs(free.offset - cut.offset) < 1, 'in the same place');
    await plain.context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('a card pinned from the keyboard opens its source link on the first click', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 1000, height: 1200 } });
  await waitForEvents(page, 'render');
  const linked = structuredClone(BURY);
  linked.events[0].sources = [{ title: 'The report', url: 'https://example.org/report' }];
  await page.evaluate((d) => { document.querySelector('inspection-timeline').data = d; }, linked);
  await waitForEvents(page, 'render', 2);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const link = await page.evaluate(() => {
    const card = document.querySelector('inspection-timeline').shadowRoot.querySelector('.card');
    const a = card.querySelector('a');
    window.__clicked = [];
    // The link's own click, kept from navigating away from the test page.
    card.addEventListener('click', (e) => { window.__clicked.push(e.target.closest('a')?.href ?? null); e.preventDefault(); });
    const r = a.getBoundingClientRect();
    return { href: a.href, x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
  });
  await page.mouse.click(link.x, link.y);
  assert.deepEqual(await page.evaluate(() => window.__clicked), [link.href]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in a page whose font is wider than Arial (DejaVu Sans), labels are shortened to fit rather than run off the chart', async () => {
  const path = '/tests/browser/pages/wide-font.html';
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Wide font</title>
<link rel="icon" href="data:,"><style>body { margin: 8px; font-family: "DejaVu Sans"; }</style></head><body>
<inspection-timeline loading="eager" src="/www/data/bury-childrens-services.json"></inspection-timeline>
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`, { viewport: { width: 390, height: 900 } });
    await waitForEvents(page, 'render');
    // Ink in the canvas's last four columns: a label that ran off the chart leaves some there.
    const edge = await inRoot(page, `const c = root.querySelector('canvas');
      const cols = Math.round(4 * c.width / c.getBoundingClientRect().width);
      const data = c.getContext('2d').getImageData(c.width - cols, 0, cols, c.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
      return inked;`);
    assert.equal(edge, 0, "nothing is drawn at the chart's right edge");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test("a web font that finishes loading after the first chart is the font the chart is drawn in again", async () => {
  const font = await readFile('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
  env.server.overrides.set('/tests/browser/pages/late-font.ttf', font);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 390, height: 900 } });
    await waitForEvents(page, 'render');
    const before = await canvasPixels(page);
    await page.evaluate(async () => {
      document.fonts.add(new FontFace('Late', 'url(/tests/browser/pages/late-font.ttf)'));
      document.querySelector('inspection-timeline').style.fontFamily = 'Late, sans-serif';
      await document.fonts.load('16px Late');
    });
    await page.waitForFunction((b) => document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas').toDataURL() !== b, before);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete('/tests/browser/pages/late-font.ttf');
  }
});
