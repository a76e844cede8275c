//! From a validated [`Timeline`] to a [`Scene`]: every shape and label in CSS pixels.
//!
//! The same scene is painted by [`crate::render`] and queried by [`Scene::hit_test`], so what a
//! reader sees is exactly what they can hover. Marks are stored in reading order (by time, then
//! file order), which is also the keyboard order.

use crate::date::{range, Locale, PartialDate};
use crate::model::{Event, Grade, Kind, Rgb, Status, Timeline};
use crate::scale::{Tick, TimeScale};
use crate::text::{ellipsize, estimate_width, lower_first, number_word};

/// What the layout needs to know about the place it draws into.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutConfig {
    /// Width of the drawing in CSS pixels.
    pub width: f64,
    /// Size of label text in CSS pixels.
    pub font_px: f64,
    /// How dates are written.
    pub locale: Locale,
    /// Colours that replace the data's for some grades, by grade id (a page's theme).
    pub grade_colors: Vec<(String, Rgb)>,
}

impl LayoutConfig {
    /// The colour a grade is drawn in: the theme's, if it sets one, else the data's.
    pub fn grade_color(&self, g: &Grade) -> Rgb {
        self.grade_colors
            .iter()
            .find(|(id, _)| *id == g.id)
            .map_or(g.color, |(_, c)| *c)
    }
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            width: 640.0,
            font_px: 13.0,
            locale: Locale::en_gb(),
            grade_colors: Vec::new(),
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

/// Colours a scene refers to by role; [`crate::render::Theme`] turns them into colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    Text,
    Muted,
    Kind(Kind),
    /// Text on the rating band; the band's colour decides light or dark.
    OnBand(Rgb),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// One event on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into [`Timeline::events`].
    pub event: usize,
    pub kind: Kind,
    pub shape: Shape,
    pub expected: bool,
    pub center: Point,
    /// Half the marker's size.
    pub r: f64,
    /// The period the date covers when it is wider than the marker: a month, a year, or a
    /// visit of several days.
    pub bar: Option<(f64, f64)>,
    /// Where the report's publication sits, when it differs from the visit.
    pub published_x: Option<f64>,
    /// Derived number of a monitoring visit since the last graded inspection.
    pub number: Option<usize>,
    /// Everything that reacts to the pointer: at least 24 px square around the marker, and
    /// any bar or publication tick.
    pub hit: Rect,
}

/// The rating in force over a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub rect: Rect,
    pub color: Rgb,
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

/// A legend entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    Marker(Shape, Kind, bool),
    Bar,
    Published,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub at: Point,
    pub swatch: Swatch,
}

/// Everything to draw, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The phone layout: one row per event down the page, instead of time across it.
    pub vertical: bool,
    pub bands: Vec<Band>,
    /// Light rules: the lines that carry a lane's markers, the spine of the phone layout,
    /// year dividers.
    pub rules: Vec<(Point, Point)>,
    pub marks: Vec<Mark>,
    pub axis_y: f64,
    pub axis_x: (f64, f64),
    pub ticks: Vec<(f64, bool)>,
    pub next_zone: Option<NextZone>,
    pub legend: Vec<LegendItem>,
    pub labels: Vec<Label>,
}

/// How the regulator's rule for councils rated inadequate reads in the data.
pub const MONITORING_RULE: (usize, usize) = (4, 6);

const PAD: f64 = 12.0;
const BAND_H: f64 = 24.0;
const LANE_H: f64 = 62.0;
const MARK_R: f64 = 7.0;
const MIN_TARGET: f64 = 12.0;
/// How far from a mark's target a pointer may be and still pick it.
pub const HIT_RADIUS: f64 = 14.0;

fn lane_key(e: &Event) -> String {
    e.lane.clone().unwrap_or_else(|| {
        match e.kind {
            Kind::Inspection | Kind::Reinspection => "Inspections",
            Kind::MonitoringVisit => "Monitoring visits",
            Kind::Other => "Other events",
        }
        .to_string()
    })
}

