//! Time across the wide chart: the days it must show, the axis with its ticks and labels, and
//! the overview strip of a zoomed chart.

use super::Across;
use crate::layout::{
    Anchor, Axis, AxisTick, Ink, Label, Overview, Rect, BUTTON_FONT_PX, BUTTON_GAP, BUTTON_PAD,
    BUTTON_PX, MIN_TARGET, OVERVIEW_COLUMN, PAD, ZOOM_IN, ZOOM_OUT,
};
use crate::scale::{Tick, TimeScale};
use crate::strings::Key;
use crate::view::View;

/// Height of the overview strip of a zoomed chart.
const OVERVIEW_H: f64 = 24.0;

/// The whole history the wide layout can show for a data set of dated `extent` (see
/// [`crate::chronology::Chronology::extent`]): that extent with a margin, so that markers at
/// the ends are not cut.
pub fn full_view(extent: Option<(f64, f64)>) -> View {
    let (lo, hi) = extent.unwrap_or((0.0, 365.0));
    let margin = ((hi - lo) * 0.04).max(20.0);
    View {
        start: lo - margin,
        end: hi + margin,
    }
}

impl Across<'_> {
    /// Axis ticks and their labels, most important first: years, then months, then days,
    /// each wherever it fits without touching a label already placed (or the zone's "Next").
    pub(super) fn axis(&mut self) -> Axis {
        let y = self.axis_y + 8.0;
        let ticks: Vec<Tick> = self.scale.ticks(self.small * 0.6, &self.cfg.locale);
        let mut taken: Vec<(f64, f64)> = self
            .labels
            .iter()
            .filter(|l| l.y == y)
            .map(|l| {
                let w = self.cfg.width_of(&l.text, l.px);
                (l.x - w / 2.0, l.x + w / 2.0)
            })
            .collect();
        let levels = ticks.iter().map(|t| t.level).max().unwrap_or(0);
        // Where the first label that names a year (a year's, or a month's with its year) is.
        let mut first_named = f64::INFINITY;
        for level in 0..=levels {
            // Before the months, one of them says its year ("Jul 2022"), the first where that
            // fits, unless a year's own label comes before it: a month's name alone does not
            // say which year it is in. So, before the days, does the first day before any
            // such label ("21 Nov 2022"): a day's number alone says neither month nor year.
            let dated = (level >= 1)
                .then(|| {
                    ticks.iter().position(|tk| {
                        let x = self.scale.map(tk.day);
                        tk.level == level
                            && x < first_named
                            && tk.dated.as_ref().is_some_and(|text| {
                                self.axis_label(tk, x, text, y, &mut taken).is_some()
                            })
                    })
                })
                .flatten();
            for (k, tk) in ticks.iter().enumerate() {
                // Months before the one that says its year would read as of the wrong year.
                if tk.level != level || dated.is_some_and(|d| k <= d) {
                    continue;
                }
                let Some(text) = &tk.label else { continue };
                let x = self.scale.map(tk.day);
                // A day's number before the first label that names its month and year would
                // say neither.
                if level == 2 && x < first_named {
                    continue;
                }
                // Years name themselves, and months name their year when days show.
                let named = level == 0 || (level == 1 && levels == 2);
                if self.axis_label(tk, x, text, y, &mut taken).is_some() && named {
                    first_named = first_named.min(x);
                }
            }
            if let Some(d) = dated {
                first_named = first_named.min(self.scale.map(ticks[d].day));
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
                    grid: tk.major && tk.label.is_some(),
                })
                .filter(|tk| tk.x >= self.x0 - MIN_TARGET && tk.x <= self.x1 + MIN_TARGET)
                .collect(),
        }
    }

    /// The zoom buttons' place in the row at `y`, at the right: wide enough for their words
    /// in the page's font, as far as layout can tell.
    pub(super) fn zoom_buttons(&self, y: f64) -> Rect {
        let button = |word: &str| {
            (self.cfg.width_of(word, BUTTON_FONT_PX) + 2.0 * (BUTTON_PAD + 1.0)).max(BUTTON_PX)
        };
        let reset = self.cfg.locale.words.get(Key::ZoomReset);
        let w = button(ZOOM_IN) + button(ZOOM_OUT) + button(reset) + 2.0 * BUTTON_GAP;
        let x1 = self.width - PAD;
        Rect {
            x0: x1 - w,
            y0: y,
            x1,
            y1: y + BUTTON_PX,
        }
    }

    /// Places `text`, the label of tick `tk` at `x`, on the axis's line `y` where it touches
    /// no label already `taken` and stays on the chart; `None` when it cannot.
    fn axis_label(
        &mut self,
        tk: &Tick,
        x: f64,
        text: &str,
        y: f64,
        taken: &mut Vec<(f64, f64)>,
    ) -> Option<()> {
        let w = self.cfg.width_of(text, self.small);
        let major = tk.major;
        let (x0, anchor) = if major {
            (x + 3.0, Anchor::Start)
        } else {
            (x - w / 2.0, Anchor::Middle)
        };
        let span = (x0 - 4.0, x0 + w + 4.0);
        let clash = taken.iter().any(|t| t.0 < span.1 && span.0 < t.1);
        if span.0 < 0.0 || span.1 > self.width || clash {
            return None;
        }
        taken.push(span);
        self.labels.push(Label {
            x: if major { x0 } else { x },
            y,
            text: text.to_string(),
            px: self.small,
            anchor,
            ink: if major { Ink::Text } else { Ink::Muted },
            bold: major,
        });
        Some(())
    }

    /// The overview strip in the row at `y`, left of the zoom `buttons` (centred on them):
    /// every dated event counted into columns of the whole history, and the window shown.
    pub(super) fn overview(&self, y: f64, buttons: Option<Rect>) -> Overview {
        let (x0, x1) = match buttons {
            Some(b) => (self.x0, self.x1.min(b.x0 - 16.0).max(self.x0 + 40.0)),
            None => (self.x0, self.x1),
        };
        let y = buttons.map_or(y, |b| (b.y0 + b.y1 - OVERVIEW_H) / 2.0);
        let scale = TimeScale::new((self.full.start, self.full.end), (x0, x1));
        let columns = ((x1 - x0) / OVERVIEW_COLUMN).ceil().max(1.0) as usize;
        let mut counts = vec![0u32; columns];
        for mid in self.c.middle.iter().flatten() {
            let k = ((scale.map(*mid) - x0) / OVERVIEW_COLUMN).floor();
            counts[(k.max(0.0) as usize).min(columns - 1)] += 1;
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
