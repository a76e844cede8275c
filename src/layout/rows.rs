//! The phone layout: a row per event in reading order, with its date and title written out,
//! year dividers, the rating in force across the top and as a strip down the left, and each
//! row a whole-width tap target. A file about several subjects has a heading for each, with
//! its rating and its rows under it.

use super::legend::legend;
use super::{
    shape_of, small_px, words, Anchor, Band, Cluster, Ink, Label, LayoutConfig, Mark, Point, Rect,
    Rule, Scene, BAND_H, CLUSTER_R, MARK_R, PAD,
};
use crate::chronology::Chronology;
use crate::date::{civil_from_days, days_from_civil};
use crate::model::{Kind, Status, Timeline};
use crate::strings::Key;

/// Height of one event's row: well over the 44 px a finger needs.
const ROW: f64 = 54.0;
/// Histories with more dated events than this are grouped by year, with one year open, so
/// that a thousand events are not a page half a kilometre long.
pub const GROUP_ABOVE: usize = 40;
/// Height of a year divider.
const DIVIDER: f64 = 26.0;
/// Where the rating strip, the markers' spine and the rows' text start.
const STRIP_X: f64 = PAD;
const SPINE_X: f64 = PAD + 22.0;
const TEXT_X: f64 = PAD + 42.0;

/// The state shared by the phases of the phone layout.
struct Rows<'a> {
    t: &'a Timeline,
    c: &'a Chronology,
    cfg: &'a LayoutConfig,
    width: f64,
    small: f64,
    /// The top of the next row.
    y: f64,
    /// The top of each event's row, by event index.
    row_top: Vec<f64>,
    labels: Vec<Label>,
    rules: Vec<Rule>,
}

