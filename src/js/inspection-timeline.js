// <inspection-timeline>: the custom element that hosts the Rust/WebAssembly widget.
//
// This file only manages the element's life: it loads the wasm once per page (and only when a
// widget comes near the viewport), finds the data (an inline <script type="application/json">
// child, the `src` attribute, or `el.data`), watches size, colour scheme, language and
// printing, and turns the widget's results into `render` and `error` events. Drawing,
// validation and interaction all happen in Rust.

// The British table of words is part of this file once built (the build writes it in here),
// so it costs no request of its own.
import enGB from './strings/en-GB.js';

// The sheet reader, a module of its own that only a page whose `src` is a sheet loads.
let sheetReader = null;
function loadSheetReader() {
  sheetReader ??= import('./sheet/inspection_timeline.js').then(async (m) => {
    await m.default({ module_or_path: new URL('./sheet/inspection_timeline_bg.wasm', import.meta.url) });
    return m;
  });
  return sheetReader;
}

// The page's own <noscript> markup, made real when no chart can be drawn. A page that
// enforces Trusted Types allows it by naming this policy (`trusted-types inspection-timeline`):
// the markup is the page's own, as it wrote it.
let fallbackPolicy;
function trustedFallback(markup) {
  if (!window.trustedTypes) return markup;
  fallbackPolicy ??= trustedTypes.createPolicy('inspection-timeline', { createHTML: (s) => s });
  return fallbackPolicy.createHTML(markup);
}

/** What most often stops the wasm loading, from how it failed: said after the browser's words. */
function wasmHint(e) {
  const text = String(e && e.message ? e.message : e);
  if (/Invalid URL/i.test(text)) {
    return ' (the package finds its wasm beside it through import.meta.url: bundle it as an ES module, with esbuild --format=esm for one)';
  }
  if (/fetch|NetworkError|Load failed/i.test(text)) {
    return ' (check that inspection_timeline_bg.wasm is served beside the element, and that a Content-Security-Policy\'s connect-src allows its origin)';
  }
  if (/CompileError|unsafe-eval|Content Security/i.test(text)) {
    return " (a Content-Security-Policy's script-src needs 'wasm-unsafe-eval')";
  }
  return '';
}

let ready = null;
// One download and compile per page, however many widgets it has. The bindings are imported,
// and the wasm requested, both at once and only when a widget starts: this file runs as soon
// as it arrives, so the data, the bindings and the wasm all download side by side. The
// resolved value is the bindings module, whose `Widget` draws the charts.
function loadWasm() {
  ready ??= (async () => {
    const wasm = fetch(new URL('./inspection_timeline_bg.wasm', import.meta.url));
    // Until `init` awaits it, a failed request is handled there, not reported as unhandled.
    wasm.catch(() => {});
    const bindings = await import('./inspection_timeline.js');
    await bindings.default({ module_or_path: wasm });
    // The default colours are written once, in Rust, and join the stylesheet here.
    setStyles(css + bindings.theme_css());
    return bindings;
  })();
  return ready;
}

