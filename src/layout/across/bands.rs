//! The rating bands of the wide chart: for each subject, a band from each graded event's
//! rating to the next, solid while reports tell it and faded after, with its words.

use super::Across;
use crate::chronology::{order_by, permute};
use crate::layout::{words, Anchor, Band, Ink, Label, Rect, BAND_H, MIN_TARGET, PAD};

impl Across<'_> {
    /// Rating bands, each subject's on its own line: each graded event's rating holds until
    /// the subject's next graded event, or until the latest thing the data knows, then fades
    /// into the next zone. Bands are cut to the window shown.
    pub(super) fn bands(&mut self) -> Vec<Band> {
        let mut bands = Vec::new();
        for s in 0..self.c.sections.len() {
            self.subject_bands(s, &mut bands);
        }
        bands
    }

    fn subject_bands(&mut self, s: usize, bands: &mut Vec<Band>) {
        let t = self.t;
        let band_y = self.band_y[s];
        // Bands follow each other in order of their start, which for dates of different
        // precision need not be reading order (a year's middle comes after a March day).
        let start_of = |i: usize| {
            t.events[i]
                .span()
                .map_or(f64::INFINITY, |(s, _)| s.first_day() as f64)
        };
        let graded = self.c.graded[self.c.sections[s].graded.clone()].to_vec();
        let key: Vec<f64> = graded.iter().map(|&i| start_of(i)).collect();
        let graded = permute(graded, &order_by(&key));
        let graded = &graded;
        let (left, _) = self.clip();
        let end = if self.zone_w > 0.0 {
            self.width - PAD
        } else {
            self.x1 + MIN_TARGET
        };
        let at = |day: f64| self.scale.map(day).clamp(left, end);
        for (n, &i) in graded.iter().enumerate() {
            let e = &t.events[i];
            let (Some(grade), Some((start, _))) = (e.rating, e.span()) else {
                continue;
            };
            let Some(g) = t.grades.get(grade) else {
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
                None => (
                    end,
                    at(self.c.sections[s].reported_until.unwrap_or(self.full.end)),
                ),
            };
            if bx1 <= bx0 {
                continue;
            }
            // The words go on the band's solid part; the rating in force, too recent for them
            // all there, is named on its faded part (pale enough for the text colour) when more
            // of them fit there, so that the chart always says what holds now.
            let words_in = |room: f64| {
                words::band(
                    g,
                    &start,
                    &self.cfg.locale,
                    self.small,
                    self.cfg.estimated_room(room),
                )
            };
            let solid = words_in((known_until - bx0 - 12.0).max(0.0));
            let faded = (graded.get(n + 1).is_none() && bx1 - known_until > 12.0)
                .then(|| words_in(bx1 - known_until - 12.0))
                .flatten();
            // Where more of the words fit: a short solid part gives way to a long faded one.
            let placed = match (solid, faded) {
                (Some(s), Some(f)) if f.chars().count() > s.chars().count() => {
                    Some((known_until + 6.0, f, Ink::Text))
                }
                (Some(s), _) => Some((bx0 + 6.0, s, Ink::OnGrade(grade))),
                (None, f) => f.map(|f| (known_until + 6.0, f, Ink::Text)),
            };
            if let Some((x, text, ink)) = placed {
                self.labels.push(Label {
                    x,
                    y: band_y + (BAND_H - self.small) / 2.0,
                    text,
                    px: self.small,
                    anchor: Anchor::Start,
                    ink,
                    bold: true,
                });
            }
            bands.push(Band {
                rect: Rect {
                    x0: bx0,
                    y0: band_y,
                    x1: bx1,
                    y1: band_y + BAND_H,
                },
                grade,
                known_until,
                vertical: false,
            });
        }
    }
}
