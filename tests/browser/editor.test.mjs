// The editor page in headless Chromium: problems at the right line, previews that keep the last
// valid chart, the add-an-event form, exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, waitForEvents, artifact, inRoot, canvasPixels } from './harness.mjs';

const env = useBrowser();

// The editor's desktop preview, the one the tests look into.
const preview = (page, js) => inRoot(page, js, '#desktop');
const pixels = (page) => canvasPixels(page, '#desktop');

async function editor() {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/editor.html`,
    { viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  await waitForEvents(page, 'render', 1, 'desktop');
  return { page, context, errors };
}

test('clicking a problem selects its value, with emoji before it on the line and old-Mac line ends', async () => {
  const { page, context, errors } = await editor();
  // One line holds an emoji title (two UTF-16 units, one character) before the bad date;
  // the lines end with a lone CR, which the validator counts as line ends too.
  const bad = '{"version": 1, "title": "T",\r"events": [\r{"id": "a", "kind": "other", "title": "🏫 School", "date": "2023-02-30"}]}';
  await page.fill('#text', bad);
  await waitForEvents(page, 'error', 1, 'desktop');
  await page.click('#problems button');
  const selected = await page.evaluate(() => {
    const t = document.getElementById('text');
    return t.value.slice(t.selectionStart, t.selectionStart + 12);
  });
  assert.equal(selected, '"2023-02-30"');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing in a long file leaves the line numbers alone until the number of lines changes', async () => {
  const { page, context, errors } = await editor();
  await page.evaluate(() => {
    window.__gutterWrites = 0;
    new MutationObserver(() => { window.__gutterWrites++; })
      .observe(document.querySelector('.gutter'), { childList: true, characterData: true, subtree: true });
  });
  const lines = () => page.evaluate(() => document.querySelector('.gutter').textContent.trim().split('\n').length);
  const before = await lines();
  await page.focus('#text');
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.evaluate(() => window.__gutterWrites), 0, 'a letter does not rewrite the numbers');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__gutterWrites > 0);
  assert.equal(await lines(), before + 1, 'a new line is numbered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the editor fits the screen, and a one-subject file shows no empty Subject choice', async () => {
  const { page, context, errors } = await open(env.browser, `${env.server.base}/www/editor.html`, { viewport: { width: 390, height: 844 } });
  await waitForEvents(page, 'render', 1, 'desktop');
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
  const shown = await page.evaluate(() => [...document.querySelectorAll('form [hidden]')].filter((e) => e.getClientRects().length).length);
  assert.equal(shown, 0, 'nothing hidden is shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an error is listed at its line, the preview keeps the last good chart, and a fix updates it', async () => {
  const { page, context, errors } = await editor();
  const good = await page.inputValue('#text');
  const before = await pixels(page);
  const bad = good.replace('"date": "2023-02"', '"date": "2023-02-30"');
  const line = bad.split('\n').findIndex((l) => l.includes('"2023-02-30"')) + 1;
  const column = bad.split('\n')[line - 1].indexOf('"2023-02-30"') + 1;
  await page.fill('#text', bad);
  await waitForEvents(page, 'error', 1, 'desktop');
  const items = await page.$$eval('#problems button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(items, [`Line ${line}, column ${column}: events[3].date: "2023-02-30" is not a date: February 2023 has 28 days`]);
  assert.match(await page.textContent('#status'), /1 problem to fix\. The previews keep the last valid version\./);
  assert.equal(await pixels(page), before, 'the preview is unchanged');

  await page.click('#problems button');
  const caret = await page.evaluate(() => {
    const t = document.getElementById('text');
    return t.value.slice(0, t.selectionStart).split('\n').length;
  });
  assert.equal(caret, line, 'clicking the problem puts the cursor on its line');

  await page.fill('#text', good.replace('"date": "2023-02"', '"date": "2023-03"'));
  await waitForEvents(page, 'render', 2, 'desktop');
  assert.equal(await page.$$eval('#problems li', (l) => l.length), 0);
  assert.match(await page.textContent('#status'), /^Valid: 6 events/);
  assert.notEqual(await pixels(page), before, 'the preview shows the fix');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form adds a valid event that appears on the chart', async () => {
  const { page, context } = await editor();
  await page.selectOption('select[name=kind]', 'monitoring-visit');
  await page.fill('input[name=title]', 'Fifth monitoring visit');
  await page.selectOption('select[name=date-precision]', 'month');
  await page.fill('fieldset[data-field=date] input[type=month]', '2024-03');
  await page.click('#add-finding');
  await page.fill('#findings textarea[name=finding-text]', 'Practice is improving');
  await page.selectOption('#findings select[name=finding-tone]', 'positive');
  await page.click('#add-source');
  await page.fill('#sources input[name=source-title]', 'Ofsted monitoring letter');
  await page.fill('#sources input[name=source-url]', 'https://example.org/letter');
  await page.click('#event-form button[type=submit]');
  await waitForEvents(page, 'render', 2, 'desktop');
  const doc = JSON.parse(await page.inputValue('#text'));
  const added = doc.events.at(-1);
  assert.deepEqual(added, {
    id: 'fifth-monitoring-visit', kind: 'monitoring-visit', title: 'Fifth monitoring visit', date: '2024-03',
    findings: [{ text: 'Practice is improving', tone: 'positive', quote: false }],
    sources: [{ title: 'Ofsted monitoring letter', url: 'https://example.org/letter' }],
  });
  assert.match(await page.textContent('#status'), /^Valid: 7 events/);
  // On the chart: keyboard to the last dated event, just before the expected re-inspection.
  await preview(page, "root.querySelector('canvas').focus()");
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const card = await preview(page, "return [root.querySelector('.card .ctitle').textContent, root.querySelector('.card').textContent]");
  assert.equal(card[0], 'Fifth monitoring visit');
  assert.match(card[1], /Visit 5 of the 4–6 before re-inspection/);
  assert.match(card[1], /Visit: March 2024/);

  // A bad date in the form is refused with the validator's words, and the text is untouched.
  const text = await page.inputValue('#text');
  await page.fill('input[name=title]', 'Broken');
  await page.selectOption('select[name=date-precision]', 'year');
  await page.fill('fieldset[data-field=date] input[type=number]', '20245');
  await page.click('#event-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('form-error').textContent !== '');
  assert.match(await page.textContent('#form-error'), /^When it happened: "20245" is not a date/);
  assert.equal(await page.inputValue('#text'), text);
  // An empty date asks for one; a source with an address and no title is named, not dropped.
  await page.fill('fieldset[data-field=date] input[type=number]', '');
  await page.click('#event-form button[type=submit]');
  await page.waitForFunction(() => /fill in the date/.test(document.getElementById('form-error').textContent));
  assert.equal(await page.textContent('#form-error'), 'When it happened: fill in the date, or choose "Not known".');
  await page.fill('fieldset[data-field=date] input[type=number]', '2024');
  await page.click('#add-source');
  await page.fill('#sources input[name=source-url]', 'https://example.org/letter');
  await page.click('#event-form button[type=submit]');
  await page.waitForFunction(() => /^Source 1/.test(document.getElementById('form-error').textContent));
  assert.match(await page.textContent('#form-error'), /^Source 1, title: /);
  assert.equal(await page.inputValue('#text'), text);
  // Two problems are two lines, in the form's words: a rating on a monitoring visit names
  // the form's Rating and Kind, not the file's `rating` and `kind`.
  await page.fill('#sources input[name=source-title]', 'Letter');
  await page.selectOption('select[name=rating]', 'inadequate');
  await page.fill('#sources input[name=source-url]', 'not an address');
  await page.click('#event-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('form-error').textContent.split('\n').length === 2);
  const lines = (await page.textContent('#form-error')).split('\n');
  assert.match(lines[0], /^Rating: .*remove “Rating”, or change “Kind”/);
  assert.match(lines[1], /^Source 1, web address: /);
  // An end known to the month, as the data allows.
  const options = await page.$$eval('select[name=end-precision] option', (o) => o.map((x) => x.value));
  assert.deepEqual(options, ['none', 'year', 'quarter', 'month', 'day']);
  await context.close();
});

test('with several subjects the form asks which, and Subjects shown chooses the previews\' subjects', async () => {
  const { page, context, errors } = await editor();
  assert.equal(await page.$eval('#subject-field', (e) => e.hidden), true, 'no subject field for the Bury data');
  await page.click('#sample');
  await waitForEvents(page, 'render', 2, 'desktop');
  assert.equal(await page.$eval('#subject-field', (e) => e.hidden), false);
  assert.deepEqual(await page.$$eval('select[name=subject] option', (o) => o.map((x) => x.value)), ['sampleford', 'exampleton', 'mockbridge']);
  // A subject with its own scale offers its own grades.
  await page.selectOption('select[name=subject]', 'mockbridge');
  assert.deepEqual(await page.$$eval('select[name=rating] option', (o) => o.map((x) => x.value)), ['', 'met', 'not-met']);
  await page.selectOption('select[name=subject]', 'exampleton');
  await page.fill('input[name=title]', 'Exampleton fifth monitoring visit');
  await page.fill('fieldset[data-field=date] input[type=month]', '2025-02');
  await page.click('#event-form button[type=submit]');
  await waitForEvents(page, 'render', 3, 'desktop');
  const added = JSON.parse(await page.inputValue('#text')).events.at(-1);
  assert.equal(added.subject, 'exampleton');
  assert.equal(await page.inputValue('select[name=subject]'), 'exampleton', 'the next event is likely about the same subject');
  // The previews show the subjects typed, in that order; an unknown id is said beside the field.
  const sections = () => preview(page, "return [...root.querySelectorAll('th[scope=rowgroup]')].map((t) => t.textContent)");
  await page.fill('#subjects', 'mockbridge, sampleford');
  await page.waitForFunction(() => document.getElementById('desktop').shadowRoot.querySelectorAll('th[scope=rowgroup]').length === 2);
  assert.deepEqual(await sections(), ['Mockbridge (fictional)', 'Sampleford (fictional)']);
  await page.fill('#subjects', 'mockbrige');
  await page.waitForFunction(() => document.getElementById('subjects-note').classList.contains('bad'));
  // The previews' own build lists the ids rather than name the nearest.
  assert.equal(await page.textContent('#subjects-note'), '"mockbrige" is not a subject in the data; use `sampleford`, `exampleton` or `mockbridge`');
  assert.match(await page.textContent('#status'), /^Valid: 15 events/, 'the data itself is still valid');
  assert.equal(await page.$$eval('#problems li', (l) => l.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('past a hundred warnings the editor lists the first hundred and counts the rest, as the element reports them', async () => {
  const { page, context } = await editor();
  // 151 events alike but for their ids: 150 written twice.
  const events = Array.from({ length: 151 }, (_, i) => ({ id: `e${i}`, kind: 'other', title: 'E', date: '2023-02' }));
  await page.fill('#text', JSON.stringify({ version: 1, title: 'T', events }, null, 2));
  const [warning] = await waitForEvents(page, 'warning', 1, 'desktop');
  assert.equal(warning.detail.warnings.length, 100);
  assert.equal(warning.detail.more, 50);
  await page.waitForFunction(() => document.querySelectorAll('#problems li.warning').length === 101);
  assert.equal(await page.textContent('#problems li:last-child'), 'and 50 more warnings');
  assert.match(await page.textContent('#status'), / 150 things to check below\.$/);
  await context.close();
});

test('a slip in a year draws, and is listed as a warning with the year meant', async () => {
  const { page, context } = await editor();
  const good = await page.inputValue('#text');
  const slip = good.replace('"date": "2023-02"', '"date": "0223-02"');
  const line = slip.split('\n').findIndex((l) => l.includes('"0223-02"')) + 1;
  await page.fill('#text', slip);
  const [warning] = await waitForEvents(page, 'warning', 1, 'desktop');
  assert.equal(warning.detail.warnings[0].line, line);
  await page.waitForFunction(() => document.querySelectorAll('#problems li.warning').length === 1);
  assert.match(await page.textContent('#problems li.warning'), new RegExp(`^Warning: Line ${line}, column \\d+: events\\[\\d\\]\\.date: 0223-02 is 1,799 years before the next event; did you mean 2023-02\\?$`));
  assert.match(await page.textContent('#status'), /^Valid: 6 events\..* 1 thing to check below\.$/);
  await context.close();
});

test('a visit dated next year, not marked expected, is listed as a warning: the page knows today', async () => {
  const { page, context } = await editor();
  const good = await page.inputValue('#text');
  const next = new Date().getUTCFullYear() + 1;
  await page.fill('#text', good.replace('"date": "2023"', `"date": "${next}"`));
  const [warning] = await waitForEvents(page, 'warning', 1, 'desktop');
  assert.ok(warning.detail.warnings.some((w) => w.message.startsWith(`${next} is after today (`)),
    JSON.stringify(warning.detail.warnings));
  await context.close();
});

test('exports and the embed snippet', async () => {
  const { page, context } = await editor();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#svg')]);
  assert.equal(svgDownload.suggestedFilename(), 'bury-childrens-services.svg');
  const svgPath = await artifact('editor-export.svg');
  await svgDownload.saveAs(svgPath);
  const svg = await readFile(svgPath, 'utf8');
  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  assert.match(svg, /Rated inadequate since November 2021/);
  assert.match(svg, /Bury children(&apos;|')s services: rated inadequate, then monitored/);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#png')]);
  const pngPath = await artifact('editor-export.png');
  await pngDownload.saveAs(pngPath);
  const png = await readFile(pngPath);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
  assert.equal(png.readUInt32BE(16), 1440, 'twice the 720 px layout width');

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(json.suggestedFilename(), 'bury-childrens-services.json');

  // Opening a file replaces the text and names the downloads after it.
  const mine = { version: 1, title: 'Another council', events: [{ id: 'v', kind: 'monitoring-visit', title: 'Visit', date: '2024-05' }] };
  await page.setInputFiles('#open', { name: 'another.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine)) });
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Valid: 1 event'));
  assert.equal(await page.textContent('#filename'), '(another.json)');
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(again.suggestedFilename(), 'another.json');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /^<inspection-timeline src="data\/another\.json"><\/inspection-timeline>\n<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/inspection-timeline\.js"><\/script>$/);
  await page.screenshot({ path: await artifact('editor-1500.png') });
  await context.close();
});

/** Pastes `text` into the editor as a spreadsheet puts cells on the clipboard. Whether the
 *  editor took the paste as a sheet (it then keeps the text from the box). */
const paste = (page, text) => page.evaluate((t) => {
  const data = new DataTransfer();
  data.setData('text/plain', t);
  const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  document.getElementById('text').dispatchEvent(e);
  return e.defaultPrevented;
}, text);

test('a sheet pasted as CSV text is read as a sheet; a line of tab-indented JSON or two cells are pasted as text', async () => {
  const { page, context, errors } = await editor();
  const csv = await readFile(new URL('../../www/data/bury-childrens-services.csv', import.meta.url), 'utf8');
  const json = await page.inputValue('#text');
  assert.equal(await paste(page, '\t\t\t"published": "2024-04",'), false, 'a line of JSON');
  assert.equal(await paste(page, '2024-03-05\t2024-03-06'), false, 'two neighbouring cells');
  assert.equal(await page.inputValue('#text'), json);
  assert.equal(await paste(page, csv), true, 'the text of a CSV file');
  await page.waitForFunction(() => /Read the pasted cells/.test(document.getElementById('notice').textContent));
  assert.equal(await page.inputValue('#text'), json, 'the Bury sheet gives back the Bury data');
  assert.deepEqual(errors, []);
  await context.close();
});

test('cells pasted from a spreadsheet become the data, and a bad cell is listed by its name', async () => {
  const { page, context, errors } = await editor();
  const rows = [
    ['title', 'Pasted from a sheet'],
    [],
    ['id', 'kind', 'title', 'date', 'finding', 'tone'],
    ['v1', 'monitoring-visit', 'First visit', '2023-02', 'Some progress', 'positive'],
    ['v1', '', '', '', 'Still "inconsistent"', 'negative'],
    ['v2', 'monitoring-visit', 'Second visit', '2023-09'],
  ];
  const tsv = (r) => r.map((row) => row.join('\t')).join('\r\n');
  await paste(page, tsv(rows));
  await waitForEvents(page, 'render', 2, 'desktop');
  assert.match(await page.textContent('#status'), /^Valid: 2 events/);
  // Pasted data is not the Bury file any more: it downloads under a name of its own.
  assert.equal(await page.textContent('#filename'), '(timeline.json)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'timeline.json');
  const data = JSON.parse(await page.inputValue('#text'));
  assert.equal(data.title, 'Pasted from a sheet');
  assert.deepEqual(data.events[0].findings.map((f) => f.text), ['Some progress', 'Still "inconsistent"']);
  const before = await pixels(page);
  const json = await page.inputValue('#text');

  // A month typed as a spreadsheet shows it: listed by cell, nothing replaced.
  rows[5][3] = 'Sep 2023';
  rows[4][2] = 'Another title';
  await paste(page, tsv(rows));
  await page.waitForFunction(() => document.querySelectorAll('#problems li.cell').length > 0);
  const items = await page.$$eval('#problems li', (l) => l.map((li) => li.textContent));
  assert.deepEqual(items, [
    'C5 (title): this row adds to the event on row 4 (its id is blank or the same), so the event\'s title belongs on that row; give this row its own id to start a new event',
    'D6 (date): "Sep 2023" is not a date; write 2023-09',
  ]);
  assert.match(await page.textContent('#status'), /2 problems in the pasted cells.*The previews keep the last valid version\./);
  assert.equal(await page.inputValue('#text'), json, 'the data is unchanged');
  assert.equal(await pixels(page), before, 'the preview keeps the last good chart');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what a pasted sheet looks wrong in is listed by its cell, the sheet\'s own notes with the validator\'s', async () => {
  const { page, context, errors } = await editor();
  const rows = [
    ['title', 'Pasted from a sheet'],
    [],
    ['id', 'kind', 'title', 'date', 'finding', ''],
    ['v1', 'monitoring-visit', 'First visit', '2023-02-01', 'Some progress', 'a note in a column with no name'],
    ['v2', 'monitoring-visit', 'Second visit', '2023-09-01'],
  ];
  await paste(page, rows.map((row) => row.join('\t')).join('\r\n'));
  await waitForEvents(page, 'render', 2, 'desktop');
  await page.waitForFunction(() => document.querySelectorAll('#problems li.cell.warning').length > 0);
  const items = await page.$$eval('#problems li', (l) => l.map((li) => li.textContent));
  assert.equal(items.length, 2, items.join('\n'));
  assert.match(items[0], /^Warning: D4 \(date\): every date in this column is the first of its month/);
  assert.match(items[1], /^Warning: F4: this cell has text, but its column has no name/);
  assert.match(await page.textContent('#status'), /^Valid: 2 events.* 2 things to check in the sheet, below\.$/);
  // Once the JSON is edited by hand, the list is the validator's own again.
  await page.fill('#text', (await page.inputValue('#text')).replace('Second visit', 'The second visit'));
  await page.waitForFunction(() => !document.querySelector('#problems li.cell'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV file opened in the editor becomes the same data as the JSON file', async () => {
  const { page, context, errors } = await editor();
  const json = await page.inputValue('#text');
  await page.fill('#text', '{}');
  await page.setInputFiles('#open', {
    name: 'bury-childrens-services.csv',
    mimeType: 'text/csv',
    buffer: await readFile(new URL('../../www/data/bury-childrens-services.csv', import.meta.url)),
  });
  await page.waitForFunction(() => /Read bury-childrens-services\.csv/.test(document.getElementById('notice').textContent));
  // The sheet gives back the JSON file, byte for byte.
  assert.equal(await page.inputValue('#text'), json);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Excel\'s "Unicode Text" (.txt in UTF-16) opens as a sheet, and a workbook is refused with how to save it', async () => {
  const { page, context, errors } = await editor();
  const json = await page.inputValue('#text');
  const csv = await readFile(new URL('../../www/data/bury-childrens-services.csv', import.meta.url), 'utf8');
  // Excel's Unicode Text: tab-separated, UTF-16 with its byte-order mark. The Bury sheet's
  // cells hold no tab and no line end, so splitting on commas outside quotes is enough here.
  const tsv = csv.split(/\r?\n/).map((row) => row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((c) => c.replace(/^"|"$/g, '').replaceAll('""', '"')).join('\t')).join('\r\n');
  await page.fill('#text', '{}');
  await page.setInputFiles('#open', { name: 'bury.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]) });
  await page.waitForFunction(() => /Read bury\.txt/.test(document.getElementById('notice').textContent));
  assert.equal(await page.inputValue('#text'), json);
  assert.equal(await page.textContent('#filename'), '(bury.json)');
  await page.setInputFiles('#open', { name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not really a workbook') });
  await page.waitForFunction(() => /workbook/.test(document.getElementById('problems').textContent));
  assert.equal(await page.inputValue('#text'), json, 'the data stays');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a date typed by hand in the JSON is listed with the form to write, from the newsroom build', async () => {
  const { page, context, errors } = await editor();
  const good = await page.inputValue('#text');
  await page.fill('#text', good.replace('"date": "2023-02"', '"date": "Feb 2023"'));
  await page.waitForFunction(() => /write 2023-02$/.test(document.querySelector('#problems button')?.textContent ?? ''));
  assert.equal(await page.$$eval('#problems button', (b) => b.length), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV saved by Excel in Windows-1252 opens in the editor, with a note to check it', async () => {
  const { page, context, errors } = await editor();
  await page.setInputFiles('#open', {
    name: 'excel.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([...Buffer.from('title,Caf'), 0xe9, ...Buffer.from(' \n\nid,kind,title,date\nv,other,A,2023\n')]),
  });
  await page.waitForFunction(() => /Windows-1252/.test(document.getElementById('notice').textContent));
  assert.equal(JSON.parse(await page.inputValue('#text')).title, 'Café');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a JSON file not saved as UTF-8 is refused with where and how to save it, as the command line does, and the data stays', async () => {
  const { page, context, errors } = await editor();
  const json = await page.inputValue('#text');
  // Windows-1252: a curly apostrophe (0x92) on the second line, in its eighth column.
  await page.setInputFiles('#open', {
    name: 'word.json', mimeType: 'application/json',
    buffer: Buffer.from([...Buffer.from('{\n  "a": "'), 0x92, ...Buffer.from('"\n}\n')]),
  });
  await page.waitForFunction(() => /word\.json/.test(document.getElementById('notice').textContent));
  assert.equal(await page.textContent('#notice'),
    'Could not open word.json: Line 2, column 9: this character is not UTF-8, so the file was saved in another encoding (Windows-1252 or Latin-1, perhaps); save it as UTF-8 (in most editors, Save As, then the encoding UTF-8)');
  assert.equal(await page.inputValue('#text'), json, 'the data stays');
  // UTF-16 without its byte-order mark.
  await page.setInputFiles('#open', { name: 'unicode.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1}', 'utf16le') });
  await page.waitForFunction(() => /unicode\.json/.test(document.getElementById('notice').textContent));
  assert.match(await page.textContent('#notice'), /^Could not open unicode\.json: it is saved as UTF-16/);
  assert.equal(await page.inputValue('#text'), json);
  assert.deepEqual(errors, []);
  await context.close();
});
