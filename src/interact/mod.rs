//! The interaction state machine: pointer and keyboard input in; which card to show, and
//! which window of time, out.
//!
//! It knows nothing of the DOM: the web layer turns events into [`Input`]s in CSS pixels and
//! applies the resulting state. Indices refer to [`Scene::marks`], which are in reading order.
//! When the window of time changes, the web layer lays the chart out again and calls
//! [`State::carry`], which finds the same events in the new scene.

use crate::layout::{Point, Scene};

mod keys;
mod zoom;

use crate::view::View;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct State {
    /// Mark under a hovering mouse or pen.
    pub hover: Option<usize>,
    /// Mark reached with the keyboard.
    pub focus: Option<usize>,
    /// Mark whose card stays open until dismissed (tap, click or Enter).
    pub pinned: Option<usize>,
    /// Whether the keyboard was used last, so the focus ring and its card show.
    pub keyboard: bool,
    /// Where a press on the chart began, to tell a tap from a scroll of the page or a drag.
    pub down: Option<Point>,
    /// The window of time shown when the reader has zoomed or panned; `None` shows it all.
    pub view: Option<View>,
    /// The window when a press began, which a drag pans from.
    pub drag: Option<View>,
    /// Whether that press began on the overview strip, where a drag moves the window itself
    /// (the other way from dragging the chart).
    pub scrub: bool,
    /// An event to focus once the chart is laid out for a new window: the keyboard moved
    /// past the edge of the window, or into a cluster.
    pub seek: Option<usize>,
    /// Where the keyboard is in reading order: the position of the event it reached last,
    /// which may be one inside a cluster.
    pub at: Option<usize>,
    /// The year the phone layout shows event by event, once the reader opened one.
    pub open: Option<i32>,
    /// When the event sought is to have its card pinned (a deep link) once it is drawn on its
    /// own, the middle day of its period, which the chart zooms closer to until it is.
    pub reveal: Option<f64>,
    /// Where the last tap zoomed into a cluster, so that the double click or double tap it was
    /// part of does not zoom again; forgotten once the pointer moves or taps elsewhere.
    pub tap_zoomed: Option<Point>,
}

/// How far a pointer may travel between press and release and still count as a tap; a finger
/// that travels further was scrolling the page, a mouse that travels further was dragging.
pub const TAP_SLOP: f64 = 12.0;

/// How much closer one step of the zoom buttons, keys or a double click brings the chart.
pub const ZOOM_STEP: f64 = 2.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// A mouse or pen moved over the chart: hovers, or pans while pressed.
    PointerMove(Point),
    /// The pointer left the chart.
    PointerLeave,
    /// A tap or click at a point: pins the card of the mark there, or closes the pinned card.
    Tap(Point),
    /// A press on the chart (mouse button, pen or finger) began here.
    PointerDown(Point),
    /// The press ended here: a tap if it did not travel, else nothing.
    PointerUp(Point),
    /// The browser took the press over (to scroll or zoom the page).
    PointerCancel,
    /// A press began somewhere on the page outside the widget: closes a pinned card.
    OutsideDown,
    /// Zoom by `factor` (above 1 is closer) around the time under `at`: a pinch.
    Zoom {
        at: Point,
        factor: f64,
    },
    /// Ctrl or ⌘ with the wheel (or a trackpad's pinch) at `at`, `delta` pixels down: zooms out
    /// for a scroll down, in for a scroll up, by the same ratio for the same distance.
    Wheel {
        at: Point,
        delta: f64,
    },
    /// A double click or double tap at `at`: one step closer, unless its first click already
    /// zoomed into a cluster.
    DoubleTap(Point),
    /// Show this window of time (the element's `zoomTo`), or all of it.
    Show(Option<View>),
    /// Pin the card of `event`, whose period's middle is `day`, zooming (or, on a phone,
    /// opening its year) until it is drawn on its own: a deep link.
    Reveal {
        event: usize,
        day: Option<f64>,
    },
    Key(Key),
    /// The widget lost keyboard focus.
    Blur,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// → : the next event of the subject.
    Next,
    /// ← : the one before.
    Previous,
    /// ↑ and ↓: the nearest event in time of the subject above or below; with one subject,
    /// the event before or after.
    Up,
    Down,
    First,
    Last,
    /// Enter or Space: pin or unpin the focused card; on a cluster that zooming separates,
    /// zoom into it (on a closed year of the phone layout, open it).
    Activate,
    Escape,
    /// `+`, `-` and `0`, and the zoom buttons: closer, further, everything.
    ZoomIn,
    ZoomOut,
    Reset,
}

