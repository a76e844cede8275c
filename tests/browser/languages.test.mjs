// The widget's words in the reader's language, in a real headless Chromium: the page's
// `lang` chooses the table, each table loads only where it is used, plural forms follow
// `Intl.PluralRules`, and a newsroom's own words replace any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, waitForEvents, inRoot } from './harness.mjs';

const env = useBrowser();
const LANGUAGES = ['en-GB', 'cy', 'de', 'es', 'fr'];

/** The Bury chart on a page in `lang`, with the addresses of the word tables it loaded. */
async function page(lang, { src = true, viewport } = {}) {
  const opened = await open(env.browser, `${env.server.base}/tests/browser/pages/lang.html?lang=${lang}${src ? '' : '&src=none'}`,
    viewport ? { viewport } : {});
  if (src) {
    await waitForEvents(opened.page, 'render');
    await opened.page.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('tbody td'));
  }
  const tables = await opened.page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => e.name).filter((n) => n.includes('/strings/')).map((n) => n.split('/').pop()));
  return { ...opened, tables };
}

const headings = (p) => inRoot(p, "return [...root.querySelectorAll('thead th')].map((th) => th.textContent)");
const cells = (p) => inRoot(p, "return [...root.querySelectorAll('tbody td')].map((td) => td.textContent).join(' | ')");
const description = (p) => inRoot(p, "return root.querySelector('canvas').getAttribute('aria-label')");

test('a French page reads the widget in French, with French dates', async () => {
  const { page: p, context, errors } = await page('fr');
  assert.deepEqual(await headings(p), ['Événement', 'Date', 'Rapport publié', 'Note', 'Résumé et constats', 'Sources']);
  const text = await cells(p);
  assert.match(text, /Visite : février 2023/);
  assert.match(text, /Rapport publié : novembre 2022/);
  assert.match(await description(p), /a été noté « insuffisant » par Ofsted \(novembre 2021\); 4 visites de suivi depuis/);
  assert.equal(await inRoot(p, "return root.querySelector('.zoom button').getAttribute('aria-label')"), 'Zoom avant');
  // The keyboard's announcement and the card are French too.
  await p.locator('inspection-timeline canvas[role=img]').focus();
  await p.keyboard.press('ArrowRight');
  await p.keyboard.press('ArrowRight');
  const card = await inRoot(p, "return root.querySelector('.card').textContent");
  assert.match(card, /Visite de suivi/);
  assert.match(card, /Visite 1 sur les 4 à 6 précédant la nouvelle inspection/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each language loads only its own table, and English pages none', async () => {
  for (const lang of LANGUAGES) {
    const { context, tables } = await page(lang);
    const expected = lang === 'en-GB' ? [] : [`${lang}.js`];
    // en-GB.js is part of the element itself.
    assert.deepEqual(tables.filter((t) => t !== 'en-GB.js'), expected, lang);
    await context.close();
  }
  const { context, tables } = await page('en-US');
  assert.deepEqual(tables.filter((t) => t !== 'en-GB.js'), [], 'every English reads the British table');
  await context.close();
});

test('every plural table has each form the language uses, as Intl.PluralRules says', async () => {
  const { page: p, context } = await page('en-GB');
  const gaps = await p.evaluate(async (languages) => {
    const out = [];
    for (const lang of languages) {
      const table = (await import(`/pkg/strings/${lang}.js`)).default;
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(table)) {
        if (typeof value !== 'object') continue;
        for (const category of needed) if (!(category in value)) out.push(`${lang} ${key} lacks ${category}`);
      }
    }
    return out;
  }, LANGUAGES);
  assert.deepEqual(gaps, []);
  await context.close();
});

test('Welsh counts take the form Intl.PluralRules chooses', async () => {
  const { page: p, context } = await page('cy', { src: false });
  const said = [];
  for (const n of [1, 2, 3, 7]) {
    const events = Array.from({ length: n }, (_, k) => ({ id: `e${k}`, kind: 'other', title: `E${k}`, date: `${2000 + k}` }));
    await p.evaluate(([evs, k]) => { document.querySelector('inspection-timeline').data = { version: 1, title: 'T', events: evs }; }, [events, n]);
    await waitForEvents(p, 'render', said.length + 1);
    said.push(await description(p));
  }
  assert.deepEqual(said.map((s) => s.replace(/^T /, '')), [
    'T: llinell amser o 1 digwyddiad.',
    'T: llinell amser o 2 ddigwyddiad.',
    'T: llinell amser o 3 digwyddiad.',
    'T: llinell amser o 7 o ddigwyddiadau.',
  ]);
  await context.close();
});

test('a change of lang on the page rewrites the words', async () => {
  const { page: p, context } = await page('fr');
  // The page's own language changes (a language switch in a single-page app).
  await p.evaluate(() => { document.documentElement.lang = 'de'; });
  await p.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('thead th')?.textContent === 'Ereignis');
  assert.match(await description(p), /mit „unzureichend“ bewertet/);
  assert.match(await cells(p), /Besuch: Februar 2023/);
  await context.close();
});

test('a newsroom replaces any word with el.strings, and hears of keys that do not exist', async () => {
  const { page: p, context } = await page('en-GB');
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.evaluate(() => {
    document.querySelector('inspection-timeline').strings = { tableEvent: 'Item', zoomin: 'Closer', tabelNext: 'On' };
  });
  await p.waitForFunction(() => document.querySelector('inspection-timeline').shadowRoot.querySelector('thead th')?.textContent === 'Item');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /"zoomin" \(did you mean "zoomIn"\?\)/);
  assert.match(warnings[0], /"tabelNext" \(did you mean "tableNext"\?\)/, 'a slip of letters is matched too');
  const words = await inRoot(p, 'return el.strings');
  assert.equal(words.tableEvent, 'Item');
  assert.equal(words.tableWhen, 'When', 'the other words stay');
  // Words set later add to those set before; null goes back to the language's own.
  assert.deepEqual(await headings(p).then((h) => h.slice(0, 2)), ['Item', 'When']);
  await p.evaluate(() => { document.querySelector('inspection-timeline').strings = { tableWhen: 'Date' }; });
  assert.deepEqual(await headings(p).then((h) => h.slice(0, 2)), ['Item', 'Date']);
  await p.evaluate(() => { document.querySelector('inspection-timeline').strings = null; });
  assert.deepEqual(await headings(p).then((h) => h.slice(0, 2)), ['Event', 'When']);
  await context.close();
});

test('the first chart of a French page is already in French: the table loads with the wasm', async () => {
  // What the chart says at its very first render, before anything could be redrawn.
  const init = () => document.addEventListener('render', (e) => {
    window.__firstLabel ??= e.target.shadowRoot.querySelector('canvas').getAttribute('aria-label');
  }, true);
  const { page: p, context } = await open(env.browser, `${env.server.base}/tests/browser/pages/lang.html?lang=fr`, { init });
  await waitForEvents(p, 'render');
  assert.match(await p.evaluate(() => window.__firstLabel), /a été noté « insuffisant »/);
  await context.close();
});