/// Event indices in reading order: by the middle of their period, then file order; undated
/// expected events last.
pub fn reading_order(t: &Timeline) -> Vec<usize> {
    let mut order: Vec<usize> = (0..t.events.len()).collect();
    let key = |i: &usize| {
        t.events[*i].span().map_or(f64::INFINITY, |(a, b)| {
            (a.first_day() + b.last_day() + 1) as f64 / 2.0
        })
    };
    order.sort_by(|a, b| key(a).total_cmp(&key(b)).then(a.cmp(b)));
    order
}

/// The words on a rating band, as long as `room` allows: "Rated inadequate since November
/// 2021", else the grade's name, else that name shortened.
fn band_label(
    g: &Grade,
    start: &PartialDate,
    cfg: &LayoutConfig,
    x: f64,
    y: f64,
    room: f64,
    px: f64,
) -> Option<Label> {
    let long = format!(
        "Rated {} since {}",
        lower_first(&g.label),
        start.long(&cfg.locale)
    );
    let text = [long, g.label.clone()]
        .into_iter()
        .find(|s| estimate_width(s, px) <= room)
        .or_else(|| ellipsize(&g.label, px, room))?;
    Some(Label {
        x,
        y,
        text,
        px,
        anchor: Anchor::Start,
        ink: Ink::OnBand(cfg.grade_color(g)),
        bold: true,
    })
}

/// The done, dated events that gave a rating, in reading order: each starts a rating band.
fn graded_events(t: &Timeline, order: &[usize]) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&i| {
            let e = &t.events[i];
            e.kind.is_graded()
                && e.status == Status::Done
                && e.rating.is_some()
                && e.span().is_some()
        })
        .collect()
}

/// For each event (by index), its number among the monitoring visits since the last graded
/// inspection, when that inspection gave the worst grade of the scale, whose visits the
/// regulator's four-to-six rule counts.
pub fn visit_numbers(t: &Timeline) -> Vec<Option<usize>> {
    let mut out = vec![None; t.events.len()];
    let worst = t.scale.len().checked_sub(1);
    let mut counting = false;
    let mut n = 0;
    for i in reading_order(t) {
        let e = &t.events[i];
        if e.kind.is_graded() && e.status == Status::Done && e.rating.is_some() {
            counting = e.rating == worst;
            n = 0;
        } else if counting && e.kind == Kind::MonitoringVisit && e.status == Status::Done {
            n += 1;
            out[i] = Some(n);
        }
    }
    out
}

/// Widths below this get the phone layout: one row per event down the page.
pub const PHONE_BELOW: f64 = 480.0;

/// Lays the timeline out for `cfg.width`: time across the page, or, below [`PHONE_BELOW`],
/// one row per event down it.
pub fn layout(t: &Timeline, cfg: &LayoutConfig) -> Scene {
    if cfg.width < PHONE_BELOW {
        layout_rows(t, cfg)
    } else {
        layout_across(t, cfg)
    }
}

