//! The widget's listeners: one closure per event name, all handled by [`handle`], which turns
//! DOM events (pixels, buttons, fingers, keys) into the state machine's inputs.

use super::{console_fault, Inner, Widget};
use crate::interact::{Input, Key};
use crate::layout::words;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, KeyboardEvent, MouseEvent, Node, PointerEvent, WheelEvent};

/// What a listener turns its event into. One function handles them all ([`handle`]), so every
/// reader downloads one listener closure rather than one per event.
#[derive(Clone, Copy)]
pub(super) enum On {
    Move,
    Leave,
    Down,
    Cancel,
    Up,
    Wheel,
    DoubleClick,
    KeyDown,
    Blur,
    /// A press anywhere on the page, to tell one outside the widget.
    PageDown,
    /// A zoom button, as the key it stands for.
    Button(Key),
    /// The events table's pager, forward or back.
    Page(bool),
    /// "Show all" the subjects.
    ShowAll,
    /// The page scrolled: a tall chart may need another part of it drawn.
    Scroll,
    /// Safari's trackpad pinch, which it sends as gestures rather than as Ctrl and the wheel:
    /// its start, a change, or its end.
    Gesture(Phase),
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Phase {
    Start,
    Change,
    End,
}

impl Widget {
    /// Adds a listener for `name` events on `target`, which [`handle`]s them as `on` says; the
    /// closure is kept so [`Widget::destroy`] can remove it.
    fn add_event_listener(
        &mut self,
        target: &web_sys::EventTarget,
        name: &'static str,
        on: On,
    ) -> Result<(), JsValue> {
        let inner = self.inner.clone();
        let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            handle(on, &e, &mut inner.borrow_mut());
        });
        // Scrolling is heard as it goes down to whatever scrolls, the page or a box in it.
        target.add_event_listener_with_callback_and_bool(
            name,
            f.as_ref().unchecked_ref(),
            name == "scroll",
        )?;
        self.listeners.push((target.clone(), name, f));
        Ok(())
    }

    /// Turns the canvas's, the buttons' and the page's events into inputs for the state
    /// machine.
    pub(super) fn listen(&mut self) -> Result<(), JsValue> {
        let (canvas, doc, buttons) = {
            let d = &self.inner.borrow().dom;
            let canvas: web_sys::EventTarget = d.canvas.clone().into();
            let doc: web_sys::EventTarget = d.doc.clone().into();
            let buttons: [(web_sys::EventTarget, On); 6] = [
                (d.more.clone().into(), On::ShowAll),
                (d.zoom_in.clone().into(), On::Button(Key::ZoomIn)),
                (d.zoom_out.clone().into(), On::Button(Key::ZoomOut)),
                (d.zoom_reset.clone().into(), On::Button(Key::Reset)),
                (d.pages_prev.clone().into(), On::Page(false)),
                (d.pages_next.clone().into(), On::Page(true)),
            ];
            (canvas, doc, buttons)
        };
        for (name, on) in [
            ("pointermove", On::Move),
            ("pointerleave", On::Leave),
            ("pointerdown", On::Down),
            ("pointercancel", On::Cancel),
            ("pointerup", On::Up),
            ("wheel", On::Wheel),
            ("dblclick", On::DoubleClick),
            ("keydown", On::KeyDown),
            ("blur", On::Blur),
            ("gesturestart", On::Gesture(Phase::Start)),
            ("gesturechange", On::Gesture(Phase::Change)),
            ("gestureend", On::Gesture(Phase::End)),
        ] {
            self.add_event_listener(&canvas, name, on)?;
        }
        for (button, on) in buttons {
            self.add_event_listener(&button, "click", on)?;
        }
        self.add_event_listener(&doc, "pointerdown", On::PageDown)?;
        // Capturing, so that scrolling inside any element of the page is heard too.
        self.add_event_listener(&doc, "scroll", On::Scroll)
    }
}