// Sizes are in px, not em: a host page's `* { font-size: 30px }` reaches the element itself,
// and the widget must keep its shape. The font family is inherited on purpose. The default
// colours (light, dark) come from the wasm once it has loaded; see `loadWasm`.
const css = `
/* The chart takes its column's width even where a container would shrink it to its content
   (a centred flex box, a grid cell, an inline block), margins and all. */
:host { display: block; position: relative; text-align: left; width: 100%; width: -webkit-fill-available;
  width: -moz-available; width: stretch; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
/* Everything a host page could set on the element itself and have inherited (alignment, small
   capitals, word breaking, the cursor…) is reset here, and only the font family is taken. */
.wrap { all: initial; box-sizing: border-box; display: block; position: relative; font-family: var(--it-font, inherit); font-size: 16px;
  line-height: 1.4; color: var(--_it-text); background: var(--_it-panel, var(--_it-background)); overflow-wrap: anywhere; }
/* On a background of its own (the dark theme's, the page's --it-background, or the theme's
   surface on a page too dark or light for its colours), the chart is a panel, with room inside
   its edge. */
.wrap[data-panel] { padding: 12px; border-radius: 6px; }
.wrap[data-state=loading] { min-height: var(--it-reserve, 380px); }
.wrap[data-state=ready] .fallback, .wrap[data-state=loading].has-fallback .it { display: none; }
/* Failed with nothing of the page's to show: the notice stands alone, without the chart's reserve. */
.wrap[data-state=failed].has-fallback .it { display: none; }
.it { margin: 0; padding: 0; line-height: 1.4; }
.head { margin: 0 0 6px; }
.title { margin: 0; font-weight: 700; font-size: 17px; }
.sub { margin: 2px 0 0; font-size: 14px; color: var(--_it-muted); }
.sub:empty, .credit:empty { display: none; }
/* How to read the chart: by pointer and keys, or by touch, as the reader's device allows. */
.hint { margin: 2px 0 0; font-size: 13px; color: var(--_it-muted); }
.hint-touch { display: none; }
@media (hover: none) { .hint-touch { display: inline; } .hint-pointer { display: none; } }
/* Text from the data takes its own direction, paragraph by paragraph: a Hebrew title's closing
   quotation mark stays at its end on an English page, and English on an Arabic one. */
.title, .sub, .credit, .card p, .card li, .card .sources, caption, th, td p, td li, td { unicode-bidi: plaintext; }
.chart { position: relative; }
.zoom { position: absolute; display: flex; justify-content: flex-end; white-space: nowrap; }
.zoom[hidden] { display: none; }
.zoom button, .pages button, .more { min-width: 28px; height: 28px; padding: 0 8px; font: inherit; font-size: 14px; line-height: 1;
  color: var(--_it-text); background: var(--_it-card-background); border: 1px solid var(--_it-rule); border-radius: 4px;
  cursor: pointer; }
.more { display: block; height: 44px; margin: 8px 0 0; padding: 0 16px; font-weight: 700; }
.more[hidden] { display: none; }
.zoom button[aria-disabled=true], .pages button[aria-disabled=true] { opacity: .45; cursor: default; }
.zoom button:focus-visible, .pages button:focus-visible, .more:focus-visible { outline: 3px solid var(--_it-focus); outline-offset: 1px; }
/* The chart's box is as tall as the chart; the canvas holds it, or the part of a tall one around
   the screen. Time runs left to right on every page: the canvas's text is placed for a
   left-to-right canvas, even in a right-to-left article (whose text keeps its own direction). */
canvas { position: absolute; left: 0; top: 0; display: block; max-width: 100%; touch-action: manipulation;
  -webkit-tap-highlight-color: transparent; direction: ltr; }
/* The emphasis is drawn on a canvas of its own over the chart; the chart's canvas takes the
   pointer, the keyboard and the name. */
.overlay { pointer-events: none; }
canvas:focus { outline: none; }
canvas:focus-visible { outline: 3px solid var(--_it-focus); outline-offset: 2px; }
.msg { display: none; margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--_it-mixed);
  background: var(--_it-notice-background); font-size: 14px; color: var(--_it-text); }
.msg.shown { display: block; }
.credit { margin: 6px 0 0; font-size: 13px; color: var(--_it-muted); }
.card { position: absolute; z-index: 10; width: 340px; max-width: 100%; overflow: auto;
  /* Seven tenths of a tall screen, and nearly all of a short one (an iframe as tall as the chart). */
  max-height: max(70vh, min(100vh - 16px, 420px));
  padding: 10px 12px; background: var(--_it-card-background); color: var(--_it-text); border: 1px solid var(--_it-rule);
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 14px; }
.card[hidden] { display: none; }
.spot { position: absolute; visibility: hidden; pointer-events: none; }
/* Lifted into the page's top layer when a box of the host page would cut it off: placed on the
   screen, over everything, instead of in the chart. */
.card.lifted { position: fixed; inset: auto; margin: 0; }
/* No fade: a card is readable on the frame it appears, as a reader's pointer expects. */
/* A hover card must not catch the pointer on its way to the next marker; a pinned one holds links. */
.card:not(.pinned) { pointer-events: none; }
.card p { margin: 0 0 4px; }
.card .kind { text-transform: uppercase; letter-spacing: .04em; font-size: 11px; color: var(--_it-muted); }
.card .ctitle { font-weight: 700; font-size: 16px; }
.card .meta { color: var(--_it-muted); }
.card .summary { margin-top: 6px; }
.card ul { margin: 6px 0; padding: 0; list-style: none; }
.card li { margin: 0 0 5px; padding-left: 10px; border-left: 3px solid var(--_it-rule); }
.card li.positive { border-color: var(--_it-positive); }
.card li.negative { border-color: var(--_it-negative); }
.card li.mixed { border-color: var(--_it-mixed); }
.card .tone { display: block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.card li.positive .tone { color: var(--_it-positive); }
.card li.negative .tone { color: var(--_it-negative); }
.card li.mixed .tone { color: var(--_it-mixed); }
.card .sources { font-size: 13px; color: var(--_it-muted); }
.card .sources .list > * + *::before { content: ' · '; }
.card a { color: var(--_it-link); }
.card .hint { margin-top: 6px; font-size: 12px; color: var(--_it-muted); }
.sr-only { position: absolute; width: 1px; height: 1px; contain: strict; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
/* The events table is for screen readers and print. Held off-screen with content-visibility, a
   long table costs the browser no style or layout work until it is read or printed. */
.table-box { white-space: normal; }
.table-box table { table-layout: fixed; width: 640px; }
/* A keyboard user who tabs into the table (its links, its pager) sees it: nothing that takes
   focus stays invisible. */
.table-box:focus-within { position: static; width: auto; height: auto; margin: 12px 0 0; overflow: visible;
  clip: auto; clip-path: none; white-space: normal; contain: none; }
.table-box:focus-within table { width: 100%; border-collapse: collapse; font-size: 13px; }
.table-box:focus-within caption { text-align: left; font-weight: 700; margin-bottom: 4px; }
.table-box:focus-within th, .table-box:focus-within td { border: 1px solid var(--_it-rule); padding: 3px 5px;
  text-align: left; vertical-align: top; }
.pages { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 6px 0 0; font-size: 13px; }
.pages[hidden] { display: none; }
@media print {
  .wrap { background: none; }
  /* The announcements a screen reader heard, and the keyboard's focus ring, are not for paper. */
  .card, .zoom, .pages, .overlay, .hint, [aria-live] { display: none; }
  canvas:focus-visible { outline: none; }
  .chart { height: auto !important; }
  canvas { position: static; max-width: 100%; height: auto !important; }
  /* On paper the events table, with every finding, follows the chart. */
  .sr-only { position: static; width: auto; height: auto; margin: 12px 0 0; overflow: visible; clip: auto;
    clip-path: none; white-space: normal; contain: none; content-visibility: visible; }
  table { border-collapse: collapse; width: 100%; font-size: 11px; }
  caption { text-align: left; font-weight: 700; margin-bottom: 4px; }
  th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
  td p, td ul { margin: 0 0 3px; padding-left: 14px; }
  td p { padding-left: 0; }
}
`;

// Every element's shadow root shares one constructed stylesheet. Browsers that cannot
// construct one (Safari before 16.4) get a <style> in each root instead, kept in step.
let cssText = css;
let sheet = null;
const styleElements = new Set();

function setStyles(text) {
  cssText = text;
  sheet?.replaceSync(text);
  for (const style of styleElements) style.textContent = text;
}

