import { serve, launch, open, waitForEvents } from './harness.mjs';
const server = await serve();
const browser = await launch();
for (const n of [1000, 10000]) {
  const { page, context } = await open(browser, `${server.base}/tests/browser/pages/bench.html?n=${n}`, { viewport: { width: 1200, height: 900 } });
  await waitForEvents(page, 'render');
  const r = await page.evaluate(async () => {
    const el = document.getElementById('w');
    const text = window.__benchData;
    const out = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      el.data = text + ' '.repeat(i + 1);
      out.push(performance.now() - t0);
    }
    const nav = performance.getEntriesByType('resource').filter((e) => /wasm|\.js/.test(e.name)).map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]);
    return { setData: out.map((x) => x.toFixed(0)), nav, render: window.__firstRender, paint: window.__firstPaint };
  });
  console.log(n, JSON.stringify(r));
  await context.close();
}
await browser.close(); await server.close();
