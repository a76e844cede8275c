//! Warnings: what a valid file allows but a journalist most likely did not mean. The chart is
//! drawn all the same; the command line, the editor and the element say what looks wrong, so
//! that a one-character slip ("0223-02" for "2023-02") is caught before readers see it.
//!
//! The list is kept short, and each warning says what to check.

use crate::chronology::{order_by, Chronology, MONITORING_RULE};
use crate::date::PartialDate;
use crate::json::{Node, Value};
use crate::model::{Kind, Problem, Status, Timeline};
use crate::text::thousands;

/// Where an event, its date (or, without one, its publication), its publication and its
/// findings are in the text: a warning about a field points at that field.
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    event: usize,
    date: usize,
    published: usize,
    findings: usize,
    /// Read only by the newsroom's check of lanes ([`lone_lanes`]).
    #[cfg_attr(all(target_arch = "wasm32", not(feature = "editor")), allow(dead_code))]
    lane: usize,
}

impl Place {
    pub(super) fn of(node: &Node) -> Place {
        // One pass over the event's fields: this runs for every event of a long file.
        let (mut date, mut published, mut findings, mut lane) = (None, None, None, None);
        if let Value::Object(entries) = &node.value {
            for e in entries {
                let slot = match e.key.as_ref() {
                    "date" => &mut date,
                    "published" => &mut published,
                    "findings" => &mut findings,
                    "lane" => &mut lane,
                    _ => continue,
                };
                slot.get_or_insert(e.node.offset);
            }
        }
        Place {
            event: node.offset,
            date: date.or(published).unwrap_or(node.offset),
            published: published.unwrap_or(node.offset),
            findings: findings.unwrap_or(node.offset),
            lane: lane.unwrap_or(node.offset),
        }
    }
}

/// Days in fifty years: a date further than this from every other is most likely a slip.
const FAR: f64 = 50.0 * 365.25;

/// Every warning for `t`, read from `text`, whose events are at `places`, on the day `today`
/// when it is known.
pub(super) fn check(
    t: &Timeline,
    c: &Chronology,
    text: &str,
    places: &[Place],
    today: Option<i64>,
) -> Vec<Problem> {
    // (byte offset, path, message)
    let mut found: Vec<(usize, String, String)> = Vec::new();
    far_dates(t, c, places, &mut found);
    if let Some(today) = today {
        in_the_future(t, places, today, &mut found);
    }
    written_twice(t, places, &mut found);
    lone_lanes(t, places, &mut found);
    let (_, most) = MONITORING_RULE;
    for (i, n) in c.numbers.iter().enumerate() {
        if *n == Some(most + 1) {
            found.push((
                places[i].event,
                format!("events[{i}]"),
                format!("this is monitoring visit {} since the inspection that started the count, but Ofsted makes four to six before re-inspecting; is a re-inspection missing from the file, or a visit written twice?", most + 1),
            ));
        }
    }
    visits_after_reinspection(t, c, places, &mut found);
    // A visit's report comes after the visit: one published before the visit ended has a
    // slip in one of the two dates. (An `other` event's period, a contract say, may well
    // outlast a report about it.)
    for (i, e) in t.events.iter().enumerate() {
        if let (Some(end), Some(p), false) = (e.end, e.published, e.kind == Kind::Other) {
            if p.last_day() < end.first_day() {
                found.push((
                    places[i].published,
                    format!("events[{i}].published"),
                    format!("the report came out in {p}, before the visit ended in {end}; check both dates"),
                ));
            }
        }
    }
    // Findings belong to a report, and an expected event has none yet: most often a done
    // event still marked expected, or a sheet's finding row that slid under the wrong event.
    for (i, e) in t.events.iter().enumerate() {
        if e.status == Status::Expected && !e.findings.is_empty() {
            found.push((
                places[i].findings,
                format!("events[{i}].findings"),
                "an expected event has findings, though it has not happened yet: if it has, delete \"status\": \"expected\"; if the findings belong to another event, move them there".into(),
            ));
        }
    }
    let offsets: Vec<usize> = found.iter().map(|f| f.0).collect();
    let problems = found
        .into_iter()
        .map(|(_, path, message)| Problem {
            path,
            message,
            line: 0,
            column: 0,
        })
        .collect();
    super::fields::in_text_order(text, &offsets, problems)
}

