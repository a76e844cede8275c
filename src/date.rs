//! Calendar dates with a precision.
//!
//! A newsroom often knows only the month or the year of a visit. A [`PartialDate`] keeps that
//! precision as data: `2023-02` is the whole of February 2023, drawn as that month and written
//! "February 2023", never as its first day. Dates are never timestamps, so no time zone can
//! shift them.

use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year: `2023`.
    Year,
    /// A quarter of a year: `2023-Q4`.
    Quarter,
    /// A month: `2023-02`.
    Month,
    /// A single day: `2023-02-27`.
    Day,
}

/// A calendar date known to a [`Precision`].
///
/// Unknown parts are stored as the first month or day of the period so that dates order by
/// their start; [`PartialDate::first_day`] and [`PartialDate::last_day`] give the period.
///
/// # Examples
///
/// ```
/// use inspection_timeline::date::{Locale, PartialDate, Precision};
/// let d: PartialDate = "2023-02".parse().unwrap();
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!(d.to_string(), "2023-02");
/// assert_eq!(d.long(&Locale::en_gb()), "February 2023");
/// assert_eq!(d.last_day() - d.first_day(), 27);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    /// 1-12; for quarters the first month of the quarter.
    month: u8,
    day: u8,
    precision: Precision,
}

/// Why a date string could not be read. The text is written for journalists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// The text has none of the four accepted shapes.
    Shape,
    /// The shape is right but the month, quarter or day does not exist.
    Impossible(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => f.write_str(
                "write the date as YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (for example 2023-02-27)",
            ),
            DateError::Impossible(why) => f.write_str(why),
        }
    }
}

pub const MONTHS_EN_GB: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How dates are written for readers: month names and the order of day, month and year. The
/// browser fills it from `Intl` for the page's language, so the wasm carries no locale
/// tables; [`Locale::en_gb`] is the default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    pub months: [String; 12],
    pub months_short: [String; 12],
    /// A day-precision date, with `{d}`, `{m}` and `{y}`: "{d} {m} {y}" in British English.
    pub day_pattern: String,
    /// A month-precision date, with `{m}` and `{y}`: "{m} {y}".
    pub month_pattern: String,
    /// The widget's own words in the language.
    pub words: crate::strings::Strings,
}

impl Locale {
    pub fn en_gb() -> Locale {
        const SHORT: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        Locale {
            months: MONTHS_EN_GB.map(String::from),
            months_short: SHORT.map(String::from),
            day_pattern: "{d} {m} {y}".into(),
            month_pattern: "{m} {y}".into(),
            words: crate::strings::Strings::default(),
        }
    }

