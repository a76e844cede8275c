//! The window of time: zoom around a point, pan, show a window, zoom into a cluster (or open
//! a year on a phone), and reveal an event for a deep link.

use super::State;
use crate::date::civil_from_days;
use crate::layout::{Point, Scene};
use crate::view::View;

impl State {
    /// Pins `event` if it is drawn on its own; else zooms in on `day` (on a phone, opens its
    /// year) and seeks it, to pin it once it is.
    pub(super) fn reveal(&mut self, event: usize, day: Option<f64>, scene: &Scene) {
        let i = scene.mark_of_event(event);
        let alone = i.is_some_and(|i| scene.marks[i].cluster.is_none());
        let closest = scene.time.as_ref().is_some_and(|t| t.at_closest());
        if alone || (closest && i.is_some()) || (day.is_none() && i.is_some()) {
            self.pinned = i;
            self.focus = i;
            self.at = i.map(|i| scene.marks[i].order);
            self.keyboard = true;
            self.hover = None;
            return;
        }
        let Some(day) = day else { return };
        match &scene.time {
            Some(t) => {
                let days = (t.shown.days() / 8.0).max(crate::view::MIN_DAYS);
                let view = View {
                    start: day - days / 2.0,
                    end: day + days / 2.0,
                }
                .within(t.full);
                self.view = Some(view);
            }
            None => {
                // On a phone the event is inside its closed year: open that year.
                let year = i
                    .and_then(|i| scene.marks[i].cluster.as_ref())
                    .and_then(|c| c.days);
                match year {
                    Some((a, _)) => self.open = Some(civil_from_days(a as i64).0),
                    None => return,
                }
            }
        }
        self.seek = Some(event);
        self.reveal = Some(day);
        self.pinned = None;
        self.hover = None;
    }

    /// Zooms by `factor` around the day under `at`, on the chart or on the overview strip.
    pub(super) fn zoom_at(&mut self, at: Point, factor: f64, scene: &Scene) {
        let Some(t) = &scene.time else { return };
        let view = match &scene.overview {
            Some(o) if o.rect.distance(at) == 0.0 => {
                t.shown.zoom(o.scale.invert(at.x), factor, t.full)
            }
            _ => t.zoom_keeping(at.x, factor),
        };
        self.show(Some(view), scene);
    }

    /// What zooming into mark `i` would do, when it is a cluster and that would change the
    /// chart: show a closer window, or (in the phone layout) open a year.
    pub(super) fn zoom_target(&self, i: usize, scene: &Scene) -> Option<Result<View, i32>> {
        let (a, b) = scene.marks.get(i)?.cluster.as_ref()?.days?;
        match &scene.time {
            None => {
                let year = civil_from_days(a as i64).0;
                (self.open != Some(year)).then_some(Err(year))
            }
            Some(t) => {
                let pad = (b - a) * 0.1;
                let view = View {
                    start: a - pad,
                    end: b + pad,
                }
                .within(t.full);
                // Events on one day stay together at the closest zoom: nothing to zoom into.
                let closer = view.days() < t.shown.days() - 0.5;
                closer.then_some(Ok(view))
            }
        }
    }

    /// Whether Enter or a click on mark `i` zooms into it (a cluster that zooming separates),
    /// rather than pinning its card: what the card's hint says.
    pub fn zooms_into(&self, i: usize, scene: &Scene) -> bool {
        self.zoom_target(i, scene).is_some()
    }

    /// Zooms into mark `i` when it is a cluster that zooming separates (in the phone layout,
    /// opens its year), seeking its first event. Returns whether it did.
    pub(super) fn zoom_into(&mut self, i: usize, scene: &Scene) -> bool {
        let Some(target) = self.zoom_target(i, scene) else {
            return false;
        };
        match target {
            Ok(view) => self.show(Some(view), scene),
            Err(year) => self.open = Some(year),
        }
        self.seek = Some(scene.marks[i].event);
        self.pinned = None;
        self.hover = None;
        true
    }

    /// Shows `view`, or everything when it is `None` or covers everything.
    pub(super) fn show(&mut self, view: Option<View>, scene: &Scene) {
        // The phone layout has no time axis: the window asked for is kept for when the chart
        // is wide enough to have one (a phone turned on its side, a wider frame).
        let Some(t) = &scene.time else {
            self.view = view;
            return;
        };
        let view = view
            .map(|v| v.within(t.full))
            .filter(|v| !v.shows_all(t.full));
        if view != self.view {
            self.view = view;
            self.hover = None;
        }
    }

    /// Pans for a drag from `from` to `p` of the window that showed `start`: on the chart the
    /// history moves with the pointer; on the overview strip the window does.
    pub(super) fn drag(&mut self, start: View, from: Point, p: Point, scene: &Scene) {
        let Some(t) = &scene.time else { return };
        let days = match (&scene.overview, self.scrub) {
            (Some(o), true) => (p.x - from.x) / o.scale.bandwidth(),
            _ => (from.x - p.x) / t.scale.bandwidth(),
        };
        let view = start.pan(days, t.full);
        self.view = (!view.shows_all(t.full)).then_some(view);
        self.hover = None;
    }
}
