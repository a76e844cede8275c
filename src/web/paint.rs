//! Painting and text: lays the chart out, draws it on its canvas and the emphasised mark on
//! the canvas over it, shows the card of the state's mark, and writes the title, credit and
//! events table.

use super::dom::{el, fill_card, px, table_row, text_el};
use super::{fault, Inner};
use crate::interact::Input;
use crate::layout::{self, words, Card, LayoutConfig};
use crate::render::{self, Highlight};
use crate::strings::Key;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The height of the screen (the viewport) the chart, at `r` on it, is seen in.
fn screen_height(r: &web_sys::DomRect) -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(r.bottom())
}

/// The part of `scene` the canvas is to hold for what the reader sees now (`current` while it
/// still covers that), with the canvas placed over it.
fn place_window(
    dom: &super::dom::Dom,
    dpr: f64,
    current: Option<(f64, f64)>,
    scene: &layout::Scene,
) -> Result<(f64, f64), JsValue> {
    let r = dom.chart.get_bounding_client_rect();
    let screen = screen_height(&r);
    let next = layout::window::drawn_window(
        scene.width,
        scene.height,
        dpr,
        (-r.top(), screen - r.top()),
        current,
    );
    if Some(next) != current {
        for canvas in [&dom.canvas, &dom.overlay] {
            let style = canvas.style();
            style.set_property("top", &px(next.0))?;
            style.set_property("height", &px(next.1 - next.0))?;
        }
    }
    Ok(next)
}

impl Inner {
    /// Lays the chart out for the current width and language and draws it; the caller draws
    /// the emphasis and the card ([`Inner::show`]).
    pub(super) fn relayout(&mut self) -> Result<(), JsValue> {
        let first = self.scene.is_none();
        self.lay_out()?;
        self.draw()?;
        if first && self.scene.is_some() {
            for (input, announce) in std::mem::take(&mut self.pending) {
                self.apply(input, announce);
            }
        }
        Ok(())
    }

    /// Lays the chart out for the current width, language and window, and carries the state
    /// into the new scene, without drawing it.
    pub(super) fn lay_out(&mut self) -> Result<(), JsValue> {
        let Some(d) = &self.data else {
            return Ok(());
        };
        if self.width <= 0.0 {
            return Ok(());
        }
        let cfg = LayoutConfig {
            width: self.width,
            locale: self.locale.clone(),
            view: self.state.view,
            open_year: self.state.open,
            text_width: self.text_width,
            zoom_buttons: !self.printing,
            ..LayoutConfig::default()
        };
        let scene = layout::layout(d.timeline(), &d.chronology, &cfg);
        // The zoom controls belong to time across the page; the phone layout has none.
        self.dom.zoom.set_hidden(scene.zoom_buttons.is_none());
        if let Some(b) = scene.zoom_buttons {
            let style = self.dom.zoom.style();
            style.set_property("left", &px(b.x0))?;
            style.set_property("top", &px(b.y0))?;
            style.set_property("width", &px(b.width()))?;
        }
        // Out and back are no use while everything shows; in is no use at the closest zoom.
        // They stay focusable (`aria-disabled`, not `disabled`), so that a keyboard user who
        // pressed one does not lose their place.
        let all = self.state.view.is_none();
        let closest = scene.time.as_ref().is_some_and(|t| t.at_closest());
        for (button, off) in [
            (&self.dom.zoom_in, closest),
            (&self.dom.zoom_out, all),
            (&self.dom.zoom_reset, all),
        ] {
            button.set_attribute("aria-disabled", if off { "true" } else { "false" })?;
        }
        let _ = self.dom.canvas.style().set_property(
            "touch-action",
            if scene.time.is_some() {
                "pan-x pan-y"
            } else {
                "manipulation"
            },
        );
        self.dom
            .chart
            .style()
            .set_property("height", &px(scene.height))?;
        for c in [&self.dom.canvas, &self.dom.overlay] {
            c.style().set_property("width", &px(scene.width))?;
        }
        self.window = place_window(&self.dom, self.dpr, None, &scene)?;
        // The title is read as a sentence of its own before the description (which, for a
        // chart with nothing rated or expected, starts with the title itself).
        let title = d.timeline().title.trim_end();
        let label = if d.description.starts_with(title) {
            d.description.clone()
        } else if title.ends_with(['.', '!', '?', ':']) {
            format!("{title} {}", d.description)
        } else {
            format!("{title}. {}", d.description)
        };
        self.dom.canvas.set_attribute("aria-label", &label)?;
        self.state = match &self.scene {
            Some(old) => self.state.carry(old, &scene),
            None => self.state.step(Input::PointerLeave, &scene),
        };
        self.scene = Some(scene);
        Ok(())
    }