/// Lays `t` out as rows down `cfg.width`.
pub fn layout(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Scene {
    let width = cfg.width.max(200.0);
    let mut r = Rows {
        t,
        c,
        cfg,
        width,
        small: small_px(cfg),
        y: 8.0,
        row_top: vec![0.0; t.events.len()],
        labels: Vec::new(),
        rules: Vec::new(),
    };
    let mut bands: Vec<Band> = Vec::new();
    let mut marks = Vec::with_capacity(t.events.len());
    // Histories of many dated events are grouped by year, each subject's latest year open.
    let dated = c.middle.iter().filter(|m| m.is_some()).count();
    for s in 0..c.sections.len() {
        if t.subjects[s].is_listed() {
            r.heading(s);
        }
        bands.extend(r.current_rating(s));
        let first = marks.len();
        r.rows(s, dated > GROUP_ABOVE, &mut marks);
        let rows_end = r.y;
        if let (Some(first), Some(last)) = (marks.get(first), marks.last()) {
            r.rules.push(Rule {
                from: first.center,
                to: last.center,
            });
        }
        bands.extend(r.strips(s, rows_end));
    }
    let rows_end = r.y;
    let (legend, height) = legend(
        t,
        &marks,
        width,
        rows_end + 10.0,
        r.small,
        &mut r.labels,
        r.cfg,
    );
    Scene {
        width,
        height,
        vertical: true,
        bands,
        rules: r.rules,
        marks,
        axis: None,
        next_zone: None,
        legend,
        labels: r.labels,
        time: None,
        overview: None,
        zoom_buttons: None,
        grid: Default::default(),
        sections: c.sections.iter().map(|s| s.order.clone()).collect(),
    }
}

impl Rows<'_> {
    /// Subject `s`'s name over its rows, with space above it after the subject before.
    fn heading(&mut self, s: usize) {
        if s > 0 {
            self.y += 14.0;
        }
        let px = self.cfg.font_px;
        if let Some(text) =
            self.cfg
                .ellipsize(&self.t.subjects[s].label, px, self.width - 2.0 * PAD)
        {
            self.labels.push(Label {
                x: PAD,
                y: self.y + 4.0,
                text,
                px,
                anchor: Anchor::Start,
                ink: Ink::Text,
                bold: true,
            });
        }
        self.y += px + 12.0;
    }

    /// The rating of subject `s` in force now, across the top of its rows.
    fn current_rating(&mut self, s: usize) -> Option<Band> {
        let Some(last) = self.c.last_graded(s) else {
            self.y += BAND_H + 10.0;
            return None;
        };
        let e = &self.t.events[last];
        let band = match (e.rating, e.span()) {
            (Some(grade), Some((start, _))) if grade < self.t.grades.len() => {
                let rect = Rect {
                    x0: PAD,
                    y0: self.y,
                    x1: self.width - PAD,
                    y1: self.y + BAND_H,
                };
                let g = &self.t.grades[grade];
                let room = rect.width() - 12.0;
                if let Some(text) = words::band(
                    g,
                    &start,
                    &self.cfg.locale,
                    self.small,
                    self.cfg.estimated_room(room),
                ) {
                    self.labels.push(Label {
                        x: PAD + 6.0,
                        y: self.y + (BAND_H - self.small) / 2.0,
                        text,
                        px: self.small,
                        anchor: Anchor::Start,
                        ink: Ink::OnGrade(grade),
                        bold: true,
                    });
                }
                Some(Band {
                    rect,
                    grade,
                    known_until: rect.x1,
                    vertical: false,
                })
            }
            _ => None,
        };
        self.y += BAND_H + 10.0;
        band
    }

    /// A divider with its heading ("2023", "Next") and a rule to the right edge.
    fn divider(&mut self, text: String) {
        let w = self.cfg.width_of(&text, self.small);
        let ry = self.y + 8.0 + self.small / 2.0;
        self.labels.push(Label {
            x: TEXT_X,
            y: self.y + 8.0,
            text,
            px: self.small,
            anchor: Anchor::Start,
            ink: Ink::Text,
            bold: true,
        });
        self.rules.push(Rule {
            from: Point {
                x: TEXT_X + w + 8.0,
                y: ry,
            },
            to: Point {
                x: self.width - PAD,
                y: ry,
            },
        });
        self.y += DIVIDER;
    }

    /// Every row of subject `s` in reading order, with a divider where the year changes and
    /// before the undated events. In a long history (when `grouped`) each year of more than
    /// one event, but the open one, is a single row that counts its events and opens when
    /// tapped.
    fn rows(&mut self, s: usize, grouped: bool, marks: &mut Vec<Mark>) {
        let c = self.c;
        let order = c.order_of(s);
        // The year of an event's middle, the day that orders it, so that years follow each
        // other once each even for a period that runs over New Year.
        let year = |i: usize| c.middle[i].map(|d| civil_from_days(d.floor() as i64).0);
        let open = grouped.then(|| {
            self.cfg
                .open_year
                .or_else(|| order.iter().rev().find_map(|&i| year(i)))
        });
        let mut k = 0;
        let mut next_shown = false;
        while k < order.len() {
            let i = order[k];
            let Some(y) = year(i) else {
                if !next_shown {
                    next_shown = true;
                    self.divider(self.cfg.locale.words.get(Key::Next).to_string());
                }
                marks.push(self.row(i));
                k += 1;
                continue;
            };
            let end = k + order[k..]
                .iter()
                .take_while(|&&j| year(j) == Some(y))
                .count();
            match open {
                Some(open) if open != Some(y) && end - k > 1 => {
                    marks.push(self.group(y, &order[k..end]));
                }
                _ => {
                    self.divider(y.to_string());
                    for &j in &order[k..end] {
                        marks.push(self.row(j));
                    }
                }
            }
            k = end;
        }
    }

    /// A line of a row's text at `top`, shortened to the row's width.
    fn text(&mut self, text: &str, px: f64, top: f64, ink: Ink, bold: bool) {
        if let Some(text) = self.cfg.ellipsize(text, px, self.width - TEXT_X - PAD) {
            self.labels.push(Label {
                x: TEXT_X,
                y: top,
                text,
                px,
                anchor: Anchor::Start,
                ink,
                bold,
            });
        }
    }

    /// The single row of a closed year: "2019", "34 events", a counted mark on the spine.
    fn group(&mut self, year: i32, events: &[usize]) -> Mark {
        let y = self.y;
        let count = words::events_count(events.len(), &self.cfg.locale.words);
        let fs = self.cfg.font_px;
        self.text(&year.to_string(), fs, y + 8.0, Ink::Text, true);
        self.text(&count, self.small, y + 12.0 + fs, Ink::Muted, false);
        for &i in events {
            self.row_top[i] = y;
        }
        self.y += ROW;
        let first = events[0];
        let days = (
            days_from_civil(year, 1, 1) as f64,
            days_from_civil(year + 1, 1, 1) as f64,
        );
        let center = Point {
            x: SPINE_X,
            y: y + ROW / 2.0,
        };
        let kind = self.t.events[first].kind;
        let uniform = events.iter().all(|&i| self.t.events[i].kind == kind);
        let kind = if uniform { kind } else { Kind::Other };
        Mark {
            event: first,
            order: self.c.rank[first],
            cluster: Some(Cluster {
                events: events.to_vec(),
                orders: events.iter().map(|&i| self.c.rank[i]).collect(),
                reach: (center.x, center.x),
                days: Some(days),
            }),
            kind,
            shape: shape_of(kind),
            expected: false,
            center,
            r: CLUSTER_R,
            bar: None,
            bar_cut: [false; 2],
            published_x: None,
            number: None,
            day: (days.0 + days.1) / 2.0,
            hit: Rect {
                x0: 0.0,
                y0: y,
                x1: self.width,
                y1: y + ROW,
            },
        }
    }

    /// The row of event `i` at the current `y`: its when-and-what line, its title, its mark.
    fn row(&mut self, i: usize) -> Mark {
        let e = &self.t.events[i];
        let fs = self.cfg.font_px;
        let y = self.y;
        let number = self.c.numbers[i];
        let grade = e
            .rating
            .and_then(|r| self.t.grades.get(r))
            .map(|g| g.label.as_str());
        let line = words::row_line(e, number, grade, &self.cfg.locale);
        self.text(&line, self.small, y + 8.0, Ink::Muted, false);
        self.text(&e.title, fs, y + 10.0 + self.small, Ink::Text, true);
        self.row_top[i] = y;
        self.y += ROW;
        Mark {
            event: i,
            order: self.c.rank[i],
            cluster: None,
            kind: e.kind,
            shape: shape_of(e.kind),
            expected: e.status == Status::Expected,
            center: Point {
                x: SPINE_X,
                y: y + ROW / 2.0,
            },
            r: MARK_R,
            bar: None,
            bar_cut: [false; 2],
            published_x: None,
            number,
            day: self.c.middle[i].unwrap_or(f64::INFINITY),
            // The whole row answers a tap, well over the 24 px minimum target.
            hit: Rect {
                x0: 0.0,
                y0: y,
                x1: self.width,
                y1: y + ROW,
            },
        }
    }

    /// Subject `s`'s rating down the left edge, beside the rows it covers: solid to the last
    /// report, faded beside what is expected.
    fn strips(&self, s: usize, rows_end: f64) -> Vec<Band> {
        let t = self.t;
        let graded = &self.c.graded[self.c.sections[s].graded.clone()];
        let last_done_bottom = self
            .c
            .last_done(t, s)
            .map_or(rows_end, |i| self.row_top[i] + ROW);
        let mut bands = Vec::new();
        for (n, &g) in graded.iter().enumerate() {
            let Some(grade) = t.events[g].rating.filter(|&r| r < t.grades.len()) else {
                continue;
            };
            let (bottom, known) = match graded.get(n + 1) {
                Some(&next) => (self.row_top[next] - 2.0, self.row_top[next] - 2.0),
                None => (rows_end - 6.0, last_done_bottom - 6.0),
            };
            bands.push(Band {
                rect: Rect {
                    x0: STRIP_X,
                    y0: self.row_top[g] + 6.0,
                    x1: STRIP_X + 5.0,
                    y1: bottom,
                },
                grade,
                known_until: known,
                vertical: true,
            });
        }
        bands
    }
}