/// The first or last dated event when it is more than [`FAR`] from every other: "0223-02 is
/// 1,800 years before the next event; did you mean 2023-02?"
fn far_dates(
    t: &Timeline,
    c: &Chronology,
    places: &[Place],
    found: &mut Vec<(usize, String, String)>,
) {
    let dated: Vec<usize> = (0..t.events.len())
        .filter(|&i| c.middle[i].is_some())
        .collect();
    if dated.len() < 3 {
        return;
    }
    let key: Vec<f64> = dated.iter().map(|&i| c.middle[i].unwrap_or(0.0)).collect();
    let sorted: Vec<usize> = order_by(&key).into_iter().map(|k| dated[k]).collect();
    let day = |i: usize| c.middle[i].unwrap_or(0.0);
    let n = sorted.len();
    for (me, next, before) in [
        (sorted[0], sorted[1], true),
        (sorted[n - 1], sorted[n - 2], false),
    ] {
        let gap = (day(me) - day(next)).abs();
        if gap <= FAR {
            continue;
        }
        let e = &t.events[me];
        let (field, date) = match (e.date, e.published) {
            (Some(d), _) => ("date", d),
            (None, Some(p)) => ("published", p),
            (None, None) => continue,
        };
        // The years of the other events, to find the year a slip of one digit was meant to be.
        let (lo, hi) = (
            day(sorted[if before { 1 } else { 0 }]),
            day(sorted[if before { n - 1 } else { n - 2 }]),
        );
        // From the date as written to the nearest other event (the event's own middle may lie
        // far from both, when the slip is in a visit's first day and not in its last).
        let years = ((date.first_day() as f64 - day(next)).abs() / 365.25).round() as usize;
        let side = if before {
            "before the next event"
        } else {
            "after the event before it"
        };
        let mut message = format!("{date} is {} years {side}", thousands(years));
        if let Some(meant) = meant_year(date.year(), lo, hi) {
            let written = date.to_string();
            message.push_str(&format!("; did you mean {meant:04}{}?", &written[4..]));
        } else {
            message.push_str("; check the year");
        }
        found.push((places[me].date, format!("events[{me}].{field}"), message));
    }
}

/// A year one slip of the hand away from `year` (one digit changed, or two neighbours swapped)
/// that falls among the other events, from day `lo` to day `hi`, or within five years of them.
fn meant_year(year: i32, lo: f64, hi: f64) -> Option<i32> {
    if !(0..10_000).contains(&year) {
        return None;
    }
    // The year's four digits, thousands first.
    let digits = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10];
    let value = |d: [i32; 4]| d.iter().fold(0, |v, &x| v * 10 + x);
    let (from, to) = (
        crate::date::civil_from_days(lo as i64).0 - 5,
        crate::date::civil_from_days(hi as i64).0 + 5,
    );
    let mut best: Option<i32> = None;
    let mut consider = |y: i32| {
        let near = |y: i32| (y - (from + to) / 2).abs();
        if y != year && (from..=to).contains(&y) && best.map_or(true, |b| near(y) < near(b)) {
            best = Some(y);
        }
    };
    for k in 0..4 {
        for d in 0..10 {
            let mut v = digits;
            v[k] = d;
            consider(value(v));
        }
        if k < 3 {
            let mut v = digits;
            v.swap(k, k + 1);
            consider(value(v));
        }
    }
    // The one nearest the others' middle.
    best
}

/// An event that took place, or a report that came out, dated after `today`: most often a
/// slip in the year, or an expected event not marked so.
fn in_the_future(
    t: &Timeline,
    places: &[Place],
    today: i64,
    found: &mut Vec<(usize, String, String)>,
) {
    let now = PartialDate::from_days(today);
    for (i, e) in t.events.iter().enumerate() {
        if e.status != Status::Done {
            continue;
        }
        if let Some(d) = e.date.filter(|d| d.first_day() > today) {
            let path = format!("events[{i}].date");
            // A year far from all the others is warned about already, with the year meant.
            if found.iter().any(|f| f.1 == path) {
                continue;
            }
            found.push((
                places[i].date,
                path,
                format!("{d} is after today ({now}), but the event is not marked expected: check the year, or add \"status\": \"expected\" if it has not happened yet"),
            ));
        } else if let Some(p) = e.published.filter(|p| p.first_day() > today) {
            found.push((
                places[i].published,
                format!("events[{i}].published"),
                format!("the report is dated {p}, after today ({now}): check the year"),
            ));
        }
    }
}

