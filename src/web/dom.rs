//! The DOM the widget builds inside the element's shadow root: the figure around the canvas,
//! the findings card, and the events table for screen readers and print. Everything from the
//! data is set as text, never parsed as HTML.

use crate::layout::{
    Card, CardSource, BUTTON_FONT_PX, BUTTON_GAP, BUTTON_PAD, BUTTON_PX, ZOOM_IN, ZOOM_OUT,
};
use crate::strings::{Key, Strings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, Node};

use super::fault;

/// The widget's elements.
pub(super) struct Dom {
    pub(super) doc: Document,
    pub(super) host: HtmlElement,
    pub(super) figure: Element,
    pub(super) title: Element,
    pub(super) subtitle: Element,
    /// How to read the chart, for a pointer and for touch; the stylesheet shows the one that
    /// fits the reader's device, and neither on paper or in a static image.
    pub(super) hint_pointer: Element,
    pub(super) hint_touch: Element,
    /// The chart's box, as tall as the whole chart; the canvas inside holds all of it, or the
    /// window of a tall chart around what the reader sees.
    pub(super) chart: HtmlElement,
    pub(super) canvas: HtmlCanvasElement,
    /// The emphasis (the mark under the pointer or the keyboard, with its ring) on a canvas of
    /// its own over the chart, so that a pointer move clears and draws only that.
    pub(super) overlay: HtmlCanvasElement,
    pub(super) card: HtmlElement,
    /// An empty box laid over the mark the keyboard reaches, for the page to scroll to.
    pub(super) spot: HtmlElement,
    pub(super) message: Element,
    pub(super) credit: Element,
    pub(super) table: Element,
    /// The pager under a long table: what the page shows, and the buttons to turn it.
    pub(super) pages: HtmlElement,
    pub(super) pages_text: Element,
    pub(super) pages_prev: HtmlElement,
    pub(super) pages_next: HtmlElement,
    pub(super) live: Element,
    /// The zoom buttons: in, out, and back to everything.
    pub(super) zoom: HtmlElement,
    pub(super) zoom_in: HtmlElement,
    pub(super) zoom_out: HtmlElement,
    pub(super) zoom_reset: HtmlElement,
    /// "Show all 150", under a chart that shows the first of many subjects.
    pub(super) more: HtmlElement,
}

