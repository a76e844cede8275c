//! The keyboard: ← and → walk a subject's events in reading order, from the event reached
//! last and past the window's edge, which pans to show the next one; ↑ and ↓ go to the
//! nearest event in time of the subject above or below (with one subject, they walk like ←
//! and →); Home, End, Enter, Escape and the zoom keys.

use super::{Key, State, ZOOM_STEP};
use crate::layout::{Beyond, Scene};

/// Where the keyboard goes next: a mark in the window, reached at one of its events'
/// positions, or an event outside the window.
enum Stop {
    Mark(usize, usize),
    Outside(Beyond),
}

impl Stop {
    fn order(&self) -> usize {
        match self {
            Stop::Mark(_, o) => *o,
            Stop::Outside(b) => b.order,
        }
    }
}

/// The subject whose part of the reading order holds `order`: an index into
/// [`Scene::sections`].
fn section_of(scene: &Scene, order: usize) -> usize {
    scene.sections.partition_point(|s| s.end <= order)
}

/// The nearest stop after (or before, unless `forward`) reading position `at`, leaving out
/// the events of the mark `cur`, which the keyboard is on: so that a cluster is one stop,
/// and an event between a cluster's members, on another row or outside the window, is
/// still reached. Only stops of `at`'s subject count.
fn next_stop(scene: &Scene, cur: Option<usize>, at: usize, forward: bool) -> Option<Stop> {
    let stop = any_stop(scene, cur, at, forward)?;
    (section_of(scene, stop.order()) == section_of(scene, at)).then_some(stop)
}

