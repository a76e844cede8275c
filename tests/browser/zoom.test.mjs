// Zoom, pan and clusters in a real headless Chromium: what a reader does with a long history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, waitForEvents, inRoot, ROOT } from './harness.mjs';

const BURY = JSON.parse(await readFile(join(ROOT, 'www/data/bury-childrens-services.json'), 'utf8'));

const env = useBrowser();

/** Records every `viewchange` the element fires, as its detail. */
async function recordViews(page) {
  await page.evaluate(() => {
    window.__views = [];
    document.querySelector('inspection-timeline')
      .addEventListener('viewchange', (e) => window.__views.push(e.detail));
  });
}

const views = (page) => page.evaluate(() => window.__views);
const view = (page) => page.evaluate(() => document.querySelector('inspection-timeline').view);

async function canvasBox(page) {
  const handle = await page.evaluateHandle(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas'));
  return handle.asElement().boundingBox();
}

/** The Bury page at `width`, drawn. */
async function bury(width = 760) {
  const opened = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width, height: 900 } });
  await waitForEvents(opened.page, 'render');
  await recordViews(opened.page);
  return opened;
}

test('the Bury chart shows each monitoring visit as its own mark that answers the pointer', async () => {
  const { page, context } = await bury(760);
  const box = await canvasBox(page);
  const titles = new Set();
  // Sweep the pointer over the whole chart and collect the card titles it brings up.
  for (let y = box.y + 4; y < box.y + box.height; y += 8) {
    for (let x = box.x + 4; x < box.x + box.width; x += 12) {
      await page.mouse.move(x, y);
      const t = await inRoot(page, "const c = root.querySelector('.card'); return c.hidden ? null : c.querySelector('.ctitle').textContent;");
      if (t) titles.add(t);
    }
  }
  for (const e of BURY.events.filter((e) => e.kind === 'monitoring-visit')) {
    assert.ok(titles.has(e.title), `${e.title} can be hovered; found ${[...titles].join(' | ')}`);
  }
  await context.close();
});

test('Ctrl+wheel zooms around the pointer and the plain wheel scrolls the page', async () => {
  const { page, context } = await bury(760);
  const box = await canvasBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scroll0 = await page.evaluate(() => window.scrollY);
  const whole = await view(page);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction((s) => window.scrollY > s, scroll0);
  assert.deepEqual(await view(page), whole, 'the plain wheel leaves the chart whole');
  assert.deepEqual(await views(page), []);

  const box2 = await canvasBox(page);
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  const scroll1 = await page.evaluate(() => window.scrollY);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => window.__views.length > 0);
  const v = await view(page);
  assert.ok(v.start > whole.start && v.end < whole.end, `zoomed: ${JSON.stringify(v)}`);
  assert.equal(await page.evaluate(() => window.scrollY), scroll1, 'Ctrl+wheel does not scroll the page');
  const first = (await views(page))[0];
  assert.deepEqual(first, v, 'viewchange carries the window');
  await context.close();
});

test('dragging pans a zoomed chart, and the buttons and keys zoom and reset', async () => {
  const { page, context } = await bury(900);
  const whole = await view(page);
  await inRoot(page, "root.querySelector('.zoom button').click();");
  await page.waitForFunction(() => window.__views.length === 1);
  const zoomed = await view(page);
  assert.ok(zoomed.end < whole.end || zoomed.start > whole.start, 'the + button zooms in');

  const box = await canvasBox(page);
  // Over the lanes, not the overview strip at the top (where a drag moves the window).
  const y = box.y + 100;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, y, { steps: 5 });
  await page.mouse.up();
  const panned = await view(page);
  assert.ok(panned.start < zoomed.start, `a drag to the right shows earlier time: ${zoomed.start} -> ${panned.start}`);

  await inRoot(page, "root.querySelector('canvas').focus();");
  const count = async () => (await views(page)).length;
  let seen = await count();
  await page.keyboard.press('0');
  await page.waitForFunction((n) => window.__views.length > n, seen);
  assert.deepEqual(await view(page), whole, '0 shows everything');
  const live = () => inRoot(page, "return root.querySelector('[aria-live]').textContent;");
  assert.equal(await live(), 'Showing the whole timeline', 'and a screen reader hears it');
  seen = await count();
  await page.keyboard.press('+');
  await page.waitForFunction((n) => window.__views.length > n, seen);
  const closer = await view(page);
  assert.ok(closer.start > whole.start || closer.end < whole.end, '+ zooms in');
  assert.match(await live(), /^Showing \d+ \w+ \d{4} to \d+ \w+ \d{4}$/);
  seen = await count();
  await page.keyboard.press('-');
  await page.waitForFunction((n) => window.__views.length > n, seen);
  assert.deepEqual(await view(page), whole, '- zooms back out');
  const disabled = await inRoot(page, "return [...root.querySelectorAll('.zoom button')].map((b) => b.getAttribute('aria-disabled') === 'true');");
  assert.deepEqual(disabled, [false, true, true], 'out and All dates do nothing while everything shows');
  await context.close();
});

