//! The data contract (version 1) and its validator.
//!
//! [`parse`] reads JSON text into a [`Timeline`] whose every field has been checked, or returns
//! every [`Problem`] found, each with the field path and the line and column of the value, in
//! source order. Messages are written for the journalists who edit the file: they name the
//! value, say what is wrong and, where possible, how to fix it.

use crate::date::PartialDate;
use crate::json::{self, Entry, Node, Value};
use serde::Serialize;
use std::collections::BTreeMap;
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A colour as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        let d = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(d(0, 2)?, d(2, 2)?, d(4, 2)?)),
            3 => Some(Rgb(d(0, 1)? * 17, d(1, 1)? * 17, d(2, 1)? * 17)),
            _ => None,
        }
    }

    /// Relative luminance as WCAG 2 defines it.
    pub fn luminance(&self) -> f64 {
        let ch = |c: u8| f64::from(SRGB_TO_LINEAR[usize::from(c)]);
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    /// WCAG 2 contrast ratio between two colours, from 1 to 21.
    ///
    /// # Examples
    ///
    /// ```
    /// use inspection_timeline::model::Rgb;
    /// let white = Rgb(255, 255, 255);
    /// assert!((Rgb(0, 0, 0).contrast(&white) - 21.0).abs() < 0.01);
    /// assert!((Rgb(0x76, 0x76, 0x76).contrast(&white) - 4.54).abs() < 0.01);
    /// ```
    pub fn contrast(&self, other: &Rgb) -> f64 {
        let (a, b) = (self.luminance() + 0.05, other.luminance() + 0.05);
        a.max(b) / a.min(b)
    }

    /// `self` moved towards `to` by `t` (0 to 1).
    pub fn mix(&self, to: &Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }

    /// The colour nearest `self` that has at least `min` contrast against `background`, found by
    /// moving towards `ink` (a colour that contrasts strongly with the background).
    pub fn legible_on(&self, background: &Rgb, ink: &Rgb, min: f64) -> Rgb {
        (0..=20)
            .map(|i| self.mix(ink, f64::from(i) / 20.0))
            .find(|c| c.contrast(background) >= min)
            .unwrap_or(*ink)
    }
}

