//! The validator of the data contract (version 1): JSON text in, a [`Timeline`] or every
//! [`Problem`] out.
//!
//! Each problem carries the field path and the line and column of the value, in source order.
//! Messages are written for the journalists who edit the file: they name the value, say what is
//! wrong and, where possible, how to fix it.

use crate::chronology::Chronology;
use crate::date::PartialDate;
mod fields;
mod grades;
mod subjects;
use subjects::Named;
mod warnings;

/// What an expected event cannot have yet (`field`: its rating or its report's date), and
/// the two ways out: the event happened (a journalist adding its report often forgets the
/// status), or it did not.
fn after_the_event(field: &str) -> String {
    format!("an expected event has not happened yet, so it has no `{field}`: if it has happened, delete \"status\": \"expected\"; if not, remove `{field}` until its report is out")
}

use crate::json::{self, Node, Value};
use crate::model::{default_scale, Event, Finding, Kind, Problem, Source, Status, Timeline, Tone};
use crate::text::ordinal;
use fields::{join, Obj, Validator};
pub(crate) use fields::{quoted_list, suggest};
use std::collections::BTreeMap;

/// The fields of a data file, of an event, a grade, a subject, a finding and a source: the
/// contract's names, which the TypeScript types are checked against.
pub const TOP_FIELDS: &[&str] = &[
    "$schema",
    "version",
    "title",
    "subtitle",
    "subject",
    "regulator",
    "updated",
    "credit",
    "scale",
    "subjects",
    "events",
];
pub const EVENT_FIELDS: &[&str] = &[
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
    "subject",
];
pub const GRADE_FIELDS: &[&str] = &["id", "label", "color"];
pub const SUBJECT_FIELDS: &[&str] = &["id", "label", "scale"];
pub const FINDING_FIELDS: &[&str] = &["text", "tone", "quote"];
pub const SOURCE_FIELDS: &[&str] = &["title", "url", "publisher", "date"];

/// Reads and validates a data file. On failure every problem is returned, in source order.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    read(text).map(|(t, _)| t)
}

/// A valid file: its timeline, the facts worked out from it (worked out once here, for the
/// warnings, and used again by whoever draws it), and what looks wrong though it is allowed.
pub struct Checked {
    pub timeline: Timeline,
    pub chronology: Chronology,
    /// A date far from all the others, more visits than the regulator makes: in source order,
    /// each at its place in the text like a problem.
    pub warnings: Vec<Problem>,
}

/// Like [`parse`], and for a valid file also its chronology and its warnings.
pub fn parse_with_warnings(text: &str) -> Result<Checked, Vec<Problem>> {
    parse_with_warnings_on(text, None)
}

/// Like [`parse_with_warnings`], on the day `today` (days since 1970-01-01), when it is known:
/// an event that took place, or a report, dated after it is warned about too.
pub fn parse_with_warnings_on(text: &str, today: Option<i64>) -> Result<Checked, Vec<Problem>> {
    let (timeline, places) = read(text)?;
    let chronology = Chronology::new(&timeline);
    let warnings = warnings::check(&timeline, &chronology, text, &places, today);
    Ok(Checked {
        timeline,
        chronology,
        warnings,
    })
}

/// The timeline, and for each of its events where it and its date are in the text.
fn read(text: &str) -> Result<(Timeline, Vec<warnings::Place>), Vec<Problem>> {
    let mut v = Validator {
        text,
        problems: Vec::new(),
        offsets: Vec::new(),
        grade_ids: Vec::new(),
        subject_ids: std::collections::BTreeMap::new(),
    };
    let mut events = Streamed::default();
    // Each event is checked as soon as it is read, and its part of the JSON tree let go.
    let root = json::parse_streaming(text, &mut |i, node| v.streamed_event(i, &node, &mut events));
    let root = root.map_err(|e| {
        let (line, column) = json::line_col(text, e.offset);
        vec![Problem {
            path: String::new(),
            // The position is the problem's own line and column, not repeated in its words.
            message: format!("not valid JSON: {}", e.message),
            line,
            column,
        }]
    })?;
    let places = std::mem::take(&mut events.places);
    let timeline = v.timeline(&root, events);
    if v.problems.is_empty() {
        if let Some(t) = timeline {
            return Ok((t, places));
        }
    }
    Err(v.finish())
}

/// The events of a file, checked one by one as they are read, with their ratings, which are
/// checked against the scale once the whole file (and so the scale) has been read.
#[derive(Default)]
struct Streamed {
    events: Vec<Event>,
    /// How many items the `events` list had, valid or not.
    count: usize,
    ids: BTreeMap<String, usize>,
    ratings: Vec<Rating>,
    /// Where each valid event is in the text, for warnings.
    places: Vec<warnings::Place>,
    /// For every item of the list, the subject it names, checked once the `subjects` list
    /// (which may come after the events) has been read.
    named: Vec<Named>,
}