/// Translates one DOM event into what the widget does. The browser sends each event name with
/// one type (`pointermove` is a `PointerEvent`), so the casts are not checked: a check would
/// cost every reader an `instanceof` binding per type.
fn handle(on: On, e: &Event, w: &mut Inner) {
    match on {
        On::Move | On::Leave | On::Down | On::Cancel | On::Up => pointer(on, e.unchecked_ref(), w),
        On::Wheel => {
            let e = e.unchecked_ref::<WheelEvent>();
            // Only Ctrl or ⌘ with the wheel (and a trackpad's pinch, which browsers send so)
            // zooms the chart; the plain wheel scrolls the page.
            if !(e.ctrl_key() || e.meta_key())
                || !w.scene.as_ref().is_some_and(|s| s.time.is_some())
            {
                return;
            }
            // A pinch that also comes as gestures is zoomed by those alone.
            if w.gesturing {
                e.prevent_default();
                return;
            }
            e.prevent_default();
            // Wheels that count in lines are turned into pixels, as browsers scroll them.
            let lines = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
            let at = w.local(e);
            let delta = e.delta_y() * lines;
            w.apply(Input::Wheel { at, delta }, false);
        }
        On::DoubleClick => {
            let at = w.local(e.unchecked_ref::<MouseEvent>());
            w.apply(Input::DoubleTap(at), false);
        }
        On::KeyDown => {
            let e = e.unchecked_ref::<KeyboardEvent>();
            let modified = e.alt_key() || e.ctrl_key() || e.meta_key();
            let Some(key) = Key::from_keydown(&e.key(), modified) else {
                return;
            };
            if w.state.takes(key) {
                e.prevent_default();
                w.apply(Input::Key(key), true);
            }
        }
        On::Blur => w.apply(Input::Blur, false),
        On::PageDown => {
            let host: &Node = w.dom.host.as_ref();
            let inside = e.composed_path().iter().any(|n| {
                n.dyn_ref::<Node>()
                    .is_some_and(|n| n.is_same_node(Some(host)))
            });
            if !inside {
                w.apply(Input::OutsideDown, false);
            }
        }
        On::Gesture(phase) => {
            w.gesturing = phase != Phase::End;
            // Only where the chart zooms: in the phone layout the pinch zooms the page.
            if phase == Phase::End || !w.scene.as_ref().is_some_and(|s| s.time.is_some()) {
                return;
            }
            e.prevent_default();
            let number = |name: &str| {
                js_sys::Reflect::get(e, &name.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            let Some(scale) = number("scale").filter(|s| *s > 0.0) else {
                return;
            };
            // `scale` counts from the gesture's start; each change zooms by its own step.
            let factor = if phase == Phase::Start {
                1.0
            } else {
                scale / w.gesture_scale
            };
            w.gesture_scale = scale;
            let at = w.local_at(
                number("clientX").unwrap_or(0.0),
                number("clientY").unwrap_or(0.0),
            );
            if factor.is_finite() && factor != 1.0 {
                w.apply(Input::Zoom { at, factor }, false);
            }
        }
        On::Button(key) => w.apply(Input::Key(key), false),
        On::Scroll => {
            if let Err(e) = w.scrolled() {
                console_fault("inspection-timeline:", &e);
            }
        }
        On::ShowAll => {
            if let Err(e) = w.show_all_subjects() {
                console_fault("inspection-timeline:", &e);
            }
        }
        On::Page(forward) => {
            let n = w.data.as_ref().map_or(0, |d| d.chronology.order.len());
            w.table_start = words::table_page_start(w.table_start, forward, n);
            if let Err(e) = w.write_table() {
                console_fault("inspection-timeline:", &e);
            }
            // The widget's one live region says which rows the table now holds, and the focus
            // goes to the table's start (its caption names the rows), brought into view: the
            // button pressed now sits a whole page of rows further down.
            let said = w.dom.pages_text.text_content();
            w.dom.live.set_text_content(said.as_deref());
            if let Some(table) = w.dom.table.dyn_ref::<HtmlElement>() {
                let _ = table.focus();
            }
        }
    }
}

/// Translates a pointer event: hover and drag for a mouse or pen, pinch for two fingers, and
/// the press and release that make a tap.
fn pointer(on: On, e: &PointerEvent, w: &mut Inner) {
    match on {
        On::Move => {
            let p = w.local(e);
            if e.pointer_type() == "touch" {
                // A finger has no hover, and one finger scrolls the page; two pinch.
                w.pinch(e.pointer_id(), p);
            } else {
                if e.buttons() == 0 && w.state.down.is_some() {
                    // The button came up where the widget could not hear it.
                    w.apply(Input::PointerCancel, false);
                }
                w.apply(Input::PointerMove(p), false);
            }
        }
        On::Leave => w.apply(Input::PointerLeave, false),
        On::Down => {
            let p = w.local(e);
            if e.pointer_type() == "touch" {
                w.touches.retain(|t| t.0 != e.pointer_id());
                w.touches.push((e.pointer_id(), p));
            } else {
                // A mouse or pen that drags keeps sending its moves and its release here, even
                // off the chart.
                let _ = w.dom.canvas.set_pointer_capture(e.pointer_id());
            }
            w.apply(Input::PointerDown(p), false);
        }
        On::Cancel => {
            w.touches.retain(|t| t.0 != e.pointer_id());
            w.apply(Input::PointerCancel, false);
        }
        On::Up => {
            let p = w.local(e);
            let pinching = w.touches.len() > 1;
            w.touches.retain(|t| t.0 != e.pointer_id());
            if pinching {
                // The end of a pinch is not a tap.
                w.apply(Input::PointerCancel, false);
            } else {
                w.apply(Input::PointerUp(p), false);
            }
        }
        _ => {}
    }
}
