import { serve, launch, open, waitForEvents } from './harness.mjs';
const server = await serve();
const browser = await launch();
const cases = [
  ['bury-1000', '/www/index.html', 1000, null],
  ['bury-375', '/www/index.html', 375, null],
  ['g1000-1200', '/tests/browser/pages/bench.html?n=1000', 1200, null],
  ['g1000-zoom', '/tests/browser/pages/bench.html?n=1000', 1200, ['2010', '2011']],
  ['g10000-1200', '/tests/browser/pages/bench.html?n=10000', 1200, null],
  ['g1000-375', '/tests/browser/pages/bench.html?n=1000', 375, null],
];
for (const [name, path, width, zoom] of cases) {
  const { page, context } = await open(browser, server.base + path, { viewport: { width, height: 900 } });
  await waitForEvents(page, 'render');
  if (zoom) await page.evaluate((z) => document.querySelector('inspection-timeline').zoomTo(...z), zoom);
  await page.waitForTimeout(200);
  const el = await page.$('inspection-timeline');
  await el.screenshot({ path: `/tmp/shots/${name}.png` });
  await context.close();
}
await browser.close(); await server.close();
