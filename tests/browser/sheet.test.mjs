// A sheet published as CSV as the element's `src`: read by a module loaded only then, drawn
// like the JSON file, and its problems reported by cell while the last good chart stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, waitForEvents, inRoot, canvasPixels, ROOT } from './harness.mjs';
import { join } from 'node:path';

const env = useBrowser();
const label = (page) => inRoot(page, "return root.querySelector('canvas').getAttribute('aria-label')");
/** The sheet page, drawn from the Bury sheet, then given `address`, served as the Bury sheet
 *  with `edit` made to it. */
async function switchToEdited(address, edit) {
  const good = await readFile(join(ROOT, 'www/data/bury-childrens-services.csv'), 'utf8');
  env.server.overrides.set(address, edit(good));
  const opened = await open(env.browser, `${env.server.base}/tests/browser/pages/sheet.html`);
  await waitForEvents(opened.page, 'render');
  const before = await canvasPixels(opened.page);
  await opened.page.evaluate((a) => document.querySelector('inspection-timeline').setAttribute('src', a), address);
  return { ...opened, before };
}
const loaded = (page, part) => page.evaluate((p) => performance.getEntriesByType('resource')
  .map((e) => e.name).filter((n) => n.includes(p)), part);

test('a sheet as src draws the same chart as the JSON file, and JSON pages never load the sheet reader', async () => {
  const json = await open(env.browser, `${env.server.base}/tests/browser/pages/article.html`);
  await waitForEvents(json.page, 'render');
  const expected = await label(json.page);
  assert.deepEqual(await loaded(json.page, '/sheet/'), [], 'a JSON page loads no sheet reader');
  await json.context.close();

  const { page, context, errors } = await open(env.browser, `${env.server.base}/tests/browser/pages/sheet.html`);
  const [render] = await waitForEvents(page, 'render');
  assert.equal(render.detail.events, 6);
  assert.equal(await label(page), expected);
  assert.equal((await loaded(page, '/sheet/')).length, 2, 'the sheet reader and its wasm');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad cell in a sheet is reported by its cell, and the chart keeps the last good version', async () => {
  const { page, context, before } = await switchToEdited('/bad-sheet.csv',
    (good) => good.replace(',2023-02,2023-05,', ',Feb 2023,2023-05,'));
  const [error] = await waitForEvents(page, 'error');
  assert.deepEqual(error.detail.problems, [
    { path: 'E13 (date)', message: '"Feb 2023" is not a date; write 2023-02', line: 13, column: 5 },
  ]);
  assert.equal(await canvasPixels(page), before, 'the chart is unchanged');
  assert.match(await inRoot(page, "return root.querySelector('.msg').textContent"), /could not be updated/);
  await context.close();
});

test("a sheet's warnings point at its cells, not at the JSON made from it", async () => {
  const { page, context } = await switchToEdited('/slip-sheet.csv',
    (good) => good.replace(',2023-02,2023-05,', ',0223-02,2023-05,'));
  const [warning] = await waitForEvents(page, 'warning');
  assert.equal(warning.detail.warnings.length, 1);
  const [w] = warning.detail.warnings;
  assert.deepEqual({ path: w.path, line: w.line, column: w.column }, { path: 'E13 (date)', line: 13, column: 5 });
  assert.match(w.message, /^0223-02 is 1,7\d\d years before the next event; did you mean 2023-02\?$/);
  await context.close();
});
