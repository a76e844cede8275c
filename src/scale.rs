//! A linear time scale from days to CSS pixels, with calendar ticks.

use crate::date::{civil_from_days, days_from_civil, Locale};

/// Maps a domain of days since 1970-01-01 onto a horizontal pixel range.
///
/// # Examples
///
/// ```
/// use inspection_timeline::scale::TimeScale;
/// let s = TimeScale::new((0.0, 100.0), (10.0, 210.0));
/// assert_eq!(s.map(50.0), 110.0);
/// assert_eq!(s.invert(110.0), 50.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

/// A tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    /// Year boundaries are major; months, quarters and days minor.
    pub major: bool,
    /// Which labels give way to which: 0 for years, 1 for months, 2 for days.
    pub level: u8,
    pub label: Option<String>,
    /// A month's label with its year ("Feb 2023"), for the first month labelled on an axis
    /// with no year before it: a month's name alone does not say which year it is in. A
    /// day's, with its month and year ("21 Nov 2022"), for the first day labelled before any
    /// month is.
    pub dated: Option<String>,
}

impl TimeScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        // A zero-length domain would divide by zero; widen it to one day.
        let domain = if domain.1 > domain.0 {
            domain
        } else {
            (domain.0, domain.0 + 1.0)
        };
        TimeScale { domain, range }
    }

    pub fn map(&self, day: f64) -> f64 {
        let t = (day - self.domain.0) / (self.domain.1 - self.domain.0);
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    pub fn invert(&self, x: f64) -> f64 {
        let t = (x - self.range.0) / (self.range.1 - self.range.0);
        self.domain.0 + t * (self.domain.1 - self.domain.0)
    }

    /// Pixels per day.
    pub fn bandwidth(&self) -> f64 {
        (self.range.1 - self.range.0) / (self.domain.1 - self.domain.0)
    }

    /// Calendar ticks inside the domain, at the finest level that has room: decades or years;
    /// then quarters or months between them; then days when a month is wide. Labels are the
    /// year, the locale's short month names ("Feb" in en-GB, with the year when days show), and
    /// day numbers; `char_px` is the estimated width of one label character. However long the
    /// domain, there are never more ticks than the range has pixels for.
    pub fn ticks(&self, char_px: f64, locale: &Locale) -> Vec<Tick> {
        let Some(d) = Density::new(self.bandwidth(), char_px) else {
            return Vec::new();
        };
        let (y0, _, _) = civil_from_days(self.domain.0.floor() as i64);
        let (y1, _, _) = civil_from_days(self.domain.1.ceil() as i64);
        let mut out = Vec::new();
        let first = y0.div_euclid(d.year_step) * d.year_step;
        for year in (first..=y1).step_by(d.year_step as usize) {
            let day = days_from_civil(year, 1, 1) as f64;
            if self.inside(day) {
                out.push(Tick {
                    day,
                    major: true,
                    level: 0,
                    label: (year.rem_euclid(d.year_every) == 0).then(|| year.to_string()),
                    dated: None,
                });
            }
            if d.month_step > 0 {
                self.months(year, &d, locale, &mut out);
            }
        }
        out
    }

    fn inside(&self, day: f64) -> bool {
        day >= self.domain.0 && day <= self.domain.1
    }

    /// The month (or quarter) ticks of `year` inside the domain, each followed by its days
    /// when they show.
    fn months(&self, year: i32, d: &Density, locale: &Locale, out: &mut Vec<Tick>) {
        for month in (1..=12u8).step_by(d.month_step) {
            let start = days_from_civil(year, month, 1);
            if month > 1 && self.inside(start as f64) {
                let labelled = d.label_months || (d.label_quarters && (month - 1) % 3 == 0);
                let name = &locale.months_short[usize::from(month - 1)];
                let with_year = Locale::fill(&locale.month_pattern, "", name, &year.to_string());
                out.push(Tick {
                    day: start as f64,
                    major: false,
                    level: 1,
                    // With days showing, a month says its year too: no year tick may be near.
                    label: labelled.then(|| {
                        if d.show_days {
                            with_year.clone()
                        } else {
                            name.clone()
                        }
                    }),
                    dated: labelled.then_some(with_year),
                });
            }
            if !d.show_days {
                continue;
            }
            let next = if month == 12 {
                days_from_civil(year + 1, 1, 1)
            } else {
                days_from_civil(year, month + 1, 1)
            };
            let name = &locale.months_short[usize::from(month - 1)];
            // Only days before the first month boundary shown can need their month named.
            let before_months = out.iter().all(|t| t.level != 1);
            for day in start + 1..next {
                if self.inside(day as f64) {
                    let n = (day - start + 1) as u32;
                    let labelled = d.labels_day(n);
                    out.push(Tick {
                        day: day as f64,
                        major: false,
                        level: 2,
                        label: labelled.then(|| n.to_string()),
                        dated: (labelled && before_months).then(|| {
                            Locale::fill(
                                &locale.day_pattern,
                                &n.to_string(),
                                name,
                                &year.to_string(),
                            )
                        }),
                    });
                }
            }
        }
    }
}

