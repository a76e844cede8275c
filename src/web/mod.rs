//! The browser shell: builds the widget's DOM inside a shadow root, turns pointer and keyboard
//! events into [`interact::Input`]s, and paints the scene on the canvas with plotters' canvas
//! backend. What a reader's input means is decided by the pure core; this module translates
//! DOM events (pixels, buttons, fingers) into inputs, and paints and writes what results.
//!
//! Listeners are kept in the handle and removed by [`Widget::destroy`], so a widget can be
//! unmounted without leaking closures.

use crate::color::Rgb;
use crate::date::Locale;
use crate::interact::{Input, Key, State};
use crate::layout::{words, Point, Scene};
use crate::model;
use crate::strings::{Plural, PluralRule, Strings};
use crate::theme::{Palette, Theme};
use crate::view;
use std::cell::RefCell;
use std::rc::Rc;
mod data;
mod dom;
mod input;
mod paint;
mod preferences;

use data::Data;

use dom::Dom;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, MouseEvent, Node};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(s: &str);
    /// Reports a failure with the error itself, which the console shows in full (formatting
    /// it in Rust would cost the reader's download a JavaScript value printer).
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_fault(s: &str, e: &JsValue);
}

/// Panics should never happen on user data; if one does, its message reaches the console
/// instead of an anonymous "unreachable" trap. The size-optimised build aborts at once on a
/// panic, with no message to report, so it leaves this out.
#[cfg(not(panic = "immediate-abort"))]
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("inspection-timeline: {info}"))
    }));
}

struct Inner {
    dom: Dom,
    data: Option<Data>,
    scene: Option<Scene>,
    state: State,
    width: f64,
    dpr: f64,
    /// The part of the chart the canvas holds, `(top, bottom)` in CSS px: all of it but for a
    /// tall chart ([`layout::window`]).
    window: (f64, f64),
    /// The host page's font-family: read when the page may have changed it (new data, a new
    /// width, theme or language), not on every zoom step, where reading it would make the
    /// browser work out the page's styles again.
    font: String,
    /// How much wider that font sets text than the layout's estimate (1 or more).
    text_width: f64,
    /// Colours from the page's CSS custom properties, and as resolved for the data.
    theme: Theme,
    palette: Palette,
    /// Month names and date order for the page's language.
    locale: Locale,
    /// The first row (in reading order) of the events table's page.
    table_start: usize,
    /// Printing: the events table holds every row.
    printing: bool,
    /// Tells the element what changed, as `notify("view", start, end)` with the window's
    /// first and last day ("2022-01-01") after each zoom or pan (nulls in the phone layout,
    /// which has no time axis), and `notify("pin", id)` when a card is pinned (or `null` when
    /// it is closed), for deep links. `notify("clip")` asks it for the box of the page that
    /// the chart's overflow shows in (a [`js_sys::Float64Array`] of left, top, right and
    /// bottom on the screen; empty when nothing cuts it off).
    notify: js_sys::Function,
    /// Fingers on the chart, by pointer id, for a two-finger pinch.
    touches: Vec<(i32, Point)>,
    /// The scale of Safari's pinch gesture at its last step, and whether one is under way.
    gesture_scale: f64,
    gesturing: bool,
    /// Inputs that came before the first layout of the current data (a deep link, `zoomTo`),
    /// applied in order after it.
    pending: Vec<(Input, bool)>,
    /// The subjects the page chose (`subjects="a,b"`); `None` for all.
    subjects: Option<Vec<String>>,
    /// The reader asked to see every chosen subject, not only the first few.
    all_subjects: bool,
    /// Where the card and its mark are, in the chart, while the card is lifted out of it into
    /// the page's top layer (a box of the host page would cut it off): it follows the chart
    /// as the page scrolls.
    lifted: std::cell::Cell<Option<(Point, Point)>>,
    /// The card on show and whether it is pinned, as its elements were built.
    card_shown: RefCell<Option<(words::Card, bool)>>,
}

type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(Event)>,
);

/// The element's default colours as CSS custom properties (light, dark, dark on
/// `theme="auto"`, and the system's in high-contrast mode), from the one place they are
/// written: [`crate::theme`].
#[wasm_bindgen]
pub fn theme_css() -> String {
    crate::theme::stylesheet() + &crate::theme::forced_colours()
}

/// One widget on the page. Created by the `<inspection-timeline>` element.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
    listeners: Vec<Listener>,
}

