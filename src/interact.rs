//! The interaction state machine: pointer and keyboard input in, which card to show out.
//!
//! It knows nothing of the DOM: the web layer turns events into [`Input`]s in CSS pixels and
//! applies the resulting state. Indices refer to [`Scene::marks`], which are in reading order.

use crate::layout::{Point, Scene};

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
    /// Where a press on the chart began, to tell a tap from a scroll of the page.
    pub down: Option<Point>,
}

/// How far a pointer may travel between press and release and still count as a tap; a finger
/// that travels further was scrolling the page.
pub const TAP_SLOP: f64 = 12.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// A mouse or pen moved over the chart.
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
    Key(Key),
    /// The widget lost keyboard focus.
    Blur,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    /// Enter or Space: pin or unpin the focused card.
    Activate,
    Escape,
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
            "ArrowRight" | "ArrowDown" => Key::Next,
            "ArrowLeft" | "ArrowUp" => Key::Previous,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => Key::Activate,
            "Escape" | "Esc" => Key::Escape,
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
                s.hover = scene.hit_test(p);
                s.keyboard = s.keyboard && s.hover.is_none();
            }
            Input::PointerLeave => s.hover = None,
            Input::Tap(p) => s.tap(p, scene),
            Input::PointerDown(p) => s.down = Some(p),
            Input::PointerUp(p) => {
                let from = s.down.take();
                if from.is_some_and(|d| (d.x - p.x).hypot(d.y - p.y) < TAP_SLOP) {
                    s.tap(p, scene);
                }
            }
            Input::PointerCancel => s.down = None,
            Input::OutsideDown => {
                if s.pinned.is_some() {
                    s.pinned = None;
                    s.hover = None;
                }
            }
            Input::Key(k) if n > 0 => {
                let cur = s.focus.or(s.pinned).or(s.hover);
                let next = match k {
                    Key::Next => Some(cur.map_or(0, |i| (i + 1).min(n - 1))),
                    Key::Previous => Some(cur.map_or(0, |i| i.saturating_sub(1))),
                    Key::First => Some(0),
                    Key::Last => Some(n - 1),
                    Key::Activate => {
                        let target = cur.unwrap_or(0);
                        s.pinned = if s.pinned == Some(target) {
                            None
                        } else {
                            Some(target)
                        };
                        Some(target)
                    }
                    Key::Escape => {
                        s.pinned = None;
                        s.keyboard = false;
                        s.hover = None;
                        return s;
                    }
                };
                if matches!(k, Key::Next | Key::Previous | Key::First | Key::Last) {
                    // Moving on closes a pinned card so the new one shows.
                    s.pinned = None;
                    s.hover = None;
                }
                s.focus = next;
                s.keyboard = true;
            }
            Input::Key(_) => {}
            Input::Blur => {
                s.keyboard = false;
            }
        }
        s
    }

    /// Pins the card of the mark at `p`, or closes the pinned card.
    fn tap(&mut self, p: Point, scene: &Scene) {
        let hit = scene.hit_test(p);
        self.pinned = if hit == self.pinned { None } else { hit };
        // The pinned card now speaks for the pointer.
        self.hover = None;
        if hit.is_some() {
            self.focus = hit;
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
