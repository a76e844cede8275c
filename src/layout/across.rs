//! The wide layout: time runs across the page, rating bands along the top, a lane of markers
//! for each kind of event, the axis under them, then the legend.
//!
//! [`Across`] holds the geometry every phase shares; [`layout`] runs the phases in the order
//! their labels are drawn. Every event is looked at once, to find whether it is in the window
//! of time shown (and to count it for the overview); only those in the window are laid out
//! and drawn, so the drawing follows what fits on the screen, not the length of the history. Within a lane nothing collides:
//! marks that would overlap share a counted cluster, and periods that overlap are stacked
//! into rows, as many as [`MAX_ROWS`]; what would need more joins a cluster.

use super::legend::legend;
use super::{
    shape_of, small_px, words, Anchor, Axis, AxisTick, Band, Beyond, Cluster, Ink, Label,
    LayoutConfig, Mark, NextZone, Overview, Point, Rect, Rule, Scene, TimeWindow, BAND_H,
    CLUSTER_R, MARK_R, MIN_TARGET, OVERVIEW_COLUMN, PAD,
};
use crate::chronology::{order_by, permute, Chronology};
use crate::model::{Kind, Status, Timeline};
use crate::scale::{Tick, TimeScale};
use crate::text::{ellipsize, estimate_width};
use crate::view::View;

/// Height of a lane with one row of marks: its heading, the marks and their labels.
const LANE_H: f64 = 62.0;
/// Height of each further row a lane grows by when its periods overlap.
const ROW_H: f64 = 40.0;
/// The most rows of marks in one lane; items that would need another join a cluster.
pub const MAX_ROWS: usize = 3;
/// Space kept clear between neighbouring items in a row.
const GAP: f64 = 4.0;
/// Marks whose centres are closer than this would touch: they are drawn as one cluster.
const CLOSE: f64 = 2.0 * MARK_R * 1.3 + 2.0;
/// A cluster gathers marks over at most this many pixels, so that it stays near its events.
const CLUSTER_REACH: f64 = 2.0 * CLOSE;
/// Distance between undated expected events side by side in the next zone.
const ZONE_STEP: f64 = 2.0 * MIN_TARGET + 4.0;
/// Height of the overview strip of a zoomed chart.
const OVERVIEW_H: f64 = 24.0;
/// Top of the rating bands.
const BAND_Y: f64 = 8.0;

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
    /// Width of the next zone for undated events; zero when there are none.
    zone_w: f64,
    scale: TimeScale,
    /// The whole history and the part of it shown.
    full: View,
    shown: View,
    /// The latest day the data knows of, where a current rating stops being reported.
    last_known: f64,
    lanes_y: f64,
    /// The top of each lane, and of the axis under the last.
    lane_top: Vec<f64>,
    axis_y: f64,
    labels: Vec<Label>,
}

/// Something drawn in a lane before it has a row: one event, or a cluster of several.
#[derive(Clone, Debug)]
struct Item {
    /// Events in reading order.
    events: Vec<usize>,
    /// Centres of the first and last event's marks.
    first: f64,
    last: f64,
    /// The period bar and publication tick of a single event.
    bar: Option<(f64, f64)>,
    published_x: Option<f64>,
    /// Where the item's marks, bars and targets begin and end across the chart.
    lo: f64,
    hi: f64,
    /// First and last day (exclusive) of the events' periods, for zooming into a cluster;
    /// `None` for undated events.
    days: Option<(f64, f64)>,
}

impl Item {
    fn is_cluster(&self) -> bool {
        self.events.len() > 1
    }

    fn center(&self) -> f64 {
        if self.is_cluster() {
            (self.first + self.last) / 2.0
        } else {
            self.first
        }
    }

    /// The extent of a cluster: its badge and the reach of its events.
    fn cluster_extent(&mut self) {
        let c = self.center();
        self.lo = self.first.min(c - MIN_TARGET);
        self.hi = self.last.max(c + MIN_TARGET);
        self.bar = None;
        self.published_x = None;
    }

    /// Takes `other`'s events into this item, which becomes (or stays) a cluster.
    fn absorb(&mut self, other: Item) {
        self.events.extend(other.events);
        self.first = self.first.min(other.first);
        self.last = self.last.max(other.last);
        self.days = match (self.days, other.days) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        };
        self.cluster_extent();
    }
}