test('the zoom buttons stay where they are as the chart zooms, so clicks in one place keep zooming', async () => {
  for (const url of ['/www/index.html', '/tests/browser/pages/bench.html?n=1000']) {
    const { page, context } = await open(env.browser, `${env.server.base}${url}`, { viewport: { width: 900, height: 900 } });
    await waitForEvents(page, 'render');
    await recordViews(page);
    const plus = await (await page.evaluateHandle(() =>
      document.querySelector('inspection-timeline').shadowRoot.querySelector('.zoom button'))).asElement().boundingBox();
    const at = [plus.x + plus.width / 2, plus.y + plus.height / 2];
    let days = Infinity;
    for (let n = 1; n <= 3; n++) {
      // A real click at the same place on the page, as a reader clicking + again would.
      await page.mouse.click(...at);
      await page.waitForFunction((k) => window.__views.length === k, n);
      const v = await view(page);
      const now = (Date.parse(v.end) - Date.parse(v.start)) / 864e5;
      assert.ok(now < days, `${url}: click ${n} zooms in further (${days} -> ${now} days)`);
      days = now;
    }
    assert.equal(await inRoot(page, 'return root.activeElement?.textContent;'), '+', `${url}: the + button still has the focus`);
    await context.close();
  }
});

test('zoomTo, the view property and the view attribute', async () => {
  const { page, context } = await bury(900);
  const whole = await view(page);
  await page.evaluate(() => document.querySelector('inspection-timeline').zoomTo('2022', '2023-02'));
  await page.waitForFunction(() => window.__views.length === 1);
  assert.deepEqual(await view(page), { start: '2022-01-01', end: '2023-02-28' });
  const message = await page.evaluate(() => {
    try {
      document.querySelector('inspection-timeline').zoomTo('Feb 2023', '2024');
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /"Feb 2023" is not a date/);
  await page.evaluate(() => document.querySelector('inspection-timeline').resetZoom());
  assert.deepEqual(await view(page), whole);
  await page.evaluate(() => document.querySelector('inspection-timeline').setAttribute('view', '2023/2023'));
  assert.deepEqual(await view(page), { start: '2023-01-01', end: '2023-12-31' });
  // A wrong view attribute is reported at its name, and the window stays.
  await page.evaluate(() => document.querySelector('inspection-timeline').setAttribute('view', 'garbage'));
  const [err] = await waitForEvents(page, 'error');
  const { path, message: said } = err.detail.problems[0];
  assert.equal(path, 'view');
  assert.match(said, /^"garbage" is not a date: write it as the data does/);
  assert.deepEqual(await view(page), { start: '2023-01-01', end: '2023-12-31' });
  await context.close();
});

test('a cluster lists its events, and Enter zooms into it', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=1000`);
  await waitForEvents(page, 'render');
  await recordViews(page);
  await inRoot(page, "root.querySelector('canvas').focus();");
  await page.keyboard.press('Home');
  const read = () => inRoot(page, `const c = root.querySelector('.card');
    return { hidden: c.hidden, title: c.querySelector('.ctitle').textContent,
      items: [...c.querySelectorAll('ul.events li')].map((li) => li.textContent) };`);
  // The first cluster in reading order (events of the very same period are stacked instead).
  let card = await read();
  for (let k = 0; k < 100 && !/^\d+ events$/.test(card.title); k++) {
    await page.keyboard.press('ArrowRight');
    card = await read();
  }
  assert.equal(card.hidden, false);
  const n = Number(card.title.match(/^(\d+) events$/)?.[1]);
  assert.ok(n > 1, `a cluster among the first marks: ${card.title}`);
  assert.equal(card.items.length, Math.min(n, 10) + (n > 10 ? 1 : 0));
  assert.match(card.items[0], /Event \d+/);
  const live = await inRoot(page, "return root.querySelector('[aria-live]').textContent;");
  assert.match(live, new RegExp(`^${n} events, `), `announced: ${live}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__views.length === 1);
  const v = await view(page);
  assert.ok(v, 'Enter zoomed in');
  const days = (Date.parse(v.end) - Date.parse(v.start)) / 864e5;
  assert.ok(days < 30 * 365 / 4, `into the cluster's time: ${JSON.stringify(v)}`);
  await context.close();
});