fn layout_across(t: &Timeline, cfg: &LayoutConfig) -> Scene {
    let width = cfg.width.max(200.0);
    let fs = cfg.font_px;
    let small = (fs * 0.85).round();
    let order = reading_order(t);
    let numbers = visit_numbers(t);

    // Lanes in order of first appearance, so the earliest kind of event sits on top.
    let mut lanes: Vec<String> = Vec::new();
    for &i in &order {
        let k = lane_key(&t.events[i]);
        if !lanes.contains(&k) {
            lanes.push(k);
        }
    }

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

    // The domain covers every dated period, the band's end and the `updated` date, with a
    // margin so that markers at the ends are not cut.
    let mut days: Vec<f64> = Vec::new();
    for e in &t.events {
        if let Some((a, b)) = e.span() {
            days.push(a.first_day() as f64);
            days.push((b.last_day() + 1) as f64);
        }
        if let Some(p) = e.published {
            days.push(p.first_day() as f64);
            days.push((p.last_day() + 1) as f64);
        }
    }
    if let Some(u) = t.updated {
        days.push((u.last_day() + 1) as f64);
    }
    let lo = days.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = days.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() {
        (lo, hi)
    } else {
        (0.0, 365.0)
    };
    let margin = ((hi - lo) * 0.04).max(20.0);
    let scale = TimeScale::new((lo - margin, hi + margin), (x0, x1));

    let mut labels = Vec::new();
    let band_y = 8.0;
    let lanes_y = band_y + BAND_H + 10.0;
    let lane_center = |lane: usize| lanes_y + lane as f64 * LANE_H + small + 18.0;
    let axis_y = lanes_y + lanes.len() as f64 * LANE_H + 6.0;

    // Rating bands: each graded event's rating holds until the next graded event, or until
    // the latest thing the data knows.
    let graded = graded_events(t, &order);
    let last_known = hi;
    let mut bands = Vec::new();
    for (n, &i) in graded.iter().enumerate() {
        let e = &t.events[i];
        let Some(grade) = e.rating.and_then(|r| t.scale.get(r)) else {
            continue;
        };
        let (start, _) = e.span().unwrap_or_else(|| unreachable!("filtered above"));
        let bx0 = scale.map(start.first_day() as f64);
        let (bx1, known_until) = match graded.get(n + 1) {
            Some(&next) => {
                let x = t.events[next]
                    .span()
                    .map_or(x1, |(s, _)| scale.map(s.first_day() as f64));
                (x, x)
            }
            None => (
                if has_undated {
                    x1 + 10.0 + zone_w
                } else {
                    x1 + MIN_TARGET
                },
                scale.map(last_known),
            ),
        };
        let rect = Rect {
            x0: bx0,
            y0: band_y,
            x1: bx1,
            y1: band_y + BAND_H,
        };
        let room = (known_until - bx0 - 12.0).max(0.0);
        let y = band_y + (BAND_H - small) / 2.0;
        labels.extend(band_label(grade, &start, cfg, bx0 + 6.0, y, room, small));
        bands.push(Band {
            rect,
            color: cfg.grade_color(grade),
            known_until,
            vertical: false,
        });
    }

    // Lane labels and their rules.
    let mut lane_lines = Vec::new();
    for (li, name) in lanes.iter().enumerate() {
        let top = lanes_y + li as f64 * LANE_H;
        let mut text = name.clone();
        let visits = t
            .events
            .iter()
            .enumerate()
            .filter(|(i, e)| lane_key(e) == *name && numbers[*i].is_some())
            .count();
        if visits > 0 {
            let (a, b) = MONITORING_RULE;
            text = format!(
                "{text}: {} so far; {a}–{b} come before re-inspection",
                number_word(visits)
            );
        }
        if let Some(text) = ellipsize(&text, small, width - 2.0 * PAD) {
            labels.push(Label {
                x: PAD,
                y: top,
                text,
                px: small,
                anchor: Anchor::Start,
                ink: Ink::Muted,
                bold: false,
            });
        }
        let y = lane_center(li);
        lane_lines.push((Point { x: PAD, y }, Point { x: width - PAD, y }));
    }

    // Marks. Undated expected events stack in the next zone, one column per lane.
    let zone = has_undated.then_some(NextZone {
        rect: Rect {
            x0: width - PAD - zone_w,
            y0: lanes_y - 4.0,
            x1: width - PAD,
            y1: axis_y,
        },
    });
    let mut marks = Vec::new();
    let mut undated_in_lane = vec![0usize; lanes.len()];
    for &i in &order {
        let e = &t.events[i];
        let lane = lanes.iter().position(|l| *l == lane_key(e)).unwrap_or(0);
        let y = lane_center(lane);
        let (x, bar) = match e.span() {
            Some((a, b)) => {
                let bx0 = scale.map(a.first_day() as f64);
                let bx1 = scale.map((b.last_day() + 1) as f64);
                (
                    (bx0 + bx1) / 2.0,
                    (bx1 - bx0 > 2.0 * MARK_R).then_some((bx0, bx1)),
                )
            }
            None => {
                let z = zone.as_ref().map_or(
                    Rect {
                        x0: x1,
                        y0: 0.0,
                        x1: width,
                        y1: 0.0,
                    },
                    |z| z.rect,
                );
                let k = undated_in_lane[lane];
                undated_in_lane[lane] += 1;
                (
                    z.x0 + zone_w / 2.0 + k as f64 * (2.0 * MIN_TARGET + 4.0),
                    None,
                )
            }
        };
        let published_x = match (e.date, e.published) {
            (Some(_), Some(p)) => {
                let px = scale.map((p.first_day() + p.last_day() + 1) as f64 / 2.0);
                ((px - x).abs() > MARK_R + 3.0).then_some(px)
            }
            _ => None,
        };
        let mut hit = Rect {
            x0: x - MIN_TARGET,
            y0: y - MIN_TARGET,
            x1: x + MIN_TARGET,
            y1: y + MIN_TARGET,
        };
        if let Some((a, b)) = bar {
            hit.x0 = hit.x0.min(a);
            hit.x1 = hit.x1.max(b);
        }
        if let Some(px) = published_x {
            hit.x0 = hit.x0.min(px - 6.0);
            hit.x1 = hit.x1.max(px + 6.0);
        }
        marks.push(Mark {
            event: i,
            kind: e.kind,
            shape: shape_of(e.kind),
            expected: e.status == Status::Expected,
            center: Point { x, y },
            r: MARK_R,
            bar,
            published_x,
            number: numbers[i],
            hit,
        });
    }

    // Short labels under markers, placed left to right where they do not collide.
    let mut last_right = vec![f64::NEG_INFINITY; lanes.len()];
    for m in &marks {
        let e = &t.events[m.event];
        let text = match (m.number, e.kind) {
            (Some(n), _) => format!("Visit {n}"),
            (None, Kind::Inspection | Kind::Reinspection) => {
                match e.rating.and_then(|r| t.scale.get(r)) {
                    Some(g) => g.label.clone(),
                    None => e.kind.label().to_string(),
                }
            }
            _ => continue,
        };
        let text = if m.expected && e.span().is_none() {
            "Expected".to_string()
        } else {
            text
        };
        let lane = lanes.iter().position(|l| *l == lane_key(e)).unwrap_or(0);
        let w = estimate_width(&text, small);
        let left = (m.center.x - w / 2.0).max(PAD);
        let left = left.min(width - PAD - w);
        if left < last_right[lane] + 6.0 {
            continue;
        }
        last_right[lane] = left + w;
        labels.push(Label {
            x: left + w / 2.0,
            y: m.center.y + m.r + 4.0,
            text,
            px: small,
            anchor: Anchor::Middle,
            ink: Ink::Text,
            bold: false,
        });
    }

    if let Some(z) = &zone {
        labels.push(Label {
            x: (z.rect.x0 + z.rect.x1) / 2.0,
            y: axis_y + 8.0,
            text: "Next".into(),
            px: small,
            anchor: Anchor::Middle,
            ink: Ink::Muted,
            bold: true,
        });
    }

    // Axis ticks and their labels: year labels first, then month labels wherever they fit
    // without touching a label already placed (or the zone's "Next").
    let ticks: Vec<Tick> = scale.ticks(small * 0.6, &cfg.locale);
    let tick_lines: Vec<(f64, bool)> = ticks
        .iter()
        .map(|tk| (scale.map(tk.day), tk.major))
        .collect();
    let mut taken: Vec<(f64, f64)> = labels
        .iter()
        .filter(|l| l.y == axis_y + 8.0)
        .map(|l| {
            let w = estimate_width(&l.text, l.px);
            (l.x - w / 2.0, l.x + w / 2.0)
        })
        .collect();
    for major in [true, false] {
        for tk in ticks.iter().filter(|tk| tk.major == major) {
            let Some(text) = &tk.label else { continue };
            let x = scale.map(tk.day);
            let w = estimate_width(text, small);
            let (x0, anchor) = if major {
                (x + 3.0, Anchor::Start)
            } else {
                (x - w / 2.0, Anchor::Middle)
            };
            let span = (x0 - 4.0, x0 + w + 4.0);
            if span.0 < 0.0 || span.1 > width || taken.iter().any(|t| t.0 < span.1 && span.0 < t.1)
            {
                continue;
            }
            taken.push(span);
            labels.push(Label {
                x: if major { x0 } else { x },
                y: axis_y + 8.0,
                text: text.clone(),
                px: small,
                anchor,
                ink: if major { Ink::Text } else { Ink::Muted },
                bold: major,
            });
        }
    }

    let legend_end = legend(
        &marks,
        width,
        axis_y + 8.0 + small + 14.0,
        small,
        &mut labels,
    );
    let (legend, height) = (legend_end.0, legend_end.1);

    Scene {
        width,
        height,
        vertical: false,
        bands,
        rules: lane_lines,
        marks,
        axis_y,
        axis_x: (PAD, width - PAD),
        ticks: tick_lines,
        next_zone: zone,
        legend,
        labels,
    }
}

