//! The wide layout: time runs across the page, rating bands along the top, a lane of markers
//! for each kind of event, the axis under them, then the legend.
//!
//! [`Across`] holds the geometry every phase shares; [`layout`] runs the phases in the order
//! their labels are drawn.

use super::legend::legend;
use super::{
    shape_of, small_px, words, Anchor, Axis, AxisTick, Band, Ink, Label, LayoutConfig, Mark,
    NextZone, Point, Rect, Rule, Scene, BAND_H, MARK_R, MIN_TARGET, PAD,
};
use crate::chronology::Chronology;
use crate::model::{Status, Timeline};
use crate::scale::{Tick, TimeScale};
use crate::text::{ellipsize, estimate_width};

/// Height of one lane.
const LANE_H: f64 = 62.0;
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
    x1: f64,
    /// Width of the next zone for undated events; zero when there are none.
    zone_w: f64,
    scale: TimeScale,
    /// The latest day the data knows of, where a current rating stops being reported.
    last_known: f64,
    lanes_y: f64,
    axis_y: f64,
    labels: Vec<Label>,
}

/// Lays `t` out with time across `cfg.width`.
pub fn layout(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Scene {
    let mut a = Across::new(t, c, cfg);
    let bands = a.bands();
    let rules = a.lanes();
    let zone = a.zone();
    let marks = a.marks(zone.as_ref());
    a.mark_labels(&marks);
    a.zone_label(zone.as_ref());
    let axis = a.axis();
    let top = a.axis_y + 8.0 + a.small + 14.0;
    let (legend, height) = legend(&marks, a.width, top, a.small, &mut a.labels);
    Scene {
        width: a.width,
        height,
        vertical: false,
        bands,
        rules,
        marks,
        axis: Some(axis),
        next_zone: zone,
        legend,
        labels: a.labels,
    }
}

/// The days the time axis must show: from the first to the last of every dated period's
/// start and end, every publication, and the day after `updated`. `None` when nothing is dated.
fn extent(t: &Timeline) -> Option<(f64, f64)> {
    let mut days: Vec<f64> = Vec::new();
    for e in &t.events {
        let periods = [e.span(), e.published.map(|p| (p, p))];
        for (a, b) in periods.into_iter().flatten() {
            days.push(a.first_day() as f64);
            days.push((b.last_day() + 1) as f64);
        }
    }
    if let Some(u) = t.updated {
        days.push((u.last_day() + 1) as f64);
    }
    let lo = days.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = days.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    lo.is_finite().then_some((lo, hi))
}

impl<'a> Across<'a> {
    /// The frame of the chart: the width, where time runs, and the rows' heights.
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
        // The domain covers every dated period, the band's end and the `updated` date, with a
        // margin so that markers at the ends are not cut.
        let (lo, hi) = extent(t).unwrap_or((0.0, 365.0));
        let margin = ((hi - lo) * 0.04).max(20.0);
        let lanes_y = BAND_Y + BAND_H + 10.0;
        Across {
            t,
            c,
            cfg,
            width,
            small,
            x1,
            zone_w,
            scale: TimeScale::new((lo - margin, hi + margin), (x0, x1)),
            last_known: hi,
            lanes_y,
            axis_y: lanes_y + c.lanes.len() as f64 * LANE_H + 6.0,
            labels: Vec::new(),
        }
    }

    fn lane_center(&self, lane: usize) -> f64 {
        self.lanes_y + lane as f64 * LANE_H + self.small + 18.0
    }

    /// Rating bands: each graded event's rating holds until the next graded event, or until
    /// the latest thing the data knows, then fades into the next zone.
    fn bands(&mut self) -> Vec<Band> {
        let (t, graded) = (self.t, &self.c.graded);
        let mut bands = Vec::new();
        for (n, &i) in graded.iter().enumerate() {
            let e = &t.events[i];
            let (Some(grade), Some((start, _))) = (e.rating, e.span()) else {
                continue;
            };
            let Some(g) = t.scale.get(grade) else {
                continue;
            };
            let bx0 = self.scale.map(start.first_day() as f64);
            let (bx1, known_until) = match graded.get(n + 1) {
                Some(&next) => {
                    let x = t.events[next]
                        .span()
                        .map_or(self.x1, |(s, _)| self.scale.map(s.first_day() as f64));
                    (x, x)
                }
                None => (
                    self.x1
                        + if self.zone_w > 0.0 {
                            10.0 + self.zone_w
                        } else {
                            MIN_TARGET
                        },
                    self.scale.map(self.last_known),
                ),
            };
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

    /// Lane headings, and the rule each lane's markers sit on.
    fn lanes(&mut self) -> Vec<Rule> {
        let mut rules = Vec::new();
        for (li, name) in self.c.lanes.iter().enumerate() {
            let text = words::lane_heading(name, self.c.lane_visits[li]);
            if let Some(text) = ellipsize(&text, self.small, self.width - 2.0 * PAD) {
                self.labels.push(Label {
                    x: PAD,
                    y: self.lanes_y + li as f64 * LANE_H,
                    text,
                    px: self.small,
                    anchor: Anchor::Start,
                    ink: Ink::Muted,
                    bold: false,
                });
            }
            let y = self.lane_center(li);
            rules.push(Rule {
                from: Point { x: PAD, y },
                to: Point {
                    x: self.width - PAD,
                    y,
                },
            });
        }
        rules
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

    /// A mark for every event in reading order. Undated expected events stack in the next
    /// zone, one column per lane.
    fn marks(&self, zone: Option<&NextZone>) -> Vec<Mark> {
        let mut undated_in_lane = vec![0usize; self.c.lanes.len()];
        let zone_x0 = zone.map_or(self.x1, |z| z.rect.x0);
        self.c
            .order
            .iter()
            .map(|&i| {
                let lane = self.c.lane_of[i];
                let (x, bar) = match self.t.events[i].span() {
                    Some((a, b)) => {
                        let bx0 = self.scale.map(a.first_day() as f64);
                        let bx1 = self.scale.map((b.last_day() + 1) as f64);
                        (
                            (bx0 + bx1) / 2.0,
                            (bx1 - bx0 > 2.0 * MARK_R).then_some((bx0, bx1)),
                        )
                    }
                    None => {
                        let k = undated_in_lane[lane];
                        undated_in_lane[lane] += 1;
                        let step = 2.0 * MIN_TARGET + 4.0;
                        (zone_x0 + self.zone_w / 2.0 + k as f64 * step, None)
                    }
                };
                self.mark(
                    i,
                    Point {
                        x,
                        y: self.lane_center(lane),
                    },
                    bar,
                )
            })
            .collect()
    }

    /// The mark of event `i` centred at `center`, with its publication tick and its target.
    fn mark(&self, i: usize, center: Point, bar: Option<(f64, f64)>) -> Mark {
        let e = &self.t.events[i];
        let Point { x, y } = center;
        let published_x = match (e.date, e.published) {
            (Some(_), Some(p)) => {
                let px = self
                    .scale
                    .map((p.first_day() + p.last_day() + 1) as f64 / 2.0);
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
        Mark {
            event: i,
            kind: e.kind,
            shape: shape_of(e.kind),
            expected: e.status == Status::Expected,
            center,
            r: MARK_R,
            bar,
            published_x,
            number: self.c.numbers[i],
            hit,
        }
    }

    /// Short labels under markers, placed left to right where they do not collide.
    fn mark_labels(&mut self, marks: &[Mark]) {
        let mut last_right = vec![f64::NEG_INFINITY; self.c.lanes.len()];
        for m in marks {
            let e = &self.t.events[m.event];
            let Some(text) = words::mark_label(self.t, e, m.number) else {
                continue;
            };
            let lane = self.c.lane_of[m.event];
            let w = estimate_width(&text, self.small);
            let left = (m.center.x - w / 2.0).max(PAD).min(self.width - PAD - w);
            if left < last_right[lane] + 6.0 {
                continue;
            }
            last_right[lane] = left + w;
            self.labels.push(Label {
                x: left + w / 2.0,
                y: m.center.y + m.r + 4.0,
                text,
                px: self.small,
                anchor: Anchor::Middle,
                ink: Ink::Text,
                bold: false,
            });
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

    /// Axis ticks and their labels: year labels first, then month labels wherever they fit
    /// without touching a label already placed (or the zone's "Next").
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
        for major in [true, false] {
            for tk in ticks.iter().filter(|tk| tk.major == major) {
                let Some(text) = &tk.label else { continue };
                let x = self.scale.map(tk.day);
                let w = estimate_width(text, self.small);
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
                .collect(),
        }
    }
}