    /// Draws the scene with the current palette, then its emphasis and card.
    pub(super) fn paint(&mut self) -> Result<(), JsValue> {
        self.draw()?;
        self.show(false)
    }

    /// After a scroll: a tall chart whose canvas no longer covers what the reader sees draws
    /// the part that does.
    pub(super) fn scrolled(&mut self) -> Result<(), JsValue> {
        // A lifted card is placed by the screen's coordinates, so it follows the chart.
        if let Some((at, mark)) = self.lifted.get() {
            self.place_lifted(at, mark)?;
        }
        let Some(scene) = &self.scene else {
            return Ok(());
        };
        // A chart drawn whole has nothing more to draw.
        if scene.height <= self.window.1 - self.window.0 {
            return Ok(());
        }
        let next = place_window(&self.dom, self.dpr, Some(self.window), scene)?;
        if next != self.window {
            self.window = next;
            self.draw()?;
            self.show(false)?;
        }
        Ok(())
    }

    /// Draws the scene with the current palette, without emphasis.
    pub(super) fn draw(&mut self) -> Result<(), JsValue> {
        let Some(scene) = &self.scene else {
            return Ok(());
        };
        let (w, h) = (
            (scene.width * self.dpr).round() as u32,
            ((self.window.1 - self.window.0) * self.dpr).round() as u32,
        );
        // Assigning a size also clears a canvas.
        for canvas in [&self.dom.canvas, &self.dom.overlay] {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let backend = CanvasBackend::with_canvas_object(self.dom.canvas.clone())
            .ok_or_else(|| fault("the canvas has no 2D context"))?;
        render::render_base(
            &backend.into_drawing_area(),
            scene,
            &self.palette,
            &self.font,
            self.dpr,
            self.window,
        )
        .map_err(|e| fault(&e.to_string()))
    }

    /// Paints the emphasis for the current state over the chart (the chart itself is left as
    /// it is), and shows or hides the card; with `announce`, a screen reader hears which
    /// event it is.
    pub(super) fn show(&mut self, announce: bool) -> Result<(), JsValue> {
        let Some(scene) = &self.scene else {
            return Ok(());
        };
        let c = &self.dom.overlay;
        let ctx: web_sys::CanvasRenderingContext2d = c
            .get_context("2d")?
            .ok_or_else(|| fault("the canvas has no 2D context"))?
            .dyn_into()?;
        ctx.clear_rect(0.0, 0.0, f64::from(c.width()), f64::from(c.height()));
        let hl = Highlight {
            mark: self.state.highlight(),
            focus_ring: self.state.keyboard,
        };
        if hl.mark.is_some() {
            let backend = CanvasBackend::with_canvas_object(c.clone())
                .ok_or_else(|| fault("the canvas has no 2D context"))?;
            render::render_highlight(
                &backend.into_drawing_area(),
                scene,
                &self.palette,
                &self.font,
                self.dpr,
                self.window,
                hl,
            )
            .map_err(|e| fault(&e.to_string()))?;
        }
        // A mark reached with the keyboard is brought into view first (the card is then
        // placed on the screen as it is): nothing else would scroll to it, since the arrow
        // keys move between events rather than scroll the page.
        if let (true, Some(m)) = (announce, hl.mark.and_then(|i| scene.marks.get(i))) {
            self.bring_into_view(m)?;
        }
        let card = self.show_card()?;
        if announce {
            let text = card.as_ref().map(Card::announcement);
            self.dom.live.set_text_content(text.as_deref());
        }
        Ok(())
    }

    /// Shows the card of the state's mark, or hides it; returns the card shown.
    pub(super) fn show_card(&self) -> Result<Option<Card>, JsValue> {
        let (Some(d), Some(scene)) = (&self.data, &self.scene) else {
            return Ok(None);
        };
        let card = &self.dom.card;
        let Some(mark) = self.state.card().and_then(|i| scene.marks.get(i)) else {
            lift(card, false);
            self.lifted.set(None);
            self.card_shown.replace(None);
            card.set_hidden(true);
            self.dom.canvas.remove_attribute("aria-describedby")?;
            return Ok(None);
        };
        let i = self.state.card().unwrap_or(0);
        let zooms = self.state.zooms_into(i, scene);
        let content = words::mark_card(d.timeline(), &d.chronology, scene, i, zooms, &self.locale);
        let pinned = self.state.pinned.is_some();
        // The same card stays as it is: built again, a link in it that the reader is pressing
        // (the chart's focus leaving for it changes the state) would be gone before the click.
        let shown = (content.clone(), pinned);
        if self.card_shown.borrow().as_ref() != Some(&shown) {
            fill_card(&self.dom.doc, card, &content, pinned, &self.locale.words)?;
            self.card_shown.replace(Some(shown));
        }
        card.set_hidden(false);
        self.dom.canvas.set_attribute("aria-describedby", "card")?;
        // On a phone the card takes the full width under its row (in px, which stays the
        // chart's width when the card is lifted out of it, below).
        let width = if scene.vertical {
            px(scene.width)
        } else {
            String::new()
        };
        card.style().set_property("width", &width)?;
        let chart = &self.dom.chart;
        let r = chart.get_bounding_client_rect();
        let screen = screen_height(&r);
        // Measured at its natural height, then placed and, if the screen is short, cut to fit.
        card.style().remove_property("max-height")?;
        let (w, h) = (
            f64::from(card.offset_width()),
            f64::from(card.offset_height()),
        );
        let place = layout::place_card(scene, mark, w, h, (-r.top(), screen - r.top()));
        // A box of the host page that would cut the card off (an article column with
        // `overflow: hidden`) is escaped by lifting the card into the page's top layer, over
        // everything, where it is placed by the screen's coordinates instead of the chart's.
        let scale = super::scale(chart, &r);
        let cut = self
            .clip_box(&r, scale)
            .is_some_and(|clip| !place.inside(w, h, &clip));
        let lifted = lift(card, cut);
        self.lifted.set(lifted.then_some((place.at, mark.center)));
        if lifted {
            self.place_lifted(place.at, mark.center)?;
        } else {
            card.style().remove_property("visibility")?;
            card.style().set_property("left", &px(place.at.x))?;
            card.style().set_property("top", &px(place.at.y))?;
        }
        if let Some(h) = place.max_height {
            card.style().set_property("max-height", &px(h.floor()))?;
        }
        Ok(Some(content))
    }

    /// The part of the page that the boxes around the chart let show, as the element measures
    /// it (`notify("clip")`: the screen's box of every ancestor whose overflow is not visible,
    /// overlapped), in the chart's coordinates; `None` when no box cuts anything off.
    fn clip_box(&self, r: &web_sys::DomRect, (sx, sy): (f64, f64)) -> Option<layout::Rect> {
        let answer = self.notify.call1(&JsValue::NULL, &"clip".into()).ok()?;
        let b = js_sys::Float64Array::new(&answer).to_vec();
        let [left, top, right, bottom] = b[..] else {
            return None;
        };
        Some(layout::Rect {
            x0: (left - r.left()) / sx,
            y0: (top - r.top()) / sy,
            x1: (right - r.left()) / sx,
            y1: (bottom - r.top()) / sy,
        })
    }

    /// Scrolls the page, as little as it takes, until mark `m` (and a little room around it)
    /// is on the screen.
    fn bring_into_view(&self, m: &layout::Mark) -> Result<(), JsValue> {
        const ROOM: f64 = 24.0;
        let style = self.dom.spot.style();
        style.set_property("left", &px(m.hit.x0))?;
        style.set_property("top", &px(m.hit.y0 - ROOM))?;
        style.set_property("width", &px(m.hit.x1 - m.hit.x0))?;
        style.set_property("height", &px(m.hit.y1 - m.hit.y0 + 2.0 * ROOM))?;
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        self.dom
            .spot
            .scroll_into_view_with_scroll_into_view_options(&options);
        // The scroll is worked out as it is asked for; the box then goes, so that it cannot
        // stick out of a chart laid out again narrower (a phone turned) and widen the page.
        for p in ["width", "height", "left", "top"] {
            style.set_property(p, "0")?;
        }
        Ok(())
    }

    /// Puts the lifted card where the chart's point `at` is on the screen now; hides it while
    /// its mark, at `mark`, is off the screen or under something of the page's (a sticky
    /// header scrolled over the chart), which the card, over everything, would otherwise
    /// cover in turn.
    fn place_lifted(&self, at: layout::Point, mark: layout::Point) -> Result<(), JsValue> {
        let chart = &self.dom.chart;
        let r = chart.get_bounding_client_rect();
        let (sx, sy) = super::scale(chart, &r);
        let style = self.dom.card.style();
        style.set_property("left", &px(r.left() + at.x * sx))?;
        style.set_property("top", &px(r.top() + at.y * sy))?;
        let (x, y) = (r.left() + mark.x * sx, r.top() + mark.y * sy);
        // The page sees the widget's own elements as the element itself.
        let host: &web_sys::Node = self.dom.host.as_ref();
        let seen = self
            .dom
            .doc
            .element_from_point(x as f32, y as f32)
            .is_some_and(|e| host.contains(Some(e.as_ref())));
        style.set_property("visibility", if seen { "" } else { "hidden" })
    }

    /// Title, credit and the screen-reader table: everything that is text, set as text.
    /// With `rows`, the table's first page is written too; without, the element asks for it
    /// once the chart is on screen ([`super::Widget::write_table`]).
    pub(super) fn fill_text(&mut self, rows: bool) -> Result<(), JsValue> {
        let Some(data) = &self.data else {
            return Ok(());
        };
        let t = data.timeline();
        let d = &self.dom;
        let chosen = t.subjects.len() + data.hidden;
        d.more.set_hidden(data.hidden == 0);
        d.more
            .set_text_content(Some(&words::show_all(chosen, &self.locale.words)));
        d.title.set_text_content(Some(&t.title));
        d.subtitle.set_text_content(t.subtitle.as_deref());
        let w = &self.locale.words;
        d.hint_pointer
            .set_text_content(Some(w.get(Key::HintPointer)));
        d.hint_touch.set_text_content(Some(w.get(Key::HintTouch)));
        d.credit
            .set_text_content(Some(&words::credit(t, &self.locale)));
        d.figure.set_attribute("aria-label", &t.title)?;

        d.table.set_text_content(None);
        let doc = &d.doc;
        text_el(
            doc,
            "caption",
            "",
            &format!("{}: {}", t.title, data.description),
            &d.table,
        )?;
        let thead = el(doc, "thead", "", &d.table)?;
        let head = el(doc, "tr", "", &thead)?;
        for h in [
            Key::TableEvent,
            Key::TableWhen,
            Key::TablePublished,
            Key::TableRating,
            Key::TableFindings,
            Key::TableSources,
        ] {
            text_el(doc, "th", "", self.locale.words.get(h), &head)?
                .set_attribute("scope", "col")?;
        }
        self.table_start = 0;
        if rows {
            self.write_table()?;
        }
        Ok(())
    }

    /// Writes the events table's current page (every row while printing), and its pager.
    pub(super) fn write_table(&mut self) -> Result<(), JsValue> {
        let Some(d) = &self.data else {
            return Ok(());
        };
        let doc = &self.dom.doc;
        while let Some(b) = self.dom.table.query_selector("tbody")? {
            b.remove();
        }
        let t = d.timeline();
        let order = &d.chronology.order;
        let n = order.len();
        let from = if self.printing {
            0
        } else {
            self.table_start.min(n)
        };
        let to = if self.printing {
            n
        } else {
            (from + words::TABLE_PAGE).min(n)
        };
        // A section for each subject, headed by its name when the file lists subjects.
        let mut body = None;
        let mut subject = usize::MAX;
        for &i in &order[from..to] {
            let s = t.events[i].subject;
            if s != subject || body.is_none() {
                subject = s;
                let b = el(doc, "tbody", "", &self.dom.table)?;
                if t.has_subject_list() {
                    let row = el(doc, "tr", "", &b)?;
                    let th = text_el(doc, "th", "", &t.subjects[s].label, &row)?;
                    th.set_attribute("scope", "rowgroup")?;
                    th.set_attribute("colspan", "6")?;
                }
                body = Some(b);
            }
            let c = layout::card(t, &d.chronology, i, &self.locale);
            if let Some(b) = &body {
                table_row(doc, b, &c, &self.locale.words)?;
            }
        }
        let paged = !self.printing && n > words::TABLE_PAGE;
        self.dom.pages.set_hidden(!paged);
        if paged {
            self.dom
                .pages_text
                .set_text_content(Some(&words::table_page(from, to, n, &self.locale.words)));
            let off = |b: bool| if b { "true" } else { "false" };
            self.dom
                .pages_prev
                .set_attribute("aria-disabled", off(from == 0))?;
            self.dom
                .pages_next
                .set_attribute("aria-disabled", off(to == n))?;
        }
        Ok(())
    }
}

/// Lifts the card into the page's top layer (as a manual `popover`), or puts it back in the
/// chart; returns whether it is lifted, which it cannot be in a browser without popovers.
fn lift(card: &web_sys::HtmlElement, up: bool) -> bool {
    let open = card.has_attribute("popover");
    let lifted = up
        && (open
            || (card.set_attribute("popover", "manual").is_ok() && card.show_popover().is_ok()));
    if !lifted && open {
        let _ = card.hide_popover();
    }
    if !lifted {
        let _ = card.remove_attribute("popover");
    }
    let _ = card.class_list().toggle_with_force("lifted", lifted);
    lifted
}