/// The legend: one entry for each kind of mark the chart uses, wrapped to the width, from
/// `top`. Returns the entries and the height of the chart below them.
fn legend(
    marks: &[Mark],
    width: f64,
    top: f64,
    small: f64,
    labels: &mut Vec<Label>,
) -> (Vec<LegendItem>, f64) {
    let mut entries: Vec<(Swatch, String)> = Vec::new();
    for (_, kind) in Kind::ALL {
        if marks.iter().any(|m| m.kind == kind && !m.expected) {
            entries.push((
                Swatch::Marker(shape_of(kind), kind, false),
                kind.label().to_string(),
            ));
        }
    }
    for (_, kind) in Kind::ALL {
        if marks.iter().any(|m| m.kind == kind && m.expected) {
            entries.push((
                Swatch::Marker(shape_of(kind), kind, true),
                format!("{} (expected)", kind.label()),
            ));
        }
    }
    if marks.iter().any(|m| m.bar.is_some()) {
        entries.push((Swatch::Bar, "Date known only to the month or year".into()));
    }
    if marks.iter().any(|m| m.published_x.is_some()) {
        entries.push((Swatch::Published, "Report published".into()));
    }
    let mut items = Vec::new();
    let row_h = small + 8.0;
    let mut lx = PAD;
    let mut ly = top;
    for (swatch, text) in entries {
        let w = 22.0 + estimate_width(&text, small) + 14.0;
        if lx > PAD && lx + w > width - PAD {
            lx = PAD;
            ly += row_h;
        }
        items.push(LegendItem {
            at: Point {
                x: lx + 7.0,
                y: ly + small / 2.0,
            },
            swatch,
        });
        labels.push(Label {
            x: lx + 20.0,
            y: ly,
            text,
            px: small,
            anchor: Anchor::Start,
            ink: Ink::Muted,
            bold: false,
        });
        lx += w;
    }
    (items, (ly + row_h + 4.0).ceil())
}