/// sRGB channel values (0-255) to linear light, the WCAG formula written out so that no
/// floating-point power function is compiled into the wasm.
#[rustfmt::skip]
const SRGB_TO_LINEAR: [f32; 256] = [
    0.0, 0.000303527, 0.000607054, 0.000910581, 0.00121411, 0.00151763, 0.00182116, 0.00212469,
    0.00242822, 0.00273174, 0.00303527, 0.00334654, 0.00367651, 0.00402472, 0.00439144, 0.00477695,
    0.00518152, 0.00560539, 0.00604883, 0.00651209, 0.00699541, 0.00749903, 0.00802319, 0.00856813,
    0.00913406, 0.00972122, 0.0103298, 0.0109601, 0.0116122, 0.0122865, 0.012983, 0.0137021,
    0.0144438, 0.0152085, 0.0159963, 0.0168074, 0.017642, 0.0185002, 0.0193824, 0.0202886,
    0.021219, 0.0221739, 0.0231534, 0.0241576, 0.0251869, 0.0262412, 0.0273209, 0.028426,
    0.0295568, 0.0307134, 0.031896, 0.0331048, 0.0343398, 0.0356013, 0.0368895, 0.0382044,
    0.0395462, 0.0409152, 0.0423114, 0.043735, 0.0451862, 0.0466651, 0.0481718, 0.0497066,
    0.0512695, 0.0528606, 0.0544803, 0.0561285, 0.0578054, 0.0595112, 0.0612461, 0.06301,
    0.0648033, 0.0666259, 0.0684782, 0.0703601, 0.0722719, 0.0742136, 0.0761854, 0.0781874,
    0.0802198, 0.0822827, 0.0843762, 0.0865005, 0.0886556, 0.0908417, 0.093059, 0.0953075,
    0.0975873, 0.0998987, 0.102242, 0.104616, 0.107023, 0.109462, 0.111932, 0.114435,
    0.116971, 0.119538, 0.122139, 0.124772, 0.127438, 0.130136, 0.132868, 0.135633,
    0.138432, 0.141263, 0.144128, 0.147027, 0.14996, 0.152926, 0.155926, 0.158961,
    0.162029, 0.165132, 0.168269, 0.171441, 0.174647, 0.177888, 0.181164, 0.184475,
    0.187821, 0.191202, 0.194618, 0.198069, 0.201556, 0.205079, 0.208637, 0.212231,
    0.215861, 0.219526, 0.223228, 0.226966, 0.23074, 0.234551, 0.238398, 0.242281,
    0.246201, 0.250158, 0.254152, 0.258183, 0.262251, 0.266356, 0.270498, 0.274677,
    0.278894, 0.283149, 0.287441, 0.291771, 0.296138, 0.300544, 0.304987, 0.309469,
    0.313989, 0.318547, 0.323143, 0.327778, 0.332452, 0.337164, 0.341914, 0.346704,
    0.351533, 0.3564, 0.361307, 0.366253, 0.371238, 0.376262, 0.381326, 0.386429,
    0.391572, 0.396755, 0.401978, 0.40724, 0.412543, 0.417885, 0.423268, 0.42869,
    0.434154, 0.439657, 0.445201, 0.450786, 0.456411, 0.462077, 0.467784, 0.473531,
    0.47932, 0.48515, 0.491021, 0.496933, 0.502886, 0.508881, 0.514918, 0.520996,
    0.527115, 0.533276, 0.539479, 0.545724, 0.552011, 0.55834, 0.564712, 0.571125,
    0.57758, 0.584078, 0.590619, 0.597202, 0.603827, 0.610496, 0.617207, 0.62396,
    0.630757, 0.637597, 0.64448, 0.651406, 0.658375, 0.665387, 0.672443, 0.679542,
    0.686685, 0.693872, 0.701102, 0.708376, 0.715694, 0.723055, 0.730461, 0.73791,
    0.745404, 0.752942, 0.760525, 0.768151, 0.775822, 0.783538, 0.791298, 0.799103,
    0.806952, 0.814847, 0.822786, 0.83077, 0.838799, 0.846873, 0.854993, 0.863157,
    0.871367, 0.879622, 0.887923, 0.896269, 0.904661, 0.913099, 0.921582, 0.930111,
    0.938686, 0.947307, 0.955973, 0.964686, 0.973445, 0.982251, 0.991102, 1.0,
];

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
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

    /// Words for a reader, as in a legend: "Inspection".
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Inspection => "Inspection",
            Kind::MonitoringVisit => "Monitoring visit",
            Kind::Reinspection => "Re-inspection",
            Kind::Other => "Other event",
        }
    }

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

    /// How the tone is told to someone who cannot see its colour or symbol.
    pub fn label(&self) -> &'static str {
        match self {
            Tone::Positive => "Strength",
            Tone::Negative => "Concern",
            Tone::Mixed => "Mixed",
            Tone::Neutral => "Note",
        }
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
    /// Best grade first.
    pub scale: Vec<Grade>,
    /// In file order.
    pub events: Vec<Event>,
}

const TOP_FIELDS: &[&str] = &[
    "$schema",
    "version",
    "title",
    "subtitle",
    "subject",
    "regulator",
    "updated",
    "credit",
    "scale",
    "events",
];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "date",
    "end",
    "published",
    "status",
    "rating",
    "summary",
    "findings",
    "sources",
    "lane",
];
const GRADE_FIELDS: &[&str] = &["id", "label", "color"];
const FINDING_FIELDS: &[&str] = &["text", "tone", "quote"];
const SOURCE_FIELDS: &[&str] = &["title", "url", "publisher", "date"];

/// Reads and validates a data file. On failure every problem is returned, in source order.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    let root = json::parse(text).map_err(|e| {
        let (line, column) = json::line_col(text, e.offset);
        vec![Problem {
            path: String::new(),
            message: format!(
                "not valid JSON at line {line}, column {column}: {}",
                e.message
            ),
            line,
            column,
        }]
    })?;
    let mut v = Validator {
        text,
        problems: Vec::new(),
        grade_ids: Vec::new(),
    };
    let timeline = v.timeline(&root);
    if v.problems.is_empty() {
        if let Some(t) = timeline {
            return Ok(t);
        }
    }
    let mut problems = v.problems;
    problems.sort_by_key(|p| (p.line, p.column));
    Err(problems)
}