/// Lays `t` out with time across `cfg.width`, showing `cfg.view` or the whole history.
pub fn layout(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Scene {
    let mut a = Across::new(t, c, cfg);
    let bands = a.bands();
    let zone = a.zone_width();
    let (lanes, outside) = a.items(zone);
    let rules = a.lanes(&lanes);
    let zone = a.zone();
    let marks = a.marks(&lanes);
    a.mark_labels(&lanes, &marks);
    a.zone_label(zone.as_ref());
    // With nothing dated there is no time to show: no axis, no zoom.
    let dated = extent(t).is_some();
    let axis = dated.then(|| a.axis());
    let mut top = a.axis_y + 8.0 + a.small + 14.0;
    let overview = (dated && !a.shown.shows_all(a.full)).then(|| a.overview(top - 4.0));
    if let Some(o) = &overview {
        top = o.rect.y1 + 14.0;
    }
    let (legend, height) = legend(t, &marks, a.width, top, a.small, &mut a.labels);
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
        }),
        overview,
        grid: Default::default(),
    }
}

/// The days the time axis must show: from the first to the last of every dated period's
/// start and end, every publication, and the day after `updated`. `None` when nothing is dated.
fn extent(t: &Timeline) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut take = |a: f64, b: f64| {
        lo = lo.min(a);
        hi = hi.max(b);
    };
    for e in &t.events {
        let periods = [e.span(), e.published.map(|p| (p, p))];
        for (a, b) in periods.into_iter().flatten() {
            take(a.first_day() as f64, (b.last_day() + 1) as f64);
        }
    }
    if let Some(u) = t.updated {
        let d = (u.last_day() + 1) as f64;
        take(d, d);
    }
    lo.is_finite().then_some((lo, hi))
}

/// The whole history the wide layout can show for `t`: its dated extent with a margin, so
/// that markers at the ends are not cut.
pub fn full_view(t: &Timeline) -> View {
    let (lo, hi) = extent(t).unwrap_or((0.0, 365.0));
    let margin = ((hi - lo) * 0.04).max(20.0);
    View {
        start: lo - margin,
        end: hi + margin,
    }
}