function adoptStyles(root) {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(cssText);
    root.adoptedStyleSheets = [sheet];
  } catch {
    sheet = null;
    const style = document.createElement('style');
    style.textContent = cssText;
    root.prepend(style);
    styleElements.add(style);
  }
}

/** The box around `el` in the page, leaving a shadow root through its host. */
function parentBox(el) {
  return el.parentElement ?? el.getRootNode().host;
}

/** Whether a computed colour shows nothing: empty, `transparent` or fully transparent. */
function transparent(colour) {
  return !colour || colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);
}

function problem(message) {
  return { path: '', message, line: 0, column: 0 };
}

// Each language's month names and date patterns, worked out once per page.
const locales = new Map();

/** The language tag of `lang`, or British English's for none or an invalid one. */
function canonical(lang) {
  try {
    return Intl.getCanonicalLocales(lang || 'en-GB')[0];
  } catch {
    return 'en-GB';
  }
}

/** Month names and date patterns for the language `tag`, once per language per page; `null`
 *  for British English, which the widget writes without asking `Intl` (whose first use costs
 *  tens of ms). */
function localeFor(tag) {
  if (tag === 'en-GB') return null;
  if (!locales.has(tag)) locales.set(tag, intlLocale(tag));
  return locales.get(tag);
}

// The tables of the widget's words for languages other than English, each loaded only by
// pages in that language. Other languages get the English words and their own dates.
const TABLES = {
  cy: () => import('./strings/cy.js'),
  de: () => import('./strings/de.js'),
  es: () => import('./strings/es.js'),
  fr: () => import('./strings/fr.js'),
};
const tables = new Map();

/** The language of `tag` that has a table ("fr" for "fr-CA"), or null. */
function tableLanguage(tag) {
  const base = tag.split('-')[0].toLowerCase();
  return Object.hasOwn(TABLES, base) ? base : null;
}

/** Starts loading the table of `language` once per page; a table that cannot be loaded
 *  leaves the English words, with a note in the console. */
function loadTable(language) {
  if (!tables.has(language)) {
    const loading = TABLES[language]().then((m) => m.default, (e) => {
      console.warn(`inspection-timeline: the words in "${language}" could not be loaded, so they show in English: ${e && e.message ? e.message : e}`);
      return {};
    });
    tables.set(language, { loading, table: null });
    loading.then((table) => { tables.get(language).table = table; });
  }
  return tables.get(language);
}

// The order of the plural forms in a listed entry, as Widget.set_locale reads them.
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The table `words` as the widget takes it: its entries in British English's order, each
 *  text or its plural forms joined by U+001F. */
function listed(words) {
  const entry = (v) => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') return PLURAL_FORMS.map((f) => (typeof v[f] === 'string' ? v[f] : '')).join('\u001f');
    return null;
  };
  // A value that is neither (a newsroom's `null`, say) leaves the British words.
  return Object.keys(enGB).map((key) => entry(words[key]) ?? entry(enGB[key]));
}

/** The keys of `strings` that no table has, each with the nearest known key, for a console
 *  note. */
function unknownKeys(strings) {
  return Object.keys(strings).filter((k) => !Object.hasOwn(enGB, k)).map((k) => {
    const near = nearestKey(k);
    return near ? `"${k}" (did you mean "${near}"?)` : `"${k}"`;
  });
}

/** The known key nearest to `key` in edits (ignoring case), if it is near enough to be a slip:
 *  at most a third of the key's letters changed. */
function nearestKey(key) {
  const a = key.toLowerCase();
  let best = null;
  let bestDistance = Math.max(1, Math.floor(a.length / 3)) + 1;
  for (const known of Object.keys(enGB)) {
    const d = editDistance(a, known.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

/** Levenshtein's distance between `a` and `b` (letters inserted, removed or changed; two
 *  swapped count as one change), or `limit` when it is at least that. */
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    [before, prev] = [prev, row];
  }
  return Math.min(prev[b.length], limit);
}

/** Month names and date patterns for the language `tag`, from the browser's Intl data. */
function intlLocale(tag) {
  const long = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const monthNames = (fmt) => Array.from({ length: 12 }, (_, m) => {
    const parts = fmt.formatToParts(Date.UTC(2023, m, 15));
    return parts.find((p) => p.type === 'month')?.value ?? String(m + 1);
  });
  // The order of day, month and year, as {d}, {m} and {y} with the language's punctuation.
  const pattern = (options) => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })
    .formatToParts(Date.UTC(2023, 1, 27))
    .map((p) => ({ day: '{d}', month: '{m}', year: '{y}' })[p.type] ?? p.value)
    .join('');
  return {
    months: monthNames(long),
    short: monthNames(short),
    day: pattern({ day: 'numeric', month: 'long', year: 'numeric' }),
    month: pattern({ month: 'long', year: 'numeric' }),
  };
}

// The theme's roles, as Widget.set_theme names them, and the custom property of each.
// (The element's CSS gives `--_it-text` the page's `--it-text`, set on the element or around
// it, or else the theme's default; the widget reads that.)
const THEME_PROPERTIES = {
  surface: '--_it-surface', text: '--_it-text', muted: '--_it-muted', rule: '--_it-rule', focus: '--_it-focus',
  inspection: '--_it-inspection', monitoringVisit: '--_it-monitoring-visit', reinspection: '--_it-reinspection',
  other: '--_it-other',
};

/** Problems or warnings, one a line, each at its place: `line:column: path: message`. */
function problemLines(list) {
  return list.map((p) => [p.line && p.column ? `${p.line}:${p.column}` : '', p.path, p.message]
    .filter(Boolean).join(': ')).join('\n');
}

// Imported during server-side rendering (SvelteKit, Astro, Next…), where there is no DOM, the
// module defines nothing and does nothing; the browser's import defines the element.
const Element = globalThis.HTMLElement ?? class {};

