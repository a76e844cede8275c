//! Everything a reader reads, written in one place: the labels on the chart, the findings card,
//! the one-sentence description, the announcement of an event reached with the keyboard, the
//! credit line and the notices shown when data cannot be drawn.

use super::Scene;
use crate::chronology::{Chronology, Lane, MONITORING_RULE};
use crate::date::{range, Locale, PartialDate};
use crate::model::{Event, Grade, Kind, Status, Timeline, Tone};
use crate::strings::{Key, Strings};
use crate::text::{ellipsize, estimate_width, isolated, lower_first};
use crate::view::View;

/// What a kind of event is called: "Monitoring visit".
pub fn kind_label(kind: Kind, w: &Strings) -> &str {
    w.get(match kind {
        Kind::Inspection => Key::KindInspection,
        Kind::MonitoringVisit => Key::KindMonitoringVisit,
        Kind::Reinspection => Key::KindReinspection,
        Kind::Other => Key::KindOther,
    })
}

/// A lane's name: the data's, or that of the kind of events in it.
pub fn lane_name<'a>(lane: &'a Lane, w: &'a Strings) -> &'a str {
    match lane {
        Lane::Named(name) => name,
        Lane::Inspections => w.get(Key::LaneInspections),
        Lane::MonitoringVisits => w.get(Key::LaneMonitoringVisits),
        Lane::Others => w.get(Key::LaneOthers),
    }
}

/// What a finding's tone is called on the card: "Strength", "Concern".
pub fn tone_label(tone: Tone, w: &Strings) -> &str {
    w.get(match tone {
        Tone::Positive => Key::ToneStrength,
        Tone::Negative => Key::ToneConcern,
        Tone::Mixed => Key::ToneMixed,
        Tone::Neutral => Key::ToneNote,
    })
}

/// A number of the four-to-six rule, as the templates take it.
fn rule_args() -> (String, String) {
    let (a, b) = MONITORING_RULE;
    (a.to_string(), b.to_string())
}

/// The words on a rating band, as long as `room` allows: "Rated inadequate since November
/// 2021", else the grade's name, else that name shortened.
pub fn band(g: &Grade, start: &PartialDate, locale: &Locale, px: f64, room: f64) -> Option<String> {
    let long = locale.words.fill(
        Key::BandSince,
        &[
            ("grade", &lower_first(&g.label, &[])),
            ("date", &start.long(locale)),
        ],
    );
    [long, g.label.clone()]
        .into_iter()
        .find(|s| estimate_width(s, px) <= room)
        .or_else(|| ellipsize(&g.label, px, room))
}

/// The short label under a marker: "Visit 3", the grade an inspection gave, "Expected" for an
/// undated expected event; `None` for events that go unlabelled.
pub fn mark_label(t: &Timeline, e: &Event, number: Option<usize>, w: &Strings) -> Option<String> {
    let text = match (number, e.kind) {
        (Some(n), _) => w.fill(Key::MarkVisit, &[("n", &n.to_string())]),
        (None, Kind::Inspection | Kind::Reinspection) => {
            match e.rating.and_then(|r| t.grades.get(r)) {
                Some(g) => g.label.clone(),
                None => kind_label(e.kind, w).to_string(),
            }
        }
        _ => return None,
    };
    Some(if e.status == Status::Expected && e.span().is_none() {
        w.get(Key::Expected).to_string()
    } else {
        text
    })
}

/// A lane's heading, with the visits counted so far against the four-to-six rule.
pub fn lane_heading(name: &str, visits: usize, w: &Strings) -> String {
    if visits == 0 {
        return name.to_string();
    }
    let (a, b) = rule_args();
    w.count(
        Key::LaneVisits,
        visits,
        &[("lane", name), ("a", &a), ("b", &b)],
    )
}

/// The first line of a phone row: when, and what ("February 2023 · Visit 3 of 4–6"), and
/// the grade an event gave, in words as well as in the band's colour ("November 2021 ·
/// Inspection · Inadequate").
pub fn row_line(e: &Event, number: Option<usize>, grade: Option<&str>, locale: &Locale) -> String {
    let w = &locale.words;
    let (a, b) = rule_args();
    let when = match (e.date, e.published) {
        (Some(d), _) => range(&d, e.end.as_ref(), locale),
        (None, Some(p)) => w.fill(Key::RowPublished, &[("date", &p.long(locale))]),
        (None, None) => w.get(Key::DateNotAnnounced).to_string(),
    };
    let what = match number {
        Some(n) => w.fill(
            Key::RowVisit,
            &[("n", &n.to_string()), ("a", &a), ("b", &b)],
        ),
        None if e.status == Status::Expected => {
            w.fill(Key::KindExpected, &[("kind", kind_label(e.kind, w))])
        }
        None => kind_label(e.kind, w).to_string(),
    };
    match grade {
        Some(g) => format!("{when} · {what} · {g}"),
        None => format!("{when} · {what}"),
    }
}