/// The phone layout: a row per event in reading order, with its date and title written out,
/// year dividers, the rating as a strip down the left, and each row a tap target.
fn layout_rows(t: &Timeline, cfg: &LayoutConfig) -> Scene {
    const ROW: f64 = 54.0;
    const DIVIDER: f64 = 26.0;
    let width = cfg.width.max(200.0);
    let fs = cfg.font_px;
    let small = (fs * 0.85).round();
    let order = reading_order(t);
    let numbers = visit_numbers(t);
    let (a, b) = MONITORING_RULE;
    let strip_x = PAD;
    let spine_x = PAD + 22.0;
    let text_x = PAD + 42.0;
    let text_w = width - text_x - PAD;
    let mut labels = Vec::new();
    let mut marks = Vec::new();
    let mut rules = Vec::new();

    // The rating in force now, across the top.
    let graded = graded_events(t, &order);
    let mut bands = Vec::new();
    let mut y = 8.0;
    if let Some(&last) = graded.last() {
        let e = &t.events[last];
        if let (Some(g), Some((start, _))) = (e.rating.and_then(|r| t.scale.get(r)), e.span()) {
            let rect = Rect {
                x0: PAD,
                y0: y,
                x1: width - PAD,
                y1: y + BAND_H,
            };
            bands.push(Band {
                rect,
                color: cfg.grade_color(g),
                known_until: rect.x1,
                vertical: false,
            });
            let y = y + (BAND_H - small) / 2.0;
            labels.extend(band_label(
                g,
                &start,
                cfg,
                PAD + 6.0,
                y,
                rect.width() - 12.0,
                small,
            ));
        }
        y += BAND_H + 10.0;
    }

    let mut row_top = vec![0.0; t.events.len()];
    let mut last_year = None;
    let mut next_shown = false;
    for &i in &order {
        let e = &t.events[i];
        let divider = match e.span() {
            Some((start, _)) if last_year != Some(start.year()) => {
                last_year = Some(start.year());
                Some(start.year().to_string())
            }
            None if !next_shown => {
                next_shown = true;
                Some("Next".to_string())
            }
            _ => None,
        };
        if let Some(text) = divider {
            let w = estimate_width(&text, small);
            labels.push(Label {
                x: text_x,
                y: y + 8.0,
                text,
                px: small,
                anchor: Anchor::Start,
                ink: Ink::Text,
                bold: true,
            });
            let ry = y + 8.0 + small / 2.0;
            rules.push((
                Point {
                    x: text_x + w + 8.0,
                    y: ry,
                },
                Point {
                    x: width - PAD,
                    y: ry,
                },
            ));
            y += DIVIDER;
        }
        row_top[i] = y;
        let center = Point {
            x: spine_x,
            y: y + ROW / 2.0,
        };
        let when = match (e.date, e.published) {
            (Some(d), _) => range(&d, e.end.as_ref(), &cfg.locale),
            (None, Some(p)) => format!("Report published {}", p.long(&cfg.locale)),
            (None, None) => "Date not announced".to_string(),
        };
        let what = match numbers[i] {
            Some(n) => format!("Visit {n} of {a}–{b}"),
            None if e.status == Status::Expected => format!("{} (expected)", e.kind.label()),
            None => e.kind.label().to_string(),
        };
        if let Some(text) = ellipsize(&format!("{when} · {what}"), small, text_w) {
            labels.push(Label {
                x: text_x,
                y: y + 8.0,
                text,
                px: small,
                anchor: Anchor::Start,
                ink: Ink::Muted,
                bold: false,
            });
        }
        if let Some(text) = ellipsize(&e.title, fs, text_w) {
            labels.push(Label {
                x: text_x,
                y: y + 10.0 + small,
                text,
                px: fs,
                anchor: Anchor::Start,
                ink: Ink::Text,
                bold: true,
            });
        }
        marks.push(Mark {
            event: i,
            kind: e.kind,
            shape: shape_of(e.kind),
            expected: e.status == Status::Expected,
            center,
            r: MARK_R,
            bar: None,
            published_x: None,
            number: numbers[i],
            // The whole row answers a tap, well over the 24 px minimum target.
            hit: Rect {
                x0: 0.0,
                y0: y,
                x1: width,
                y1: y + ROW,
            },
        });
        y += ROW;
    }
    let rows_end = y;
    if let (Some(first), Some(last)) = (marks.first(), marks.last()) {
        rules.push((first.center, last.center));
    }

    // The rating down the left edge, beside the rows it covers.
    let last_done_bottom = order
        .iter()
        .rev()
        .find(|&&i| t.events[i].status == Status::Done)
        .map_or(rows_end, |&i| row_top[i] + ROW);
    for (n, &g) in graded.iter().enumerate() {
        let Some(grade) = t.events[g].rating.and_then(|r| t.scale.get(r)) else {
            continue;
        };
        let top = row_top[g] + 6.0;
        let (bottom, known) = match graded.get(n + 1) {
            Some(&next) => (row_top[next] - 2.0, row_top[next] - 2.0),
            None => (rows_end - 6.0, last_done_bottom - 6.0),
        };
        let rect = Rect {
            x0: strip_x,
            y0: top,
            x1: strip_x + 5.0,
            y1: bottom,
        };
        bands.push(Band {
            rect,
            color: cfg.grade_color(grade),
            known_until: known,
            vertical: true,
        });
    }

    let (legend, height) = legend(&marks, width, rows_end + 10.0, small, &mut labels);
    Scene {
        width,
        height,
        vertical: true,
        bands,
        rules,
        marks,
        axis_y: rows_end,
        axis_x: (0.0, 0.0),
        ticks: Vec::new(),
        next_zone: None,
        legend,
        labels,
    }
}