/// A rating read from an event: the grade id, where it is, and the event it belongs to (an
/// index into [`Streamed::events`], when the event is valid).
struct Rating {
    path: String,
    id: String,
    offset: usize,
    event: Option<usize>,
    /// The item of the events list it was read from.
    item: usize,
}

impl Validator<'_> {
    /// Checks the `i`th item of the `events` list as it is read.
    fn streamed_event(&mut self, i: usize, node: &Node<'_>, s: &mut Streamed) {
        s.count = s.count.max(i + 1);
        let (event, rating, named) = self.event(i, node, &mut s.ids);
        let index = event.as_ref().map(|_| s.events.len());
        if let Some(mut r) = rating {
            r.event = index;
            s.ratings.push(r);
        }
        s.named.push(Named {
            event: index,
            ..named
        });
        if event.is_some() {
            s.places.push(warnings::Place::of(node));
        }
        s.events.extend(event);
    }

    fn timeline(&mut self, root: &Node, mut streamed: Streamed) -> Option<Timeline> {
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
            // The number one, however it is written (1, 1.0, 1e0), as JSON Schema's `const`
            // reads it.
            }) if crate::json::number_is_one(n) => {}
            Some(n) => {
                let found = match &n.value {
                    Value::Number(x) => x.to_string(),
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
                self.wrong_type("$schema", n, "the schema's address as text");
            }
        }
        let ofsted_scale = obj.get("scale").is_none();
        let mut grades = match obj.get("scale") {
            None => default_scale(),
            Some(_) => self.scale(&obj),
        };
        let file_scale = grades.len();
        let listed = obj
            .get("subjects")
            .map(|n| (n, self.subjects(&obj, &mut grades)));
        let has_list = listed.is_some();
        let subjects = match listed {
            Some((_, subjects)) => subjects,
            None => vec![Timeline::one_subject(subject.as_deref(), file_scale)],
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
                // The list's items were checked as they were read; here only its type.
                self.list(&obj, "events");
                if streamed.count == 0 && matches!(n.value, Value::Array(_)) {
                    self.report(
                        "events",
                        n.offset,
                        "is empty; add at least one event".into(),
                    );
                }
                let of_item = self.resolve_subjects(&mut streamed, &subjects, has_list);
                for r in std::mem::take(&mut streamed.ratings) {
                    let scale = of_item[r.item].map(|s| &subjects[s].scale[..]);
                    let grade = self.rating(&r, &grades, scale);
                    if let Some(e) = r.event {
                        streamed.events[e].rating = grade;
                    }
                }
                streamed.events
            }
        };
        Some(Timeline {
            title: title?,
            subtitle,
            subject,
            regulator,
            updated,
            credit,
            grades,
            default_scale: ofsted_scale,
            subjects,
            events,
        })
    }

    /// The `i`th event, checking its id against the `ids` seen before it, and its rating, to
    /// check against the scale later.
    fn event(
        &mut self,
        i: usize,
        node: &Node,
        ids: &mut BTreeMap<String, usize>,
    ) -> (Option<Event>, Option<Rating>, Named) {
        let path = format!("events[{i}]");
        let mut named = Named {
            id: None,
            skip: false,
            offset: node.offset,
            event: None,
        };
        let Some(e) = self.object(node, &path, EVENT_FIELDS, "an event") else {
            // Not an event at all: nothing more to say about its subject.
            named.skip = true;
            return (None, None, named);
        };
        let id = self.string(&e, "id", true, "\"visit-3\"");
        if let Some(id) = &id {
            let offset = e.get("id").map_or(node.offset, |n| n.offset);
            if let Some(j) = ids.get(id) {
                self.report(
                    &join(&path, "id"),
                    offset,
                    format!(
                        "\"{id}\" is already used by events[{j}] (the {} event); give each event its own id",
                        ordinal(*j)
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
                    "`kind` is missing; add it, for example \"kind\": \"monitoring-visit\"".into(),
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
        self.dates_agree(&e, node, (date, end, published), status);
        if let (Some(Status::Expected), Some(p)) = (status, e.get("published")) {
            self.report(
                &join(&path, "published"),
                p.offset,
                after_the_event("published"),
            );
        }
        let rating = self.rating_id(&e).map(|r| Rating { item: i, ..r });
        // A grade the chart would show on the event's card but never in its rating band.
        let rating = match (&rating, kind, status) {
            (Some(r), _, Some(Status::Expected)) => {
                self.report(&r.path, r.offset, after_the_event("rating"));
                None
            }
            (Some(r), Some(k), _) if !k.is_graded() => {
                let name = Kind::ALL
                    .iter()
                    .find(|(_, x)| *x == k)
                    .map_or("", |(n, _)| n);
                self.report(&r.path, r.offset, format!("a `{name}` event gives no rating: only an inspection or a re-inspection does; remove `rating`, or change `kind` if this event was one of those"));
                None
            }
            _ => rating,
        };
        if e.get("subject").is_some() {
            named.offset = e.get("subject").map_or(node.offset, |n| n.offset);
            named.id = self.string(&e, "subject", false, "");
            // A subject that is not text has been reported already.
            named.skip = named.id.is_none();
        }
        let summary = self.string(&e, "summary", false, "");
        let lane = self.string(&e, "lane", false, "");
        let findings = self.findings(&e);
        let sources = self.sources(&e, &path);
        let event = (|| {
            Some(Event {
                id: id?,
                kind: kind?,
                title: title?,
                date,
                end,
                published,
                status: status.unwrap_or(Status::Done),
                // Set once the scale is known.
                rating: None,
                summary,
                findings,
                sources,
                lane,
                // Set once the subjects are known.
                subject: 0,
            })
        })();
        (event, rating, named)
    }

    /// Checks an event's dates against each other, and that a done event has one.
    fn dates_agree(
        &mut self,
        e: &Obj,
        node: &Node,
        (date, end, published): (
            Option<PartialDate>,
            Option<PartialDate>,
            Option<PartialDate>,
        ),
        status: Option<Status>,
    ) {
        let path = &e.path;
        let off = |name: &str| e.get(name).map_or(node.offset, |n| n.offset);
        match (date, end) {
            (None, Some(end)) if e.get("date").is_none() => self.report(
                &join(path, "end"),
                off("end"),
                format!("{end} is an end without a start; add `date` (the first day of the visit) or remove `end`"),
            ),
            (Some(d), Some(end)) if end.last_day() < d.first_day() => self.report(
                &join(path, "end"),
                off("end"),
                format!("{end} is before date {d}; end is the last day of the visit, so it cannot come first: check both dates"),
            ),
            _ => {}
        }
        if let (Some(d), Some(p)) = (date, published) {
            if p.last_day() < d.first_day() {
                self.report(
                    &join(path, "published"),
                    off("published"),
                    format!("{p} is before date {d}; a report cannot come out before its visit, so one of the two dates is wrong: check both"),
                );
            }
        }
        let has_any_date = ["date", "published"].iter().any(|k| e.get(k).is_some());
        if status == Some(Status::Done) && !has_any_date {
            self.report(path, node.offset, "has no date; add `date` (when it happened) or `published` (when its report came out), or mark it \"status\": \"expected\"".into());
        }
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
                    self.wrong_type(&join(&path, "quote"), n, "true or false");
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
                let scheme = (lower.starts_with("https://") || lower.starts_with("http://"))
                    && !u.chars().any(|c| c.is_whitespace());
                let offset = s.get("url").map_or(node.offset, |n| n.offset);
                // Where the site's name starts: after "https://" or "http://".
                let site = lower.find("//").map_or(0, |i| i + 2);
                if !scheme && !u.chars().any(char::is_whitespace) && has_site(u) {
                    // A site's name without its scheme, as copied from some address bars.
                    self.report(
                        &join(&path, "url"),
                        offset,
                        format!("\"{u}\" is missing its start: write https://{u}"),
                    );
                } else if !scheme {
                    self.report(&join(&path, "url"), offset, format!("\"{u}\" is not a web address; it must start with https:// (or http://) and contain no spaces"));
                } else if let Some(c) = u.chars().find(|c| matches!(c, '"' | '<' | '>' | '\\')) {
                    self.report(&join(&path, "url"), offset, format!("\"{u}\" has {c} in it, which no web address has (it came with the copy, most likely); remove it"));
                } else if !has_site(&u[site..]) {
                    self.report(&join(&path, "url"), offset, format!("\"{u}\" is not a full web address: after {} comes the site's whole name, such as www.example.org; copy the address from the browser's address bar", &u[..site]));
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

/// Whether the rest of a web address after `https://` starts with a site's full name: labels of
/// letters, digits and hyphens joined by dots (at least two labels, none empty, so neither
/// `https://x` nor a placeholder `https://...`), perhaps after a user and before a port. The
/// schema's `url` pattern says the same.
fn has_site(rest: &str) -> bool {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.split_once('@').map_or(authority, |(_, h)| h);
    let host = match host.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let label = |l: &str| {
        !l.is_empty()
            && l.chars().all(|c| {
                c.is_ascii_alphanumeric() || c == '-' || ('\u{a1}'..='\u{ffff}').contains(&c)
            })
    };
    host.split('.').count() >= 2 && host.split('.').all(label)
}
