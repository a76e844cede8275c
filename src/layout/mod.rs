//! From a validated [`Timeline`] to a [`Scene`]: every shape and label in CSS pixels.
//!
//! The same scene is painted by [`crate::render`] and queried by [`Scene::hit_test`], so what a
//! reader sees is exactly what they can hover. Marks are stored in reading order (by time, then
//! file order), which is also the keyboard order. A scene holds no colours, only roles
//! ([`Ink`]), so a change of theme repaints it without laying it out again.
//!
//! The rooms: [`across`] (time across the page), [`rows`] (the phone layout, a row per event),
//! [`legend`], [`frame`] (title and credit around the chart, for static images) and [`words`]
//! (everything a reader reads: labels, the card, the description, notices).

pub mod across;
mod description;
pub mod frame;
mod grid;
pub mod legend;
pub mod pack;
mod place;
pub mod rows;
pub mod window;
pub mod words;

use crate::chronology::Chronology;
use crate::date::Locale;
use crate::model::{Kind, Timeline};
use crate::scale::TimeScale;
pub use crate::theme::Ink;
use crate::view::View;

pub use description::describe;
pub use frame::{frame, Frame};
pub use grid::{Grid, GRID_CELL};
pub use place::{place_card, CardPlace};
pub use words::{card, cluster_card, Card, CardFinding, CardSource};

/// What the layout needs to know about the place it draws into.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Width of the drawing in CSS pixels.
    pub width: f64,
    /// Size of label text in CSS pixels.
    pub font_px: f64,
    /// How dates are written.
    pub locale: Locale,
    /// The window of time the wide layout shows; `None` shows the whole history.
    pub view: Option<View>,
    /// The year the phone layout shows event by event when a long history is grouped by
    /// year; `None` opens the latest.
    pub open_year: Option<i32>,
    /// How much wider the page's font sets text than [`crate::text::estimate_width`] allows
    /// for (1 or more; the browser measures it): labels are fitted and shortened for it.
    pub text_width: f64,
    /// Whether the chart has zoom buttons (the widget's, not a still image's): the wide
    /// layout keeps a row for them at the top, where the overview strip comes beside them
    /// while zoomed in, so that zooming moves neither.
    pub zoom_buttons: bool,
}

impl LayoutConfig {
    /// The width `text` takes at `px` in the page's font, as far as layout can tell.
    pub(crate) fn width_of(&self, text: &str, px: f64) -> f64 {
        crate::text::estimate_width(text, px) * self.widening()
    }

    /// `text`, shortened with an ellipsis to fit `max_px` in the page's font.
    pub(crate) fn ellipsize(&self, text: &str, px: f64, max_px: f64) -> Option<String> {
        crate::text::ellipsize(text, px, self.estimated_room(max_px))
    }

    /// `room` in the page's font as the estimate counts it, for words fitted by estimate.
    pub(crate) fn estimated_room(&self, room: f64) -> f64 {
        room / self.widening()
    }

    fn widening(&self) -> f64 {
        self.text_width.max(1.0)
    }
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            width: 640.0,
            font_px: 13.0,
            locale: Locale::en_gb(),
            view: None,
            open_year: None,
            text_width: 1.0,
            zoom_buttons: false,
        }
    }
}

/// A point in CSS pixels, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle in CSS pixels.
///
/// # Examples
///
/// ```
/// use inspection_timeline::layout::{Point, Rect};
/// let r = Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
/// assert_eq!(r.distance(Point { x: 5.0, y: 5.0 }), 0.0);
/// assert_eq!(r.distance(Point { x: 13.0, y: 14.0 }), 5.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// Distance from `p` to the nearest point of the rectangle; zero inside.
    pub fn distance(&self, p: Point) -> f64 {
        let dx = (self.x0 - p.x).max(p.x - self.x1).max(0.0);
        let dy = (self.y0 - p.y).max(p.y - self.y1).max(0.0);
        dx.hypot(dy)
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
}

/// A straight light line: the line that carries a lane's markers, the spine of the phone
/// layout, a year divider.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub from: Point,
    pub to: Point,
}

/// The marker shape of each kind of event, so kinds differ by shape as well as colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Diamond,
    Circle,
    Square,
    Triangle,
}