impl Scene {
    /// The mark under the pointer: the one whose target is nearest, within [`HIT_RADIUS`];
    /// among marks the pointer is equally near (inside overlapping bars), the nearest in time.
    /// Returns an index into [`Scene::marks`].
    pub fn hit_test(&self, p: Point) -> Option<usize> {
        self.marks
            .iter()
            .enumerate()
            .map(|(i, m)| (i, m.hit.distance(p), (m.center.x - p.x).abs()))
            .filter(|(_, d, _)| *d <= HIT_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.total_cmp(&b.2)))
            .map(|(i, _, _)| i)
    }

    /// Index into [`Scene::marks`] of the mark drawing `event`.
    pub fn mark_of_event(&self, event: usize) -> Option<usize> {
        self.marks.iter().position(|m| m.event == event)
    }
}

/// Where to put a card `card_width` wide for `mark`: centred on the marker's time, moved
/// left or right to stay inside the widget, and below every lane so that it never hides
/// another marker the pointer may be heading for; in the phone layout, under the mark's row.
/// Returns its top-left corner.
pub fn place_card(scene: &Scene, mark: &Mark, card_width: f64) -> Point {
    if scene.vertical {
        // On a phone the card opens under its row, full width.
        return Point {
            x: 0.0,
            y: mark.hit.y1,
        };
    }
    let w = card_width.min(scene.width);
    let x = (mark.center.x - w / 2.0).clamp(0.0, (scene.width - w).max(0.0));
    Point {
        x,
        y: scene.axis_y + 2.0,
    }
}