/// A `lane` that only its own event uses, named like another lane: a slip ("Monitering
/// visits") that gives the event a row, and a count of visits, of its own. Also a `lane`
/// written as the name of the row its kind has without one, which makes a second row of that
/// name. A newsroom tool's help (the command line's and the editor's), like the nearest name
/// of a misspelt field: the reader's build and the sheet reader say nothing of it.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
fn lone_lanes(t: &Timeline, places: &[Place], found: &mut Vec<(usize, String, String)>) {
    use crate::strings::{Key, Strings};
    let words = Strings::en_gb();
    // Each event's row by name: its own lane, or the British name of its kind's row.
    let default = |e: &crate::model::Event| {
        words.get(match e.kind {
            Kind::Inspection | Kind::Reinspection => Key::LaneInspections,
            Kind::MonitoringVisit => Key::LaneMonitoringVisits,
            Kind::Other => Key::LaneOthers,
        })
    };
    // Lanes are few, so a list of (name, events without `lane`, events with it, warned)
    // serves.
    let mut lanes: Vec<(&str, usize, usize, bool)> = Vec::new();
    for e in &t.events {
        let (name, own) = match &e.lane {
            Some(l) => (l.as_str(), true),
            None => (default(e), false),
        };
        let k = match lanes.iter().position(|l| l.0 == name) {
            Some(k) => k,
            None => {
                lanes.push((name, 0, 0, false));
                lanes.len() - 1
            }
        };
        if own {
            lanes[k].2 += 1;
        } else {
            lanes[k].1 += 1;
        }
    }
    // The rows of two events or more, by name in lower case, to find what a slip meant.
    let rows: Vec<(String, &str, usize)> = lanes
        .iter()
        .filter(|l| l.1 + l.2 > 1)
        .map(|l| (l.0.to_lowercase(), l.0, l.1 + l.2))
        .collect();
    let known: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    for (i, e) in t.events.iter().enumerate() {
        let Some(lane) = e.lane.as_deref() else {
            continue;
        };
        let Some(k) = lanes.iter().position(|l| l.0 == lane) else {
            continue;
        };
        let (_, without, with, warned) = lanes[k];
        let path = format!("events[{i}].lane");
        if without > 0 && !warned {
            // One warning, at the first event written so, says it for all of them.
            lanes[k].3 = true;
            found.push((places[i].lane, path, format!("\"{lane}\" is the name of the row that events of this kind have without a `lane`, but written out it makes a second row of that name; remove `lane` to put the event in that row")));
        } else if without == 0 && with == 1 {
            let near = super::fields::suggest(&lane.to_lowercase(), &known)
                .and_then(|near| rows.iter().find(|r| r.0 == near));
            if let Some(&(_, name, count)) = near {
                found.push((places[i].lane, path, format!("only this event is in the row \"{lane}\", so it gets a row (and a count of visits) of its own; did you mean \"{name}\", the row of {} other events?", thousands(count))));
            }
        }
    }
}

/// The reader's build names no slips; see the newsroom's version above.
#[cfg(all(target_arch = "wasm32", not(feature = "editor")))]
fn lone_lanes(_: &Timeline, _: &[Place], _: &mut Vec<(usize, String, String)>) {}

/// An event with the same subject, kind, title and dates as one before it, under another id:
/// most often one written twice (a sheet's row copied, a file merged with itself).
fn written_twice(t: &Timeline, places: &[Place], found: &mut Vec<(usize, String, String)>) {
    // What makes two events the same, as numbers and the title.
    let same = |i: usize| {
        let e = &t.events[i];
        let days = |d: Option<PartialDate>| d.map_or((0, -1), |d| (d.first_day(), d.last_day()));
        (
            (e.subject, e.kind as u8),
            [days(e.date), days(e.end), days(e.published)],
            e.title.as_str(),
        )
    };
    // Events in order of a hash of that (FNV-1a, its top 53 bits, which a float holds exactly)
    // with the widget's one sort, so that events written twice sit side by side: no map of
    // every event is built, and the work grows with the events.
    let hash = |i: usize| {
        let ((subject, kind), days, title) = same(i);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let numbers = [subject as i64, i64::from(kind)]
            .into_iter()
            .chain(days.iter().flat_map(|&(a, b)| [a, b]));
        for byte in numbers.flat_map(i64::to_le_bytes).chain(title.bytes()) {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        (h >> 11) as f64
    };
    let key: Vec<f64> = (0..t.events.len()).map(hash).collect();
    let order = order_by(&key);
    let mut run = 0;
    for k in 1..order.len() {
        if key[order[k]] != key[order[run]] {
            run = k;
            continue;
        }
        // Within a run of one hash, in file order (the sort keeps it): the first like it.
        let i = order[k];
        if let Some(&first) = order[run..k].iter().find(|&&f| same(f) == same(i)) {
            let id: &str = &t.events[first].id;
            found.push((
                places[i].event,
                format!("events[{i}]"),
                format!("this event has the same kind, title and dates as events[{first}] (\"{id}\"): if it is written twice, delete one"),
            ));
        }
    }
}

/// A monitoring visit dated after the expected re-inspection of its subject, which the
/// visits come before.
fn visits_after_reinspection(
    t: &Timeline,
    c: &Chronology,
    places: &[Place],
    found: &mut Vec<(usize, String, String)>,
) {
    for s in 0..c.sections.len() {
        let order = c.order_of(s);
        let expected = order.iter().copied().find(|&i| {
            let e = &t.events[i];
            e.kind == Kind::Reinspection && e.status == Status::Expected && e.span().is_some()
        });
        let Some(r) = expected else { continue };
        let Some((start, _)) = t.events[r].span() else {
            continue;
        };
        for &i in order {
            let e = &t.events[i];
            let after = e
                .span()
                .is_some_and(|(a, _)| a.first_day() > start.last_day());
            if e.kind == Kind::MonitoringVisit && e.status == Status::Done && after {
                found.push((
                    places[i].date,
                    format!("events[{i}].date"),
                    format!("this visit comes after the re-inspection expected in {start} (events[{r}]), which monitoring visits come before; check either date, or mark the re-inspection done"),
                ));
            }
        }
    }
}