pub fn shape_of(kind: Kind) -> Shape {
    match kind {
        Kind::Inspection => Shape::Diamond,
        Kind::MonitoringVisit => Shape::Circle,
        Kind::Reinspection => Shape::Square,
        Kind::Other => Shape::Triangle,
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A line of text. `y` is the top of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub px: f64,
    pub anchor: Anchor,
    pub ink: Ink,
    pub bold: bool,
}

/// Several events whose marks would touch at the current zoom, drawn as one counted mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices into [`Timeline::events`], in reading order.
    pub events: Vec<usize>,
    /// Their positions in reading order ([`Chronology::order`]), rising.
    pub orders: Vec<usize>,
    /// Where the first and last events' marks would be, across the chart.
    pub reach: (f64, f64),
    /// The first and last (exclusive) day of the events' periods, to zoom into; `None` for
    /// undated events.
    pub days: Option<(f64, f64)>,
}

/// One event on the chart, or a cluster of several.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into [`Timeline::events`]; for a cluster, its first event.
    pub event: usize,
    /// The position of `event` in reading order ([`Chronology::order`]).
    pub order: usize,
    /// The events drawn together with this one, when there are several.
    pub cluster: Option<Cluster>,
    pub kind: Kind,
    pub shape: Shape,
    pub expected: bool,
    pub center: Point,
    /// Half the marker's size.
    pub r: f64,
    /// The period the date covers when it is wider than the marker: a month, a year, or a
    /// visit of several days.
    pub bar: Option<(f64, f64)>,
    /// Whether the bar's start and end are cut by the window of time shown: the period goes
    /// on past the edge, and its bar is drawn without an end there.
    pub bar_cut: [bool; 2],
    /// Where the report's publication sits, when it differs from the visit.
    pub published_x: Option<f64>,
    /// Derived number of a monitoring visit since the last graded inspection.
    pub number: Option<usize>,
    /// The middle day of what the mark draws, in days since 1970-01-01; infinite for undated
    /// events. The keyboard's ↑ and ↓ look for the mark nearest in time in another subject.
    pub day: f64,
    /// Everything that reacts to the pointer: at least 24 px square around the marker, and
    /// any bar or publication tick.
    pub hit: Rect,
}

/// The rating in force over a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub rect: Rect,
    /// The grade: an index into [`Timeline::grades`], which the palette colours.
    pub grade: usize,
    /// Where the solid band ends and a faded continuation begins: after the last report, the
    /// rating is assumed, not known. An x, or a y for a vertical band.
    pub known_until: f64,
    /// Runs down the page (the phone layout) rather than across.
    pub vertical: bool,
}

/// The zone after the last dated event where undated expected events are placed.
#[derive(Clone, Debug, PartialEq)]
pub struct NextZone {
    pub rect: Rect,
}

/// A tick on the time axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisTick {
    pub x: f64,
    /// A year boundary, drawn longer.
    pub major: bool,
    /// A year that may be labelled (every year, or every fifth or tenth of a long history),
    /// carried up the chart as a gridline: one a year over a century would grey the chart.
    pub grid: bool,
}

/// The time axis under the lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub y: f64,
    pub x0: f64,
    pub x1: f64,
    pub ticks: Vec<AxisTick>,
}

/// A legend entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    Marker(Shape, Kind, bool),
    /// A counted cluster of several events.
    Cluster,
    Bar,
    Published,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub at: Point,
    pub swatch: Swatch,
}

/// An event outside the window of time shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Beyond {
    pub event: usize,
    /// Its position in reading order.
    pub order: usize,
    /// The middle day of its period.
    pub day: f64,
}

/// Time across the chart in the wide layout: the whole history, the window shown, and how
/// days map to pixels, so that pointer positions can be turned into days for zooming.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeWindow {
    pub full: View,
    pub shown: View,
    pub scale: TimeScale,
    /// The dated events outside the window, in reading order, which the keyboard pans to.
    pub outside: Vec<Beyond>,
    /// Where time runs across the chart in a window short of the end of the history, and in
    /// one that reaches it: narrower when the next zone, drawn only then, takes its room.
    pub runs: [(f64, f64); 2],
}

impl TimeWindow {
    /// Whether the window is as close as the zoom goes: about a month across.
    pub fn at_closest(&self) -> bool {
        self.shown.days() <= crate::view::MIN_DAYS + 0.5
    }