export class InspectionTimeline extends Element {
  static observedAttributes = ['src', 'refresh', 'theme', 'lang', 'view', 'subjects', 'format'];

  #root;
  #wrap;
  #widget = null;
  #started = false;
  #resize = null;
  #lang = null;
  #langTag = null;
  #watchers = null;
  #visible = null;
  #pending = null;
  #lastGood = null;
  // Where the last good data came from (`src`, `inline`, `data`), for a `render` after a move.
  #lastOrigin = 'data';
  #fetching = null;
  #srcText = null;
  #timer = null;
  #printing = false;
  #linked = false;
  // The newsroom's own words (`el.strings`), over the language's table; and the words in use.
  #strings = {};
  #words = enGB;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
    // Content inside the element (a static image, a link to the data) shows through this slot
    // until the chart is drawn, and stays if it never can be.
    this.#wrap = document.createElement('div');
    this.#wrap.className = 'wrap';
    this.#wrap.dataset.state = 'loading';
    const fallback = document.createElement('div');
    fallback.className = 'fallback';
    fallback.append(document.createElement('slot'));
    this.#wrap.append(fallback);
    this.#root.append(this.#wrap);
    // A page script may set `el.data` before this element is defined; that created a plain
    // property which would hide the setter, so take its value through the setter instead.
    for (const name of ['data', 'strings', 'subjects']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  connectedCallback() {
    const hasFallback = [...this.childNodes].some((n) =>
      (n.nodeType === 1 && n.localName !== 'script') || (n.nodeType === 3 && n.textContent.trim()));
    this.#wrap.classList.toggle('has-fallback', hasFallback);
    // A page's CSS reset (`all: unset`, `all: revert`) outranks the element's own :host rules
    // (seen when both their position and alignment are gone) and leaves it inline, or sized
    // to its content in a flex row, where a chart shrinks to a sliver; its block box and full
    // width are given back on the element itself, unless the page set them there.
    const host = getComputedStyle(this);
    if (host.position === 'static' && host.textAlign !== 'left') {
      this.style.display ||= 'block';
      this.style.width ||= '100%';
    }
    if (this.#started) return;
    // Widgets far down the page start when they come within a screen or so of the viewport.
    // One already that near starts now: an observer would first wait for the next frame.
    // So does one that the page's address links to (a deep link to one of its events), which
    // then brings itself into view; a link followed later starts it then.
    if (this.getAttribute('loading') !== 'eager' && 'IntersectionObserver' in window && !this.#near() &&
      !this.#linkedTo()) {
      const linked = () => { if (this.#visible && this.#linkedTo()) start(); };
      const start = () => {
        window.removeEventListener('hashchange', linked);
        this.#visible?.disconnect();
        this.#visible = null;
        this.#start();
      };
      this.#visible = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) start();
      }, { rootMargin: '100% 0px' });
      this.#visible.observe(this);
      window.addEventListener('hashchange', linked);
    } else {
      this.#start();
    }
  }

  /** Whether the element is within a screen's height of the viewport, as the observer's
   *  margin counts it. */
  #near() {
    const r = this.getBoundingClientRect();
    const h = window.innerHeight || document.documentElement.clientHeight;
    return r.bottom >= -h && r.top <= 2 * h;
  }

  async #start() {
    if (this.#started) return;
    this.#started = true;
    // The data file downloads while the wasm downloads and compiles, not after.
    const inline = this.querySelector(':scope > script[type="application/json"]');
    const early = this.#pending === null && this.#lastGood === null && !inline && this.getAttribute('src')
      ? this.#request(this.getAttribute('src'))
      : null;
    // The words of the page's language load with the wasm, so the first chart is in them.
    const language = tableLanguage(this.#tag());
    let bindings;
    try {
      [bindings] = await Promise.all([loadWasm(), language && loadTable(language).loading]);
    } catch (e) {
      early?.ctrl.abort();
      this.#started = false;
      this.#failed();
      this.#fail(`the widget's WebAssembly could not be loaded: ${e && e.message ? e.message : e}${wasmHint(e)}`);
      return;
    }
    if (!this.isConnected || this.#widget) {
      early?.ctrl.abort();
      this.#started = false;
      return;
    }
    // The widget reports from inside its own work; the page hears of it just after, so that a
    // listener may use the element (read `view`, call `zoomTo`) without re-entering it.
    this.#widget = new bindings.Widget(this.#wrap, this, (what, a, b) => what === 'clip' ? this.#clip() : queueMicrotask(() => {
      // Nothing is reported for a widget that has since been removed.
      if (!this.#widget) return;
      if (what === 'view') this.dispatchEvent(new CustomEvent('viewchange', { detail: a ? { start: a, end: b } : null }));
      else if (what === 'pin') this.#writeLink(a);
    }));
    this.#watch();
    this.#call((w) => w.set_subjects(this.subjects));
    if (this.#pending !== null || this.#lastGood !== null) {
      // Data set before the start, or kept from before the element was moved in the page.
      const [text, origin] = this.#pending !== null ? [this.#pending, 'data'] : [this.#lastGood, this.#lastOrigin];
      this.#pending = null;
      this.#apply(text, origin);
      if (this.getAttribute('src')) this.#load(this.getAttribute('src'));
    } else if (inline) {
      this.#apply(inline.textContent, 'inline');
    } else if (this.getAttribute('src')) {
      this.#load(this.getAttribute('src'), early && this.#fetching === early.ctrl ? early : undefined);
    }
    this.#schedule();
  }

  disconnectedCallback() {
    this.#teardown();
    this.#started = false;
    this.#wrap.dataset.state = 'loading';
  }

