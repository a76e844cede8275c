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
    /// Year boundaries are major; months and quarters minor.
    pub major: bool,
    pub label: Option<String>,
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

    /// Calendar ticks inside the domain: every year boundary, with months or quarters between
    /// them when there is room. Labels are the year and the locale's short month names ("Feb"
    /// in en-GB); `char_px` is the estimated width of one label character.
    pub fn ticks(&self, char_px: f64, locale: &Locale) -> Vec<Tick> {
        let px_per_month = self.bandwidth() * 30.44;
        let step = if px_per_month >= 6.0 {
            1
        } else if px_per_month >= 3.0 {
            3
        } else {
            12
        };
        let label_months = px_per_month >= char_px * 3.0 + 10.0;
        let label_quarters = !label_months && px_per_month * 3.0 >= char_px * 3.0 + 12.0;
        let (y0, _, _) = civil_from_days(self.domain.0.floor() as i64);
        let (y1, _, _) = civil_from_days(self.domain.1.ceil() as i64);
        // Year labels need about five characters of room between boundaries.
        let px_per_year = self.bandwidth() * 365.25;
        let year_every = if px_per_year >= char_px * 5.0 + 12.0 {
            1
        } else if px_per_year * 2.0 >= char_px * 5.0 + 12.0 {
            2
        } else {
            5
        };
        let mut out = Vec::new();
        for year in y0..=y1 {
            for month in (1..=12u8).step_by(step) {
                let day = days_from_civil(year, month, 1) as f64;
                if day < self.domain.0 || day > self.domain.1 {
                    continue;
                }
                let major = month == 1;
                let label = if major {
                    (year.rem_euclid(year_every) == 0).then(|| year.to_string())
                } else if label_months || (label_quarters && (month - 1) % 3 == 0) {
                    Some(locale.months_short[usize::from(month - 1)].clone())
                } else {
                    None
                };
                out.push(Tick { day, major, label });
            }
        }
        out
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
}
