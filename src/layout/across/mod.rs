//! The wide layout: time runs across the page; for each subject (a council, say) its heading,
//! its rating band and a lane of markers for each kind of its events; the one axis under
//! them all, then the legend.
//!
//! [`Across`] holds the geometry every phase shares; [`layout`] runs the phases in the order
//! their labels are drawn. Every event is looked at once, to find whether it is in the window
//! of time shown (and to count it for the overview); only those in the window are laid out
//! and drawn, so the drawing follows what fits on the screen, not the length of the history. Within a lane nothing collides:
//! marks that would overlap share a counted cluster, and periods that overlap are stacked
//! into rows, as many as [`super::pack::MAX_ROWS`]; what would need more joins a cluster.

mod bands;
mod time;

use super::legend::legend;
use super::pack::{group, pack, place_undated, Item};
use super::{
    shape_of, small_px, words, Anchor, Beyond, Cluster, Ink, Label, LayoutConfig, Mark, NextZone,
    Point, Rect, Rule, Scene, TimeWindow, BAND_H, BUTTON_PX, CLUSTER_R, MARK_R, MIN_TARGET, PAD,
};
use crate::chronology::{order_by, permute, Chronology};
use crate::model::{Kind, Status, Timeline};
use crate::scale::TimeScale;
use crate::strings::Key;
use crate::view::View;
pub use time::full_view;

/// Height of a lane with one row of marks: its heading, the marks and their labels.
const LANE_H: f64 = 62.0;
/// Height of each further row a lane grows by when its periods overlap.
const ROW_H: f64 = 40.0;
/// Top of the first subject's part of the chart.
const BAND_Y: f64 = 8.0;
/// Space between one subject's last lane and the next subject's heading.
const SECTION_GAP: f64 = 18.0;

/// The geometry shared by the phases of the wide layout, and the labels placed so far.
struct Across<'a> {
    t: &'a Timeline,
    c: &'a Chronology,
    cfg: &'a LayoutConfig,
    width: f64,
    /// Size of label text.
    small: f64,
    /// Where dated events may sit: the time scale's range.
    x0: f64,
    x1: f64,
    /// Width of the next zone for undated events; zero when it is not drawn.
    zone_w: f64,
    /// Whether the next zone is drawn: only when there are undated events and the window
    /// reaches the end of the history, or what is expected would seem to come straight after
    /// the window's end. A window short of the end gives its room to time.
    zone_shown: bool,
    /// Where time runs in a window short of the end and in one that reaches it.
    runs: [(f64, f64); 2],
    /// The top of the row of the zoom buttons and the overview strip, when the chart has them.
    zoom_row: Option<f64>,
    scale: TimeScale,
    /// The whole history and the part of it shown.
    full: View,
    shown: View,
    /// For each subject, the top of its heading (when it has one) and of its rating band.
    heading_y: Vec<Option<f64>>,
    band_y: Vec<f64>,
    /// The top of each lane, and of the axis under the last.
    lane_top: Vec<f64>,
    axis_y: f64,
    labels: Vec<Label>,
}