  // Stops everything the widget started: observers, timers, page listeners, and the widget
  // itself with its own listeners and memory.
  #teardown() {
    this.#visible?.disconnect();
    this.#visible = null;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#resize?.disconnect();
    this.#resize = null;
    this.#lang?.disconnect();
    this.#lang = null;
    this.#watchers?.abort();
    this.#watchers = null;
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      try {
        widget.destroy();
        widget.free();
      } catch { /* a widget that stopped removes what it still can */ }
    }
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#widget) return;
    // Setting `src`, even to the address it had, loads the file and draws it, whatever was
    // drawn since (`el.data`, say); other attributes set to the value they had change nothing.
    if (name === 'src' && value) {
      this.#srcText = null;
      this.#load(value);
    }
    if (value === old) return;
    if (name === 'format' && this.getAttribute('src')) {
      this.#srcText = null;
      this.#load(this.getAttribute('src'));
    }
    if (name === 'refresh') this.#schedule();
    if (name === 'theme') this.#applyTheme();
    if (name === 'lang') this.#applyLocale();
    if (name === 'view') this.#applyView();
    if (name === 'subjects') this.#applySubjects();
  }

  /** The ids of the subjects shown, in order, as the `subjects` attribute lists them
   *  ("bury,rochdale"); null shows every subject of the data. */
  get subjects() {
    const ids = (this.getAttribute('subjects') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return ids.length ? ids : null;
  }

  set subjects(ids) {
    if (ids === null || ids === undefined) this.removeAttribute('subjects');
    else this.setAttribute('subjects', (typeof ids === 'string' ? ids.split(',') : Array.from(ids)).map(String).join(','));
  }

  #applySubjects() {
    let problems = [];
    if (!this.#call((w) => { problems = w.set_subjects(this.subjects); })) return;
    this.#reportSubjects(problems);
  }

  // Ids in `subjects` that the data does not have: the chart draws the others.
  #reportSubjects(problems) {
    if (!problems.length) return;
    console.warn('inspection-timeline: the subjects attribute names subjects the data does not have:\n' +
      problems.map((p) => p.message).join('\n'));
    this.#emitError(problems);
  }

  /** The window of time shown, as `{start, end}` calendar dates ("2022-01-01"); null before
   *  the first chart and in the phone layout, which has no time axis. */
  get view() {
    const v = this.#widget?.view();
    return v ? { start: v[0], end: v[1] } : null;
  }

  /** Shows the time from the start of `start` to the end of `end`, dates written as in the
   *  data ("2022", "2023-02", "2023-02-27"). Throws an Error that names a date that is not one. */
  zoomTo(start, end) {
    if (!this.#widget) throw new Error('inspection-timeline: zoomTo needs the chart to be drawn first');
    this.#widget.zoom_to(String(start), String(end));
  }

  /** Shows the whole timeline again. */
  resetZoom() {
    this.#widget?.reset_zoom();
  }

  // Deep links: with the `deeplink` attribute, a pinned card's event is written to the address
  // as `#<element id, or "it">-<event id>`, and a page opened at such an address pins it.
  #linkPrefix() {
    return `${this.id || 'it'}-`;
  }

  #writeLink(id) {
    if (!this.hasAttribute('deeplink')) return;
    const hash = id === null ? '' : `#${this.#linkPrefix()}${encodeURIComponent(id)}`;
    const own = location.hash.startsWith(`#${this.#linkPrefix()}`);
    // Closing a card clears only a link this widget wrote.
    if (id === null && !own) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  /** Whether the page's address is a deep link to one of this widget's events. */
  #linkedTo() {
    return this.hasAttribute('deeplink') && location.hash.startsWith(`#${this.#linkPrefix()}`);
  }

  #followLink() {
    if (!this.hasAttribute('deeplink') || !this.#widget) return;
    const prefix = `#${this.#linkPrefix()}`;
    if (!location.hash.startsWith(prefix)) return;
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(prefix.length));
    } catch {
      return;
    }
    let found = false;
    if (!this.#call((w) => { found = w.reveal(id); }) || !found) return;
    // The chart takes the page's focus, as the target of a link to a part of a page does, so
    // that Escape closes the card and Tab goes on from it; and comes into view.
    this.#root.querySelector('canvas')?.focus({ preventScroll: true });
    this.scrollIntoView?.({ block: 'nearest' });
  }

  // `view="2022/2024"`: the window the chart opens on, once data is drawn.
  #applyView() {
    const value = this.getAttribute('view');
    if (!this.#widget || !this.#lastGood) return;
    if (!value) {
      this.resetZoom();
      return;
    }
    const [start, end = start] = value.split('/');
    try {
      this.zoomTo(start, end);
    } catch (e) {
      // The path names the attribute; the message names the date that is wrong.
      this.#emitError([{ ...problem(e.message), path: 'view' }]);
    }
  }

  /** The data last drawn, as an object. */
  get data() {
    return this.#lastGood === null ? null : JSON.parse(this.#lastGood);
  }

  /** Replaces the data: an object or a JSON string. Invalid data keeps the current chart. */
  set data(value) {
    let text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch (e) {
      this.#emitError([problem(`the data could not be turned into JSON: ${e.message}`)]);
      return;
    }
    if (text === undefined) {
      this.#emitError([problem('the data is empty; pass an object or a JSON string')]);
      return;
    }
    // What was set last is drawn: an answer from `src` still on its way is dropped. The next
    // one (a refresh, a new address) is drawn even if it is the text drawn before this.
    this.#fetching?.abort();
    this.#srcText = null;
    if (this.#widget) this.#apply(text, 'data');
    else this.#pending = text;
  }

  #call(f) {
    if (!this.#widget) return false;
    try {
      f(this.#widget);
      return true;
    } catch (e) {
      this.#crashed(e);
      return false;
    }
  }

  // `cellWarnings`, for data read from a sheet, are the warnings at the sheet's cells, said in
  // place of the same warnings at places in the JSON made from it.
  #apply(text, origin, cellWarnings = null) {
    let result;
    if (!this.#call((w) => { result = w.set_data(text); })) return;
    if (result.ok) {
      // The first hundred, as for problems, and how many more.
      const warnings = cellWarnings ? cellWarnings.slice(0, 100) : result.warnings;
      const moreWarnings = cellWarnings ? Math.max(0, cellWarnings.length - 100) : result.moreWarnings;
      this.#lastGood = text;
      this.#lastOrigin = origin;
      this.#wrap.dataset.state = 'ready';
      // A new data set may bring its own grades to recolour.
      this.#applyTheme();
      if (this.hasAttribute('view')) this.#applyView();
      // The events table's rows are written once the chart is on screen: after the next frame.
      requestAnimationFrame(() => setTimeout(() => this.#call((w) => w.write_table())));
      // A deep link is followed once, when the first chart is drawn; later data (a refresh)
      // leaves the reader where they are.
      if (!this.#linked) {
        this.#linked = true;
        this.#followLink();
      }
      this.dispatchEvent(new CustomEvent('render', { detail: { events: result.events, origin } }));
      this.#reportSubjects(result.problems);
      // Drawn, but something looks wrong (a year far from all the others, say).
      if (warnings.length) {
        console.warn(`inspection-timeline: ${this.#source(origin)} is valid, but check:\n` + problemLines(warnings) +
          (moreWarnings ? `\nand ${moreWarnings} more warning${moreWarnings === 1 ? '' : 's'}` : ''));
        this.dispatchEvent(new CustomEvent('warning', { detail: { warnings, more: moreWarnings } }));
      }
    } else {
      console.warn(`inspection-timeline: ${this.#source(origin)} has problems:\n` + problemLines(result.problems) +
        (result.moreText ? `\n${result.moreText}` : ''));
      if (this.#lastGood === null) this.#failed();
      this.#emitError(result.problems, result.more);
    }
  }

  // `refresh="MINUTES"` re-checks `src` on a long-open page (a live blog). Each check is an
  // HTTP revalidation, so an unchanged file costs a 304; the chart is redrawn only when the
  // text changed, and a bad file never replaces a good chart.
  #schedule() {
    clearInterval(this.#timer);
    this.#timer = null;
    const minutes = parseFloat(this.getAttribute('refresh'));
    if (!(minutes > 0) || !this.getAttribute('src')) return;
    this.#timer = setInterval(() => {
      if (document.visibilityState !== 'hidden' && !this.#fetching) this.#load(this.getAttribute('src'));
    }, Math.max(minutes, 0.01) * 60000);
  }

  // Starts fetching `src`; the answer's text is read by `#load`.
  #request(src) {
    const url = new URL(src, document.baseURI).href;
    this.#fetching?.abort();
    const ctrl = new AbortController();
    this.#fetching = ctrl;
    // A server that never answers is given up on, so that the page says so rather than wait.
    const given = parseFloat(this.getAttribute('timeout'));
    const seconds = given > 0 ? given : 20;
    const timer = setTimeout(() => ctrl.abort(new DOMException('timed out', 'TimeoutError')), seconds * 1000);
    // `no-cache` revalidates with the server, so an edited file shows on the next view.
    const response = fetch(url, { cache: 'no-cache', signal: ctrl.signal });
    // Until `#load` awaits it, a failure is handled there, not reported as unhandled.
    response.catch(() => {});
    return { url, ctrl, response, timer, seconds };
  }

  async #load(src, request = this.#request(src)) {
    const { url, ctrl } = request;
    const timedOut = () => ctrl.signal.reason?.name === 'TimeoutError';
    let text;
    let type = '';
    try {
      let res;
      try {
        res = await request.response;
      } catch (e) {
        if (timedOut()) throw new Error(`the server did not answer within ${request.seconds} s`);
        // The browser says no more than "failed to fetch", whatever the cause.
        throw new Error('the request failed: the network is down, the address is wrong, or the server does not let this page read the file (CORS)');
      }
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
      try {
        text = await res.text();
      } catch (e) {
        if (timedOut()) throw new Error(`the whole file did not arrive within ${request.seconds} s`);
        throw new Error('the connection closed before the whole file arrived');
      }
      // A login page, an error page or a wrong address answered with a web page: not data.
      type = res.headers.get('content-type') || '';
      if (/html/i.test(type) || /^\s*</.test(text)) {
        throw new Error(`the server sent a web page (${type || 'HTML'}), not the data; check the address in src`);
      }
    } catch (e) {
      if (ctrl.signal.aborted && !timedOut()) return;
      if (this.#lastGood === null) this.#failed();
      this.#fail(`could not load ${url}: ${e.message}`);
      return;
    } finally {
      clearTimeout(request.timer);
      if (this.#fetching === ctrl) this.#fetching = null;
    }
    if (text === this.#srcText || !this.#widget) return;
    this.#srcText = text;
    if (this.#isSheet(url, type)) this.#applySheet(text, url);
    else this.#apply(text, 'src');
  }

  /** Whether `src` is a sheet: `format="csv"`, or (without `format`) an address ending in
   *  .csv or .tsv or an answer of type CSV or TSV, as a sheet published to the web is. */
  #isSheet(url, type) {
    const format = (this.getAttribute('format') || '').toLowerCase();
    if (format) return format === 'csv' || format === 'tsv';
    return /\.(csv|tsv)$/i.test(new URL(url).pathname) || /csv|tab-separated/i.test(type);
  }

  // Reads a sheet into the data with the sheet reader, loaded now; its problems are reported
  // by cell ("E13 (date)") and, like any bad data, keep the last good chart.
  async #applySheet(text, url) {
    let result;
    try {
      result = (await loadSheetReader()).importSheet(text, new URL(url).pathname);
    } catch (e) {
      this.#fail(`could not read the sheet ${url}: ${e && e.message ? e.message : e}`);
      return;
    }
    if (!this.#widget || this.#srcText !== text) return;
    const atCells = (list) => list.map((p) => ({
      path: p.field ? `${p.cell} (${p.field})` : p.cell, message: p.message, line: p.row, column: p.column,
    }));
    if (typeof result.json === 'string') {
      this.#apply(result.json, 'src', atCells(result.warnings));
      return;
    }
    const problems = atCells(result.problems);
    console.warn(`inspection-timeline: the sheet at ${this.#srcUrl()} has problems:\n` + problemLines(problems));
    if (this.#lastGood === null) this.#failed();
    this.#widget.fetch_failed();
    this.#emitError(problems.slice(0, 100), Math.max(0, problems.length - 100));
  }

  // A fault inside the WebAssembly (it should never happen on any data) leaves the module
  // unusable; say so in place of the chart rather than leave it blank or half drawn.
  #crashed(e) {
    this.#teardown();
    this.#failed();
    this.#fail(`the widget stopped: ${e && e.message ? e.message : e}`, this.#loadedWords().noticeStopped);
  }

  #srcUrl() {
    try {
      return new URL(this.getAttribute('src') || '', document.baseURI).href;
    } catch {
      return this.getAttribute('src');
    }
  }

  /** Where data came from, for the developer's console. */
  #source(origin) {
    if (origin === 'src') return `the data at ${this.#srcUrl()}`;
    if (origin === 'inline') return 'the data inside the element (lines counted from the start of its script)';
    return 'the data set as el.data';
  }

  // No chart can be drawn (and none was): the page's own content inside the element shows in
  // its place. Content inside <noscript> is markup the browser kept as text, since scripts run;
  // it is made real now, so that a static image is downloaded only by readers who need it.
  #failed() {
    this.#wrap.dataset.state = 'failed';
    for (const n of this.querySelectorAll(':scope > noscript')) {
      if (n.nextElementSibling?.hasAttribute('data-it-fallback')) continue;
      const t = document.createElement('template');
      try {
        t.innerHTML = trustedFallback(n.textContent);
      } catch {
        // A page that enforces Trusted Types without allowing the policy below keeps its
        // <noscript> as it is; the error is still reported.
        continue;
      }
      const shown = document.createElement('div');
      shown.setAttribute('data-it-fallback', '');
      shown.append(t.content);
      n.after(shown);
    }
  }

  // With a widget, its notice says whether the last good chart stays; without one (the wasm
  // failed or stopped) `readerMessage` takes the chart's place.
  #fail(developerMessage, readerMessage = this.#loadedWords().noticeFailed) {
    console.error(`inspection-timeline: ${developerMessage}`);
    if (this.#widget) this.#widget.fetch_failed();
    else if (!this.#wrap.classList.contains('has-fallback')) {
      const p = document.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = readerMessage;
      this.#wrap.replaceChildren(this.#wrap.querySelector('.fallback'), p);
    }
    this.#emitError([problem(developerMessage)]);
  }

  // `more` counts the problems after the first hundred, which are not listed.
  #emitError(problems, more = 0) {
    this.dispatchEvent(new CustomEvent('error', { detail: { problems, more } }));
  }

  // The part of the page that the boxes around the element let its overflow show (each one
  // whose overflow is not visible cuts it off), on the screen, as left, top, right and bottom;
  // empty when none does. The walk leaves shadow roots through their hosts and stops at the
  // body, whose overflow is the page's own scrolling.
  #clip() {
    let box = null;
    for (let el = parentBox(this); el && el !== document.body && el !== document.documentElement; el = parentBox(el)) {
      const s = getComputedStyle(el);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const r = el.getBoundingClientRect();
      box = box ? [Math.max(box[0], r.left), Math.max(box[1], r.top), Math.min(box[2], r.right), Math.min(box[3], r.bottom)]
        : [r.left, r.top, r.right, r.bottom];
    }
    return new Float64Array(box ?? []);
  }

  #redraw() {
    if (!this.#widget) return;
    // The width the page lays the element out at. A host that scales it (`transform`, `zoom`)
    // shows it larger or smaller: the chart keeps its laid-out width, and its bitmap follows
    // the scale, so it stays sharp and in proportion.
    const box = this.#wrap.getBoundingClientRect().width;
    const outer = this.#wrap.offsetWidth;
    const scaled = outer > 0 && Math.abs(box - outer) > 1;
    // The chart has the width inside the panel's padding, when it has one.
    const style = getComputedStyle(this.#wrap);
    const inner = outer - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const shown = outer > 0 ? box * inner / outer : box;
    const laidOut = inner;
    const width = scaled ? laidOut : shown;
    if (width <= 0) return;
    const screen = (window.devicePixelRatio || 1) * (scaled ? shown / laidOut : 1);
    // Printers get a sharper bitmap than screens.
    const dpr = this.#printing ? Math.max(3, screen) : screen;
    this.#call((w) => w.resize(width, dpr));
  }

  /** Turns CSS colours (names, system colours, `rgb()`) into [r, g, b] through the browser,
   *  all in one style pass: every probe is set before any is read. */
  #rgb(values) {
    const probes = values.map((value) => {
      const probe = document.createElement('span');
      // A colour the browser cannot read leaves the black set first.
      probe.style.color = '#000';
      probe.style.color = value;
      return probe;
    });
    this.#root.append(...probes);
    const colours = probes.map((probe) => {
      const m = getComputedStyle(probe).color.match(/[\d.]+/g) || ['0', '0', '0'];
      return m.slice(0, 3).map((n) => Math.round(Number(n)));
    });
    for (const probe of probes) probe.remove();
    return colours;
  }

  // Reads the theme's custom properties into one named object; the widget resolves it into
  // legible colours and repaints only when a colour changed.
  #applyTheme() {
    if (!this.#widget) return;
    const style = getComputedStyle(this.#wrap);
    const value = (property) => style.getPropertyValue(property).trim();
    const bg = value('--_it-background');
    const theme = { background: null, backdrop: null, grades: {} };
    // [where the colour goes, its CSS value], for every property that is set.
    const wanted = [];
    if (!transparent(bg)) wanted.push([(c) => { theme.background = c; }, bg]);
    // The page's colour behind the element: the first box around it with a background.
    for (let box = parentBox(this); box; box = parentBox(box)) {
      const c = getComputedStyle(box).backgroundColor;
      if (!transparent(c)) {
        wanted.push([(rgb) => { theme.backdrop = rgb; }, c]);
        break;
      }
    }
    for (const [role, property] of Object.entries(THEME_PROPERTIES)) {
      theme[role] = null;
      const v = value(property);
      if (v) wanted.push([(c) => { theme[role] = c; }, v]);
    }
    for (const id of this.#widget.grade_ids()) {
      const v = value(`--it-grade-${id}`);
      if (v) wanted.push([(c) => { theme.grades[id] = c; }, v]);
    }
    this.#rgb(wanted.map(([, v]) => v)).forEach((colour, i) => wanted[i][0](colour));
    let panel;
    if (!this.#call((w) => { panel = w.set_theme(theme); })) return;
    // A chart with a background of its own (the theme's, or the one the widget chose for a
    // page its colours would not stand on) is a panel, and its text keeps off the panel's edge.
    this.#wrap.toggleAttribute('data-panel', !!panel);
    if (panel) this.#wrap.style.setProperty('--_it-panel', panel);
    else this.#wrap.style.removeProperty('--_it-panel');
  }

  /** The language of the page around the element, as the nearest `lang` gives it. */
  #tag() {
    return canonical(this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  // Gives the widget the language's dates and words. A table still loading is applied when it
  // arrives; until then the words in use stay (English at the very start).
  #applyLocale() {
    if (!this.#widget) return;
    const tag = this.#tag();
    this.#langTag = tag;
    const language = tableLanguage(tag);
    let table = {};
    if (language) {
      const entry = loadTable(language);
      if (!entry.table) {
        entry.loading.then(() => { if (this.#tag() === tag) this.#applyLocale(); });
        if (this.#words !== enGB) return;
      } else {
        table = entry.table;
      }
    }
    this.#words = this.#wordsWith(table);
    // English plurals need no `Intl`; every other language asks it.
    let plural = null;
    if (!tag.toLowerCase().startsWith('en')) {
      const rules = new Intl.PluralRules(tag);
      plural = (n) => PLURAL_FORMS.indexOf(rules.select(n));
    }
    const d = localeFor(tag) ?? { months: [], short: [], day: '', month: '' };
    this.#call((w) => w.set_locale(d.months, d.short, d.day, d.month, listed(this.#words), plural));
  }

  /** The words of the page's language as far as they have loaded (the newsroom's own over
   *  them), for a notice written when the widget could not start, or new words set. */
  #loadedWords() {
    const language = tableLanguage(this.#tag());
    return this.#wordsWith((language && tables.get(language)?.table) || {});
  }

  /** The words for the language's `table` with the newsroom's own over them. */
  #wordsWith(table) {
    return { ...enGB, ...table, ...this.#strings };
  }

  /** The widget's words in use, by key: the page language's table with the newsroom's own
   *  words over it. Setting an object of some keys replaces those words (a counted word may
   *  be an object of plural forms, as `Intl.PluralRules` names them); the key list is in the
   *  README. */
  get strings() {
    return { ...this.#words };
  }

  set strings(value) {
    const given = value && typeof value === 'object' ? { ...value } : {};
    const unknown = unknownKeys(given);
    if (unknown.length) console.warn(`inspection-timeline: el.strings has keys the widget does not use: ${unknown.join(', ')}`);
    // Words set earlier stay unless set again; `null` goes back to the language's own.
    this.#strings = value === null || value === undefined ? {} : { ...this.#strings, ...given };
    this.#words = this.#loadedWords();
    this.#applyLocale();
  }

  #watch() {
    this.#watchers = new AbortController();
    const signal = this.#watchers.signal;
    this.#applyLocale();
    this.#applyTheme();
    this.#resize = new ResizeObserver(() => this.#redraw());
    this.#resize.observe(this.#wrap);
    // A page that changes its language as it runs (a single-page app, a language switch)
    // changes the widget's: any `lang` in the document may be the nearest one.
    this.#lang = new MutationObserver(() => { if (this.#tag() !== this.#langTag) this.#applyLocale(); });
    this.#lang.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // A change of zoom or a move to another screen changes the device pixel ratio without
    // changing the width; listen for it so the canvas stays crisp.
    const watchDpr = () => {
      matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`)
        .addEventListener('change', () => { this.#redraw(); watchDpr(); }, { once: true, signal });
    };
    watchDpr();
    window.addEventListener('hashchange', () => this.#followLink(), { signal });
    // A web font that arrives after the first chart: the chart is drawn again in it.
    document.fonts?.addEventListener?.('loadingdone', () => this.#call((w) => w.fonts_loaded()), { signal });
    for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
      matchMedia(query).addEventListener('change', () => this.#applyTheme(), { signal });
    }
    window.addEventListener('beforeprint', () => {
      this.#printing = true;
      // The printed table must be complete.
      this.#call((w) => w.print_table(true));
      this.#redraw();
    }, { signal });
    window.addEventListener('afterprint', () => {
      this.#printing = false;
      this.#call((w) => w.print_table(false));
      this.#redraw();
    }, { signal });
    this.#redraw();
  }
}

if (globalThis.customElements && !customElements.get('inspection-timeline')) {
  customElements.define('inspection-timeline', InspectionTimeline);
}
