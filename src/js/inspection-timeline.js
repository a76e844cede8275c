// <inspection-timeline>: the custom element that hosts the Rust/WebAssembly widget.
//
// This file only manages the element's life: it loads the wasm once per page, finds the data
// (an inline <script type="application/json"> child, the `src` attribute, or `el.data`),
// watches the size, and turns the widget's results into `render` and `error` events. Drawing,
// validation and interaction all happen in Rust.

import init, { Widget } from './inspection_timeline.js';

let ready = null;
// One download and compile per page, however many widgets it has.
function loadWasm() {
  ready ??= init({ module_or_path: new URL('./inspection_timeline_bg.wasm', import.meta.url) });
  return ready;
}

const css = `
:host { display: block; position: relative; font: inherit; color: #1d1d1f; text-align: left; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.it { margin: 0; padding: 0; font: inherit; line-height: 1.4; }
.head { margin: 0 0 6px; }
.title { margin: 0; font-weight: 700; font-size: 1.1em; }
.sub { margin: 2px 0 0; font-size: 0.9em; color: #4a4a4f; }
.sub:empty, .credit:empty { display: none; }
.chart { position: relative; }
canvas { display: block; max-width: 100%; touch-action: manipulation; -webkit-tap-highlight-color: transparent; border-radius: 4px; }
canvas:focus { outline: none; }
canvas:focus-visible { outline: 2px solid #005fcc; outline-offset: 2px; }
.msg { display: none; margin: 6px 0; padding: 6px 10px; border-left: 3px solid #b26b00; background: #fff7e6; font-size: 0.85em; color: #1d1d1f; }
.msg.shown { display: block; }
.credit { margin: 6px 0 0; font-size: 0.8em; color: #4a4a4f; }
.card { position: absolute; z-index: 10; width: 340px; max-width: 100%; max-height: 70vh; overflow: auto;
  padding: 10px 12px; background: #fff; color: #1d1d1f; border: 1px solid #8a8a90; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 0.85em; }
.card[hidden] { display: none; }
/* A hover card must not catch the pointer on its way to the next marker; a pinned one holds links. */
.card:not(.pinned) { pointer-events: none; }
.card p { margin: 0 0 4px; }
.card .kind { text-transform: uppercase; letter-spacing: .04em; font-size: .8em; color: #4a4a4f; }
.card .ctitle { font-weight: 700; font-size: 1.1em; }
.card .meta { color: #4a4a4f; }
.card .summary { margin-top: 6px; }
.card ul { margin: 6px 0; padding: 0; list-style: none; }
.card li { margin: 0 0 5px; padding-left: 10px; border-left: 3px solid #8a8a90; }
.card li.positive { border-color: #1a7f4b; }
.card li.negative { border-color: #c01f2f; }
.card li.mixed { border-color: #b26b00; }
.card .tone { display: block; font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.card li.positive .tone { color: #1a7f4b; }
.card li.negative .tone { color: #a11a28; }
.card li.mixed .tone { color: #8a5300; }
.card .sources { font-size: .9em; color: #4a4a4f; }
.card .sources .list > * + *::before { content: ' · '; }
.card a { color: #005fcc; }
.card .hint { margin-top: 6px; font-size: .85em; color: #4a4a4f; }
.sr-only { position: absolute; width: 1px; height: 1px; contain: strict; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

function problem(message) {
  return { path: '', message, line: 0, column: 0 };
}

export class InspectionTimeline extends HTMLElement {
  static observedAttributes = ['src', 'refresh'];

  #root;
  #widget = null;
  #resize = null;
  #dpr = null;
  #pending = null;
  #lastGood = null;
  #fetching = null;
  #srcText = null;
  #timer = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    // A page script may set `el.data` before this element is defined; that created a plain
    // property which would hide the setter, so take its value through the setter instead.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const value = this.data;
      delete this.data;
      this.data = value;
    }
  }

  async connectedCallback() {
    if (this.#widget) return;
    try {
      await loadWasm();
    } catch (e) {
      this.#fail(`the widget's WebAssembly could not be loaded: ${e && e.message ? e.message : e}`,
        'This graphic could not be loaded.');
      return;
    }
    if (!this.isConnected || this.#widget) return;
    this.#widget = new Widget(this.#root, this);
    this.#watchSize();
    if (this.#pending !== null) {
      const text = this.#pending;
      this.#pending = null;
      this.#apply(text, 'data');
    } else {
      const inline = this.querySelector(':scope > script[type="application/json"]');
      if (inline) this.#apply(inline.textContent, 'inline');
      else if (this.getAttribute('src')) this.#load(this.getAttribute('src'));
    }
    this.#schedule();
  }

  disconnectedCallback() {
    clearInterval(this.#timer);
    this.#timer = null;
    this.#resize?.disconnect();
    this.#resize = null;
    this.#dpr?.abort();
    this.#dpr = null;
    if (this.#widget) {
      this.#widget.destroy();
      this.#widget.free();
      this.#widget = null;
    }
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#widget || value === old) return;
    if (name === 'src' && value) this.#load(value);
    if (name === 'refresh') this.#schedule();
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
    if (this.#widget) this.#apply(text, 'data');
    else this.#pending = text;
  }

  #apply(text, origin) {
    let result;
    try {
      result = this.#widget.set_data(text);
    } catch (e) {
      this.#crashed(e);
      return;
    }
    if (result.ok) {
      this.#lastGood = text;
      this.dispatchEvent(new CustomEvent('render', { detail: { events: result.events, origin } }));
    } else {
      console.warn('inspection-timeline: the data has problems:\n' +
        result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'));
      this.#emitError(result.problems);
    }
  }

  async #load(src) {
    const url = new URL(src, document.baseURI).href;
    this.#fetching?.abort();
    const ctrl = new AbortController();
    this.#fetching = ctrl;
    let text;
    try {
      // `no-cache` revalidates with the server, so an edited file shows on the next view.
      const res = await fetch(url, { cache: 'no-cache', signal: ctrl.signal });
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
      text = await res.text();
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.#fail(`could not load ${url}: ${e.message}`,
        this.#lastGood === null ? 'This graphic could not be loaded.'
          : 'This graphic could not be updated, so it shows the last version that loaded.');
      return;
    } finally {
      if (this.#fetching === ctrl) this.#fetching = null;
    }
    if (text === this.#srcText || !this.#widget) return;
    this.#srcText = text;
    this.#apply(text, 'src');
  }

  // A fault inside the WebAssembly (it should never happen on any data) leaves the module
  // unusable; say so in place of the chart rather than leave it blank or half drawn.
  #crashed(e) {
    this.#widget = null;
    this.#fail(`the widget stopped: ${e && e.message ? e.message : e}`, 'This graphic could not be drawn.');
  }

  #fail(developerMessage, readerMessage) {
    console.error(`inspection-timeline: ${developerMessage}`);
    if (this.#widget) this.#widget.show_message(readerMessage);
    else {
      const p = document.createElement('p');
      p.setAttribute('role', 'status');
      p.textContent = readerMessage;
      this.#root.replaceChildren(p);
    }
    this.#emitError([problem(developerMessage)]);
  }

  #emitError(problems) {
    this.dispatchEvent(new CustomEvent('error', { detail: { problems } }));
  }

  #watchSize() {
    const redraw = () => {
      if (!this.#widget) return;
      const width = this.getBoundingClientRect().width;
      if (width <= 0) return;
      try {
        this.#widget.resize(width, window.devicePixelRatio || 1);
      } catch (e) {
        this.#crashed(e);
      }
    };
    this.#resize = new ResizeObserver(redraw);
    this.#resize.observe(this);
    // A change of zoom or a move to another screen changes the device pixel ratio without
    // changing the width; listen for it so the canvas stays crisp.
    const watchDpr = () => {
      this.#dpr?.abort();
      this.#dpr = new AbortController();
      matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`)
        .addEventListener('change', () => { redraw(); watchDpr(); }, { once: true, signal: this.#dpr.signal });
    };
    watchDpr();
    redraw();
  }
}

if (!customElements.get('inspection-timeline')) {
  customElements.define('inspection-timeline', InspectionTimeline);
}