    /// The window `factor` times closer with the day at `x` across the chart still at `x`,
    /// although the new window may give time a different width (see [`TimeWindow::runs`]):
    /// a window short of the end of the history has time across the whole chart; one that
    /// reaches the end shares it with the next zone. Near the end, a window of exactly the
    /// days asked for can be neither (short of the end with time across the whole chart, its
    /// end would pass the history's; reaching it with the zone drawn, the day would have to
    /// move); the window then takes the nearest width that keeps the day where it is, a little
    /// closer when zooming in and a little further when zooming out. At the start of the
    /// history, as at any edge, the window stops and the day moves.
    pub fn zoom_keeping(&self, x: f64, factor: f64) -> View {
        let anchor = self.scale.invert(x);
        let at = |(a, b): (f64, f64)| {
            if b > a {
                ((x - a) / (b - a)).clamp(0.0, 1.0)
            } else {
                0.5
            }
        };
        let zoom = |run: (f64, f64), factor: f64| {
            self.shown.zoom_placing(anchor, at(run), factor, self.full)
        };
        let short = zoom(self.runs[0], factor);
        if !short.reaches_end(self.full) {
            return short;
        }
        let to_end = zoom(self.runs[1], factor);
        if to_end.reaches_end(self.full) {
            return to_end;
        }
        // Neither fits: the widest window short of the end, or the narrowest reaching it,
        // that keeps the day at `x`.
        // (A window short of the end stops over a day before it, as `reaches_end` counts.)
        let left = self.full.end - anchor;
        let (run, days) = if factor > 1.0 {
            (
                self.runs[0],
                (left - 1.5) / (1.0 - at(self.runs[0])).max(1e-9),
            )
        } else {
            (self.runs[1], left / (1.0 - at(self.runs[1])).max(1e-9))
        };
        // Not more than twice the step asked for: a day very near the end would otherwise
        // take the window to a few weeks at one turn of the wheel. The day then moves, and
        // the window ends with the history.
        let end_with_history = |v: View| v.pan(self.full.end - v.end, self.full);
        if !(days.is_finite() && days > 0.0 && days * factor.max(1.0) * 2.0 >= self.shown.days()) {
            return end_with_history(to_end);
        }
        let view = zoom(run, self.shown.days() / days);
        if run == self.runs[1] && !view.reaches_end(self.full) {
            return end_with_history(view);
        }
        view
    }

    /// The first event outside the window that comes after reading position `order`.
    pub fn outside_after(&self, order: usize) -> Option<Beyond> {
        let k = self.outside.partition_point(|b| b.order <= order);
        self.outside.get(k).copied()
    }

    /// The last event outside the window that comes before reading position `order`.
    pub fn outside_before(&self, order: usize) -> Option<Beyond> {
        let k = self.outside.partition_point(|b| b.order < order);
        k.checked_sub(1).map(|k| self.outside[k])
    }
}

/// The strip under the axis of a zoomed chart: the whole history, with how many events fall
/// in each part of it, and the window shown, which can be dragged.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub rect: Rect,
    /// The whole history across the strip.
    pub scale: TimeScale,
    /// How many dated events fall in each column of the strip, [`OVERVIEW_COLUMN`] pixels
    /// wide, from its left edge.
    pub counts: Vec<u32>,
    /// The window shown, across the strip.
    pub window: (f64, f64),
}

/// Width of one column of the overview's event counts.
pub const OVERVIEW_COLUMN: f64 = 2.0;

/// The zoom buttons' size: the wide layout keeps their place and the shell gives them this
/// size, so that the two agree. Each is this tall and at least this wide (a square for + and
/// −), with a 1-pixel border.
pub const BUTTON_PX: f64 = 28.0;
/// Space on each side of a zoom button's word, and between the buttons.
pub const BUTTON_PAD: f64 = 8.0;
pub const BUTTON_GAP: f64 = 4.0;
/// Size of the zoom buttons' words.
pub const BUTTON_FONT_PX: f64 = 14.0;
/// The words on the zoom buttons.
pub const ZOOM_IN: &str = "+";
pub const ZOOM_OUT: &str = "\u{2212}";