/// The credit line under the chart: the data's credit and when it was updated.
pub fn credit(t: &Timeline, locale: &Locale) -> String {
    let w = &locale.words;
    let credit = t.credit.clone().unwrap_or_default();
    match t.updated {
        Some(u) if credit.is_empty() => w.fill(Key::Updated, &[("date", &u.long(locale))]),
        Some(u) => w.fill(
            Key::CreditUpdated,
            &[("credit", &credit), ("date", &u.long(locale))],
        ),
        None => credit,
    }
}

/// What readers see in place of a chart, or above the last good one, when data cannot be
/// drawn: `has_chart` says whether a good chart is showing.
pub fn notice(has_chart: bool, w: &Strings) -> &str {
    w.get(if has_chart {
        Key::NoticeStale
    } else {
        Key::NoticeFailed
    })
}

/// The card a reader sees for one event, as plain strings.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Card {
    /// The subject the event is about, when the file lists several: "Bury Council".
    pub subject: Option<String>,
    pub title: String,
    pub kind: String,
    /// "Visit 3 of the 4–6 before re-inspection", for a counted monitoring visit.
    pub count: Option<String>,
    pub when: Option<String>,
    pub published: Option<String>,
    pub status: Option<String>,
    /// The card's line, "Rating: Inadequate"; and the grade's name alone, for the events
    /// table's column of ratings.
    pub rating: Option<String>,
    pub grade: Option<String>,
    pub summary: Option<String>,
    pub findings: Vec<CardFinding>,
    pub sources: Vec<CardSource>,
    /// For a cluster: a line for each of its first events ("Monitoring visit · Visit title ·
    /// February 2023"), then "and N more".
    pub events: Vec<String>,
    /// What a click or Enter does, when it does more than pin the card: zoom in, or open a
    /// year.
    pub hint: Option<String>,
}

/// What a screen reader hears when the keys or buttons zoom: the window now shown, "Showing
/// 1 March 2022 to 30 June 2023", or that the whole timeline shows.
pub fn window_announcement(shown: &View, full: &View, locale: &Locale) -> String {
    let w = &locale.words;
    if shown.shows_all(*full) {
        return w.get(Key::ShowingWhole).to_string();
    }
    let day = |d: f64| PartialDate::from_days(d.floor() as i64).long(locale);
    w.fill(
        Key::ShowingWindow,
        &[("from", &day(shown.start)), ("to", &day(shown.end - 1.0))],
    )
}

/// The card for mark `i` of `scene`: one event's, or a cluster's list; `zooms` says whether a
/// click or Enter zooms into it (see [`crate::interact::State::zooms_into`]).
pub fn mark_card(
    t: &Timeline,
    c: &Chronology,
    scene: &Scene,
    i: usize,
    zooms: bool,
    locale: &Locale,
) -> Card {
    let m = &scene.marks[i];
    match &m.cluster {
        Some(cl) => {
            let mut card = cluster_card(t, &cl.events, locale);
            card.subject = subject_of(t, m.event);
            // A cluster on the time axis zooms; a closed year of the phone layout opens.
            let hint = if scene.time.is_some() {
                Key::ZoomHint
            } else {
                Key::OpenHint
            };
            card.hint = zooms.then(|| locale.words.get(hint).to_string());
            card
        }
        None => card(t, c, m.event, locale),
    }
}

/// "1 event", "34 events".
pub fn events_count(n: usize, w: &Strings) -> String {
    w.count(Key::Events, n, &[])
}

/// How many rows of the events table are written at a time: a long history's table is read
/// (and kept in the page) a page at a time, so it costs the reader's browser no more than a
/// short one.
pub const TABLE_PAGE: usize = 200;

/// The first row of the table's page after (or before, unless `forward`) the one that starts
/// at `start`, of `n` rows.
pub fn table_page_start(start: usize, forward: bool, n: usize) -> usize {
    if forward {
        let next = start + TABLE_PAGE;
        if next < n {
            next
        } else {
            start
        }
    } else {
        start.saturating_sub(TABLE_PAGE)
    }
}

/// What the table's pager says: "Events 201 to 400 of 10,000, in time order."
pub fn table_page(from: usize, to: usize, n: usize, w: &Strings) -> String {
    w.count(
        Key::TablePage,
        n,
        &[("from", &w.thousands(from + 1)), ("to", &w.thousands(to))],
    )
}

/// What the description adds when only the first of many subjects are drawn: "Showing the
/// first 8 of 150."; or, once all are, "Showing all 150."
pub fn subjects_shown(shown: usize, chosen: usize, w: &Strings) -> String {
    if shown >= chosen {
        w.count(Key::SubjectsAll, chosen, &[])
    } else {
        w.count(
            Key::SubjectsFirst,
            chosen,
            &[("shown", &w.thousands(shown))],
        )
    }
}

/// The button under a chart that draws the first of many subjects: "Show all 150".
pub fn show_all(chosen: usize, w: &Strings) -> String {
    w.count(Key::ShowAll, chosen, &[])
}