impl<'a> Across<'a> {
    /// The frame of the chart: the width, where time runs, and the window shown.
    fn new(t: &'a Timeline, c: &'a Chronology, cfg: &'a LayoutConfig) -> Self {
        let width = cfg.width.max(200.0);
        let small = small_px(cfg);
        let has_undated = t.events.iter().any(|e| e.span().is_none());
        let zone_w = if has_undated {
            (width * 0.16).clamp(64.0, 140.0)
        } else {
            0.0
        };
        let x0 = PAD + MIN_TARGET;
        let x1 = width
            - PAD
            - if has_undated {
                zone_w + 10.0
            } else {
                MIN_TARGET
            };
        let full = full_view(t);
        let shown = cfg.view.map_or(full, |v| v.within(full));
        Across {
            t,
            c,
            cfg,
            width,
            small,
            x0,
            x1,
            zone_w,
            scale: TimeScale::new((shown.start, shown.end), (x0, x1)),
            full,
            shown,
            last_known: extent(t).map_or(full.end, |(_, hi)| hi),
            lanes_y: BAND_Y + BAND_H + 10.0,
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

    /// Rating bands: each graded event's rating holds until the next graded event, or until
    /// the latest thing the data knows, then fades into the next zone. Bands are cut to the
    /// window shown.
    fn bands(&mut self) -> Vec<Band> {
        let t = self.t;
        // Bands follow each other in order of their start, which for dates of different
        // precision need not be reading order (a year's middle comes after a March day).
        let start_of = |i: usize| {
            t.events[i]
                .span()
                .map_or(f64::INFINITY, |(s, _)| s.first_day() as f64)
        };
        let key: Vec<f64> = self.c.graded.iter().map(|&i| start_of(i)).collect();
        let graded = permute(self.c.graded.clone(), &order_by(&key));
        let graded = &graded;
        let (left, _) = self.clip();
        let end = if self.zone_w > 0.0 {
            self.width - PAD
        } else {
            self.x1 + MIN_TARGET
        };
        let at = |day: f64| self.scale.map(day).clamp(left, end);
        let mut bands = Vec::new();
        for (n, &i) in graded.iter().enumerate() {
            let e = &t.events[i];
            let (Some(grade), Some((start, _))) = (e.rating, e.span()) else {
                continue;
            };
            let Some(g) = t.scale.get(grade) else {
                continue;
            };
            let bx0 = at(start.first_day() as f64);
            let (bx1, known_until) = match graded.get(n + 1) {
                Some(&next) => {
                    let x = t.events[next]
                        .span()
                        .map_or(end, |(s, _)| at(s.first_day() as f64));
                    (x, x)
                }
                None => (end, at(self.last_known)),
            };
            if bx1 <= bx0 {
                continue;
            }
            let room = (known_until - bx0 - 12.0).max(0.0);
            if let Some(text) = words::band(g, &start, &self.cfg.locale, self.small, room) {
                self.labels.push(Label {
                    x: bx0 + 6.0,
                    y: BAND_Y + (BAND_H - self.small) / 2.0,
                    text,
                    px: self.small,
                    anchor: Anchor::Start,
                    ink: Ink::OnGrade(grade),
                    bold: true,
                });
            }
            bands.push(Band {
                rect: Rect {
                    x0: bx0,
                    y0: BAND_Y,
                    x1: bx1,
                    y1: BAND_Y + BAND_H,
                },
                grade,
                known_until,
                vertical: false,
            });
        }
        bands
    }

    fn zone_width(&self) -> Option<(f64, f64)> {
        (self.zone_w > 0.0).then_some((self.width - PAD - self.zone_w, self.zone_w))
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
                Ok(None) => undated[lane].push(i),
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
        let seen = d1 >= v0 && d0 <= v1 || published.is_some_and(|p| p >= v0 && p <= v1);
        if !seen {
            return Err((d0 + d1) / 2.0);
        }
        let (left, right) = self.clip();
        let bx0 = self.scale.map(d0).max(left);
        let bx1 = self.scale.map(d1).min(right);
        let x = self
            .scale
            .map((d0 + d1) / 2.0)
            .clamp(left + MIN_TARGET, right - MIN_TARGET);
        let bar = (bx1 - bx0 > 2.0 * MARK_R).then_some((bx0, bx1));
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
            published_x,
            lo,
            hi,
            days: Some((d0, d1)),
        }))
    }

    /// Lane headings and their lanes' tops, and the rule under each row of marks.
    fn lanes(&mut self, lanes: &[Vec<Vec<Item>>]) -> Vec<Rule> {
        let mut rules = Vec::new();
        let mut y = self.lanes_y;
        for (li, name) in self.c.lanes.iter().enumerate() {
            self.lane_top.push(y);
            let text = words::lane_heading(name, self.c.lane_visits[li]);
            if let Some(text) = ellipsize(&text, self.small, self.width - 2.0 * PAD) {
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
            let rows = lanes[li].len().max(1);
            for row in 0..rows {
                let y = self.row_center(li, row);
                rules.push(Rule {
                    from: Point { x: PAD, y },
                    to: Point {
                        x: self.width - PAD,
                        y,
                    },
                });
            }
            y += LANE_H + (rows - 1) as f64 * ROW_H;
        }
        self.axis_y = y + 6.0;
        rules
    }

    fn row_center(&self, lane: usize, row: usize) -> f64 {
        self.lane_top[lane] + self.small + 18.0 + row as f64 * ROW_H
    }

    /// The zone at the right for undated expected events, if there are any.
    fn zone(&self) -> Option<NextZone> {
        (self.zone_w > 0.0).then_some(NextZone {
            rect: Rect {
                x0: self.width - PAD - self.zone_w,
                y0: self.lanes_y - 4.0,
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
            published_x: item.published_x,
            number: if cluster.is_some() {
                None
            } else {
                self.c.numbers[i]
            },
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
                    let Some(text) = words::mark_label(self.t, e, m.number) else {
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
                    let Some(text) = ellipsize(&text, self.small, hi - lo) else {
                        continue;
                    };
                    let w = estimate_width(&text, self.small);
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
                text: words::NEXT.into(),
                px: self.small,
                anchor: Anchor::Middle,
                ink: Ink::Muted,
                bold: true,
            });
        }
    }

    /// Axis ticks and their labels, most important first: years, then months, then days,
    /// each wherever it fits without touching a label already placed (or the zone's "Next").
    fn axis(&mut self) -> Axis {
        let y = self.axis_y + 8.0;
        let ticks: Vec<Tick> = self.scale.ticks(self.small * 0.6, &self.cfg.locale);
        let mut taken: Vec<(f64, f64)> = self
            .labels
            .iter()
            .filter(|l| l.y == y)
            .map(|l| {
                let w = estimate_width(&l.text, l.px);
                (l.x - w / 2.0, l.x + w / 2.0)
            })
            .collect();
        let levels = ticks.iter().map(|t| t.level).max().unwrap_or(0);
        for level in 0..=levels {
            for tk in ticks.iter().filter(|tk| tk.level == level) {
                let Some(text) = &tk.label else { continue };
                let x = self.scale.map(tk.day);
                let w = estimate_width(text, self.small);
                let major = tk.major;
                let (x0, anchor) = if major {
                    (x + 3.0, Anchor::Start)
                } else {
                    (x - w / 2.0, Anchor::Middle)
                };
                let span = (x0 - 4.0, x0 + w + 4.0);
                let clash = taken.iter().any(|t| t.0 < span.1 && span.0 < t.1);
                if span.0 < 0.0 || span.1 > self.width || clash {
                    continue;
                }
                taken.push(span);
                self.labels.push(Label {
                    x: if major { x0 } else { x },
                    y,
                    text: text.clone(),
                    px: self.small,
                    anchor,
                    ink: if major { Ink::Text } else { Ink::Muted },
                    bold: major,
                });
            }
        }
        Axis {
            y: self.axis_y,
            x0: PAD,
            x1: self.width - PAD,
            ticks: ticks
                .iter()
                .map(|tk| AxisTick {
                    x: self.scale.map(tk.day),
                    major: tk.major,
                })
                .filter(|tk| tk.x >= self.x0 - MIN_TARGET && tk.x <= self.x1 + MIN_TARGET)
                .collect(),
        }
    }
}

impl Across<'_> {
    /// The overview strip at `y`: every dated event counted into columns of the whole
    /// history, and the window shown.
    fn overview(&self, y: f64) -> Overview {
        let (x0, x1) = (self.x0, self.x1);
        let scale = TimeScale::new((self.full.start, self.full.end), (x0, x1));
        let columns = ((x1 - x0) / OVERVIEW_COLUMN).ceil().max(1.0) as usize;
        let mut counts = vec![0u32; columns];
        for e in &self.t.events {
            if let Some((a, b)) = e.span() {
                let mid = (a.first_day() + b.last_day() + 1) as f64 / 2.0;
                let k = ((scale.map(mid) - x0) / OVERVIEW_COLUMN).floor();
                counts[(k.max(0.0) as usize).min(columns - 1)] += 1;
            }
        }
        Overview {
            rect: Rect {
                x0,
                y0: y,
                x1,
                y1: y + OVERVIEW_H,
            },
            scale,
            counts,
            window: (scale.map(self.shown.start), scale.map(self.shown.end)),
        }
    }
}

