// `make bench`: what a reader downloads for the widget, how long until the first chart, and how
// long from a pointer move to the card, for the Bury data, for 1,000 and 10,000 events, and for
// 150 subjects of 10 events each.
// It reports numbers; it asserts nothing about time.
import { serve, launch, open, waitForEvents, ROOT } from './harness.mjs';
import { readerSizes } from '../../.ci/size.mjs';
import { join } from 'node:path';

console.log('What a reader downloads (the widget\'s CSS is inside inspection-timeline.js):');
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const r of readerSizes(join(ROOT, 'pkg'))) {
  for (const k of Object.keys(total)) total[k] += r[k];
  console.log(`  ${r.file.padEnd(30)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzip ${String(r.brotli).padStart(8)} B brotli`);
}
console.log(`  ${'total'.padEnd(30)} ${String(total.raw).padStart(8)} B raw ${String(total.gzip).padStart(8)} B gzip ${String(total.brotli).padStart(8)} B brotli (${(total.gzip / 1024).toFixed(1)} KiB gzip)`);

const server = await serve();
const browser = await launch();
const RUNS = 5;

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

/** The first contentful paint of the test page `path`, in ms from the start of navigation. */
async function contentfulPaint(path) {
  const { page, context } = await open(browser, `${server.base}/tests/browser/pages/${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const t = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await context.close();
  return t;
}

/** The page's own first paint, without the widget: the baseline the widget's time adds to. */
async function baseline() {
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push(await contentfulPaint('baseline.html'));
  return stats(times).median;
}

/**
 * Real pointer moves (through the browser's input pipeline) across the chart right after it
 * first shows, while the events table may still be being written: the time from each move's
 * timestamp to the card's change, so waiting for a busy main thread counts.
 */
async function hoversAfterFirstChart(page) {
  await page.evaluate(() => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    const canvas = root.querySelector('canvas');
    const card = root.querySelector('.card');
    window.__hover = [];
    let last = null;
    canvas.addEventListener('pointermove', (e) => {
      const shown = card.hidden ? null : card.querySelector('.ctitle')?.textContent;
      if (shown && shown !== last) window.__hover.push(performance.now() - e.timeStamp);
      last = shown;
    });
  });
  const box = await (await page.evaluateHandle(() =>
    document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas'))).asElement().boundingBox();
  // Along each lane's first row, where the marks are.
  for (const dy of [75, 135, 195, 255, 315]) {
    for (let x = box.x + 20; x < box.x + box.width - 20; x += 9) await page.mouse.move(x, box.y + dy);
  }
  return page.evaluate(() => window.__hover);
}

/** Work per zoom step and per drag step at the current data: synchronous relayout and paint. */
async function panAndZoom(page) {
  return page.evaluate(() => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    const canvas = root.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + 100 };
    const frames = [];
    const time = (f) => { const t0 = performance.now(); f(); frames.push(performance.now() - t0); };
    for (let i = 0; i < 12; i++) {
      time(() => canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -120, ctrlKey: true, bubbles: true, cancelable: true })));
    }
    canvas.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', buttons: 1, bubbles: true }));
    for (let i = 1; i <= 30; i++) {
      time(() => canvas.dispatchEvent(new PointerEvent('pointermove', { ...at, clientX: at.clientX + i * 8, pointerType: 'mouse', buttons: 1, bubbles: true })));
    }
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...at, clientX: at.clientX + 240, pointerType: 'mouse', bubbles: true }));
    for (let i = 0; i < 12; i++) {
      time(() => canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 120, ctrlKey: true, bubbles: true, cancelable: true })));
    }
    return frames;
  });
}

/** JavaScript heap in use and the wasm module's memory, in MB. */
async function memory(page) {
  return page.evaluate(async () => {
    const { default: init } = await import('/pkg/inspection_timeline.js');
    const wasm = await init();
    return { js: performance.memory.usedJSHeapSize / 1e6, wasm: wasm.memory.buffer.byteLength / 1e6 };
  });
}

/**
 * "Show all" under a chart of many subjects: the time from the click to every subject drawn
 * and written in the table (the handler's synchronous work), and the hovers on the long chart.
 */
async function showAll(page) {
  return page.evaluate(() => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    const t0 = performance.now();
    root.querySelector('.more').click();
    return { ms: performance.now() - t0, said: root.querySelector('[aria-live]').textContent };
  });
}

/**
 * A load of `url` that the driver leaves alone until the page says `word` and a time in the
 * console: asking the page anything while it loads would run the driver's own script on its
 * main thread, in the widget's way. Returns that time.
 */
async function quietly(url, word, init) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(init);
  const said = page.waitForEvent('console', (m) => m.text().startsWith(`${word} `));
  await page.goto(url, { waitUntil: 'commit' });
  const t = parseFloat((await said).text().slice(word.length + 1));
  await context.close();
  return t;
}

/**
 * The Bury chart in a short article against the same article without it, loads taking turns
 * so that both meet the same machine: the first contentful paint of each, and the time the
 * chart reached the screen (two frames after `render`).
 */
async function firstChartAgainstPage(query = '') {
  const page = [];
  const chart = [];
  for (let run = 0; run < RUNS * 2; run++) {
    page.push(await quietly(`${server.base}/tests/browser/pages/article-baseline.html`, 'FCP', () => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') console.log(`FCP ${e.startTime}`);
      }).observe({ type: 'paint', buffered: true });
    }));
    chart.push(await quietly(`${server.base}/tests/browser/pages/article.html${query}`, 'PAINT', () => {
      document.addEventListener('render', () => {
        if (window.__drawn) return;
        window.__drawn = true;
        requestAnimationFrame(() => requestAnimationFrame(() => console.log(`PAINT ${performance.now()}`)));
      }, true);
    }));
  }
  return { page: stats(page).median, chart: stats(chart).median, n: chart.length };
}

async function measure(label, url, base, { zoom = false, all = false } = {}) {
  const firstChart = [];
  let shownAll = null;
  let hovers = [];
  let moves = [];
  let frames = null;
  let mem = null;
  for (let run = 0; run < RUNS; run++) {
    const { page, context, said } = await open(browser, url, { viewport: { width: 1200, height: 900 } });
    // performance.now() counts from the start of navigation; this is when the first chart
    // reached the screen (two frames after `render`), table and all. The page says so in its
    // console, and is not asked until then.
    const word = 'inspection-timeline-test: first paint ';
    for (let waited = 0; !said.some((t) => t.startsWith(word)); waited += 5) {
      if (waited > 60000) throw new Error(`${url}: no chart within a minute`);
      await new Promise((r) => setTimeout(r, 5));
    }
    firstChart.push(parseFloat(said.find((t) => t.startsWith(word)).slice(word.length)));
    await waitForEvents(page, 'render');
    hovers = hovers.concat(await hoversAfterFirstChart(page));
    if (run === 0) {
      moves = await page.evaluate(() => {
        const root = document.querySelector('inspection-timeline').shadowRoot;
        const canvas = root.querySelector('canvas');
        const card = root.querySelector('.card');
        const r = canvas.getBoundingClientRect();
        const times = [];
        let last = null;
        for (let y = r.top + 1; y < r.bottom && times.length < 400; y += 4) {
          for (let x = r.left + 1; x < r.right && times.length < 400; x += 2) {
            const t0 = performance.now();
            canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true }));
            const shown = card.hidden ? null : card.querySelector('.ctitle').textContent;
            const t1 = performance.now();
            if (shown && shown !== last) times.push(t1 - t0);
            last = shown;
          }
        }
        return times;
      });
      if (zoom) frames = await panAndZoom(page);
      if (all) shownAll = await showAll(page);
      // Once the table is complete: what the page holds for the widget.
      await page.waitForFunction(() => {
        const root = document.querySelector('inspection-timeline').shadowRoot;
        return root.querySelectorAll('tbody tr').length > 0;
      });
      await page.waitForTimeout(300);
      mem = await memory(page);
    }
    await context.close();
  }
  const f = stats(firstChart);
  const h = stats(hovers);
  const m = stats(moves);
  console.log(`${label}:`);
  console.log(`  page start to chart on screen:   median ${f.median.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms (${f.n} loads); ${(f.median - base).toFixed(0)} ms after the page's own first paint`);
  console.log(`  hover to card, just after chart: median ${h.median.toFixed(1)} ms, p95 ${h.p95.toFixed(1)} ms (${h.n} real moves that changed the card)`);
  console.log(`  pointer move to card shown:      median ${m.median.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms (${m.n} moves that changed the card, handler time)`);
  if (frames) {
    const z = stats(frames);
    console.log(`  zoom and pan step (relayout+paint): median ${z.median.toFixed(1)} ms, p95 ${z.p95.toFixed(1)} ms (${z.n} steps)`);
  }
  if (shownAll) console.log(`  Show all: ${shownAll.ms.toFixed(0)} ms from the click to the chart redrawn and its table written ("${shownAll.said}")`);
  if (mem) console.log(`  memory: JS heap ${mem.js.toFixed(1)} MB, wasm ${mem.wasm.toFixed(1)} MB`);
}

try {
  for (const [label, query] of [['without hints', ''], ['with the README\'s preload hints', '?preload']]) {
    const r = await firstChartAgainstPage(query);
    console.log(`Bury chart in an article, ${label}: on screen at ${r.chart.toFixed(0)} ms, the same page without it paints at ${r.page.toFixed(0)} ms: ${(r.chart - r.page).toFixed(0)} ms later (medians of ${r.n})`);
  }
  if (process.env.BENCH_ONLY === 'first-paint') process.exit(0);
  const base = await baseline();
  console.log(`The page's own first paint, without the widget: ${base.toFixed(0)} ms`);
  await measure('Bury data (6 events)', `${server.base}/www/index.html`, base);
  await measure('Generated, 1,000 events', `${server.base}/tests/browser/pages/bench.html?n=1000`, base);
  await measure('Generated, 10,000 events', `${server.base}/tests/browser/pages/bench.html?n=10000`, base, { zoom: true });
  await measure('Generated, 150 subjects of 10 events (the first 8 shown)', `${server.base}/tests/browser/pages/bench.html?n=1500&subjects=150`, base, { all: true });
} finally {
  await browser.close();
  await server.close();
}