#[wasm_bindgen]
impl Widget {
    /// Builds the widget inside `parent` (a container in the element's shadow root); `host` is
    /// the element, whose font the chart uses.
    /// `notify(what, …)` is called when the window of time or the pinned card changes.
    #[wasm_bindgen(constructor)]
    pub fn new(
        parent: &Node,
        host: HtmlElement,
        notify: js_sys::Function,
    ) -> Result<Widget, JsValue> {
        let dom = Dom::build(parent, host)?;
        let inner = Rc::new(RefCell::new(Inner {
            dom,
            data: None,
            scene: None,
            state: State::default(),
            width: 0.0,
            dpr: 1.0,
            window: (0.0, 0.0),
            font: "sans-serif".into(),
            text_width: 1.0,
            palette: Palette::new(&Theme::LIGHT, &[]),
            theme: Theme::LIGHT,
            locale: Locale::en_gb(),
            table_start: 0,
            printing: false,
            notify,
            touches: Vec::new(),
            gesture_scale: 1.0,
            gesturing: false,
            pending: Vec::new(),
            subjects: None,
            all_subjects: false,
            lifted: std::cell::Cell::new(None),
            card_shown: RefCell::new(None),
        }));
        let mut w = Widget {
            inner,
            listeners: Vec::new(),
        };
        w.listen()?;
        Ok(w)
    }

    /// Validates and draws a data file. Returns `{ok: true, events, problems, warnings}` when
    /// drawn, `problems` naming the chosen subjects the file does not have and `warnings` what
    /// looks wrong though allowed (the first hundred); or `{ok: false,
    /// problems: [{path, message, line, column}], more, moreText}` (the first hundred
    /// problems, how many more there are and "and N more problems"), and then the last good
    /// chart stays.
    pub fn set_data(&self, json: &str) -> Result<JsValue, JsValue> {
        let mut inner = self.inner.borrow_mut();
        // Today, for the warning about events dated after it.
        let today = crate::date::day_of(js_sys::Date::now() / 1000.0);
        match crate::validate::parse_with_warnings_on(json, Some(today)) {
            Ok(checked) => {
                inner.palette = Palette::new(&inner.theme, &checked.timeline.grades);
                let warnings = checked.warnings;
                let (data, problems) = Data::new(
                    checked.timeline,
                    Some(checked.chronology),
                    inner.subjects.as_deref(),
                    inner.all_subjects,
                    &inner.locale,
                );
                // The events drawn: those of the subjects shown, when a file has more.
                let n = data.timeline().events.len();
                inner.data = Some(data);
                // A new data set starts whole, with nothing of the old one's state (inputs kept
                // for the old data would point at its events).
                let zoomed = inner.state.view.is_some();
                inner.state = State::default();
                inner.scene = None;
                inner.pending.clear();
                inner.read_font();
                inner.relayout()?;
                inner.show(false)?;
                if zoomed {
                    inner.notify_view();
                }
                // The events table's rows wait until the chart is on screen.
                inner.fill_text(false)?;
                inner.set_message(None);
                let out = js_sys::Object::new();
                js_sys::Reflect::set(&out, &"ok".into(), &true.into())?;
                js_sys::Reflect::set(&out, &"events".into(), &(n as u32).into())?;
                js_sys::Reflect::set(&out, &"problems".into(), &problems_to_js(&problems)?)?;
                let shown = &warnings[..warnings.len().min(model::SHOWN_PROBLEMS)];
                js_sys::Reflect::set(&out, &"warnings".into(), &problems_to_js(shown)?)?;
                let more = (warnings.len() - shown.len()) as u32;
                js_sys::Reflect::set(&out, &"moreWarnings".into(), &more.into())?;
                if let Some(text) = model::more_warnings(warnings.len()) {
                    js_sys::Reflect::set(&out, &"moreWarningsText".into(), &text.into())?;
                }
                Ok(out.into())
            }
            Err(problems) => {
                let notice = words::notice(inner.data.is_some(), &inner.locale.words).to_string();
                inner.set_message(Some(&notice));
                let out = js_sys::Object::new();
                js_sys::Reflect::set(&out, &"ok".into(), &false.into())?;
                // The first hundred in full, and how many more: a file with a hundred thousand
                // problems is not copied into JavaScript objects one by one.
                let shown = &problems[..problems.len().min(model::SHOWN_PROBLEMS)];
                js_sys::Reflect::set(&out, &"problems".into(), &problems_to_js(shown)?)?;
                let more = (problems.len() - shown.len()) as u32;
                js_sys::Reflect::set(&out, &"more".into(), &more.into())?;
                if let Some(text) = model::more_problems(problems.len()) {
                    js_sys::Reflect::set(&out, &"moreText".into(), &text.into())?;
                }
                Ok(out.into())
            }
        }
    }