/// Adds `item` to a lane's items in reading order, joining it to the last one when their
/// marks would touch, so close events become one counted cluster.
fn group(items: &mut Vec<Item>, item: Item) {
    if let Some(last) = items.last_mut() {
        if item.first - last.last < CLOSE && item.last - last.first <= CLUSTER_REACH {
            last.absorb(item);
            return;
        }
    }
    items.push(item);
}

/// Packs a lane's items into rows, first fit in order of where they begin (as vis-timeline
/// stacks items), so that no two in a row overlap. An item that fits in none of
/// [`MAX_ROWS`] rows joins the item it runs into on the last row, as a cluster.
fn pack(items: Vec<Item>, rank: &[usize]) -> Vec<Vec<Item>> {
    let key: Vec<f64> = items.iter().map(|i| i.lo).collect();
    let items = permute(items, &order_by(&key));
    let mut rows: Vec<Vec<Item>> = Vec::new();
    for item in items {
        let fits = rows
            .iter()
            .position(|row| row.last().map_or(true, |l| l.hi + GAP <= item.lo));
        match fits {
            Some(r) => rows[r].push(item),
            None if rows.len() < MAX_ROWS => rows.push(vec![item]),
            None => {
                let row = rows.last_mut().expect("MAX_ROWS rows exist");
                let last = row.last_mut().expect("rows are never empty");
                last.absorb(item);
            }
        }
    }
    for row in &mut rows {
        for item in row.iter_mut().filter(|i| i.is_cluster()) {
            let key: Vec<f64> = item.events.iter().map(|&e| rank[e] as f64).collect();
            item.events = permute(std::mem::take(&mut item.events), &order_by(&key));
        }
    }
    rows
}

/// Places a lane's undated expected events in the next zone (`x`, `w` wide), side by side
/// and then on further rows; when there are more than the rows hold, the last place is a
/// cluster of the rest.
fn place_undated(rows: &mut Vec<Vec<Item>>, undated: &[usize], x: f64, w: f64) {
    if undated.is_empty() {
        return;
    }
    let per_row = ((w / ZONE_STEP).floor() as usize).max(1);
    let places = per_row * MAX_ROWS;
    let singles = if undated.len() <= places {
        undated.len()
    } else {
        places - 1
    };
    let mut slots: Vec<Vec<usize>> = undated[..singles].iter().map(|&i| vec![i]).collect();
    if singles < undated.len() {
        slots.push(undated[singles..].to_vec());
    }
    let n = slots.len();
    for (k, events) in slots.into_iter().enumerate() {
        let (row, col) = (k / per_row, k % per_row);
        let in_row = (n - row * per_row).min(per_row);
        let cx = x + w / 2.0 + (col as f64 - (in_row - 1) as f64 / 2.0) * ZONE_STEP;
        let mut item = Item {
            events,
            first: cx,
            last: cx,
            bar: None,
            published_x: None,
            lo: cx - MIN_TARGET,
            hi: cx + MIN_TARGET,
            days: None,
        };
        if item.is_cluster() {
            item.cluster_extent();
        }
        while rows.len() <= row {
            rows.push(Vec::new());
        }
        rows[row].push(item);
    }
}