    pub(crate) fn fill(pattern: &str, d: &str, m: &str, y: &str) -> String {
        pattern
            .replace("{d}", d)
            .replace("{m}", m)
            .replace("{y}", y)
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::en_gb()
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// The day (in days since 1970-01-01, UTC) of the moment `seconds` after 1970-01-01: today, for
/// the warning about events dated after it, from the command line's clock or the browser's.
///
/// # Examples
///
/// ```
/// use inspection_timeline::date::day_of;
/// assert_eq!(day_of(86_399.9), 0);
/// assert_eq!(day_of(1_780_272_000.0), inspection_timeline::date::days_from_civil(2026, 6, 1));
/// ```
pub fn day_of(seconds: f64) -> i64 {
    (seconds / 86_400.0).floor() as i64
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        let mut parts = s.split('-');
        let year = parts
            .next()
            .and_then(|y| digits(y, 4))
            .ok_or(DateError::Shape)? as i32;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        match (second, third) {
            (None, None) => Ok(PartialDate {
                year,
                month: 1,
                day: 1,
                precision: Precision::Year,
            }),
            (Some(q), None) if q.starts_with('Q') => {
                let n = digits(&q[1..], 1).ok_or(DateError::Shape)?;
                if !(1..=4).contains(&n) {
                    return Err(DateError::Impossible(format!(
                        "{s} is not a date: quarters run from Q1 to Q4"
                    )));
                }
                Ok(PartialDate {
                    year,
                    month: (n as u8 - 1) * 3 + 1,
                    day: 1,
                    precision: Precision::Quarter,
                })
            }
            (Some(m), day) => {
                let month = digits(m, 2).ok_or(DateError::Shape)? as u8;
                if !(1..=12).contains(&month) {
                    return Err(DateError::Impossible(format!(
                        "{s} is not a date: months run from 01 to 12"
                    )));
                }
                match day {
                    None => Ok(PartialDate {
                        year,
                        month,
                        day: 1,
                        precision: Precision::Month,
                    }),
                    Some(d) => {
                        let day = digits(d, 2).ok_or(DateError::Shape)? as u8;
                        let max = days_in_month(year, month);
                        if day == 0 || day > max {
                            return Err(DateError::Impossible(format!(
                                "{s} is not a date: {} {year} has {max} days",
                                MONTHS_EN_GB[usize::from(month - 1)]
                            )));
                        }
                        Ok(PartialDate {
                            year,
                            month,
                            day,
                            precision: Precision::Day,
                        })
                    }
                }
            }
            (None, Some(_)) => Err(DateError::Shape),
        }
    }
}

impl PartialDate {
    /// A day-precision date. Returns `None` when the day does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            PartialDate {
                year,
                month,
                day,
                precision: Precision::Day,
            },
        )
    }

    /// The day-precision date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let (year, month, day) = civil_from_days(days);
        PartialDate {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1-12); for a year or quarter, the first month of the period.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// First day of the period, in days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// Last day of the period (inclusive), in days since 1970-01-01.
    pub fn last_day(&self) -> i64 {
        let (y, m) = (self.year, self.month);
        match self.precision {
            Precision::Day => self.first_day(),
            Precision::Month => days_from_civil(y, m, days_in_month(y, m)),
            Precision::Quarter => days_from_civil(y, m + 2, days_in_month(y, m + 2)),
            Precision::Year => days_from_civil(y, 12, 31),
        }
    }

    /// The date as a reader would say it: "2023", "October–December 2023", "February 2023",
    /// "27 February 2023" in British English.
    pub fn long(&self, l: &Locale) -> String {
        let month = &l.months[usize::from(self.month - 1)];
        let year = self.year.to_string();
        match self.precision {
            Precision::Year => year,
            Precision::Quarter => {
                let last = &l.months[usize::from(self.month + 1)];
                Locale::fill(&l.month_pattern, "", &format!("{month}–{last}"), &year)
            }
            Precision::Month => Locale::fill(&l.month_pattern, "", month, &year),
            Precision::Day => Locale::fill(&l.day_pattern, &self.day.to_string(), month, &year),
        }
    }

    /// Whether `self` and `other` name the same period to the same precision.
    pub fn same_period(&self, other: &PartialDate) -> bool {
        self.precision == other.precision && self.first_day() == other.first_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Quarter => write!(f, "{:04}-Q{}", self.year, (self.month - 1) / 3 + 1),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// Writes a period from `start` to an optional `end` as a reader would: "27–28 February
/// 2023", "28 February 2023 – 1 March 2023", "November 2022 – May 2023".
pub fn range(start: &PartialDate, end: Option<&PartialDate>, l: &Locale) -> String {
    let Some(end) = end.filter(|e| !e.same_period(start)) else {
        return start.long(l);
    };
    if start.precision == Precision::Day
        && end.precision == Precision::Day
        && start.year == end.year
        && start.month == end.month
    {
        let days = format!("{}–{}", start.day, end.day);
        let month = &l.months[usize::from(start.month - 1)];
        return Locale::fill(&l.day_pattern, &days, month, &start.year.to_string());
    }
    // Within a range a quarter is said by the month it starts or ends: "April 2020 – March
    // 2021", not "April–June 2020 – January–March 2021".
    let month = |m: u8, year: i32| {
        Locale::fill(
            &l.month_pattern,
            "",
            &l.months[usize::from(m - 1)],
            &year.to_string(),
        )
    };
    let from = match start.precision {
        Precision::Quarter => month(start.month, start.year),
        _ => start.long(l),
    };
    let to = match end.precision {
        Precision::Quarter => month(end.month + 2, end.year),
        _ => end.long(l),
    };
    format!("{from} – {to}")
}

/// What to write instead of a date typed by hand in another form, as a spreadsheet or a
/// habit might: "Feb 2023" → "write 2023-02"; "03/05/2024" could be either of two days, so
/// both are named (never one guessed). `None` when the text looks like no date at all. A
/// newsroom tool's help (the command line, the editor's build): the reader's build leaves it
/// out and gives the general form.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor", feature = "sheet"))]
pub fn hand_written(s: &str) -> Option<String> {
    // "2023-02-01 00:00:00", "2023-02-01T09:30": a date a spreadsheet or a database wrote with
    // its time of day.
    let with_time = s
        .trim()
        .split_once([' ', 'T'])
        .filter(|(_, time)| time.contains(':'));
    if let Some((date, _)) = with_time {
        if date.parse::<PartialDate>().is_ok() {
            return Some(format!("write {date}, without the time of day"));
        }
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        (w.len() >= 3)
            .then(|| {
                MONTHS_EN_GB
                    .iter()
                    .position(|m| m.to_ascii_lowercase().starts_with(&w))
            })
            .flatten()
            .map(|m| m as u32 + 1)
    };
    let year_of = |w: &str| digits(w, 4);
    let day_of = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (1..=2)
            .contains(&w.len())
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let write = |y: u32, m: u32, d: Option<u32>| match d {
        Some(d) => format!("write {y:04}-{m:02}-{d:02}"),
        None => format!("write {y:04}-{m:02}"),
    };
    match words.as_slice() {
        // "Feb 2023", "February 2023".
        [m, y] if month_of(m).is_some() && year_of(y).is_some() => {
            Some(write(year_of(y)?, month_of(m)?, None))
        }
        // "Q1 2023", "2023 Q1".
        [q, y] | [y, q] if q.len() == 2 && q.to_ascii_uppercase().starts_with('Q') => {
            let n = digits(&q[1..], 1).filter(|n| (1..=4).contains(n))?;
            Some(format!("write {:04}-Q{n}", year_of(y)?))
        }
        // "27 Feb 2023", "27th February 2023", "Feb 27, 2023".
        [d, m, y] | [m, d, y] if month_of(m).is_some() && day_of(d).is_some() => {
            Some(write(year_of(y)?, month_of(m)?, day_of(d)))
        }
        [one] => {
            // "Feb-23": how a spreadsheet shows a month it has turned into a date.
            if let Some((m, y)) = one
                .split_once('-')
                .and_then(|(m, y)| Some((month_of(m)?, 2000 + digits(y, 2)?)))
            {
                return Some(format!(
                    "if it means {} {y}, write {y:04}-{m:02} (a spreadsheet shows a month it has turned into a date as {one}; format the column as text and type it again)",
                    MONTHS_EN_GB[m as usize - 1]
                ));
            }
            // 44958: a spreadsheet's number for a date (days since 30 December 1899), shown
            // when the column is formatted as a number.
            // With a time of day, the number has a fraction: 45000.5 is noon.
            let whole = one
                .split_once('.')
                .filter(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
                .map_or(*one, |(w, _)| w);
            if let Some(n) = digits(whole, 5).filter(|n| (20_000..=80_000).contains(n)) {
                let (y, m, d) = civil_from_days(days_from_civil(1899, 12, 30) + i64::from(n));
                return Some(format!(
                    "it looks like a spreadsheet's number for the date {d} {} {y}; format the column as text and type the date as {y:04}-{m:02}-{d:02} (or {y:04}-{m:02} if only the month is known)",
                    MONTHS_EN_GB[m as usize - 1]
                ));
            }
            let parts: Vec<&str> = one.split(['/', '.', '-']).collect();
            let n = |p: &str| {
                (p.len() <= 2 && !p.is_empty())
                    .then(|| p.parse::<u32>().ok())
                    .flatten()
            };
            match parts.as_slice() {
                // "2023/02/27", "2023-2-5".
                [y, m, d] if year_of(y).is_some() => {
                    let (m, d) = (n(m).filter(|m| (1..=12).contains(m))?, n(d)?);
                    Some(write(year_of(y)?, m, Some(d)))
                }
                [y, m] if year_of(y).is_some() => Some(write(
                    year_of(y)?,
                    n(m).filter(|m| (1..=12).contains(m))?,
                    None,
                )),
                // "03/05/2024": day first in Britain, month first in America.
                [a, b, y] => {
                    let (a, b, y) = (n(a)?, n(b)?, year_of(y)?);
                    let named = |d: u32, m: u32| -> Option<String> {
                        let month = MONTHS_EN_GB.get(m.checked_sub(1)? as usize)?;
                        (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
                    };
                    // A spreadsheet turns "2023-02" into the first of the month; say so, rather
                    // than have the journalist invent a day.
                    let first = match (a, b) {
                        (1, m) | (m, 1) if (1..=12).contains(&m) => format!(
                            "; if only the month is known, write {y:04}-{m:02} (a spreadsheet turns a month into its first day unless the column is formatted as text)"
                        ),
                        _ => String::new(),
                    };
                    match (named(a, b), named(b, a)) {
                        (Some(x), Some(z)) if a != b => Some(format!(
                            "it could be {x} or {z}: write {y:04}-{b:02}-{a:02} for the first or {y:04}-{a:02}-{b:02} for the second{first}"
                        )),
                        (Some(_), _) if a == 1 && b == 1 => {
                            Some(format!("{}{first}", write(y, b, Some(a))))
                        }
                        (Some(_), _) => Some(write(y, b, Some(a))),
                        (None, Some(_)) => Some(write(y, a, Some(b))),
                        (None, None) => None,
                    }
                }
                // "02/2023".
                [m, y] => Some(write(
                    year_of(y)?,
                    n(m).filter(|m| (1..=12).contains(m))?,
                    None,
                )),
                _ => None,
            }
        }
        _ => None,
    }
}