/// The stop of [`next_stop`] in any subject.
fn any_stop(scene: &Scene, cur: Option<usize>, at: usize, forward: bool) -> Option<Stop> {
    let beats = |o: usize, best: usize| if forward { o < best } else { o > best };
    let mut best: Option<(usize, Stop)> = None;
    for (i, m) in scene.marks.iter().enumerate() {
        if Some(i) == cur {
            continue;
        }
        let o = if forward {
            m.orders().iter().copied().find(|&o| o > at)
        } else {
            m.orders().iter().rev().copied().find(|&o| o < at)
        };
        if let Some(o) = o {
            if best.as_ref().map_or(true, |(b, _)| beats(o, *b)) {
                best = Some((o, Stop::Mark(i, o)));
            }
        }
    }
    if let Some(t) = &scene.time {
        let out = if forward {
            t.outside_after(at)
        } else {
            t.outside_before(at)
        };
        if let Some(b) = out {
            if best.as_ref().map_or(true, |(o, _)| beats(b.order, *o)) {
                best = Some((b.order, Stop::Outside(b)));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The reading position of the last event mark `m` draws: its own, or its cluster's last.
fn last_order(m: &crate::layout::Mark) -> usize {
    m.cluster
        .as_ref()
        .and_then(|c| c.orders.last().copied())
        .unwrap_or(m.order)
}

/// The stop nearest in time to `day` among the marks and the events outside the window of
/// subject `s`; ties go to the earlier.
fn nearest_in(scene: &Scene, s: usize, day: f64) -> Option<Stop> {
    let range = scene.sections.get(s)?;
    // Undated events are nearest each other, and after everything dated.
    let gap = |d: f64| match (day.is_finite(), d.is_finite()) {
        (true, true) => (d - day).abs(),
        (false, false) => 0.0,
        _ => f64::MAX,
    };
    let mut best: Option<(f64, usize, Stop)> = None;
    let mut consider = |g: f64, o: usize, stop: Stop| {
        if best
            .as_ref()
            .map_or(true, |(bg, bo, _)| g < *bg || (g == *bg && o < *bo))
        {
            best = Some((g, o, stop));
        }
    };
    for (i, m) in scene.marks.iter().enumerate() {
        if range.contains(&m.order) {
            consider(gap(m.day), m.order, Stop::Mark(i, m.order));
        }
    }
    if let Some(t) = &scene.time {
        for b in t.outside.iter().filter(|b| range.contains(&b.order)) {
            consider(gap(b.day), b.order, Stop::Outside(*b));
        }
    }
    best.map(|(_, _, s)| s)
}

impl State {
    pub(super) fn key(&mut self, k: Key, scene: &Scene) {
        let cur = self.focus.or(self.pinned).or(self.hover);
        // With one subject, ↑ and ↓ walk the events as ← and → do.
        let k = match k {
            Key::Up if scene.sections.len() <= 1 => Key::Previous,
            Key::Down if scene.sections.len() <= 1 => Key::Next,
            k => k,
        };
        if let (Key::Up | Key::Down, Some(m)) = (k, cur.and_then(|i| scene.marks.get(i))) {
            return self.cross(scene, m.order, m.day, k == Key::Down);
        }
        self.walk(k, cur, scene)
    }

    /// From the mark at reading position `at` and `day`, to the nearest event in time of the
    /// next subject below (or above) that has any.
    fn cross(&mut self, scene: &Scene, at: usize, day: f64, down: bool) {
        let mut s = section_of(scene, self.at.unwrap_or(at));
        // The first subject that way with any event.
        let stop = loop {
            s = match (down, s) {
                (true, s) if s + 1 < scene.sections.len() => s + 1,
                (false, s) if s > 0 => s - 1,
                _ => return,
            };
            if let Some(stop) = nearest_in(scene, s, day) {
                break stop;
            }
        };
        match stop {
            Stop::Mark(i, o) => {
                self.at = Some(o);
                self.pinned = None;
                self.hover = None;
                self.focus = Some(i);
                self.keyboard = true;
            }
            Stop::Outside(b) => self.seek_outside(b, scene),
        }
    }

    /// Every key but ↑ and ↓ between subjects.
    fn walk(&mut self, k: Key, cur: Option<usize>, scene: &Scene) {
        let n = scene.marks.len();
        match k {
            Key::ZoomIn | Key::ZoomOut => return self.zoom_key(k == Key::ZoomIn, cur, scene),
            Key::Reset => return self.show(None, scene),
            Key::Escape => {
                self.pinned = None;
                self.keyboard = false;
                self.hover = None;
                return;
            }
            Key::Next | Key::Previous | Key::Up | Key::Down if n == 0 => {
                // Nothing in the window: go to the nearest event outside it.
                return self.beyond_edge(scene, matches!(k, Key::Next | Key::Down));
            }
            Key::First | Key::Last => {
                // The first (or last) event of the whole history: outside a zoomed window,
                // it is sought there, as → and ← seek the next event past the window's edge.
                let t = scene.time.as_ref();
                let b = t.and_then(|t| {
                    if k == Key::First {
                        let least = scene.marks.iter().map(|m| m.order).min();
                        t.outside
                            .first()
                            .filter(|b| least.map_or(true, |m| b.order < m))
                    } else {
                        let most = scene.marks.iter().map(last_order).max();
                        t.outside
                            .last()
                            .filter(|b| most.map_or(true, |m| b.order > m))
                    }
                });
                if let Some(&b) = b {
                    return self.seek_outside(b, scene);
                }
                if n == 0 {
                    return;
                }
            }
            _ if n == 0 => return,
            _ => {}
        }
        let next = match k {
            // ↑ and ↓ with nothing reached yet start, as → does, at the first mark.
            Key::Next | Key::Previous | Key::Up | Key::Down => {
                match self.step_to(k == Key::Next, cur, scene) {
                    Some(i) => i,
                    None => return,
                }
            }
            // The marks of the next zone follow their rows, not the reading order: the first
            // and last are found by their place in it.
            Key::First | Key::Last => {
                let marks = scene.marks.iter().enumerate();
                let (order, i) = if k == Key::First {
                    marks.map(|(i, m)| (m.order, i)).min()
                } else {
                    marks.map(|(i, m)| (last_order(m), i)).max()
                }
                .unwrap_or((0, 0));
                self.at = Some(order);
                i
            }
            _ => {
                let target = cur.unwrap_or(0);
                if self.zoom_into(target, scene) {
                    self.keyboard = true;
                    return;
                }
                self.pinned = if self.pinned == Some(target) {
                    None
                } else {
                    Some(target)
                };
                target
            }
        };
        if matches!(
            k,
            Key::Next | Key::Previous | Key::Up | Key::Down | Key::First | Key::Last
        ) {
            // Moving on closes a pinned card so the new one shows.
            self.pinned = None;
            self.hover = None;
        }
        self.focus = Some(next);
        self.keyboard = true;
    }

    /// `+` or `-` (closer when `closer`), around the mark the keyboard is on or the window's
    /// middle.
    fn zoom_key(&mut self, closer: bool, cur: Option<usize>, scene: &Scene) {
        let Some(t) = &scene.time else { return };
        let f = if closer { ZOOM_STEP } else { 1.0 / ZOOM_STEP };
        let view = match cur.and_then(|i| scene.marks.get(i)) {
            Some(m) => t.zoom_keeping(m.center.x, f),
            None => t.shown.zoom(t.shown.middle(), f, t.full),
        };
        self.show(Some(view), scene);
    }

    /// The mark → (or ←, unless `forward`) reaches from mark `cur`, within its subject; `None`
    /// when there is none, or when the next event is outside the window and is sought there.
    fn step_to(&mut self, forward: bool, cur: Option<usize>, scene: &Scene) -> Option<usize> {
        let at = self
            .at
            .or_else(|| cur.and_then(|i| scene.marks.get(i)).map(|m| m.order));
        match (cur, at) {
            (Some(_), Some(at)) => match next_stop(scene, cur, at, forward)? {
                Stop::Mark(i, o) => {
                    self.at = Some(o);
                    Some(i)
                }
                Stop::Outside(b) => {
                    self.seek_outside(b, scene);
                    None
                }
            },
            _ => {
                self.at = Some(scene.marks[0].order);
                Some(0)
            }
        }
    }

    /// With no mark in the window: pans to the nearest event past its edge.
    pub(super) fn beyond_edge(&mut self, scene: &Scene, forward: bool) {
        let Some(t) = &scene.time else { return };
        let b = if forward {
            t.outside.iter().find(|b| b.day > t.shown.end)
        } else {
            t.outside.iter().rev().find(|b| b.day < t.shown.start)
        };
        if let Some(&b) = b {
            self.seek_outside(b, scene);
        }
    }

    /// Pans to event `b`, outside the window, and seeks it.
    pub(super) fn seek_outside(&mut self, b: Beyond, scene: &Scene) {
        let Some(t) = &scene.time else { return };
        self.view = Some(t.shown.centred_on(b.day, t.full));
        self.seek = Some(b.event);
        self.at = Some(b.order);
        self.pinned = None;
        self.hover = None;
        self.keyboard = true;
    }
}
