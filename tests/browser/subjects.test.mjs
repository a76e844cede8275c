// Several subjects on one chart, in a real headless Chromium: each subject's band, the
// keyboard across subjects, the table's sections, choosing subjects, and "Show all".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, waitForEvents, inRoot, regions } from './harness.mjs';

const env = useBrowser();
const LABELS = ['Sampleford (fictional)', 'Exampleton (fictional)', 'Mockbridge (fictional)'];

/** The sample councils' page, drawn, `choose` naming the subjects attribute's ids. */
async function sample({ width = 900, choose = '' } = {}) {
  const query = choose ? `?choose=${choose}` : '';
  const opened = await open(env.browser, `${env.server.base}/tests/browser/pages/subjects.html${query}`,
    { viewport: { width, height: 1000 } });
  await waitForEvents(opened.page, 'render');
  return opened;
}

/**
 * Runs of canvas rows that are mostly strong colour: the rating bands (across the chart, or
 * across a phone's rows), which nothing else on the chart is wide enough to make.
 */
const bandRuns = (page) => inRoot(page, `
  const c = root.querySelector('canvas');
  const { width, height } = c;
  const px = c.getContext('2d').getImageData(0, 0, width, height).data;
  // A band's label takes some of its rows' colour: rows a few pixels apart are one band.
  let runs = 0, last = -Infinity;
  for (let y = 0; y < height; y++) {
    let strong = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 50) strong++;
    }
    if (strong > width * 0.25) {
      if (y - last > 8) runs++;
      last = y;
    }
  }
  return runs;
`);

/** The headings of the events table's sections, in order. */
const sections = (page) => inRoot(page,
  "return [...root.querySelectorAll('th[scope=rowgroup]')].map((th) => th.textContent)");

test('a file of three subjects draws a band for each, and its description and table have them all', async () => {
  const { page, context, errors } = await sample();
  assert.equal(await bandRuns(page), 3, 'one line of rating bands per subject');
  const label = await inRoot(page, "return root.querySelector('canvas').getAttribute('aria-label')");
  assert.match(label, /Sampleford \(fictional\) was rated inadequate by Ofsted in March 2022; three monitoring visits since/);
  assert.match(label, /Exampleton \(fictional\) was rated requires improvement by Ofsted in July 2024\. Mockbridge/);
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('tbody tr').length > 3);
  assert.deepEqual(await sections(page), LABELS);
  const rows = await inRoot(page, `return [...root.querySelectorAll('tbody')].map((b) =>
    [...b.querySelectorAll('th[scope=row]')].map((th) => th.textContent))`);
  assert.ok(rows[1].some((t) => t.startsWith('Exampleton second monitoring visit (Visit 2 of')), rows[1].join(' | '));
  assert.ok(rows.every((r, k) => r.every((t) => t.startsWith(LABELS[k].split(' ')[0]))), 'each event under its own subject');
  // Each card names its subject.
  const where = await regions(page);
  assert.ok(where['Mockbridge standards check'], Object.keys(where).join(', '));
  const box = await (await page.evaluateHandle(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('canvas'))).asElement().boundingBox();
  const [x, y] = where['Mockbridge standards check'];
  await page.mouse.move(box.x + x, box.y + y);
  assert.equal(await inRoot(page, "return root.querySelector('.card .kind').textContent"), 'Mockbridge (fictional) · Inspection');
  assert.deepEqual(errors, []);
  await context.close();
});

