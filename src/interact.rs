//! The interaction state machine: pointer and keyboard input in, which card to show out.
//!
//! It knows nothing of the DOM: the web layer turns events into [`Input`]s in CSS pixels and
//! applies the resulting state. Indices refer to [`Scene::marks`], which are in reading order.

use crate::layout::{Point, Scene};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Mark under a hovering mouse or pen.
    pub hover: Option<usize>,
    /// Mark reached with the keyboard.
    pub focus: Option<usize>,
    /// Mark whose card stays open until dismissed (tap, click or Enter).
    pub pinned: Option<usize>,
    /// Whether the keyboard was used last, so the focus ring and its card show.
    pub keyboard: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// A mouse or pen moved over the chart.
    PointerMove(Point),
    /// The pointer left the chart.
    PointerLeave,
    /// A tap or click at a point: pins the card of the mark there, or closes the pinned card.
    Tap(Point),
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
            Input::Tap(p) => {
                let hit = scene.hit_test(p);
                s.pinned = if hit == s.pinned { None } else { hit };
                // The pinned card now speaks for the pointer.
                s.hover = None;
                if hit.is_some() {
                    s.focus = hit;
                }
                s.keyboard = false;
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

    fn clamp(self, n: usize) -> State {
        let ok = |i: Option<usize>| i.filter(|&i| i < n);
        State {
            hover: ok(self.hover),
            focus: ok(self.focus),
            pinned: ok(self.pinned),
            keyboard: self.keyboard,
        }
    }
}