    /// Shows only the subjects with these ids, in this order (every subject for `null`), and
    /// returns the ids the data does not have as problems `[{path, message, line, column}]`;
    /// the known ones are drawn.
    pub fn set_subjects(&self, ids: Option<Vec<String>>) -> Result<JsValue, JsValue> {
        let mut inner = self.inner.borrow_mut();
        if ids == inner.subjects {
            return Ok(js_sys::Array::new().into());
        }
        inner.subjects = ids;
        inner.all_subjects = false;
        let problems = inner.choose()?;
        problems_to_js(&problems)
    }

    /// The ids of the current data's grades, for reading `--it-grade-<id>`.
    pub fn grade_ids(&self) -> Vec<String> {
        let inner = self.inner.borrow();
        inner
            .data
            .as_ref()
            .map(|d| d.file.grades.iter().map(|g| g.id.clone()).collect())
            .unwrap_or_default()
    }

    /// Says that new data could not be fetched: readers see the notice for whether a chart is
    /// showing, and the chart, if any, stays.
    pub fn fetch_failed(&self) {
        let inner = self.inner.borrow();
        let notice = words::notice(inner.data.is_some(), &inner.locale.words).to_string();
        inner.set_message(Some(&notice));
    }

    /// Writes the events table's current page: the element calls it once the first chart of
    /// new data is on screen, so that the rows' layout does not delay it.
    pub fn write_table(&self) -> Result<(), JsValue> {
        self.inner.borrow_mut().write_table()
    }

    /// Writes every row of the events table for printing (`true`), or back to its page; the
    /// chart is laid out again without the zoom buttons' row, which paper has no use for.
    pub fn print_table(&self, printing: bool) -> Result<(), JsValue> {
        let mut inner = self.inner.borrow_mut();
        if inner.printing == printing {
            return Ok(());
        }
        inner.printing = printing;
        inner.relayout()?;
        inner.write_table()
    }

    /// The window of time shown, as `[start, end]` calendar dates, or `undefined` in the phone
    /// layout, which has no time axis.
    pub fn view(&self) -> Option<Vec<String>> {
        let inner = self.inner.borrow();
        let t = inner.scene.as_ref()?.time.as_ref()?;
        Some(vec![view::iso(t.shown.start), view::iso(t.shown.end - 1.0)])
    }

    /// Shows the window from the start of `from` to the end of `to`, dates in the data's own
    /// form ("2022", "2023-02"). An error names a date that is not one.
    pub fn zoom_to(&self, from: &str, to: &str) -> Result<(), JsValue> {
        let v = view::between(from, to).map_err(|e| fault(&e))?;
        self.inner.borrow_mut().apply(Input::Show(Some(v)), false);
        Ok(())
    }

    /// Pins the card of the event with id `id`, zooming in (or opening its year on a phone)
    /// until it is drawn on its own, and announces it: for deep links. Returns whether the
    /// chosen subjects have such an event; one of a subject waiting for "Show all" shows all.
    pub fn reveal(&self, id: &str) -> bool {
        let mut inner = self.inner.borrow_mut();
        let waiting = inner.data.as_ref().is_some_and(|d| {
            d.hidden > 0
                && !d.timeline().events.iter().any(|e| e.id == id)
                && d.file.events.iter().any(|e| e.id == id)
        });
        if waiting && inner.show_all_subjects().is_err() {
            return false;
        }
        let found = inner.data.as_ref().and_then(|d| {
            let event = d.timeline().events.iter().position(|e| e.id == id)?;
            Some((event, d.chronology.middle[event]))
        });
        let Some((event, day)) = found else {
            return false;
        };
        inner.apply(Input::Reveal { event, day }, true);
        true
    }

    /// Shows the whole timeline again.
    pub fn reset_zoom(&self) {
        self.inner.borrow_mut().apply(Input::Show(None), false);
    }