test('← and → stay within a subject, ↑ and ↓ cross to the nearest event in time, and each is announced with its subject', async () => {
  const { page, context } = await sample();
  await inRoot(page, "root.querySelector('canvas').focus()");
  const title = () => inRoot(page, "return root.querySelector('.card').hidden ? null : root.querySelector('.card .ctitle').textContent");
  const said = () => inRoot(page, "return root.querySelector('[aria-live]').textContent");
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  assert.equal(await title(), 'Sampleford second monitoring visit');
  await page.keyboard.press('ArrowDown');
  assert.equal(await title(), 'Exampleton second monitoring visit');
  assert.match(await said(), /^Exampleton \(fictional\): Exampleton second monitoring visit\./);
  for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
  assert.equal(await title(), 'Exampleton re-inspection', '→ stops at the end of the subject');
  await page.keyboard.press('ArrowDown');
  assert.match(await title(), /^Mockbridge/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.match(await title(), /^Sampleford/);
  // The page does not scroll under the arrows the chart takes.
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await context.close();
});

test('the subjects attribute chooses and orders subjects, and reports ids the data lacks while drawing the rest', async () => {
  const { page, context } = await sample({ choose: 'mockbridge,exampletn' });
  const [error] = await waitForEvents(page, 'error');
  assert.deepEqual(error.detail.problems, [{
    // The reader's build names no nearest id; the command line and the editor's build do.
    path: 'subjects', message: '"exampletn" is not a subject in the data; use `sampleford`, `exampleton` or `mockbridge`', line: 0, column: 0,
  }]);
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('tbody tr').length > 1);
  assert.deepEqual(await sections(page), ['Mockbridge (fictional)']);
  assert.equal(await bandRuns(page), 1);
  assert.deepEqual(await page.evaluate(() => document.querySelector('inspection-timeline').subjects), ['mockbridge', 'exampletn']);
  // The property sets the attribute, and a new choice redraws in its order with no error.
  await page.evaluate(() => { document.querySelector('inspection-timeline').subjects = ['exampleton', 'sampleford']; });
  assert.equal(await page.evaluate(() => document.querySelector('inspection-timeline').getAttribute('subjects')), 'exampleton,sampleford');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 2);
  assert.deepEqual(await sections(page), [LABELS[1], LABELS[0]]);
  assert.equal(await bandRuns(page), 2);
  assert.equal((await page.evaluate(() => window.__events.filter((e) => e.type === 'error'))).length, 1);
  // Removing the choice shows every subject again.
  await page.evaluate(() => { document.querySelector('inspection-timeline').subjects = null; });
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 3);
  await context.close();
});

test('past eight subjects the chart shows the first eight and a Show all button', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=60&subjects=12`,
    { viewport: { width: 900, height: 1000 } });
  const [rendered] = await waitForEvents(page, 'render');
  // Five events for each of the first eight subjects, and the first's expected one.
  assert.equal(rendered.detail.events, 8 * 5 + 1, '`render` counts the events drawn');
  const more = () => inRoot(page, "const b = root.querySelector('.more'); return b.hidden ? null : b.textContent");
  assert.equal(await more(), 'Show all 12');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 8);
  assert.match(await inRoot(page, "return root.querySelector('canvas').getAttribute('aria-label')"), /Showing the first 8 of 12\.$/);
  const short = await inRoot(page, "return root.querySelector('canvas').getBoundingClientRect().height");
  // By keyboard, as a reader without a mouse would.
  await inRoot(page, "root.querySelector('.more').focus()");
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 12);
  assert.equal(await more(), null);
  assert.equal(await inRoot(page, "return root.querySelector('[aria-live]').textContent"), 'Showing all 12.');
  assert.equal(await inRoot(page, 'return root.activeElement && root.activeElement.localName'), 'canvas', 'the keyboard keeps a place');
  const tall = await inRoot(page, "return root.querySelector('.chart').getBoundingClientRect().height");
  assert.ok(tall > short * 1.3, `${short} → ${tall}`);
  await context.close();
});

test('a chart of 150 subjects keeps its full height on the page and draws the part the reader scrolls to', async () => {
  const { page, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=1500&subjects=150`,
    { viewport: { width: 900, height: 800 }, deviceScaleFactor: 2 });
  await waitForEvents(page, 'render');
  await inRoot(page, "root.querySelector('.more').click()");
  const size = () => inRoot(page, `const c = root.querySelector('canvas'), box = root.querySelector('.chart');
    return { pixels: c.width * c.height, drawn: c.getBoundingClientRect().height, chart: box.getBoundingClientRect().height,
      top: parseFloat(c.style.top) }`);
  const first = await size();
  assert.ok(first.chart > 15000, `the chart is ${first.chart} px tall`);
  assert.ok(first.pixels <= 16e6, `${first.pixels} device pixels: more than iOS Safari draws`);
  assert.ok(first.drawn < first.chart);
  // Scrolled to the last subject: that part is drawn, and answers the pointer.
  await inRoot(page, "root.querySelector('.chart').scrollIntoView({ block: 'end' })");
  await page.waitForFunction(() => {
    const root = document.querySelector('inspection-timeline').shadowRoot;
    return parseFloat(root.querySelector('canvas').style.top) > 10000;
  });
  const last = await size();
  assert.ok(last.top + last.drawn >= last.chart - 1, 'the bottom of the chart is drawn');
  const box = await (await page.evaluateHandle(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('.chart'))).asElement().boundingBox();
  const kinds = new Set();
  for (let y = box.y + box.height - 400; y < box.y + box.height - 100; y += 4) {
    for (let x = box.x + 40; x < box.x + box.width - 40; x += 12) {
      await page.mouse.move(x, y);
      const k = await inRoot(page, "const c = root.querySelector('.card'); return c.hidden ? null : c.querySelector('.kind').textContent");
      if (k) kinds.add(k.split(' · ')[0]);
    }
    if (kinds.has('Sample council 150 (fictional)')) break;
  }
  assert.ok(kinds.has('Sample council 150 (fictional)'), [...kinds].join(', '));
  const strong = await inRoot(page, `const c = root.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, c.height - 1600, c.width, 1600).data;
    let n = 0; for (let i = 0; i < px.length; i += 4) if (Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 50) n++;
    return n;`);
  assert.ok(strong > 1000, `the part scrolled to is drawn (${strong} coloured pixels)`);
  await context.close();
});