/// Lays `t` out with time across `cfg.width`, showing `cfg.view` or the whole history.
pub fn layout(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Scene {
    let mut a = Across::new(t, c, cfg);
    let zone = a.zone_width();
    let (lanes, outside) = a.items(zone);
    a.sections(&lanes);
    let bands = a.bands();
    let rules = a.lanes(&lanes);
    let zone = a.zone();
    let marks = a.marks(&lanes);
    a.mark_labels(&lanes, &marks);
    a.zone_label(zone.as_ref());
    // With nothing dated there is no time to show: no axis, no zoom.
    let dated = c.extent.is_some();
    let axis = dated.then(|| a.axis());
    // While zoomed in, the overview strip: beside the zoom buttons, in the row kept for them
    // at the top, so that zooming moves nothing; in a still image, under the axis.
    let mut top = a.axis_y + 8.0 + a.small + 14.0;
    let zoom_buttons = a.zoom_row.map(|y| a.zoom_buttons(y));
    let overview = (dated && !a.shown.shows_all(a.full)).then(|| match zoom_buttons {
        Some(b) => a.overview(b.y0, Some(b)),
        None => a.overview(top - 4.0, None),
    });
    if let (Some(o), None) = (&overview, zoom_buttons) {
        top = o.rect.y1 + 14.0;
    }
    let (legend, height) = legend(t, &marks, a.width, top, a.small, &mut a.labels, a.cfg);
    // Reading order, which is also the keyboard's: by the first event each mark draws.
    let key: Vec<f64> = marks.iter().map(|m| m.order as f64).collect();
    let marks = permute(marks, &order_by(&key));
    Scene {
        width: a.width,
        height,
        vertical: false,
        bands,
        rules,
        marks,
        axis,
        next_zone: zone,
        legend,
        labels: a.labels,
        time: dated.then_some(TimeWindow {
            full: a.full,
            shown: a.shown,
            scale: a.scale,
            outside,
            runs: a.runs,
        }),
        overview,
        zoom_buttons,
        grid: Default::default(),
        sections: c.sections.iter().map(|s| s.order.clone()).collect(),
    }
}

/// Width of the next zone, where undated expected events wait, on a chart `width` wide.
fn zone_width(width: f64) -> f64 {
    (width * 0.16).clamp(64.0, 140.0)
}

/// Where time runs across a chart `width` wide, with room for a marker's target at each end:
/// in a window short of the end of the history, and in one that reaches it, which keeps the
/// next zone's room when there are undated events.
fn time_runs(width: f64, has_undated: bool) -> [(f64, f64); 2] {
    let x0 = PAD + MIN_TARGET;
    let short = (x0, width - PAD - MIN_TARGET);
    let to_end = if has_undated {
        (x0, width - PAD - zone_width(width) - 10.0)
    } else {
        short
    };
    [short, to_end]
}

impl<'a> Across<'a> {
    /// The frame of the chart: the width, where time runs, and the window shown.
    fn new(t: &'a Timeline, c: &'a Chronology, cfg: &'a LayoutConfig) -> Self {
        let width = cfg.width.max(200.0);
        let small = small_px(cfg);
        let has_undated = c.middle.iter().any(Option::is_none);
        let full = full_view(c.extent);
        let shown = cfg.view.map_or(full, |v| v.within(full));
        let zone_shown = has_undated && shown.reaches_end(full);
        let runs = time_runs(width, has_undated);
        let (x0, x1) = runs[usize::from(zone_shown)];
        let zone_w = if zone_shown { zone_width(width) } else { 0.0 };
        Across {
            t,
            c,
            cfg,
            width,
            small,
            x0,
            x1,
            zone_w,
            zone_shown,
            runs,
            zoom_row: None,
            scale: TimeScale::new((shown.start, shown.end), (x0, x1)),
            full,
            shown,
            heading_y: Vec::new(),
            band_y: Vec::new(),
            lane_top: Vec::new(),
            axis_y: 0.0,
            labels: Vec::new(),
        }
    }

    /// Where marks may be drawn across the chart: the time range with room for a marker's
    /// target at each end, short of the next zone.
    fn clip(&self) -> (f64, f64) {
        let right = if self.zone_w > 0.0 {
            self.x1 + 4.0
        } else {
            self.width - PAD
        };
        (PAD, right)
    }

    /// Where each subject's heading, band and lanes go, one subject under the other, and the
    /// axis under them all.
    fn sections(&mut self, lanes: &[Vec<Vec<Item>>]) {
        let mut y = BAND_Y;
        // The zoom buttons' row comes first, where what the lanes need cannot move it.
        if self.cfg.zoom_buttons && self.c.extent.is_some() {
            self.zoom_row = Some(y);
            y += BUTTON_PX + 10.0;
        }
        for (s, sec) in self.c.sections.iter().enumerate() {
            if s > 0 {
                y += SECTION_GAP;
            }
            let listed = self.t.subjects.get(s).is_some_and(|x| x.is_listed());
            self.heading_y.push(listed.then_some(y));
            if listed {
                y += self.cfg.font_px + 8.0;
            }
            self.band_y.push(y);
            y += BAND_H + 10.0;
            for li in sec.lanes.clone() {
                self.lane_top.push(y);
                y += LANE_H + (lanes[li].len().max(1) - 1) as f64 * ROW_H;
            }
        }
        self.axis_y = y + 6.0;
    }

    fn zone_width(&self) -> Option<(f64, f64)> {
        self.zone_shown
            .then_some((self.width - PAD - self.zone_w, self.zone_w))
    }

    /// The items of each lane, packed into rows: `lanes[lane][row]` in order across. Also the
    /// dated events outside the window, in reading order.
    fn items(&self, zone: Option<(f64, f64)>) -> (Vec<Vec<Vec<Item>>>, Vec<Beyond>) {
        let n_lanes = self.c.lanes.len();
        let mut dated: Vec<Vec<Item>> = vec![Vec::new(); n_lanes];
        let mut undated: Vec<Vec<usize>> = vec![Vec::new(); n_lanes];
        let mut outside = Vec::new();
        for &i in &self.c.order {
            let lane = self.c.lane_of[i];
            match self.single(i) {
                Ok(Some(item)) => group(&mut dated[lane], item),
                Ok(None) if zone.is_some() => undated[lane].push(i),
                // Undated and expected, after a window that stops short of the end: outside
                // it, at the end of the history.
                Ok(None) => outside.push(Beyond {
                    event: i,
                    order: self.c.rank[i],
                    day: self.full.end - 1.0,
                }),
                Err(day) => outside.push(Beyond {
                    event: i,
                    order: self.c.rank[i],
                    day,
                }),
            }
        }
        let lanes = dated
            .into_iter()
            .zip(undated)
            .map(|(items, undated)| {
                let mut rows = pack(items, &self.c.rank);
                if let Some((zx, zw)) = zone {
                    place_undated(&mut rows, &undated, zx, zw);
                }
                rows
            })
            .collect();
        (lanes, outside)
    }

    /// The item of event `i` alone: `Ok(None)` when it is undated, `Err(middle day)` when it
    /// lies outside the window.
    fn single(&self, i: usize) -> Result<Option<Item>, f64> {
        let e = &self.t.events[i];
        let Some((a, b)) = e.span() else {
            return Ok(None);
        };
        let (d0, d1) = (a.first_day() as f64, (b.last_day() + 1) as f64);
        let published = e
            .date
            .and(e.published)
            .map(|p| (p.first_day() + p.last_day() + 1) as f64 / 2.0);
        let (v0, v1) = (self.shown.start, self.shown.end);
        // The event's own days decide whether the window shows it (its days run from `d0` up
        // to, not including, `d1`): a report published inside a window that misses the visit
        // does not bring the visit's marker in, pinned to an edge at a time it never covered.
        if d1 <= v0 || d0 >= v1 {
            return Err((d0 + d1) / 2.0);
        }
        let (left, right) = self.clip();
        let (sx0, sx1) = (self.scale.map(d0), self.scale.map(d1));
        let (bx0, bx1) = (sx0.max(left), sx1.min(right));
        // The marker stands in the middle of the event's days, or of the part of them the
        // window shows, so that it is always at a time the event covers.
        let x = self
            .scale
            .map((d0.max(v0) + d1.min(v1)) / 2.0)
            .clamp(left + MIN_TARGET, right - MIN_TARGET);
        // A period wider than the marker gets its bar; a single known day never does, however
        // far in the reader zooms: the marker is its place, and the legend's bar means a date
        // known only to the month or year (or a visit of several days).
        let bar = (bx1 - bx0 > 2.0 * MARK_R && d1 - d0 > 1.0).then_some((bx0, bx1));
        let published_x = published
            .map(|p| self.scale.map(p))
            .filter(|px| (px - x).abs() > MARK_R + 3.0 && *px >= left && *px <= right);
        let (mut lo, mut hi) = (x - MIN_TARGET, x + MIN_TARGET);
        if let Some((a, b)) = bar {
            lo = lo.min(a);
            hi = hi.max(b);
        }
        if let Some(px) = published_x {
            lo = lo.min(px - 6.0);
            hi = hi.max(px + 6.0);
        }
        Ok(Some(Item {
            events: vec![i],
            first: x,
            last: x,
            bar,
            bar_cut: [sx0 < left, sx1 > right],
            published_x,
            lo,
            hi,
            days: Some((d0, d1)),
        }))
    }

    /// Subject and lane headings, and the rule under each row of marks; a rule between one
    /// subject and the next.
    fn lanes(&mut self, lanes: &[Vec<Vec<Item>>]) -> Vec<Rule> {
        let mut rules = Vec::new();
        for (s, sec) in self.c.sections.iter().enumerate() {
            if let Some(y) = self.heading_y[s] {
                self.subject_heading(s, y, &mut rules);
            }
            for li in sec.lanes.clone() {
                self.lane(li, lanes[li].len(), &mut rules);
            }
        }
        rules
    }

    /// A subject's name over its part of the chart, with a rule above it that parts it from
    /// the subject before.
    fn subject_heading(&mut self, s: usize, y: f64, rules: &mut Vec<Rule>) {
        if s > 0 {
            let ry = y - SECTION_GAP / 2.0;
            rules.push(Rule {
                from: Point { x: PAD, y: ry },
                to: Point {
                    x: self.width - PAD,
                    y: ry,
                },
            });
        }
        let px = self.cfg.font_px;
        let label = &self.t.subjects[s].label;
        if let Some(text) = self.cfg.ellipsize(label, px, self.width - 2.0 * PAD) {
            self.labels.push(Label {
                x: PAD,
                y,
                text,
                px,
                anchor: Anchor::Start,
                ink: Ink::Text,
                bold: true,
            });
        }
    }

    /// Lane `li`'s heading, and the rule under each of its `rows` rows of marks.
    fn lane(&mut self, li: usize, rows: usize, rules: &mut Vec<Rule>) {
        let y = self.lane_top[li];
        {
            let w = &self.cfg.locale.words;
            let name = words::lane_name(&self.c.lanes[li], w);
            let text = words::lane_heading(name, self.c.lane_visits[li], w);
            if let Some(text) = self
                .cfg
                .ellipsize(&text, self.small, self.width - 2.0 * PAD)
            {
                self.labels.push(Label {
                    x: PAD,
                    y,
                    text,
                    px: self.small,
                    anchor: Anchor::Start,
                    ink: Ink::Muted,
                    bold: false,
                });
            }
        }
        for row in 0..rows.max(1) {
            let y = self.row_center(li, row);
            rules.push(Rule {
                from: Point { x: PAD, y },
                to: Point {
                    x: self.width - PAD,
                    y,
                },
            });
        }
    }

    fn row_center(&self, lane: usize, row: usize) -> f64 {
        self.lane_top[lane] + self.small + 18.0 + row as f64 * ROW_H
    }

    /// The zone at the right for undated expected events, if there are any.
    fn zone(&self) -> Option<NextZone> {
        self.zone_shown.then_some(NextZone {
            rect: Rect {
                x0: self.width - PAD - self.zone_w,
                y0: self.band_y.first().map_or(BAND_Y, |y| y + BAND_H + 10.0) - 4.0,
                x1: self.width - PAD,
                y1: self.axis_y,
            },
        })
    }

    /// A mark for every item, lane by lane and row by row.
    fn marks(&self, lanes: &[Vec<Vec<Item>>]) -> Vec<Mark> {
        let mut marks = Vec::new();
        for (li, rows) in lanes.iter().enumerate() {
            for (ri, row) in rows.iter().enumerate() {
                let y = self.row_center(li, ri);
                marks.extend(row.iter().map(|item| self.mark(item, y)));
            }
        }
        marks
    }

    /// The mark of `item` on the row whose centre line is `y`, with its target.
    fn mark(&self, item: &Item, y: f64) -> Mark {
        let i = item.events[0];
        let e = &self.t.events[i];
        let x = item.center();
        let cluster = item.is_cluster().then(|| Cluster {
            events: item.events.clone(),
            orders: item.events.iter().map(|&e| self.c.rank[e]).collect(),
            reach: (item.first, item.last),
            days: item.days,
        });
        let half = MIN_TARGET;
        let hit = Rect {
            x0: item.lo.min(x - half),
            y0: y - half,
            x1: item.hi.max(x + half),
            y1: y + half,
        };
        let kind =
            if cluster.is_some() && item.events.iter().any(|&j| self.t.events[j].kind != e.kind) {
                Kind::Other
            } else {
                e.kind
            };
        Mark {
            event: i,
            order: self.c.rank[i],
            kind,
            shape: shape_of(kind),
            expected: item
                .events
                .iter()
                .all(|&j| self.t.events[j].status == Status::Expected),
            center: Point { x, y },
            r: if cluster.is_some() { CLUSTER_R } else { MARK_R },
            bar: item.bar,
            bar_cut: item.bar_cut,
            published_x: item.published_x,
            number: if cluster.is_some() {
                None
            } else {
                self.c.numbers[i]
            },
            day: item.days.map_or(f64::INFINITY, |(a, b)| (a + b) / 2.0),
            hit,
            cluster,
        }
    }

    /// Short labels under single marks, each kept between its neighbours in the row: it may
    /// not reach the next mark's centre or touch the previous label, and is shortened with an
    /// ellipsis, or left out, to fit. The card always has the full text.
    fn mark_labels(&mut self, lanes: &[Vec<Vec<Item>>], marks: &[Mark]) {
        let mut next_mark = 0;
        for rows in lanes {
            for row in rows {
                let mut prev_right = f64::NEG_INFINITY;
                for (k, item) in row.iter().enumerate() {
                    let m = &marks[next_mark];
                    next_mark += 1;
                    if item.is_cluster() {
                        prev_right = prev_right.max(m.center.x + m.r);
                        continue;
                    }
                    let e = &self.t.events[m.event];
                    let Some(text) = words::mark_label(self.t, e, m.number, &self.cfg.locale.words)
                    else {
                        continue;
                    };
                    let lo = (prev_right + 6.0).max(PAD);
                    let hi = row
                        .get(k + 1)
                        .map_or(self.width - PAD, |n| n.center() - 4.0)
                        .min(self.width - PAD);
                    let x = m.center.x;
                    if x < lo || x > hi {
                        continue;
                    }
                    let Some(text) = self.cfg.ellipsize(&text, self.small, hi - lo) else {
                        continue;
                    };
                    let w = self.cfg.width_of(&text, self.small);
                    if text.chars().count() < 4 && text.ends_with('…') {
                        continue;
                    }
                    let left = (x - w / 2.0).clamp(lo, (hi - w).max(lo));
                    prev_right = left + w;
                    self.labels.push(Label {
                        x: left + w / 2.0,
                        y: m.center.y + MARK_R + 4.0,
                        text,
                        px: self.small,
                        anchor: Anchor::Middle,
                        ink: Ink::Text,
                        bold: false,
                    });
                }
            }
        }
    }

    fn zone_label(&mut self, zone: Option<&NextZone>) {
        if let Some(z) = zone {
            self.labels.push(Label {
                x: (z.rect.x0 + z.rect.x1) / 2.0,
                y: self.axis_y + 8.0,
                text: self.cfg.locale.words.get(Key::Next).into(),
                px: self.small,
                anchor: Anchor::Middle,
                ink: Ink::Muted,
                bold: true,
            });
        }
    }
}