    /// Redraws for a new width (CSS px) or device pixel ratio.
    pub fn resize(&self, width: f64, dpr: f64) -> Result<(), JsValue> {
        let mut inner = self.inner.borrow_mut();
        let width = width.floor();
        // A width the page cannot have (an endless or negative one) is not laid out.
        if !(width.is_finite() && width >= 0.0) || (width == inner.width && dpr == inner.dpr) {
            return Ok(());
        }
        inner.width = width;
        inner.dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr
        } else {
            1.0
        };
        inner.read_font();
        let had_axis = inner.scene.as_ref().map(|s| s.time.is_some());
        inner.relayout()?;
        // Across the phone layout's edge the window appears or goes: the page hears of it.
        let has_axis = inner.scene.as_ref().map(|s| s.time.is_some());
        if had_axis.is_some() && had_axis != has_axis && inner.state.view.is_some() {
            inner.notify_view();
        }
        inner.show(false)
    }

    /// Removes every listener; the DOM inside the shadow root is removed too.
    pub fn destroy(&mut self) {
        for (target, name, f) in self.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback_and_bool(
                name,
                f.as_ref().unchecked_ref(),
                name == "scroll",
            );
        }
        self.inner.borrow().dom.figure.remove();
    }
}

/// How much a host page scales the chart (`transform: scale()`, `zoom`) across and down: its
/// size on the screen, `r`, over the size it is laid out at.
fn scale(chart: &web_sys::HtmlElement, r: &web_sys::DomRect) -> (f64, f64) {
    let ratio = |shown: f64, laid_out: i32| {
        if laid_out > 0 && shown > 0.0 {
            shown / f64::from(laid_out)
        } else {
            1.0
        }
    };
    (
        ratio(r.width(), chart.offset_width()),
        ratio(r.height(), chart.offset_height()),
    )
}

impl Inner {
    /// Where the pointer of `e` is on the chart, in its CSS px.
    /// A host page may scale the chart (`transform: scale()`, `zoom`): the pointer's offset on
    /// the screen is then divided by that scale to find the chart's own px.
    fn local(&self, e: &MouseEvent) -> Point {
        self.local_at(f64::from(e.client_x()), f64::from(e.client_y()))
    }

    /// The chart's point at `(x, y)` on the screen.
    fn local_at(&self, x: f64, y: f64) -> Point {
        let chart = &self.dom.chart;
        let r = chart.get_bounding_client_rect();
        let (sx, sy) = scale(chart, &r);
        Point {
            x: (x - r.left()) / sx,
            y: (y - r.top()) / sy,
        }
    }

    fn apply(&mut self, input: Input, announce: bool) {
        let Some(scene) = &self.scene else {
            // Before the first layout (no width yet): kept for when there is a chart.
            self.pending.push((input, announce));
            return;
        };
        let next = self.state.step(input, scene);
        if next == self.state {
            return;
        }
        let prev_view = self.state.view;
        let view_changed = next.view != prev_view || next.open != self.state.open;
        let card_changed = next.card() != self.state.card();
        let pinned_before = self.pinned_event();
        self.state = next;
        let done = if view_changed {
            // A new window of time (or an opened year) is a new layout; the state finds its
            // events in it, and may ask for another when it zooms on towards an event.
            let before = self.card_event();
            let mut r = Ok(());
            for _ in 0..12 {
                let asked = (self.state.view, self.state.open);
                r = self.lay_out();
                if r.is_err() || (self.state.view, self.state.open) == asked {
                    break;
                }
            }
            // Drawn once, for the last layout.
            let r = r.and_then(|_| self.draw());
            // After the layouts, which may have moved it on towards an event sought.
            if self.state.view != prev_view {
                self.notify_view();
            }
            // Marks are numbered afresh in each layout: what matters is the event shown.
            let after = self.card_event();
            let shown = r.and_then(|_| self.show(announce && (card_changed || before != after)));
            // The zoom keys and buttons are heard: which window now shows (after the card,
            // whose showing may have cleared the live region).
            if let (Input::Key(Key::ZoomIn | Key::ZoomOut | Key::Reset), Some(t)) =
                (input, self.scene.as_ref().and_then(|s| s.time.as_ref()))
            {
                let said = words::window_announcement(&t.shown, &t.full, &self.locale);
                self.dom.live.set_text_content(Some(&said));
            }
            shown
        } else {
            self.show(announce && card_changed)
        };
        let pinned = self.pinned_event();
        if pinned != pinned_before {
            let id = pinned.map_or(JsValue::NULL, |id| JsValue::from_str(&id));
            let _ = self
                .notify
                .call2(&JsValue::NULL, &JsValue::from_str("pin"), &id);
        }
        if let Err(e) = done {
            console_error(&format!(
                "inspection-timeline: {}",
                e.as_string().unwrap_or_default()
            ));
        }
    }