test('with deeplink, pinning a card writes the address, and opening that address pins it', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/deeplink.html`);
  await waitForEvents(page, 'render');
  await inRoot(page, "root.querySelector('canvas').focus();", '#bury');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const pinned = await inRoot(page, "return root.querySelector('.card .ctitle').textContent;", '#bury');
  const hash = await page.evaluate(() => location.hash);
  const id = BURY.events.find((e) => e.title === pinned).id;
  assert.equal(hash, `#bury-${id}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => location.hash), '', 'closing the card clears the link');
  await context.close();

  // A reader follows the link: the card of that event is pinned and announced.
  const target = BURY.events.find((e) => e.id === 'monitoring-visit-3');
  const second = await open(env.browser, `${env.server.base}/tests/browser/pages/deeplink.html#bury-${target.id}`);
  await waitForEvents(second.page, 'render');
  await second.page.waitForFunction(() => !document.querySelector('#bury').shadowRoot.querySelector('.card').hidden);
  const card = await inRoot(second.page, `const c = root.querySelector('.card');
    return { title: c.querySelector('.ctitle').textContent, pinned: c.classList.contains('pinned'),
      live: root.querySelector('[aria-live]').textContent };`, '#bury');
  assert.equal(card.title, target.title);
  assert.ok(card.pinned, 'the card is pinned');
  assert.match(card.live, new RegExp(target.title));
  // The chart has the page's focus, so Escape closes the card as it says.
  await second.page.keyboard.press('Escape');
  await second.page.waitForFunction(() => document.querySelector('#bury').shadowRoot.querySelector('.card').hidden);
  assert.equal(await second.page.evaluate(() => location.hash), '');
  await second.context.close();

  // And a click elsewhere on the page closes it too, focus ring and all.
  const third = await open(env.browser, `${env.server.base}/tests/browser/pages/deeplink.html#bury-${target.id}`);
  await waitForEvents(third.page, 'render');
  await third.page.waitForFunction(() => !document.querySelector('#bury').shadowRoot.querySelector('.card').hidden);
  await third.page.mouse.click(5, 5);
  await third.page.waitForFunction(() => document.querySelector('#bury').shadowRoot.querySelector('.card').hidden);
  assert.equal(await third.page.evaluate(() => location.hash), '');
  await third.context.close();
});

test('a deep link into a dense history zooms until the event stands alone', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=1000#w-e500`);
  await waitForEvents(page, 'render');
  await page.evaluate(() => document.getElementById('w').setAttribute('deeplink', ''));
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  await page.waitForFunction(() => !document.getElementById('w').shadowRoot.querySelector('.card').hidden);
  const title = await inRoot(page, "return root.querySelector('.card .ctitle').textContent;", '#w');
  assert.equal(title, 'Event 501');
  const v = await page.evaluate(() => document.getElementById('w').view);
  assert.ok(v && (Date.parse(v.end) - Date.parse(v.start)) / 864e5 < 365 * 30, `zoomed in: ${JSON.stringify(v)}`);
  await context.close();
});