impl Key {
    /// The key a `keydown` names, unless a modifier is held: Ctrl+← and the like belong to the
    /// browser and the reader's assistive technology.
    pub fn from_keydown(key: &str, modified: bool) -> Option<Key> {
        if modified {
            None
        } else {
            Key::from_dom(key)
        }
    }

    /// The key a `KeyboardEvent.key` names, if the widget handles it.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowRight" => Key::Next,
            "ArrowLeft" => Key::Previous,
            "ArrowDown" => Key::Down,
            "ArrowUp" => Key::Up,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => Key::Activate,
            "Escape" | "Esc" => Key::Escape,
            "+" | "=" => Key::ZoomIn,
            "-" | "_" => Key::ZoomOut,
            "0" => Key::Reset,
            _ => return None,
        })
    }
}

impl State {
    /// The mark whose card is showing: a pinned card wins, then the hovered mark, then the
    /// keyboard's.
    pub fn card(&self) -> Option<usize> {
        self.pinned
            .or(self.hover)
            .or(if self.keyboard { self.focus } else { None })
    }

    /// Whether the widget handles `key` now, so the page must not: Escape only while a card
    /// shows, so that it still closes the page's own dialogs otherwise.
    pub fn takes(&self, key: Key) -> bool {
        key != Key::Escape || self.card().is_some()
    }

    /// The mark drawn highlighted, with a focus ring when the keyboard put it there.
    pub fn highlight(&self) -> Option<usize> {
        self.card()
    }

    /// The state after `input`. Marks that no longer exist (after new data) are forgotten.
    pub fn step(self, input: Input, scene: &Scene) -> State {
        let n = scene.marks.len();
        let mut s = self.clamp(n);
        match input {
            Input::PointerMove(p) => {
                if let (Some(from), Some(start)) = (s.down, s.drag) {
                    if (from.x - p.x).hypot(from.y - p.y) >= TAP_SLOP || s.scrub {
                        s.drag(start, from, p, scene);
                        return s;
                    }
                }
                if s.tap_zoomed
                    .is_some_and(|t| (t.x - p.x).hypot(t.y - p.y) >= TAP_SLOP)
                {
                    s.tap_zoomed = None;
                }
                s.hover = scene.hit_test(p);
                s.keyboard = s.keyboard && s.hover.is_none();
            }
            // A finger's release is followed by a leave, before the browser's double-tap event:
            // the tap that zoomed is still remembered.
            Input::PointerLeave => s.hover = None,
            Input::Tap(p) => s.tap(p, scene),
            Input::PointerDown(p) => {
                s.down = Some(p);
                s.drag = scene.time.as_ref().map(|t| t.shown);
                s.scrub = scene
                    .overview
                    .as_ref()
                    .is_some_and(|o| o.rect.distance(p) == 0.0);
            }
            Input::PointerUp(p) => {
                let from = s.down.take();
                s.drag = None;
                s.scrub = false;
                if from.is_some_and(|d| (d.x - p.x).hypot(d.y - p.y) < TAP_SLOP) {
                    s.tap(p, scene);
                }
            }
            Input::PointerCancel => {
                s.down = None;
                s.drag = None;
                s.scrub = false;
            }
            Input::OutsideDown => {
                if s.pinned.is_some() {
                    s.pinned = None;
                    s.hover = None;
                }
                // A press elsewhere on the page takes the focus from the chart, as a blur
                // would: one a deep link gave without the chart having the page's focus too.
                s.keyboard = false;
            }
            Input::Zoom { at, factor } => s.zoom_at(at, factor, scene),
            Input::Wheel { at, delta } => {
                let d = delta * 0.0025;
                let factor = if d < 0.0 { 1.0 - d } else { 1.0 / (1.0 + d) };
                s.zoom_at(at, factor, scene);
            }
            Input::DoubleTap(at) => {
                if s.tap_zoomed.take().is_none() {
                    s.zoom_at(at, ZOOM_STEP, scene);
                }
            }
            Input::Show(view) => s.show(view, scene),
            Input::Reveal { event, day } => s.reveal(event, day, scene),
            Input::Key(k) => {
                s.tap_zoomed = None;
                s.key(k, scene);
            }
            Input::Blur => {
                s.keyboard = false;
            }
        }
        s
    }

