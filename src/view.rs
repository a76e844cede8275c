//! The window of time the wide layout shows: the whole history, or the part a reader zoomed and
//! panned to. Days are counted from 1970-01-01, as in [`crate::date`].
//!
//! Every change of window goes through [`View::zoom`], [`View::pan`] or [`View::within`], which
//! keep it inside the whole history and no narrower than [`MIN_DAYS`], so no input can zoom
//! into nothing or pan the chart away.

use crate::date::{civil_from_days, PartialDate};

/// The narrowest window: about a month across the chart.
pub const MIN_DAYS: f64 = 31.0;

/// A window of time, from `start` to `end` in days.
///
/// # Examples
///
/// ```
/// use inspection_timeline::view::View;
/// let all = View { start: 0.0, end: 1000.0 };
/// let closer = all.zoom(250.0, 4.0, all);
/// assert_eq!(closer, View { start: 187.5, end: 437.5 });
/// assert_eq!(closer.zoom(250.0, 0.25, all), all);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

impl View {
    /// How many days the window spans.
    pub fn days(&self) -> f64 {
        self.end - self.start
    }

    /// The day in the middle of the window.
    pub fn middle(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// Whether the window shows all of `full`.
    pub fn shows_all(&self, full: View) -> bool {
        // Within a thousandth of a day: zooming in and out again should count as all.
        self.start <= full.start + 1e-3 && self.end >= full.end - 1e-3
    }

    /// Whether the window reaches the end of `full` (within a day), where what is expected
    /// next is shown after it.
    pub fn reaches_end(&self, full: View) -> bool {
        self.end >= full.end - 1.0
    }

    /// This window made legal for `full`: no wider than it, no narrower than [`MIN_DAYS`] (or
    /// all of it, for a shorter history), and moved, not shrunk, to lie inside it.
    pub fn within(self, full: View) -> View {
        let most = full.days().max(0.0);
        let span = if self.days().is_finite() {
            self.days().clamp(MIN_DAYS.min(most), most)
        } else {
            most
        };
        let middle = if self.middle().is_finite() {
            self.middle()
        } else {
            full.middle()
        };
        // `max` first: with rounding, `full.end - span` can fall a hair below `full.start`.
        let start = (middle - span / 2.0).min(full.end - span).max(full.start);
        View {
            start,
            end: start + span,
        }
    }

    /// The window `factor` times closer (2 halves the days shown; 0.5 doubles them), with the
    /// day `anchor` staying at the same place across the chart, unless the edges of `full`
    /// stop it.
    pub fn zoom(self, anchor: f64, factor: f64, full: View) -> View {
        let at = (anchor - self.start) / self.days();
        self.zoom_placing(anchor, at, factor, full)
    }

    /// The window `factor` times closer, with the day `anchor` at fraction `at` of the way
    /// across it (0 its start, 1 its end), unless the edges of `full` stop it.
    pub fn zoom_placing(self, anchor: f64, at: f64, factor: f64, full: View) -> View {
        if !(factor.is_finite() && factor > 0.0 && at.is_finite()) || self.days() <= 0.0 {
            return self.within(full);
        }
        let most = full.days().max(0.0);
        let span = (self.days() / factor).clamp(MIN_DAYS.min(most), most);
        let start = anchor - at.clamp(0.0, 1.0) * span;
        View {
            start,
            end: start + span,
        }
        .within(full)
    }

    /// The window moved later by `days` (earlier when negative), up to the ends of `full`.
    pub fn pan(self, days: f64, full: View) -> View {
        if !days.is_finite() {
            return self.within(full);
        }
        View {
            start: self.start + days,
            end: self.end + days,
        }
        .within(full)
    }

    /// The window of the same width centred on `day`, as far as `full` allows.
    pub fn centred_on(self, day: f64, full: View) -> View {
        self.pan(day - self.middle(), full)
    }
}

/// The window from the start of `from` to the end of `to`, two dates in the data's own form
/// ("2022", "2023-02", "2023-02-27"), for the element's `zoomTo` and `view` attribute. The
/// error says which date is wrong and how dates are written.
pub fn between(from: &str, to: &str) -> Result<View, String> {
    let parse = |s: &str| {
        s.trim().parse::<PartialDate>().map_err(|_| {
            format!("\"{s}\" is not a date: write it as the data does, 2023, 2023-Q1, 2023-02 or 2023-02-27")
        })
    };
    let (a, b) = (parse(from)?, parse(to)?);
    let view = View {
        start: a.first_day() as f64,
        end: (b.last_day() + 1) as f64,
    };
    if view.end <= view.start {
        return Err(format!("the window ends ({to}) before it starts ({from})"));
    }
    Ok(view)
}

/// A day as a calendar date, "2022-01-01", for the element's `view` and `viewchange`.
pub fn iso(day: f64) -> String {
    let (y, m, d) = civil_from_days(day.floor() as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: View = View {
        start: 18_000.0,
        end: 20_000.0,
    };

    #[test]
    fn zooming_stops_at_a_month_and_at_the_whole_history() {
        let mut v = ALL;
        for _ in 0..40 {
            v = v.zoom(19_000.0, 2.0, ALL);
        }
        assert_eq!(v.days(), MIN_DAYS);
        assert!(v.start <= 19_000.0 && 19_000.0 <= v.end);
        for _ in 0..40 {
            v = v.zoom(19_000.0, 0.5, ALL);
        }
        assert_eq!(v, ALL);
    }

    #[test]
    fn panning_stops_at_the_ends() {
        let v = ALL.zoom(19_000.0, 10.0, ALL);
        let far = v.pan(1e9, ALL);
        assert_eq!(far.end, ALL.end);
        assert_eq!(far.days(), v.days());
        let back = v.pan(-1e9, ALL);
        assert_eq!(back.start, ALL.start);
    }

    #[test]
    fn nonsense_input_gives_a_legal_window() {
        for v in [
            ALL.zoom(f64::NAN, 2.0, ALL),
            ALL.zoom(19_000.0, f64::INFINITY, ALL),
            ALL.zoom(19_000.0, -3.0, ALL),
            ALL.pan(f64::NAN, ALL),
            View {
                start: f64::NAN,
                end: 5.0,
            }
            .within(ALL),
        ] {
            assert!(v.start >= ALL.start && v.end <= ALL.end, "{v:?}");
            assert!(v.days() >= MIN_DAYS, "{v:?}");
        }
    }

    #[test]
    fn windows_come_from_dates_in_the_datas_form_and_go_out_as_calendar_dates() {
        let v = between("2022", "2023-02").unwrap();
        assert_eq!(iso(v.start), "2022-01-01");
        assert_eq!(iso(v.end), "2023-03-01");
        assert!(between("2023", "2022")
            .unwrap_err()
            .contains("before it starts"));
        assert!(between("Feb 2023", "2024")
            .unwrap_err()
            .contains("\"Feb 2023\""));
    }

    #[test]
    fn a_history_shorter_than_a_month_is_shown_whole() {
        let short = View {
            start: 0.0,
            end: 10.0,
        };
        assert_eq!(short.zoom(5.0, 8.0, short), short);
    }
}