test('cards stay on screen in a short window, wherever the chart is scrolled', async () => {
  const { page, context } = await bury(760);
  await page.setViewportSize({ width: 760, height: 420 });
  for (const scroll of [0, 150, 300]) {
    await page.evaluate((y) => window.scrollTo(0, y), scroll);
    const box = await canvasBox(page);
    const top = Math.max(box.y, 0);
    const bottom = Math.min(box.y + box.height, 420);
    let checked = 0;
    for (let y = top + 4; y < bottom; y += 10) {
      for (let x = box.x + 8; x < box.x + box.width; x += 16) {
        await page.mouse.move(x, y);
        const r = await inRoot(page, `const c = root.querySelector('.card');
          if (c.hidden) return null;
          const b = c.getBoundingClientRect();
          return [b.top, b.bottom, b.left, b.right];`);
        if (!r) continue;
        checked++;
        assert.ok(r[0] >= -1 && r[1] <= 421, `a card hangs off the screen at scroll ${scroll}: ${r}`);
        assert.ok(r[2] >= -1 && r[3] <= 761, `a card leaves the sides at scroll ${scroll}: ${r}`);
      }
    }
    assert.ok(checked > 0 || bottom - top < 40, `cards were shown at scroll ${scroll}`);
  }
  await context.close();
});

test('a double click zooms in around the pointer', async () => {
  const { page, context } = await bury(900);
  const whole = await view(page);
  const box = await canvasBox(page);
  await page.mouse.dblclick(box.x + box.width / 3, box.y + 100);
  await page.waitForFunction(() => window.__views.length > 0);
  const v = await view(page);
  const days = (w) => (Date.parse(w.end) - Date.parse(w.start)) / 864e5;
  assert.ok(days(v) < days(whole) * 0.75, `zoomed in: ${JSON.stringify(v)}`);
  await context.close();
});

test('a viewchange listener may use the element: read its view, zoom it again', async () => {
  const { page, context, errors } = await bury(900);
  const seen = await page.evaluate(async () => {
    const el = document.querySelector('inspection-timeline');
    const views = [];
    el.addEventListener('viewchange', () => {
      views.push(el.view);
      if (views.length === 1) el.zoomTo('2023', '2023');
    });
    el.zoomTo('2022', '2022');
    // Both changes are reported in microtasks, which all run before a timer does.
    await new Promise((r) => setTimeout(r, 0));
    return views;
  });
  assert.deepEqual(seen.map((v) => v.start), ['2022-01-01', '2023-01-01']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a two-finger pinch on the chart zooms it; one finger does not', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/www/index.html`,
    { viewport: { width: 800, height: 900 }, hasTouch: true, isMobile: false });
  await waitForEvents(page, 'render');
  await recordViews(page);
  const whole = await view(page);
  const box = await canvasBox(page);
  const cdp = await context.newCDPSession(page);
  const y = box.y + 100;
  const cx = box.x + box.width / 2;
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  // One finger across the chart: no zoom.
  await touch('touchStart', [{ x: cx, y, id: 1 }]);
  for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: cx - i * 20, y, id: 1 }]);
  await touch('touchEnd', []);
  assert.deepEqual(await view(page), whole, 'one finger leaves the chart whole');
  // Two fingers spreading apart: closer.
  await touch('touchStart', [{ x: cx - 30, y, id: 1 }, { x: cx + 30, y, id: 2 }]);
  for (let i = 1; i <= 8; i++) {
    await touch('touchMove', [{ x: cx - 30 - i * 15, y, id: 1 }, { x: cx + 30 + i * 15, y, id: 2 }]);
  }
  await touch('touchEnd', []);
  await page.waitForFunction(() => window.__views.length > 0);
  const v = await view(page);
  const days = (w) => (Date.parse(w.end) - Date.parse(w.start)) / 864e5;
  assert.ok(days(v) < days(whole) * 0.7, `the pinch zoomed in: ${JSON.stringify(v)}`);
  await context.close();
});