test('on a phone each subject has a heading and its own rating above its rows', async () => {
  const { page, context } = await sample({ width: 375 });
  assert.equal(await inRoot(page, "return root.querySelector('.zoom').hidden"), true, 'the phone layout');
  assert.equal(await bandRuns(page), 3, 'a rating band across the top of each subject');
  // Rows follow each other closely within a subject; between subjects come a heading and a band.
  const where = await regions(page, { step: 6 });
  const y = (t) => where[t][1];
  const within = y('Sampleford third monitoring visit') - y('Sampleford second monitoring visit');
  const across = y('Exampleton inspection') - y('Sampleford re-inspection');
  assert.ok(across > within + 60, `within ${within}, across ${across}`);
  await context.close();
});

test('a deep link to an event of a subject waiting for Show all shows all, and pins it', async () => {
  // e11 is about the twelfth subject, one of those past the first eight.
  const { page, context } = await open(env.browser,
    `${env.server.base}/tests/browser/pages/bench.html?n=60&subjects=12&deeplink#w-e11`, { viewport: { width: 900, height: 1000 } });
  await waitForEvents(page, 'render');
  await page.waitForFunction(() => {
    const card = document.querySelector('inspection-timeline').shadowRoot.querySelector('.card');
    return !card.hidden && card.querySelector('.ctitle').textContent === 'Event 12';
  });
  assert.equal(await inRoot(page, "return root.querySelector('.card .kind').textContent.split(' · ')[0]"), 'Sample council 12 (fictional)');
  assert.equal(await inRoot(page, "return root.querySelector('.more').hidden"), true);
  await context.close();
});

test('subjects set on the element before its script has loaded are the ones drawn', async () => {
  const path = '/tests/browser/pages/subjects-early.html';
  env.server.overrides.set(path, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Early</title>
<link rel="icon" href="data:,"></head><body><script>
  const el = document.createElement('inspection-timeline');
  el.setAttribute('loading', 'eager');
  el.setAttribute('src', '/www/data/sample-councils.json');
  el.subjects = ['exampleton'];
  document.body.append(el);
  import('/pkg/inspection-timeline.js');
</script></body></html>`);
  try {
    const { page, context, errors } = await open(env.browser, `${env.server.base}${path}`);
    await waitForEvents(page, 'render');
    await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('tbody tr').length > 1);
    assert.deepEqual(await sections(page), [LABELS[1]], 'only Exampleton is drawn');
    assert.deepEqual(await page.evaluate(() => document.querySelector('inspection-timeline').subjects), ['exampleton']);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    env.server.overrides.delete(path);
  }
});

test('an event reached with the keyboard is brought on screen with its card, on a chart taller than the screen', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/bench.html?n=60&subjects=12`,
    { viewport: { width: 390, height: 700 } });
  await waitForEvents(page, 'render');
  await inRoot(page, "root.querySelector('.more').click()");
  await page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 12);
  await inRoot(page, "root.querySelector('canvas').focus()");
  const onScreen = () => inRoot(page, `const c = root.querySelector('.card').getBoundingClientRect();
    return { hidden: root.querySelector('.card').hidden, top: Math.round(c.top), bottom: Math.round(c.bottom), height: innerHeight };`);
  for (const key of ['End', 'Home', 'End', 'ArrowLeft']) {
    await page.keyboard.press(key);
    const c = await onScreen();
    assert.equal(c.hidden, false, key);
    assert.ok(c.top >= -1 && c.bottom <= c.height + 1, `${key}: the card is on the screen: ${JSON.stringify(c)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