    /// Moves finger `id` to `p`; with two fingers down, zooms by how far they spread.
    fn pinch(&mut self, id: i32, p: Point) {
        let Some(k) = self.touches.iter().position(|t| t.0 == id) else {
            return;
        };
        if self.touches.len() != 2 {
            self.touches[k].1 = p;
            return;
        }
        let other = self.touches[1 - k].1;
        let before = self.touches[k].1;
        self.touches[k].1 = p;
        let (d0, d1) = (
            (before.x - other.x).hypot(before.y - other.y),
            (p.x - other.x).hypot(p.y - other.y),
        );
        if d0 > 1.0 && d1 > 1.0 {
            let at = Point {
                x: (p.x + other.x) / 2.0,
                y: (p.y + other.y) / 2.0,
            };
            self.apply(
                Input::Zoom {
                    at,
                    factor: d1 / d0,
                },
                false,
            );
        }
    }

    /// The event (for a cluster, its first) whose card shows.
    fn card_event(&self) -> Option<usize> {
        let scene = self.scene.as_ref()?;
        scene.marks.get(self.state.card()?).map(|m| m.event)
    }

    /// The id of the event whose card is pinned, when it is one event (not a cluster).
    fn pinned_event(&self) -> Option<String> {
        let (d, scene) = (self.data.as_ref()?, self.scene.as_ref()?);
        let m = scene.marks.get(self.state.pinned?)?;
        m.cluster
            .is_none()
            .then(|| d.timeline().events[m.event].id.clone())
    }

    /// Tells the element the window of time shown, for its `viewchange` event.
    fn notify_view(&self) {
        let window = self.scene.as_ref().and_then(|s| s.time.as_ref());
        let (a, b) = match window {
            Some(t) => (
                JsValue::from_str(&view::iso(t.shown.start)),
                JsValue::from_str(&view::iso(t.shown.end - 1.0)),
            ),
            None => (JsValue::NULL, JsValue::NULL),
        };
        let _ = self
            .notify
            .call3(&JsValue::NULL, &JsValue::from_str("view"), &a, &b);
    }

    fn set_message(&self, text: Option<&str>) {
        let m = &self.dom.message;
        m.set_text_content(text);
        let _ = m.class_list().toggle_with_force("shown", text.is_some());
    }

    /// Reads the host page's font family, and how much wider it sets text than the layout's
    /// estimate allows for (a wide font such as Verdana, say), measured on the canvas.
    fn read_font(&mut self) {
        self.font = web_sys::window()
            .and_then(|w| w.get_computed_style(&self.dom.host).ok().flatten())
            .and_then(|s| s.get_property_value("font-family").ok())
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| "sans-serif".into());
        use crate::text::{font_widening, SAMPLE_PX, WIDTH_SAMPLE};
        let measured = self
            .dom
            .overlay
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            .and_then(|ctx| {
                ctx.set_font(&format!("bold {SAMPLE_PX}px {}", self.font));
                ctx.measure_text(WIDTH_SAMPLE).ok()
            })
            .map_or(0.0, |m| m.width());
        self.text_width = font_widening(measured);
    }
}

/// Problems as JavaScript objects `{path, message, line, column}`. Written by hand for the
/// reader's build, where serde-wasm-bindgen (which the editor's build uses) would cost every
/// reader about 2 KB of gzip for this one use.
fn problems_to_js(problems: &[model::Problem]) -> Result<JsValue, JsValue> {
    let list = js_sys::Array::new();
    for p in problems {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"path".into(), &p.path.as_str().into())?;
        js_sys::Reflect::set(&o, &"message".into(), &p.message.as_str().into())?;
        js_sys::Reflect::set(&o, &"line".into(), &p.line.into())?;
        js_sys::Reflect::set(&o, &"column".into(), &p.column.into())?;
        list.push(&o);
    }
    Ok(list.into())
}

/// An error for JavaScript, as an `Error` with our message.
fn fault(message: &str) -> JsValue {
    JsError::new(message).into()
}

#[cfg(feature = "editor")]
mod editor;
#[cfg(feature = "editor")]
mod sheet_reader;
