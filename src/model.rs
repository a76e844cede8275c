//! The data contract (version 1) as validated types: a [`Timeline`] of [`Event`]s, and the
//! [`Problem`]s a file can have.
//!
//! [`parse`] (in [`crate::validate`]) reads JSON text into a `Timeline` whose every field has
//! been checked; nothing here can hold an unchecked value.

pub use crate::color::Rgb;
use crate::date::PartialDate;
pub use crate::validate::parse;
use serde::Serialize;
use std::fmt;

/// One thing wrong with a data file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field, as `events[3].end`; empty for the file as a whole.
    pub path: String,
    pub message: String,
    /// Line of the offending value in the source text, from 1.
    pub line: u32,
    /// Column of the offending value, from 1, counted in characters.
    pub column: u32,
}

/// How many problems are listed in full, by the command line, the editor and the element: a
/// file with thousands of problems usually has one mistake made many times, and the first
/// hundred show it.
pub const SHOWN_PROBLEMS: usize = 100;

/// What is said after the first [`SHOWN_PROBLEMS`] of `n`: "and 9,900 more problems".
pub fn more_problems(n: usize) -> Option<String> {
    more(n, "problem")
}

/// What is said after the first [`SHOWN_PROBLEMS`] of `n` warnings: "and 1,900 more warnings".
pub fn more_warnings(n: usize) -> Option<String> {
    more(n, "warning")
}

fn more(n: usize, what: &str) -> Option<String> {
    let more = n.checked_sub(SHOWN_PROBLEMS).filter(|&m| m > 0)?;
    Some(if more == 1 {
        format!("and 1 more {what}")
    } else {
        format!("and {} more {what}s", crate::text::thousands(more))
    })
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// One grade of a rating scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub id: String,
    pub label: String,
    pub color: Rgb,
}

/// Ofsted's four grades, best first, used when a file gives no `scale`.
pub fn default_scale() -> Vec<Grade> {
    [
        ("outstanding", "Outstanding", Rgb(0x00, 0x5a, 0x9c)),
        ("good", "Good", Rgb(0x1f, 0x8a, 0x4c)),
        (
            "requires-improvement",
            "Requires improvement",
            Rgb(0xc2, 0x7c, 0x00),
        ),
        ("inadequate", "Inadequate", Rgb(0xb3, 0x12, 0x2c)),
    ]
    .into_iter()
    .map(|(id, label, color)| Grade {
        id: id.into(),
        label: label.into(),
        color,
    })
    .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Inspection,
    MonitoringVisit,
    Reinspection,
    Other,
}

impl Kind {
    pub const ALL: [(&'static str, Kind); 4] = [
        ("inspection", Kind::Inspection),
        ("monitoring-visit", Kind::MonitoringVisit),
        ("reinspection", Kind::Reinspection),
        ("other", Kind::Other),
    ];

    /// Whether this kind of event can grade the service (and so end a rating band).
    pub fn is_graded(&self) -> bool {
        matches!(self, Kind::Inspection | Kind::Reinspection)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    Expected,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Positive,
    Negative,
    Mixed,
    Neutral,
}

impl Tone {
    pub const ALL: [(&'static str, Tone); 4] = [
        ("positive", Tone::Positive),
        ("negative", Tone::Negative),
        ("mixed", Tone::Mixed),
        ("neutral", Tone::Neutral),
    ];

    pub fn name(&self) -> &'static str {
        Tone::ALL
            .iter()
            .find(|(_, t)| t == self)
            .map_or("neutral", |(n, _)| n)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub text: String,
    pub tone: Tone,
    /// The text is the regulator's own words.
    pub quote: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// When the visit or inspection happened.
    pub date: Option<PartialDate>,
    /// Last day of a visit that lasted more than one day (or period).
    pub end: Option<PartialDate>,
    /// When its report came out.
    pub published: Option<PartialDate>,
    pub status: Status,
    /// Index into [`Timeline::scale`].
    pub rating: Option<usize>,
    pub summary: Option<String>,
    pub findings: Vec<Finding>,
    pub sources: Vec<Source>,
    pub lane: Option<String>,
    /// Index into [`Timeline::subjects`]: the council (or other service) the event is about.
    pub subject: usize,
}

impl Event {
    /// The period the event occupies on the time axis: its visit dates when known, else its
    /// publication. `None` for an expected event with no date at all.
    pub fn span(&self) -> Option<(PartialDate, PartialDate)> {
        match (self.date, self.published) {
            (Some(d), _) => Some((d, self.end.unwrap_or(d))),
            (None, Some(p)) => Some((p, p)),
            (None, None) => None,
        }
    }

    /// The middle of the period the event occupies, in days since 1970-01-01: where its mark
    /// sits and what orders it. `None` when it has no date.
    pub fn middle_day(&self) -> Option<f64> {
        self.span()
            .map(|(a, b)| (a.first_day() + b.last_day() + 1) as f64 / 2.0)
    }
}

/// One of the services a file is about, such as a council, with its own rating band, rows
/// and count of visits.
#[derive(Clone, Debug, PartialEq)]
pub struct Subject {
    /// The id events name it by; empty for the one subject of a file without a `subjects`
    /// list, which is drawn without a heading of its own.
    pub id: String,
    /// Its name for readers: the subject's `label`, or the file's `subject` text.
    pub label: String,
    /// Its rating scale as indices into [`Timeline::grades`], best grade first.
    pub scale: Vec<usize>,
}

impl Subject {
    /// Whether the subject comes from a `subjects` list, and so has a heading on the chart.
    pub fn is_listed(&self) -> bool {
        !self.id.is_empty()
    }

    /// The worst grade of its scale: the rating after which monitoring visits are counted.
    pub fn worst(&self) -> Option<usize> {
        self.scale.last().copied()
    }
}

/// A validated data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: String,
    pub subtitle: Option<String>,
    pub subject: Option<String>,
    pub regulator: Option<String>,
    pub updated: Option<PartialDate>,
    pub credit: Option<String>,
    /// Every grade of every scale: the file's `scale` (best first), then each subject's own
    /// scale in turn. Ratings and colours refer to grades by their index here.
    pub grades: Vec<Grade>,
    /// Whether the file's scale is Ofsted's default (the file gives no `scale`): its first
    /// four grades are then the widget's own words, which a reader's language may name.
    pub default_scale: bool,
    /// At least one: the file's `subjects` list, or the one subject the file is about.
    pub subjects: Vec<Subject>,
    /// In file order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// Names the default scale's grades in the words of `w` (a reader's language); a file's
    /// own scale keeps the names the newsroom gave it.
    pub fn name_default_grades(&mut self, w: &crate::strings::Strings) {
        use crate::strings::Key;
        if !self.default_scale {
            return;
        }
        let keys = [
            Key::GradeOutstanding,
            Key::GradeGood,
            Key::GradeRequiresImprovement,
            Key::GradeInadequate,
        ];
        for (g, key) in self.grades.iter_mut().zip(keys) {
            g.label = w.get(key).to_string();
        }
    }

    /// The file's own scale as indices into [`Timeline::grades`], for a file without a
    /// `subjects` list: every grade, best first.
    pub fn one_subject(label: Option<&str>, grades: usize) -> Subject {
        Subject {
            id: String::new(),
            label: label.unwrap_or_default().to_string(),
            scale: (0..grades).collect(),
        }
    }

    /// Whether the chart draws a heading for each subject: when the file lists them.
    pub fn has_subject_list(&self) -> bool {
        self.subjects.iter().any(Subject::is_listed)
    }
}