struct Validator<'a> {
    text: &'a str,
    problems: Vec<Problem>,
    /// Ids of every grade in `scale`, including grades with a problem of their own, so that a
    /// rating naming such a grade is not reported a second time.
    grade_ids: Vec<String>,
}

/// Fields of one JSON object, looked up by name, with their path prefix.
struct Obj<'n> {
    path: String,
    entries: &'n [Entry],
    offset: usize,
}

fn quoted_list(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// The known name closest to a misspelt one, if it is close enough to be a likely slip.
fn suggest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = word.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        // Within a third of the word: "titel" finds `title`, "poor" does not find `good`.
        .filter(|(d, k)| *d <= 3 && *d * 3 <= k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

impl<'a> Validator<'a> {
    fn report(&mut self, path: &str, offset: usize, message: String) {
        let (line, column) = json::line_col(self.text, offset);
        self.problems.push(Problem {
            path: path.to_string(),
            message,
            line,
            column,
        });
    }

    /// Checks that `node` is an object with only `known` fields, reporting duplicates and
    /// unknown names with a suggestion.
    fn object<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        known: &[&str],
        what: &str,
    ) -> Option<Obj<'n>> {
        let Value::Object(entries) = &node.value else {
            self.report(
                path,
                node.offset,
                format!("expected {what} in {{ }}, found {}", node.value.kind_name()),
            );
            return None;
        };
        let mut seen: Vec<&str> = Vec::new();
        for e in entries {
            let field_path = join(path, &e.key);
            if !known.contains(&e.key.as_str()) {
                let hint = match suggest(&e.key, known) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the fields allowed here are {}", quoted_list(known)),
                };
                self.report(
                    &field_path,
                    e.key_offset,
                    format!("unknown field `{}`; {hint}", e.key),
                );
            } else if seen.contains(&e.key.as_str()) {
                self.report(
                    &field_path,
                    e.key_offset,
                    format!("`{}` appears twice; keep only one", e.key),
                );
            } else {
                seen.push(&e.key);
            }
        }
        Some(Obj {
            path: path.to_string(),
            entries,
            offset: node.offset,
        })
    }

    fn string(&mut self, obj: &Obj, name: &str, required: bool, example: &str) -> Option<String> {
        let path = join(&obj.path, name);
        match obj.get(name) {
            None if required => {
                self.report(
                    &obj.path,
                    obj.offset,
                    format!("`{name}` is missing; add it, for example \"{name}\": {example}"),
                );
                None
            }
            None => None,
            Some(Node {
                value: Value::String(s),
                offset,
            }) => {
                if s.trim().is_empty() {
                    self.report(
                        &path,
                        *offset,
                        "is empty; write some text or remove the field".into(),
                    );
                    None
                } else {
                    Some(s.trim().to_string())
                }
            }
            Some(n) => {
                self.report(
                    &path,
                    n.offset,
                    format!(
                        "expected text in double quotes, found {}",
                        n.value.kind_name()
                    ),
                );
                None
            }
        }
    }

    fn date(&mut self, obj: &Obj, name: &str) -> Option<PartialDate> {
        let path = join(&obj.path, name);
        match obj.get(name)? {
            Node {
                value: Value::String(s),
                offset,
            } => match s.parse::<PartialDate>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.report(&path, *offset, format!("\"{s}\" is not a date; {e}"));
                    None
                }
            },
            n => {
                self.report(
                    &path,
                    n.offset,
                    format!(
                        "expected a date in double quotes such as \"2023-02-27\", found {}",
                        n.value.kind_name()
                    ),
                );
                None
            }
        }
    }

    fn choice<T: Copy>(
        &mut self,
        obj: &Obj,
        name: &str,
        options: &[(&str, T)],
    ) -> Option<Option<T>> {
        let path = join(&obj.path, name);
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        match obj.get(name) {
            None => Some(None),
            Some(Node {
                value: Value::String(s),
                offset,
            }) => {
                if let Some((_, v)) = options.iter().find(|(n, _)| n == s) {
                    return Some(Some(*v));
                }
                let hint = match suggest(s, &names) {
                    Some(g) => format!("did you mean `{g}`?"),
                    None => format!("use {}", quoted_list(&names)),
                };
                self.report(
                    &path,
                    *offset,
                    format!("\"{s}\" is not allowed here; {hint}"),
                );
                None
            }
            Some(n) => {
                self.report(
                    &path,
                    n.offset,
                    format!(
                        "expected one of {}, found {}",
                        quoted_list(&names),
                        n.value.kind_name()
                    ),
                );
                None
            }
        }
    }

    fn list<'n>(&mut self, obj: &Obj<'n>, name: &str) -> &'n [Node] {
        match obj.get(name) {
            None => &[],
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items,
            Some(n) => {
                let path = join(&obj.path, name);
                self.report(
                    &path,
                    n.offset,
                    format!("expected a list in [ ], found {}", n.value.kind_name()),
                );
                &[]
            }
        }
    }

    fn timeline(&mut self, root: &Node) -> Option<Timeline> {
        let obj = self.object(root, "", TOP_FIELDS, "the whole file")?;
        match obj.get("version") {
            None => self.report(
                "",
                root.offset,
                "`version` is missing; add \"version\": 1 at the top".into(),
            ),
            Some(Node {
                value: Value::Number(n),
                ..
            }) if n == "1"
                || n.strip_prefix("1.")
                    .is_some_and(|z| z.bytes().all(|b| b == b'0')) => {}
            Some(n) => {
                let found = match &n.value {
                    Value::Number(x) => x.clone(),
                    v => v.kind_name().to_string(),
                };
                self.report(
                    "version",
                    n.offset,
                    format!("must be 1 (found {found}); this widget reads version 1 files"),
                );
            }
        }
        let title = self.string(&obj, "title", true, "\"Children's services inspections\"");
        let subtitle = self.string(&obj, "subtitle", false, "");
        let subject = self.string(&obj, "subject", false, "");
        let regulator = self.string(&obj, "regulator", false, "");
        let credit = self.string(&obj, "credit", false, "");
        let updated = self.date(&obj, "updated");
        if let Some(n) = obj.get("$schema") {
            if !matches!(n.value, Value::String(_)) {
                self.report(
                    "$schema",
                    n.offset,
                    format!(
                        "expected the schema's address as text, found {}",
                        n.value.kind_name()
                    ),
                );
            }
        }
        let scale = match obj.get("scale") {
            None => default_scale(),
            Some(_) => self.scale(&obj),
        };
        let events = match obj.get("events") {
            None => {
                self.report(
                    "",
                    root.offset,
                    "`events` is missing; add \"events\": [ ... ] with at least one event".into(),
                );
                Vec::new()
            }
            Some(n) => {
                let items = self.list(&obj, "events");
                if items.is_empty() && matches!(n.value, Value::Array(_)) {
                    self.report(
                        "events",
                        n.offset,
                        "is empty; add at least one event".into(),
                    );
                }
                self.events(items, &scale)
            }
        };
        Some(Timeline {
            title: title?,
            subtitle,
            subject,
            regulator,
            updated,
            credit,
            scale,
            events,
        })
    }

    fn scale(&mut self, top: &Obj) -> Vec<Grade> {
        let items = self.list(top, "scale");
        if items.is_empty() {
            if let Some(n) = top.get("scale") {
                if matches!(n.value, Value::Array(_)) {
                    self.report("scale", n.offset, "is empty; list the grades best first, or remove `scale` to use Ofsted's four".into());
                }
            }
        }
        let mut grades: Vec<Grade> = Vec::new();
        let mut ids: Vec<(String, usize)> = Vec::new();
        for (i, node) in items.iter().enumerate() {
            let path = format!("scale[{i}]");
            let Some(g) = self.object(node, &path, GRADE_FIELDS, "a grade") else {
                continue;
            };
            let id = self.string(&g, "id", true, "\"inadequate\"");
            let label = self.string(&g, "label", true, "\"Inadequate\"");
            let color = match g.get("color") {
                None => {
                    self.report(
                        &path,
                        node.offset,
                        "`color` is missing; add it, for example \"color\": \"#c01f2f\"".into(),
                    );
                    None
                }
                Some(Node {
                    value: Value::String(s),
                    offset,
                }) => {
                    let c = Rgb::parse(s);
                    if c.is_none() {
                        self.report(&join(&path, "color"), *offset, format!("\"{s}\" is not a colour; write it as # and six hex digits, for example \"#c01f2f\""));
                    }
                    c
                }
                Some(n) => {
                    self.report(
                        &join(&path, "color"),
                        n.offset,
                        format!(
                            "expected a colour such as \"#c01f2f\", found {}",
                            n.value.kind_name()
                        ),
                    );
                    None
                }
            };
            if let Some(id) = &id {
                self.grade_ids.push(id.clone());
                if let Some((_, j)) = ids.iter().find(|(x, _)| x == id) {
                    self.report(
                        &join(&path, "id"),
                        g.get("id").map_or(node.offset, |n| n.offset),
                        format!(
                            "\"{id}\" is already used by scale[{j}]; give each grade its own id"
                        ),
                    );
                } else {
                    ids.push((id.clone(), i));
                }
            }
            if let (Some(id), Some(label), Some(color)) = (id, label, color) {
                grades.push(Grade { id, label, color });
            }
        }
        grades
    }

    fn events(&mut self, items: &[Node], scale: &[Grade]) -> Vec<Event> {
        let mut events = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        for (i, node) in items.iter().enumerate() {
            let path = format!("events[{i}]");
            let Some(e) = self.object(node, &path, EVENT_FIELDS, "an event") else {
                continue;
            };
            let id = self.string(&e, "id", true, "\"visit-3\"");
            if let Some(id) = &id {
                let offset = e.get("id").map_or(node.offset, |n| n.offset);
                if let Some(j) = ids.get(id) {
                    self.report(
                        &join(&path, "id"),
                        offset,
                        format!(
                            "\"{id}\" is already used by events[{j}]; give each event its own id"
                        ),
                    );
                } else {
                    ids.insert(id.clone(), i);
                }
            }
            let kind = match e.get("kind") {
                None => {
                    self.report(
                        &path,
                        node.offset,
                        "`kind` is missing; add it, for example \"kind\": \"monitoring-visit\""
                            .into(),
                    );
                    None
                }
                Some(_) => self.choice(&e, "kind", &Kind::ALL).flatten(),
            };
            let title = self.string(&e, "title", true, "\"Third monitoring visit\"");
            let date = self.date(&e, "date");
            let end = self.date(&e, "end");
            let published = self.date(&e, "published");
            // `None` when the status itself is wrong: then whether a date is needed is unknown.
            let status = self
                .choice(
                    &e,
                    "status",
                    &[("done", Status::Done), ("expected", Status::Expected)],
                )
                .map(|s| s.unwrap_or(Status::Done));
            let off = |name: &str| e.get(name).map_or(node.offset, |n| n.offset);
            match (date, end) {
                (None, Some(end)) if e.get("date").is_none() => self.report(
                    &join(&path, "end"),
                    off("end"),
                    format!("{end} is an end without a start; add `date` (the first day of the visit) or remove `end`"),
                ),
                (Some(d), Some(end)) if end.last_day() < d.first_day() => self.report(
                    &join(&path, "end"),
                    off("end"),
                    format!("{end} is before date {d}; end is the last day of the visit, so it cannot come first"),
                ),
                _ => {}
            }
            if let (Some(d), Some(p)) = (date, published) {
                if p.last_day() < d.first_day() {
                    self.report(
                        &join(&path, "published"),
                        off("published"),
                        format!(
                            "{p} is before date {d}; a report cannot come out before its visit"
                        ),
                    );
                }
            }
            let has_any_date = ["date", "published"].iter().any(|k| e.get(k).is_some());
            if status == Some(Status::Done) && !has_any_date {
                self.report(&path, node.offset, "has no date; add `date` (when it happened) or `published` (when its report came out), or mark it \"status\": \"expected\"".into());
            }
            let rating = match e.get("rating") {
                None => None,
                Some(Node {
                    value: Value::String(s),
                    offset,
                }) => {
                    let pos = scale.iter().position(|g| &g.id == s);
                    if pos.is_none() && !scale.is_empty() && !self.grade_ids.contains(s) {
                        let ids: Vec<&str> = scale.iter().map(|g| g.id.as_str()).collect();
                        let hint = match suggest(s, &ids) {
                            Some(g) => format!("did you mean `{g}`?"),
                            None => format!("use {}", quoted_list(&ids)),
                        };
                        self.report(
                            &join(&path, "rating"),
                            *offset,
                            format!("\"{s}\" is not a grade in the scale; {hint}"),
                        );
                    }
                    pos
                }
                Some(n) => {
                    self.report(
                        &join(&path, "rating"),
                        n.offset,
                        format!(
                            "expected a grade id in double quotes, found {}",
                            n.value.kind_name()
                        ),
                    );
                    None
                }
            };
            let summary = self.string(&e, "summary", false, "");
            let lane = self.string(&e, "lane", false, "");
            let findings = self.findings(&e);
            let sources = self.sources(&e, &path);
            if let (Some(id), Some(kind), Some(title)) = (id, kind, title) {
                events.push(Event {
                    id,
                    kind,
                    title,
                    date,
                    end,
                    published,
                    status: status.unwrap_or(Status::Done),
                    rating,
                    summary,
                    findings,
                    sources,
                    lane,
                });
            }
        }
        events
    }

    fn findings(&mut self, event: &Obj) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, node) in self.list(event, "findings").iter().enumerate() {
            let path = format!("{}.findings[{i}]", event.path);
            let Some(f) = self.object(node, &path, FINDING_FIELDS, "a finding") else {
                continue;
            };
            let text = self.string(
                &f,
                "text",
                true,
                "\"Social work practice remains inconsistent\"",
            );
            let tone = match f.get("tone") {
                None => Some(Tone::Neutral),
                Some(_) => self.choice(&f, "tone", &Tone::ALL).flatten(),
            };
            let quote = match f.get("quote") {
                None => false,
                Some(Node {
                    value: Value::Bool(b),
                    ..
                }) => *b,
                Some(n) => {
                    self.report(
                        &join(&path, "quote"),
                        n.offset,
                        format!("expected true or false, found {}", n.value.kind_name()),
                    );
                    false
                }
            };
            if let (Some(text), Some(tone)) = (text, tone) {
                out.push(Finding { text, tone, quote });
            }
        }
        out
    }

    fn sources(&mut self, event: &Obj, event_path: &str) -> Vec<Source> {
        let mut out = Vec::new();
        for (i, node) in self.list(event, "sources").iter().enumerate() {
            let path = format!("{event_path}.sources[{i}]");
            let Some(s) = self.object(node, &path, SOURCE_FIELDS, "a source") else {
                continue;
            };
            let title = self.string(&s, "title", true, "\"Ofsted monitoring letter\"");
            let url = self.string(&s, "url", false, "");
            if let Some(u) = &url {
                let lower = u.to_ascii_lowercase();
                let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
                    && u.len() > lower.find("//").unwrap_or(0) + 2
                    && !u.chars().any(|c| c.is_whitespace());
                if !ok {
                    let offset = s.get("url").map_or(node.offset, |n| n.offset);
                    self.report(&join(&path, "url"), offset, format!("\"{u}\" is not a web address; it must start with https:// (or http://) and contain no spaces"));
                }
            }
            let publisher = self.string(&s, "publisher", false, "");
            let date = self.date(&s, "date");
            if let Some(title) = title {
                out.push(Source {
                    title,
                    url,
                    publisher,
                    date,
                });
            }
        }
        out
    }
}

impl<'n> Obj<'n> {
    /// The first value under `name`; a repeated key has already been reported.
    fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries.iter().find(|e| e.key == name).map(|e| &e.node)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
