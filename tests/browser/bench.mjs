// `make bench`: what a reader downloads for the widget, how long until the first chart, and how
// long from a pointer move to the card, for the Bury data and for 1,000 and 10,000 events.
// It reports numbers; it asserts nothing about time.
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, waitForEvents, ROOT } from './harness.mjs';

const files = ['inspection-timeline.js', 'inspection_timeline.js', 'inspection_timeline_bg.wasm'];
let raw = 0;
let gz = 0;
console.log('Page weight (the widget\'s CSS is inside inspection-timeline.js):');
for (const f of files) {
  const body = await readFile(join(ROOT, 'pkg', f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  console.log(`  ${f.padEnd(30)} ${String(body.length).padStart(8)} B raw ${String(z).padStart(8)} B gzip`);
}
console.log(`  ${'total'.padEnd(30)} ${String(raw).padStart(8)} B raw ${String(gz).padStart(8)} B gzip (${(gz / 1024).toFixed(1)} KiB)`);

const server = await serve();
const browser = await launch();
const RUNS = 5;

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

async function measure(label, url) {
  const firstChart = [];
  let moves = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, context } = await open(browser, url, { viewport: { width: 1200, height: 900 } });
    await waitForEvents(page, 'render');
    // performance.now() counts from the start of navigation; this is when the first chart
    // reached the screen (two frames after `render`), table and all.
    await page.waitForFunction(() => window.__firstPaint !== undefined);
    firstChart.push(await page.evaluate(() => window.__firstPaint));
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
    }
    await context.close();
  }
  const f = stats(firstChart);
  const m = stats(moves);
  console.log(`${label}:`);
  console.log(`  page start to chart on screen:   median ${f.median.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms (${f.n} loads)`);
  console.log(`  pointer move to card shown:      median ${m.median.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms (${m.n} moves that changed the card)`);
}

try {
  await measure('Bury data (6 events)', `${server.base}/www/index.html`);
  await measure('Generated, 1,000 events', `${server.base}/tests/browser/pages/bench.html?n=1000`);
  await measure('Generated, 10,000 events', `${server.base}/tests/browser/pages/bench.html?n=10000`);
} finally {
  await browser.close();
  await server.close();
}