test('a deep link to a chart far down the page starts it at once (it would wait to be scrolled near), pins the card and brings it into view', async () => {
  const path = '/tests/browser/pages/far-deeplink.html';
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Far</title>
<link rel="icon" href="data:,"></head><body><div style="height: 4000px">An article's text.</div>
<inspection-timeline id="far" deeplink src="/www/data/bury-childrens-services.json"></inspection-timeline>
<div style="height: 4000px">More of the article.</div>
<inspection-timeline id="other" src="/www/data/bury-childrens-services.json"></inspection-timeline>
<script type="module" src="/pkg/inspection-timeline.js"></script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}#far-monitoring-visit-3`);
    await page.waitForFunction(() => {
      const card = document.querySelector('#far').shadowRoot?.querySelector('.card');
      return card && !card.hidden && card.classList.contains('pinned');
    });
    const seen = await page.evaluate(() => {
      const r = document.querySelector('#far').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight,
        other: document.querySelector('#other').shadowRoot.querySelector('.wrap')?.dataset.state ?? null };
    });
    assert.ok(seen.bottom > 0 && seen.top < seen.height, `the linked chart is in view: ${JSON.stringify(seen)}`);
    assert.equal(seen.other, 'loading', 'a chart the link is not about still waits to be scrolled near');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('a view set while the chart is in the phone layout opens when the chart grows wide enough for an axis', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 400, height: 900 } });
  await waitForEvents(page, 'render');
  await page.evaluate(() => {
    const el = document.querySelector('inspection-timeline');
    window.__views = [];
    el.addEventListener('viewchange', (e) => window.__views.push(e.detail));
    el.setAttribute('view', '2023/2023');
  });
  assert.equal(await page.evaluate(() => document.querySelector('inspection-timeline').view), null, 'no axis, no window yet');
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.waitForFunction(() => document.querySelector('inspection-timeline').view !== null);
  assert.deepEqual(await page.evaluate(() => document.querySelector('inspection-timeline').view), { start: '2023-01-01', end: '2023-12-31' });
  await page.waitForFunction(() => window.__views.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__views.at(-1)), { start: '2023-01-01', end: '2023-12-31' });
  assert.deepEqual(errors, []);
  await context.close();
});

test("Safari's trackpad pinch (gesture events) zooms the chart around the fingers, and not the page", async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/index.html`, { viewport: { width: 1000, height: 900 } });
  await waitForEvents(page, 'render');
  const seen = await page.evaluate(() => {
    const el = document.querySelector('inspection-timeline');
    const canvas = el.shadowRoot.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + 100 };
    // What Safari sends: a start, changes whose scale counts from the start, an end.
    const send = (type, scale) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.assign(e, { scale, ...at });
      canvas.dispatchEvent(e);
      return e.defaultPrevented;
    };
    const prevented = [send('gesturestart', 1), send('gesturechange', 1.5), send('gesturechange', 3)];
    // Safari may send the same pinch as Ctrl and the wheel as well: that is not zoomed twice.
    const during = el.view;
    canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -400, ctrlKey: true, bubbles: true, cancelable: true }));
    const afterWheel = el.view;
    send('gestureend', 3);
    return { prevented, during, afterWheel };
  });
  assert.deepEqual(seen.prevented, [true, true, true], 'the page itself is not zoomed');
  assert.ok(seen.during, 'zoomed in');
  const days = (v) => (Date.parse(v.end) - Date.parse(v.start)) / 864e5;
  const whole = await page.evaluate(() => { const el = document.querySelector('inspection-timeline'); el.resetZoom(); return el.view; });
  assert.ok(Math.abs(days(seen.during) * 3 - days(whole)) < days(whole) * 0.05, `three times closer: ${JSON.stringify(seen.during)} of ${JSON.stringify(whole)}`);
  assert.deepEqual(seen.afterWheel, seen.during);
  assert.deepEqual(errors, []);
  await context.close();
});