/// Everything to draw, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The phone layout: one row per event down the page, instead of time across it.
    pub vertical: bool,
    pub bands: Vec<Band>,
    pub rules: Vec<Rule>,
    pub marks: Vec<Mark>,
    /// The time axis; the phone layout has none.
    pub axis: Option<Axis>,
    pub next_zone: Option<NextZone>,
    pub legend: Vec<LegendItem>,
    pub labels: Vec<Label>,
    /// Time across the chart; the phone layout has none.
    pub time: Option<TimeWindow>,
    /// The overview strip, while zoomed in.
    pub overview: Option<Overview>,
    /// Where the zoom buttons go, when the chart has them and time runs across it.
    pub zoom_buttons: Option<Rect>,
    /// Which marks' targets reach each cell of the chart, so that finding the mark under the
    /// pointer looks at a few marks, not all of them.
    pub grid: Grid,
    /// Each subject's part of the reading order ([`crate::chronology::Section::order`]), one
    /// subject under the other: the keyboard's ← and → stay within one, ↑ and ↓ cross.
    pub sections: Vec<std::ops::Range<usize>>,
}

/// Widths below this get the phone layout: one row per event down the page.
pub const PHONE_BELOW: f64 = 480.0;

/// Space around the chart's edges.
const PAD: f64 = 12.0;
/// Height of a rating band across the top.
const BAND_H: f64 = 24.0;
/// Half the size of a marker.
const MARK_R: f64 = 7.0;
/// Half the size of a cluster's counted badge.
pub const CLUSTER_R: f64 = 10.0;
/// Half the smallest target a pointer must hit (24 px, WCAG 2.5.8).
const MIN_TARGET: f64 = 12.0;
/// How far from a mark's target a pointer may be and still pick it.
pub const HIT_RADIUS: f64 = 14.0;

/// Label text size for `cfg`: a little smaller than the body.
fn small_px(cfg: &LayoutConfig) -> f64 {
    (cfg.font_px * 0.85).round()
}

/// Lays the timeline out for `cfg.width`: time across the page, or, below [`PHONE_BELOW`],
/// one row per event down it. `c` is the timeline's [`Chronology`].
pub fn layout(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Scene {
    let scene = if cfg.width < PHONE_BELOW {
        rows::layout(t, c, cfg)
    } else {
        across::layout(t, c, cfg)
    };
    scene.index()
}

impl Mark {
    /// The positions in reading order of the events this mark draws, rising.
    pub fn orders(&self) -> &[usize] {
        self.cluster
            .as_ref()
            .map_or(std::slice::from_ref(&self.order), |c| &c.orders)
    }
}

impl Scene {
    /// The mark under the pointer: the one whose target is nearest, within [`HIT_RADIUS`];
    /// among marks the pointer is equally near (inside overlapping bars), the nearest in time.
    /// Returns an index into [`Scene::marks`].
    pub fn hit_test(&self, p: Point) -> Option<usize> {
        // The pointer's cell lists every mark whose target, widened by the radius, reaches it;
        // a point off the chart is clamped to an edge cell, where the distance test decides.
        self.grid
            .near(p)
            .iter()
            .map(|&i| i as usize)
            .map(|i| {
                (
                    i,
                    self.marks[i].hit.distance(p),
                    (self.marks[i].center.x - p.x).abs(),
                )
            })
            .filter(|(_, d, _)| *d <= HIT_RADIUS)
            .min_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then(a.2.total_cmp(&b.2))
                    .then(a.0.cmp(&b.0))
            })
            .map(|(i, _, _)| i)
    }

    /// Builds the hit-testing grid for the marks as they are.
    fn index(mut self) -> Scene {
        self.grid = Grid::new(&self.marks, self.width, self.height);
        self
    }

    /// The position in reading order of `event`, if the scene draws it or knows it lies
    /// outside the window.
    pub fn order_of(&self, event: usize) -> Option<usize> {
        let m = self.mark_of_event(event).map(|i| &self.marks[i]);
        match m {
            Some(m) => match &m.cluster {
                Some(c) => c
                    .events
                    .iter()
                    .position(|&e| e == event)
                    .map(|k| c.orders[k]),
                None => Some(m.order),
            },
            None => self
                .time
                .as_ref()?
                .outside
                .iter()
                .find(|b| b.event == event)
                .map(|b| b.order),
        }
    }

    /// Index into [`Scene::marks`] of the mark drawing `event`, alone or in a cluster.
    pub fn mark_of_event(&self, event: usize) -> Option<usize> {
        self.marks.iter().position(|m| {
            m.event == event
                || m.cluster
                    .as_ref()
                    .is_some_and(|c| c.events.contains(&event))
        })
    }
}