/// How finely a scale can be ticked and labelled, from its pixels per day.
struct Density {
    /// Years are labelled every 1, 2, 5, 10, … years.
    year_every: i32,
    /// Year ticks are drawn every year while they stay 4 px apart, else with the labels.
    year_step: i32,
    /// Months between years: every month, every quarter, or none (0).
    month_step: usize,
    label_months: bool,
    label_quarters: bool,
    show_days: bool,
    /// Days are labelled every 1 or 2 days, or weekly (the 8th, 15th and 22nd), or not.
    day_every: Option<u32>,
}

impl Density {
    /// `None` for a scale with no width per day (an empty or nonsense one).
    fn new(per_day: f64, char_px: f64) -> Option<Density> {
        if !(per_day.is_finite() && per_day > 0.0) {
            return None;
        }
        let per_month = per_day * 30.44;
        let per_year = per_day * 365.25;
        // A year label needs room for five characters.
        let year_room = char_px * 5.0 + 12.0;
        let year_every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
            .into_iter()
            .find(|&n| per_year * n as f64 >= year_room)
            .unwrap_or(10000);
        let label_months = per_month >= char_px * 3.0 + 10.0;
        let day_room = char_px * 2.0 + 8.0;
        Some(Density {
            year_every,
            year_step: if per_year >= 4.0 { 1 } else { year_every },
            month_step: if per_month >= 6.0 {
                1
            } else if per_month >= 3.0 {
                3
            } else {
                0
            },
            label_months,
            label_quarters: !label_months && per_month * 3.0 >= char_px * 3.0 + 12.0,
            show_days: per_day >= 6.0,
            day_every: [1, 2, 7]
                .into_iter()
                .find(|&n| per_day * f64::from(n) >= day_room),
        })
    }

    fn labels_day(&self, n: u32) -> bool {
        match self.day_every {
            Some(7) => matches!(n, 8 | 15 | 22),
            Some(every) => (n - 1) % every == 0,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_invert_round_trip() {
        let s = TimeScale::new((18_000.0, 20_000.0), (12.0, 612.0));
        for day in [18_000.0, 18_500.5, 20_000.0] {
            assert!((s.invert(s.map(day)) - day).abs() < 1e-9);
        }
        assert_eq!(s.map(18_000.0), 12.0);
        assert_eq!(s.map(20_000.0), 612.0);
    }

    #[test]
    fn empty_domain_does_not_divide_by_zero() {
        let s = TimeScale::new((5.0, 5.0), (0.0, 100.0));
        assert!(s.map(5.0).is_finite());
    }

    #[test]
    fn narrow_axes_label_years_only_and_wide_axes_label_months() {
        let domain = (
            days_from_civil(2021, 10, 1) as f64,
            days_from_civil(2024, 2, 1) as f64,
        );
        let narrow = TimeScale::new(domain, (0.0, 280.0)).ticks(6.0, &Locale::en_gb());
        let labels: Vec<_> = narrow.iter().filter_map(|t| t.label.clone()).collect();
        assert_eq!(labels, ["2022", "2023", "2024"]);
        let wide = TimeScale::new(domain, (0.0, 3000.0)).ticks(6.0, &Locale::en_gb());
        assert!(wide.iter().any(|t| t.label.as_deref() == Some("Feb")));
        assert!(wide.iter().filter(|t| t.major).all(|t| t.label.is_some()));
    }

    #[test]
    fn close_up_axes_tick_days_and_give_months_their_year() {
        let domain = (
            days_from_civil(2023, 2, 10) as f64,
            days_from_civil(2023, 3, 12) as f64,
        );
        let ticks = TimeScale::new(domain, (0.0, 800.0)).ticks(6.0, &Locale::en_gb());
        let month: Vec<_> = ticks.iter().filter(|t| t.level == 1).collect();
        assert_eq!(month.len(), 1);
        assert_eq!(month[0].label.as_deref(), Some("Mar 2023"));
        let days: Vec<_> = ticks.iter().filter(|t| t.level == 2).collect();
        assert!(days.len() >= 28, "a tick each day: {}", days.len());
        assert!(days.iter().any(|t| t.label.as_deref() == Some("15")));
    }

    #[test]
    fn centuries_get_few_ticks_however_long() {
        let domain = (
            days_from_civil(0, 1, 1) as f64,
            days_from_civil(9999, 1, 1) as f64,
        );
        let ticks = TimeScale::new(domain, (0.0, 800.0)).ticks(6.0, &Locale::en_gb());
        assert!(
            !ticks.is_empty() && ticks.len() <= 200,
            "{} ticks",
            ticks.len()
        );
        assert!(ticks.iter().all(|t| t.level == 0));
    }
}
