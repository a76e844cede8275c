import { serve, launch, waitForEvents } from './harness.mjs';
const server = await serve();
const browser = await launch();
const n = Number(process.argv[2] || 1000);
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const page = await context.newPage();
await page.addInitScript(() => { document.addEventListener('render', () => { window.__r = performance.now(); }, true); });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(`${server.base}/tests/browser/pages/bench.html?n=${n}`);
await page.waitForFunction(() => window.__r !== undefined);
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) {
  const nd = byId.get(samples[i]);
  const cf = nd.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}`;
  self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
}
console.log('render at', await page.evaluate(() => window.__r));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
await browser.close(); await server.close();