impl Dom {
    /// Builds the widget's elements inside `parent`; `host` is the custom element.
    pub(super) fn build(parent: &Node, host: HtmlElement) -> Result<Dom, JsValue> {
        let doc = parent
            .owner_document()
            .ok_or_else(|| fault("no document"))?;
        let figure = el(&doc, "figure", "it", parent)?;
        let head = el(&doc, "div", "head", &figure)?;
        let title = el(&doc, "p", "title", &head)?;
        let subtitle = el(&doc, "p", "sub", &head)?;
        let hint = el(&doc, "p", "hint", &head)?;
        let hint_pointer = el(&doc, "span", "hint-pointer", &hint)?;
        let hint_touch = el(&doc, "span", "hint-touch", &hint)?;
        let chart: HtmlElement = el(&doc, "div", "chart", &figure)?.dyn_into()?;
        let canvas: HtmlCanvasElement = el(&doc, "canvas", "", &chart)?.dyn_into()?;
        canvas.set_attribute("tabindex", "0")?;
        canvas.set_attribute("role", "img")?;
        let overlay: HtmlCanvasElement = el(&doc, "canvas", "overlay", &chart)?.dyn_into()?;
        overlay.set_attribute("aria-hidden", "true")?;
        let card: HtmlElement = el(&doc, "div", "card", &chart)?.dyn_into()?;
        card.set_id("card");
        card.set_attribute("role", "tooltip")?;
        card.set_hidden(true);
        let spot: HtmlElement = el(&doc, "div", "spot", &chart)?.dyn_into()?;
        spot.set_attribute("aria-hidden", "true")?;
        // After the canvas, so that Tab reaches the events before the controls; laid over the
        // chart where the layout keeps their place, with the size it keeps.
        let zoom: HtmlElement = el(&doc, "div", "zoom", &chart)?.dyn_into()?;
        zoom.set_attribute("role", "group")?;
        zoom.set_hidden(true);
        zoom.style().set_property("gap", &px(BUTTON_GAP))?;
        let button = |text: &str| -> Result<HtmlElement, JsValue> {
            let b: HtmlElement = text_el(&doc, "button", "", text, &zoom)?.dyn_into()?;
            b.set_attribute("type", "button")?;
            let style = b.style();
            style.set_property("height", &px(BUTTON_PX))?;
            style.set_property("min-width", &px(BUTTON_PX))?;
            style.set_property("padding", &format!("0 {}", px(BUTTON_PAD)))?;
            style.set_property("font-size", &px(BUTTON_FONT_PX))?;
            Ok(b)
        };
        let zoom_in = button(ZOOM_IN)?;
        let zoom_out = button(ZOOM_OUT)?;
        let zoom_reset = button("")?;
        let more: HtmlElement = text_el(&doc, "button", "more", "", &figure)?.dyn_into()?;
        more.set_attribute("type", "button")?;
        more.set_hidden(true);
        let message = el(&doc, "p", "msg", &figure)?;
        message.set_attribute("role", "status")?;
        let credit = el(&doc, "figcaption", "credit", &figure)?;
        // Tables grow to fit their content whatever their width, so the visually hidden box is
        // a wrapper around the table.
        let hidden = el(&doc, "div", "sr-only table-box", &figure)?;
        let table = el(&doc, "table", "", &hidden)?;
        // Focused (by script only) when its pager turns a page.
        table.set_attribute("tabindex", "-1")?;
        let pages: HtmlElement = el(&doc, "p", "pages", &hidden)?.dyn_into()?;
        pages.set_hidden(true);
        let pages_text = el(&doc, "span", "", &pages)?;
        let page_button = || -> Result<HtmlElement, JsValue> {
            let b: HtmlElement = el(&doc, "button", "", &pages)?.dyn_into()?;
            b.set_attribute("type", "button")?;
            Ok(b)
        };
        let pages_prev = page_button()?;
        let pages_next = page_button()?;
        let live = el(&doc, "div", "sr-only", &figure)?;
        live.set_attribute("aria-live", "polite")?;
        Ok(Dom {
            doc,
            host,
            figure,
            title,
            subtitle,
            hint_pointer,
            hint_touch,
            chart,
            canvas,
            overlay,
            card,
            spot,
            message,
            credit,
            table,
            pages,
            pages_text,
            pages_prev,
            pages_next,
            live,
            zoom,
            zoom_in,
            zoom_out,
            zoom_reset,
            more,
        })
    }

    /// Writes the words of the widget's own controls in the reader's language. The chart's
    /// name says it is loading until a chart is drawn, which names it by its description.
    pub(super) fn label(&self, w: &Strings) -> Result<(), JsValue> {
        self.canvas
            .set_attribute("aria-label", w.get(Key::ChartLoading))?;
        self.zoom
            .set_attribute("aria-label", w.get(Key::ZoomGroup))?;
        for (b, name) in [
            (&self.zoom_in, Key::ZoomIn),
            (&self.zoom_out, Key::ZoomOut),
            (&self.zoom_reset, Key::ZoomResetLabel),
        ] {
            b.set_attribute("aria-label", w.get(name))?;
            b.set_attribute("title", w.get(name))?;
        }
        self.zoom_reset
            .set_text_content(Some(w.get(Key::ZoomReset)));
        self.pages_prev
            .set_text_content(Some(w.get(Key::TablePrevious)));
        self.pages_next
            .set_text_content(Some(w.get(Key::TableNext)));
        Ok(())
    }
}

/// A length in CSS px, as a style property takes it.
pub(super) fn px(v: f64) -> String {
    format!("{v}px")
}

pub(super) fn el(
    doc: &Document,
    tag: &str,
    class: &str,
    parent: &Node,
) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    parent.append_child(&e)?;
    Ok(e)
}

pub(super) fn text_el(
    doc: &Document,
    tag: &str,
    class: &str,
    text: &str,
    parent: &Node,
) -> Result<Element, JsValue> {
    let e = el(doc, tag, class, parent)?;
    e.set_text_content(Some(text));
    Ok(e)
}