    /// The state for `new`, the scene laid out again (for a new window of time or width):
    /// the focused and pinned marks are those that now draw the same events, and the event
    /// sought, if any, takes the focus.
    pub fn carry(self, old: &Scene, new: &Scene) -> State {
        let same = |i: Option<usize>| {
            i.and_then(|i| old.marks.get(i))
                .and_then(|m| new.mark_of_event(m.event))
        };
        let focus = match self.seek {
            Some(e) => new.mark_of_event(e),
            None => same(self.focus),
        };
        // The keyboard goes on from the event sought, even inside a cluster.
        let at = self.seek.and_then(|e| new.order_of(e)).or(self.at);
        let s = State {
            hover: None,
            focus,
            at,
            pinned: same(self.pinned),
            seek: None,
            reveal: None,
            ..self
        };
        match (self.reveal, self.seek) {
            // Still inside a cluster: closer again, until it stands alone (or the zoom can
            // go no closer, when its cluster's card is pinned).
            (Some(day), Some(e)) => {
                let mut s = s;
                s.reveal(e, Some(day), new);
                s
            }
            _ => s,
        }
    }

    /// Pins the card of the mark at `p`, or closes the pinned card; a click on a cluster whose
    /// card shows zooms into it, when zooming separates it.
    fn tap(&mut self, p: Point, scene: &Scene) {
        // A tap away from the one that zoomed starts afresh: its double tap is its own.
        if self
            .tap_zoomed
            .is_some_and(|t| (t.x - p.x).hypot(t.y - p.y) >= TAP_SLOP)
        {
            self.tap_zoomed = None;
        }
        if let (Some(o), Some(t)) = (&scene.overview, &scene.time) {
            if o.rect.distance(p) == 0.0 {
                // A tap on the overview brings that part of the history into view.
                let view = t.shown.centred_on(o.scale.invert(p.x), t.full);
                return self.show(Some(view), scene);
            }
        }
        let hit = scene.hit_test(p);
        if let Some(h) = hit {
            // A cluster whose card shows zooms in; a closed year of the phone layout, a row
            // that says how many events it holds, opens at once.
            let shown = self.pinned == Some(h) || self.hover == Some(h) || scene.time.is_none();
            if shown && self.zoom_into(h, scene) {
                self.keyboard = false;
                self.tap_zoomed = Some(p);
                return;
            }
        }
        self.pinned = if hit == self.pinned { None } else { hit };
        // The pinned card now speaks for the pointer.
        self.hover = None;
        if let Some(h) = hit {
            self.focus = hit;
            self.at = Some(scene.marks[h].order);
        }
        self.keyboard = false;
    }

    fn clamp(self, n: usize) -> State {
        let ok = |i: Option<usize>| i.filter(|&i| i < n);
        State {
            hover: ok(self.hover),
            focus: ok(self.focus),
            pinned: ok(self.pinned),
            ..self
        }
    }
}