/// How many of a cluster's events its card lists.
pub const CLUSTER_LIST: usize = 10;

/// The card for a cluster of `events` (in reading order): how many, over what time, and the
/// first [`CLUSTER_LIST`] of them.
pub fn cluster_card(t: &Timeline, events: &[usize], locale: &Locale) -> Card {
    let w = &locale.words;
    let spans: Vec<_> = events.iter().filter_map(|&i| t.events[i].span()).collect();
    let when = match (spans.first(), spans.last()) {
        (Some((a, _)), Some((_, b))) if !a.same_period(b) => Some(w.fill(
            Key::Period,
            &[("from", &a.long(locale)), ("to", &b.long(locale))],
        )),
        (Some((a, _)), Some(_)) => Some(a.long(locale)),
        _ => None,
    };
    let mut lines: Vec<String> = events
        .iter()
        .take(CLUSTER_LIST)
        .map(|&i| {
            let e = &t.events[i];
            let date = e.span().map(|(a, b)| range(&a, Some(&b), locale));
            let mut line = format!("{} · {}", kind_label(e.kind, w), e.title);
            if let Some(d) = date {
                line = format!("{line} · {d}");
            }
            line
        })
        .collect();
    if events.len() > CLUSTER_LIST {
        lines.push(w.count(Key::AndMore, events.len() - CLUSTER_LIST, &[]));
    }
    Card {
        subject: None,
        title: events_count(events.len(), w),
        kind: w.get(Key::SeveralEvents).to_string(),
        count: None,
        when,
        published: None,
        status: None,
        rating: None,
        grade: None,
        summary: None,
        findings: Vec::new(),
        sources: Vec::new(),
        events: lines,
        hint: None,
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CardFinding {
    pub tone: &'static str,
    pub tone_label: String,
    pub text: String,
    pub quote: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CardSource {
    pub text: String,
    pub url: Option<String>,
}

impl Card {
    /// What a screen reader announces when the keyboard reaches the event: its subject, when
    /// the file has several, its title and when it happened (or is expected).
    pub fn announcement(&self) -> String {
        let when = self
            .when
            .as_ref()
            .or(self.published.as_ref())
            .or(self.status.as_ref())
            .map_or("", String::as_str);
        let title = isolated(&self.title);
        let what = if self.events.is_empty() {
            format!("{title}. {when}")
        } else {
            // "12 events, March 2015 to June 2016"
            format!("{title}, {when}")
        };
        match &self.subject {
            Some(s) => format!("{}: {what}", isolated(s)),
            None => what,
        }
    }
}

/// The label of the subject event `i` is about, when the file lists subjects.
fn subject_of(t: &Timeline, i: usize) -> Option<String> {
    let s = t.subjects.get(t.events.get(i)?.subject)?;
    s.is_listed().then(|| s.label.clone())
}

/// The card for `event`.
pub fn card(t: &Timeline, c: &Chronology, event: usize, locale: &Locale) -> Card {
    let e = &t.events[event];
    let w = &locale.words;
    let (a, b) = rule_args();
    let grade = e.rating.and_then(|r| t.grades.get(r));
    let when = e.date.map(|d| {
        // An expected event has not taken place: its date is when it is due.
        let label = if e.status == Status::Expected {
            Key::CardDue
        } else if e.kind == Kind::MonitoringVisit {
            Key::CardVisit
        } else {
            Key::CardTookPlace
        };
        w.fill(label, &[("date", &range(&d, e.end.as_ref(), locale))])
    });
    Card {
        subject: subject_of(t, event),
        title: e.title.clone(),
        kind: kind_label(e.kind, w).to_string(),
        count: c.numbers[event].map(|n| {
            w.fill(
                Key::CardCount,
                &[("n", &n.to_string()), ("a", &a), ("b", &b)],
            )
        }),
        when,
        published: e
            .published
            .map(|p| w.fill(Key::CardPublished, &[("date", &p.long(locale))])),
        status: (e.status == Status::Expected).then(|| match e.span() {
            Some(_) => w.get(Key::Expected).to_string(),
            None => w.get(Key::ExpectedUndated).to_string(),
        }),
        rating: grade.map(|g| w.fill(Key::CardRating, &[("grade", &g.label)])),
        grade: grade.map(|g| g.label.clone()),
        summary: e.summary.clone(),
        findings: e
            .findings
            .iter()
            .map(|f| CardFinding {
                tone: f.tone.name(),
                tone_label: tone_label(f.tone, w).to_string(),
                text: f.text.clone(),
                quote: f.quote,
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| {
                let mut text = s.title.clone();
                if let Some(p) = &s.publisher {
                    text = format!("{text}, {p}");
                }
                if let Some(d) = &s.date {
                    text = format!("{text}, {}", d.long(locale));
                }
                CardSource {
                    text,
                    url: s.url.clone(),
                }
            })
            .collect(),
        events: Vec::new(),
        hint: None,
    }
}