/// The card a reader sees for one event, as plain strings.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Card {
    pub title: String,
    pub kind: String,
    /// "Visit 3 of the 4–6 before re-inspection", for a counted monitoring visit.
    pub count: Option<String>,
    pub when: Option<String>,
    pub published: Option<String>,
    pub status: Option<String>,
    pub rating: Option<String>,
    pub summary: Option<String>,
    pub findings: Vec<CardFinding>,
    pub sources: Vec<CardSource>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CardFinding {
    pub tone: &'static str,
    pub tone_label: &'static str,
    pub text: String,
    pub quote: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CardSource {
    pub text: String,
    pub url: Option<String>,
}

/// The card for `event`, with its derived visit `number` (from [`visit_numbers`] or
/// [`Mark::number`]) passed in so that building every card stays linear in the events.
pub fn card(t: &Timeline, event: usize, number: Option<usize>, locale: &Locale) -> Card {
    let e = &t.events[event];
    let (a, b) = MONITORING_RULE;
    let when = e.date.map(|d| {
        let label = if e.kind == Kind::MonitoringVisit {
            "Visit"
        } else {
            "Took place"
        };
        format!("{label}: {}", range(&d, e.end.as_ref(), locale))
    });
    let published = e
        .published
        .map(|p| format!("Report published: {}", p.long(locale)));
    Card {
        title: e.title.clone(),
        kind: e.kind.label().to_string(),
        count: number.map(|n| format!("Visit {n} of the {a}–{b} before re-inspection")),
        when,
        published,
        status: (e.status == Status::Expected).then(|| match e.span() {
            Some(_) => "Expected".to_string(),
            None => "Expected; no date announced".to_string(),
        }),
        rating: e
            .rating
            .and_then(|r| t.scale.get(r))
            .map(|g| format!("Rating: {}", g.label)),
        summary: e.summary.clone(),
        findings: e
            .findings
            .iter()
            .map(|f| CardFinding {
                tone: f.tone.name(),
                tone_label: f.tone.label(),
                text: f.text.clone(),
                quote: f.quote,
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| {
                let mut text = s.title.clone();
                if let Some(p) = &s.publisher {
                    text = format!("{text}, {p}");
                }
                if let Some(d) = &s.date {
                    text = format!("{text}, {}", d.long(locale));
                }
                CardSource {
                    text,
                    url: s.url.clone(),
                }
            })
            .collect(),
    }
}

/// One sentence that says what the chart shows, for its accessible description.
pub fn describe(t: &Timeline, locale: &Locale) -> String {
    let order = reading_order(t);
    let numbers = visit_numbers(t);
    let mut parts = Vec::new();
    let last_graded = order
        .iter()
        .rev()
        .map(|&i| &t.events[i])
        .find(|e| e.kind.is_graded() && e.status == Status::Done && e.rating.is_some());
    if let Some(e) = last_graded {
        let grade = e
            .rating
            .and_then(|r| t.scale.get(r))
            .map_or("", |g| g.label.as_str());
        let when = e
            .span()
            .map(|(s, _)| format!(" in {}", s.long(locale)))
            .unwrap_or_default();
        let who = t.subject.as_deref().unwrap_or("The service");
        let by = t
            .regulator
            .as_deref()
            .map(|r| format!(" by {r}"))
            .unwrap_or_default();
        parts.push(format!("{who} was rated {}{by}{when}", lower_first(grade)));
    }
    let visits = numbers.iter().flatten().count();
    if visits > 0 {
        let s = if visits == 1 { "" } else { "s" };
        parts.push(format!("{} monitoring visit{s} since", number_word(visits)));
    }
    let expected: Vec<&Event> = order
        .iter()
        .map(|&i| &t.events[i])
        .filter(|e| e.status == Status::Expected)
        .collect();
    if let Some(e) = expected.first() {
        let (a, b) = MONITORING_RULE;
        let rule = if e.kind == Kind::Reinspection && visits > 0 {
            format!(
                " after {} to {} monitoring visits",
                number_word(a),
                number_word(b)
            )
        } else {
            String::new()
        };
        parts.push(format!("{} expected{rule}", lower_first(&e.title)));
    }
    if parts.is_empty() {
        return format!("{}: a timeline of {} events.", t.title, t.events.len());
    }
    let mut s = parts.join("; ");
    s.push('.');
    s
}

/// The chart with its title, subtitle and credit around it, for static images (the command
/// line's SVG and PNG) where the page's own headline and caption are not there.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Title, subtitle and credit lines, positioned in the frame.
    pub labels: Vec<Label>,
    /// Where the chart's top edge sits in the frame.
    pub chart_top: f64,
    pub scene: Scene,
}

pub fn frame(t: &Timeline, cfg: &LayoutConfig) -> Frame {
    let width = cfg.width.max(200.0);
    let text_w = width - 2.0 * PAD;
    let mut labels = Vec::new();
    let mut y = PAD;
    let mut lines = |text: &str, px: f64, ink: Ink, bold: bool, gap: f64, y: &mut f64| {
        for line in crate::text::wrap(text, px, text_w) {
            labels.push(Label {
                x: PAD,
                y: *y,
                text: line,
                px,
                anchor: Anchor::Start,
                ink,
                bold,
            });
            *y += px * 1.3;
        }
        *y += gap;
    };
    let title_px = (cfg.font_px * 1.55).round();
    lines(&t.title, title_px, Ink::Text, true, 2.0, &mut y);
    if let Some(s) = &t.subtitle {
        lines(s, cfg.font_px, Ink::Muted, false, 0.0, &mut y);
    }
    let chart_top = y + 6.0;
    let scene = layout(
        t,
        &LayoutConfig {
            width,
            ..cfg.clone()
        },
    );
    let mut y = chart_top + scene.height + 4.0;
    let mut credit = t.credit.clone().unwrap_or_default();
    if let Some(u) = t.updated {
        if !credit.is_empty() {
            credit.push_str(". ");
        }
        credit.push_str(&format!("Updated {}", u.long(&cfg.locale)));
    }
    if !credit.is_empty() {
        lines(
            &credit,
            (cfg.font_px * 0.85).round(),
            Ink::Muted,
            false,
            0.0,
            &mut y,
        );
    }
    Frame {
        width,
        height: (y + PAD).ceil(),
        labels,
        chart_top,
        scene,
    }
}
