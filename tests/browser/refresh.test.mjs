// `refresh` re-checks a changing file on the server: new events appear, bad files are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, waitForEvents, inRoot, canvasPixels } from './harness.mjs';

const env = useBrowser();

const LIVE = '/tests/browser/pages/live.json';
const doc = (events) => JSON.stringify({ version: 1, title: 'Live', events });
const visit = (n) => ({ id: `v${n}`, kind: 'monitoring-visit', title: `Visit ${n}`, date: `2023-0${n}` });

test('a changed file shows after a refresh tick; an unchanged one is not redrawn; a bad one is refused', async () => {
  env.server.overrides.set(LIVE, doc([visit(1)]));
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/live.html`);
  const [first] = await waitForEvents(page, 'render');
  assert.equal(first.detail.events, 1);

  env.server.overrides.set(LIVE, doc([visit(1), visit(2)]));
  const renders = await waitForEvents(page, 'render', 2);
  assert.equal(renders[1].detail.events, 2, 'the new event is drawn');
  // The table's rows follow the chart by a frame.
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('tbody tr').length === 2);

  // Several ticks with the same file: revalidated, not redrawn.
  const hits = env.server.hits.get(LIVE);
  await new Promise((r) => setTimeout(r, 2000));
  assert.ok(env.server.hits.get(LIVE) >= hits + 2, 'the file is re-checked on every tick');
  assert.equal((await page.evaluate(() => window.__events.filter((e) => e.type === 'render').length)), 2);

  const good = await canvasPixels(page);
  env.server.overrides.set(LIVE, doc([visit(1), { ...visit(2), date: '2023-02-30' }]));
  const [err] = await waitForEvents(page, 'error');
  assert.equal(err.detail.problems[0].path, 'events[1].date');
  assert.equal(await canvasPixels(page), good, 'the good chart stays');
  env.server.overrides.delete(LIVE);
  await context.close();
});