/// One event's row of the events table.
pub(super) fn table_row(
    doc: &Document,
    body: &Element,
    c: &Card,
    w: &Strings,
) -> Result<(), JsValue> {
    let row = el(doc, "tr", "", body)?;
    let title = match &c.count {
        Some(n) => format!("{} ({n})", c.title),
        None => c.title.clone(),
    };
    text_el(doc, "th", "", &title, &row)?.set_attribute("scope", "row")?;
    let when = c
        .when
        .as_deref()
        .or(c.status.as_deref())
        .unwrap_or(w.get(Key::NotGiven));
    text_el(doc, "td", "", when, &row)?;
    let published = c.published.as_deref().unwrap_or(w.get(Key::NotGiven));
    text_el(doc, "td", "", published, &row)?;
    let rating = c.grade.as_deref().unwrap_or(w.get(Key::NoRating));
    text_el(doc, "td", "", rating, &row)?;
    let cell = el(doc, "td", "", &row)?;
    if let Some(s) = &c.summary {
        text_el(doc, "p", "", s, &cell)?;
    }
    if !c.findings.is_empty() {
        let list = el(doc, "ul", "", &cell)?;
        for f in &c.findings {
            let text = format!("{}: {}", f.tone_label, f.text);
            text_el(doc, "li", "", &text, &list)?;
        }
    }
    let cell = el(doc, "td", "", &row)?;
    if !c.sources.is_empty() {
        let list = el(doc, "ul", "", &cell)?;
        for s in &c.sources {
            let item = el(doc, "li", "", &list)?;
            source_el(doc, s, &item)?;
        }
    }
    Ok(())
}

fn source_el(doc: &Document, s: &CardSource, parent: &Node) -> Result<(), JsValue> {
    match &s.url {
        Some(url) => {
            let a = text_el(doc, "a", "", &s.text, parent)?;
            a.set_attribute("href", url)?;
            a.set_attribute("rel", "noopener noreferrer")?;
            a.set_attribute("target", "_blank")?;
        }
        None => {
            text_el(doc, "span", "", &s.text, parent)?;
        }
    }
    Ok(())
}

pub(super) fn fill_card(
    doc: &Document,
    card: &HtmlElement,
    c: &Card,
    pinned: bool,
    w: &Strings,
) -> Result<(), JsValue> {
    card.set_text_content(None);
    let _ = card.class_list().toggle_with_force("pinned", pinned);
    // Which council (or other subject) it is, when the chart has several.
    let kind = match &c.subject {
        Some(s) => format!("{s} · {}", c.kind),
        None => c.kind.clone(),
    };
    text_el(doc, "p", "kind", &kind, card)?;
    text_el(doc, "p", "ctitle", &c.title, card)?;
    for line in [&c.count, &c.status, &c.when, &c.published, &c.rating]
        .into_iter()
        .flatten()
    {
        text_el(doc, "p", "meta", line, card)?;
    }
    if let Some(s) = &c.summary {
        text_el(doc, "p", "summary", s, card)?;
    }
    if !c.findings.is_empty() {
        let list = el(doc, "ul", "findings", card)?;
        for f in &c.findings {
            let li = el(doc, "li", f.tone, &list)?;
            text_el(doc, "span", "tone", &f.tone_label, &li)?;
            let text = if f.quote {
                format!("“{}”", f.text)
            } else {
                f.text.clone()
            };
            text_el(doc, "span", "", &text, &li)?;
        }
    }
    if !c.sources.is_empty() {
        let p = el(doc, "div", "sources", card)?;
        let label = w.count(Key::CardSource, c.sources.len(), &[]);
        text_el(doc, "span", "", &format!("{label} "), &p)?;
        let list = el(doc, "span", "list", &p)?;
        for s in &c.sources {
            source_el(doc, s, &list)?;
        }
    }
    if !c.events.is_empty() {
        let list = el(doc, "ul", "events", card)?;
        for line in &c.events {
            text_el(doc, "li", "", line, &list)?;
        }
    }
    if let Some(hint) = &c.hint {
        text_el(doc, "p", "hint", hint, card)?;
    } else if pinned {
        text_el(doc, "p", "hint", w.get(Key::CloseHint), card)?;
    }
    Ok(())
}
