//! The data contract, version 1: what is accepted, and the exact words of every refusal.

use inspection_timeline::model::{Kind, Status, Tone};
use inspection_timeline::parse;

const BURY: &str = include_str!("../www/data/bury-childrens-services.json");

/// A valid file with `events` spliced in.
fn doc(events: &str) -> String {
    format!(r#"{{"version": 1, "title": "T", "events": [{events}]}}"#)
}

/// Problems as `path: message` lines, or an empty list when the file is valid.
fn problems(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.iter().map(|p| p.to_string()).collect(),
    }
}

fn one(text: &str) -> String {
    let ps = problems(text);
    assert_eq!(ps.len(), 1, "expected exactly one problem, got {ps:#?}");
    ps[0].clone()
}

const VISIT: &str =
    r#"{"id": "v1", "kind": "monitoring-visit", "title": "Visit", "date": "2023-02"}"#;

#[test]
fn the_bury_data_is_valid() {
    let t = parse(BURY).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(t.events.len(), 6);
    assert_eq!(t.regulator.as_deref(), Some("Ofsted"));
}

#[test]
fn the_bury_data_sources_every_event_and_invents_no_addresses() {
    let t = parse(BURY).unwrap();
    for e in &t.events {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        // The seed reporting gives no web addresses, publishers or days, so none may appear.
        for s in &e.sources {
            assert!(
                s.url.is_none() && s.publisher.is_none() && s.date.is_none(),
                "{}: {s:?}",
                e.id
            );
        }
        for d in [e.date, e.end, e.published].into_iter().flatten() {
            assert_ne!(
                d.precision(),
                inspection_timeline::date::Precision::Day,
                "{}: a day date",
                e.id
            );
        }
    }
}

#[test]
fn the_bury_data_shows_both_dates_of_the_inadequate_rating() {
    let t = parse(BURY).unwrap();
    let first = &t.events[0];
    assert_eq!(first.kind, Kind::Inspection);
    assert_eq!(first.date.unwrap().to_string(), "2021-11");
    assert_eq!(first.published.unwrap().to_string(), "2021-12");
    assert_eq!(t.grades[first.rating.unwrap()].id, "inadequate");
    assert_eq!(first.sources.len(), 2, "each month needs its own source");
}

#[test]
fn the_bury_data_expects_a_reinspection_without_inventing_its_date() {
    let t = parse(BURY).unwrap();
    let last = t.events.last().unwrap();
    assert_eq!(
        (last.kind, last.status),
        (Kind::Reinspection, Status::Expected)
    );
    assert!(last.date.is_none() && last.published.is_none());
    let visits = t
        .events
        .iter()
        .filter(|e| e.kind == Kind::MonitoringVisit)
        .count();
    assert_eq!(visits, 4);
    assert_eq!(t.events[2].published.unwrap().to_string(), "2022-11");
    assert!(
        t.events[2].date.is_none(),
        "the seeds give only the publication month of the second visit"
    );
}

#[test]
fn a_minimal_file_is_valid_and_fills_defaults() {
    let t = parse(&doc(VISIT)).unwrap();
    let e = &t.events[0];
    assert_eq!(e.status, Status::Done);
    assert_eq!(t.grades.len(), 4);
    assert_eq!(t.grades[0].id, "outstanding");
    assert_eq!(t.grades[3].id, "inadequate");
}

#[test]
fn findings_and_sources_are_read() {
    let t = parse(&doc(
        r#"{"id": "a", "kind": "inspection", "title": "I", "date": "2021-11", "rating": "inadequate",
            "findings": [{"text": "Serious failures", "tone": "negative", "quote": true}, {"text": "Plain"}],
            "sources": [{"title": "Letter", "url": "https://example.org/x", "publisher": "Ofsted", "date": "2021-12-01"}]}"#,
    ))
    .unwrap();
    let e = &t.events[0];
    assert_eq!(e.findings[0].tone, Tone::Negative);
    assert!(e.findings[0].quote);
    assert_eq!(e.findings[1].tone, Tone::Neutral);
    assert_eq!(e.sources[0].url.as_deref(), Some("https://example.org/x"));
}

#[test]
fn an_expected_event_may_have_no_date() {
    assert_eq!(
        problems(&doc(
            r#"{"id": "r", "kind": "reinspection", "title": "R", "status": "expected"}"#
        )),
        Vec::<String>::new()
    );
}

#[test]
fn a_done_event_needs_a_date_or_a_publication() {
    assert_eq!(
        one(&doc(r#"{"id": "r", "kind": "reinspection", "title": "R"}"#)),
        "events[0]: has no date; add `date` (when it happened) or `published` (when its report came out), or mark it \"status\": \"expected\""
    );
    assert!(problems(&doc(
        r#"{"id": "r", "kind": "other", "title": "R", "published": "2022-11"}"#
    ))
    .is_empty());
}

#[test]
fn impossible_dates_are_refused() {
    let e = |d: &str| {
        doc(&format!(
            r#"{{"id": "v", "kind": "other", "title": "V", "date": "{d}"}}"#
        ))
    };
    assert_eq!(
        one(&e("2023-02-30")),
        "events[0].date: \"2023-02-30\" is not a date: February 2023 has 28 days"
    );
    assert_eq!(
        one(&e("2024-02-30")),
        "events[0].date: \"2024-02-30\" is not a date: February 2024 has 29 days"
    );
    assert_eq!(
        one(&e("2023-13")),
        "events[0].date: \"2023-13\" is not a date: months run from 01 to 12"
    );
    assert_eq!(
        one(&e("2023-Q5")),
        "events[0].date: \"2023-Q5\" is not a date: quarters run from Q1 to Q4"
    );
    // A date typed in another form gets the contract's form; text like no date, the forms.
    assert_eq!(
        one(&e("27/02/2023")),
        "events[0].date: \"27/02/2023\" is not a date; write 2023-02-27"
    );
    assert_eq!(
        one(&e("soon")),
        "events[0].date: \"soon\" is not a date; write the date as YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD (for example 2023-02-27)"
    );
    assert!(
        problems(&e("2024-02-29")).is_empty(),
        "a leap day is a date"
    );
}

#[test]
fn timestamps_are_not_dates() {
    let p = one(&doc(
        r#"{"id": "v", "kind": "other", "title": "V", "date": "2023-02-27T10:00:00Z"}"#,
    ));
    assert!(
        p.starts_with("events[0].date: \"2023-02-27T10:00:00Z\" is not a date"),
        "{p}"
    );
}

#[test]
fn an_end_before_the_date_is_refused() {
    assert_eq!(
        one(&doc(r#"{"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2023-02-27", "end": "2023-01-05"}"#)),
        "events[0].end: 2023-01-05 is before date 2023-02-27; end is the last day of the visit, so it cannot come first: check both dates"
    );
    // A day inside a month-precision start is not before it.
    assert!(problems(&doc(r#"{"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2023-02", "end": "2023-02-01"}"#)).is_empty());
}

#[test]
fn an_end_needs_a_date() {
    assert_eq!(
        one(&doc(r#"{"id": "v", "kind": "monitoring-visit", "title": "V", "published": "2023-04", "end": "2023-03-01"}"#)),
        "events[0].end: 2023-03-01 is an end without a start; add `date` (the first day of the visit) or remove `end`"
    );
}

#[test]
fn a_report_cannot_come_out_before_its_visit() {
    assert_eq!(
        one(&doc(r#"{"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2023-02", "published": "2022-12"}"#)),
        "events[0].published: 2022-12 is before date 2023-02; a report cannot come out before its visit, so one of the two dates is wrong: check both"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    assert_eq!(
        one(&doc(&format!("{VISIT}, {VISIT}"))),
        "events[1].id: \"v1\" is already used by events[0] (the 1st event); give each event its own id"
    );
}

#[test]
fn ratings_must_be_in_the_scale() {
    let e = |r: &str| {
        doc(&format!(
            r#"{{"id": "i", "kind": "inspection", "title": "I", "date": "2021", "rating": "{r}"}}"#
        ))
    };
    assert_eq!(
        one(&e("inadequat")),
        "events[0].rating: \"inadequat\" is not a grade in the scale; did you mean `inadequate`?"
    );
    assert_eq!(
        one(&e("poor")),
        "events[0].rating: \"poor\" is not a grade in the scale; use `outstanding`, `good`, `requires-improvement` or `inadequate`"
    );
}

#[test]
fn a_custom_scale_replaces_ofsteds() {
    let text = r##"{"version": 1, "title": "T",
        "scale": [{"id": "met", "label": "Met", "color": "#1a7f4b"}, {"id": "not-met", "label": "Not met", "color": "#c01f2f"}],
        "events": [{"id": "i", "kind": "inspection", "title": "I", "date": "2021", "rating": "not-met"}]}"##;
    let t = parse(text).unwrap();
    assert_eq!(t.grades[t.events[0].rating.unwrap()].label, "Not met");
    let bad = text
        .replace("\"inadequate\"", "")
        .replace("not-met\"}]}", "inadequate\"}]}");
    assert_eq!(
        one(&bad),
        "events[0].rating: \"inadequate\" is not a grade in the scale; use `met` or `not-met`"
    );
}

#[test]
fn scale_grades_are_checked() {
    let text = r##"{"version": 1, "title": "T",
        "scale": [{"id": "a", "label": "A", "color": "red"}, {"id": "a", "label": "B", "color": "#fff"}],
        "events": [{"id": "i", "kind": "other", "title": "I", "date": "2021"}]}"##;
    assert_eq!(
        problems(text),
        [
            "scale[0].color: \"red\" is not a colour; write it as # and six hex digits, for example \"#c01f2f\"",
            "scale[1].id: \"a\" is already used by scale[0]; give each grade its own id",
        ]
    );
}

#[test]
fn only_web_addresses_are_links() {
    let e = |u: &str| {
        doc(&format!(
            r#"{{"id": "v", "kind": "other", "title": "V", "date": "2021", "sources": [{{"title": "S", "url": "{u}"}}]}}"#
        ))
    };
    assert_eq!(
        one(&e("javascript:alert(1)")),
        "events[0].sources[0].url: \"javascript:alert(1)\" is not a web address; it must start with https:// (or http://) and contain no spaces"
    );
    assert_eq!(
        one(&e("ftp://example.org/a")).split(':').next(),
        Some("events[0].sources[0].url")
    );
    assert_eq!(
        one(&e("https://")).split(':').next(),
        Some("events[0].sources[0].url")
    );
    assert!(problems(&e("http://example.org/a?b=c")).is_empty());
    // A site's address copied without its start is given back whole.
    assert_eq!(
        one(&e("www.bbc.co.uk/news")),
        "events[0].sources[0].url: \"www.bbc.co.uk/news\" is missing its start: write https://www.bbc.co.uk/news"
    );
}

/// A misspelt needed field is one problem, its suggestion, not also "`title` is missing".
#[test]
fn a_misspelt_needed_field_is_one_problem() {
    assert_eq!(
        problems(&doc(
            r#"{"id": "v", "kind": "other", "titel": "V", "date": "2021"}"#
        )),
        ["events[0].titel: unknown field `titel`; did you mean `title`?"]
    );
    // A field that is missing with no misspelling of it is still named.
    assert_eq!(
        problems(&doc(r#"{"id": "v", "kind": "other", "date": "2021"}"#)),
        ["events[0]: `title` is missing; add it, for example \"title\": \"Third monitoring visit\""]
    );
}

#[test]
fn unknown_fields_are_refused_with_a_suggestion() {
    assert_eq!(
        one(&doc(
            r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "finding": []}"#
        )),
        "events[0].finding: unknown field `finding`; did you mean `findings`?"
    );
    assert_eq!(
        one(
            r#"{"version": 1, "titel": "T", "title": "T", "events": [{"id": "v", "kind": "other", "title": "V", "date": "2021"}]}"#
        ),
        "titel: unknown field `titel`; did you mean `title`?"
    );
    let far = one(&doc(
        r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "colour": "red"}"#,
    ));
    assert!(
        far.starts_with(
            "events[0].colour: unknown field `colour`; the fields allowed here are `id`, `kind`"
        ),
        "{far}"
    );
    // A finding's or a source's field written on the event is sent where it belongs.
    assert_eq!(
        one(&doc(
            r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "tone": "negative"}"#
        )),
        "events[0].tone: unknown field `tone`; `tone` belongs to a finding: put it inside \"findings\": [{\"text\": \"…\", \"tone\": \"negative\"}]"
    );
    assert!(one(&doc(
        r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "findings": [{"text": "F", "url": "https://example.org"}]}"#
    ))
    .ends_with("`url` belongs to a source: put it inside the event's \"sources\": [{\"title\": \"…\", \"url\": \"https://…\"}]"));
}

#[test]
fn kinds_statuses_and_tones_are_named_choices() {
    assert_eq!(
        one(&doc(r#"{"id": "v", "kind": "monitoring visit", "title": "V", "date": "2021"}"#)),
        "events[0].kind: \"monitoring visit\" is not allowed here; did you mean `monitoring-visit`?"
    );
    assert_eq!(
        one(&doc(
            r#"{"id": "v", "kind": "other", "title": "V", "status": "planned"}"#
        )),
        "events[0].status: \"planned\" is not allowed here; use `done` or `expected`"
    );
    assert_eq!(
        one(&doc(r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "findings": [{"text": "x", "tone": "good"}]}"#)),
        "events[0].findings[0].tone: \"good\" is not allowed here; use `positive`, `negative`, `mixed` or `neutral`"
    );
    assert_eq!(
        one(&doc(
            r#"{"id": "v", "kind": "other", "title": "V", "date": "2021", "findings": [{"text": "x", "quote": "yes"}]}"#
        )),
        "events[0].findings[0].quote: expected true or false, found text"
    );
}

#[test]
fn required_fields_and_types_are_named() {
    assert_eq!(
        problems(r#"{"events": []}"#),
        [
            "`version` is missing; add \"version\": 1 at the top",
            "`title` is missing; add it, for example \"title\": \"Children's services inspections\"",
            "events: is empty; add at least one event",
        ]
    );
    assert_eq!(
        one(&doc(VISIT).replace("\"version\": 1", "\"version\": 2")),
        "version: must be 1 (found 2); this widget reads version 1 files"
    );
    assert_eq!(
        one(&doc(VISIT).replace("\"title\": \"T\"", "\"title\": 5")),
        "title: expected text in double quotes, found a number"
    );
    assert_eq!(
        one(&doc(VISIT).replace("\"title\": \"T\"", "\"title\": \"  \"")),
        "title: is empty; write the title, for example \"Children's services inspections\""
    );
    // An empty finding goes as a whole; an empty optional field may simply go.
    assert_eq!(
        problems(&doc(r#"{"id": "v", "kind": "other", "title": "V", "date": "2023", "findings": [{"text": " "}], "summary": ""}"#)),
        [
            "events[0].findings[0].text: is empty; write the finding, or remove the whole finding from the list",
            "events[0].summary: is empty; write some text or remove the field",
        ]
    );
    assert_eq!(
        one(&doc(r#"{"kind": "other", "title": "V", "date": "2021"}"#)),
        "events[0]: `id` is missing; add it, for example \"id\": \"visit-3\""
    );
    assert_eq!(
        one(r#"{"version": 1, "title": "T", "events": {}}"#),
        "events: expected a list in [ ], found an object"
    );
    assert_eq!(
        one("[1, 2]"),
        "expected the whole file in { }, found a list"
    );
}

#[test]
fn a_repeated_field_is_refused() {
    assert_eq!(
        one(&doc(
            r#"{"id": "v", "id": "w", "kind": "other", "title": "V", "date": "2021"}"#
        )),
        "events[0].id: `id` appears twice; keep only one"
    );
}

#[test]
fn every_problem_is_reported_in_source_order_with_its_position() {
    let text = "{\n  \"version\": 1,\n  \"title\": \"T\",\n  \"events\": [\n    {\"id\": \"a\", \"kind\": \"visit\", \"title\": \"A\", \"date\": \"2023-02-30\"},\n    {\"id\": \"a\", \"kind\": \"other\", \"title\": \"B\", \"date\": \"2023\", \"finding\": []}\n  ]\n}";
    let ps = parse(text).unwrap_err();
    let got: Vec<String> = ps
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.path))
        .collect();
    assert_eq!(
        got,
        [
            "5:25: events[0].kind",
            "5:56: events[0].date",
            "6:12: events[1].id",
            "6:64: events[1].finding"
        ]
    );
}

#[test]
fn text_that_is_not_json_says_where() {
    let ps = parse("{\n  \"version\": 1,\n  \"title\": \"T\"\n  \"events\": []\n}").unwrap_err();
    assert_eq!(ps.len(), 1);
    assert_eq!((ps[0].line, ps[0].column), (3, 15));
    assert_eq!(
        ps[0].to_string(),
        "not valid JSON: expected , or } after a field; a comma may be missing"
    );
    // An event pasted after the end of the `events` list.
    let ps =
        parse("{\n  \"version\": 1,\n  \"title\": \"T\",\n  \"events\": [],\n  {\"id\": \"a\"}\n}")
            .unwrap_err();
    assert_eq!((ps[0].line, ps[0].column), (5, 3));
    assert!(
        ps[0]
            .message
            .ends_with("it is outside the `events` list; move it before the list's closing ]"),
        "{}",
        ps[0].message
    );
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "",
        "{",
        "}",
        "null",
        "\"x\"",
        "[[[[",
        "{\"version\":1e400}",
        "{\"a\":\"\\ud800\"}",
        "\u{feff}{}",
    ] {
        assert!(parse(text).is_err(), "{text:?} was accepted");
    }
}

#[test]
fn quote_marks_a_word_processor_types_are_named_for_what_they_are() {
    let problem = |text: &str| {
        let ps = parse(text).unwrap_err();
        (ps[0].line, ps[0].column, ps[0].message.clone())
    };
    // Curly quotes where JSON needs straight ones, as a word processor types them.
    assert_eq!(
        problem("{\n  \u{201C}title\u{201D}: \"T\"\n}"),
        (
            2,
            3,
            "not valid JSON: replace the curly quotes “ ” with straight ones \"".into()
        )
    );
    assert_eq!(
        problem("{\"title\": \u{201C}T\u{201D}}"),
        (
            1,
            11,
            "not valid JSON: replace the curly quotes “ ” with straight ones \"".into()
        )
    );
    // A straight quote inside text ends it early: the message points at that quote.
    let text = r#"{"version": 1, "title": "the plan was "on track" for now", "events": []}"#;
    let at = text.find("\"on").unwrap() as u32 + 1;
    assert_eq!(
        problem(text),
        (1, at, "not valid JSON: this quote mark ends the text early; a quote mark inside text must be written \\\"".into())
    );
    // Two fields without a comma between them are still a missing comma.
    let (_, _, m) = problem(r#"{"version": 1 "title": "T"}"#);
    assert!(m.contains("a comma may be missing"), "{m}");
    let (_, _, m) = problem(r#"{"title": "T" "version": 1}"#);
    assert!(m.contains("a comma may be missing"), "{m}");
    // A note written as a comment, a saved sign-in page, a tab pasted into text.
    assert_eq!(
        problem("{\"version\": 1,\n  // checked by the desk\n  \"title\": \"T\"}"),
        (2, 3, "not valid JSON: JSON has no comments: remove this note (a note for readers belongs in an event's summary)".into())
    );
    let (line, column, m) = problem("\n<!DOCTYPE html><html><title>Sign in</title>");
    assert_eq!((line, column), (2, 1));
    assert!(
        m.starts_with("not valid JSON: this is a web page (HTML), not the data"),
        "{m}"
    );
    assert_eq!(
        problem("{\"title\": \"a\tb\"}"),
        (1, 13, "not valid JSON: text may not contain a tab (perhaps pasted from a spreadsheet); replace it with a space".into())
    );
}

#[test]
fn a_slip_in_a_year_is_a_warning_with_the_year_meant() {
    use inspection_timeline::validate::parse_with_warnings;
    let bury = include_str!("../www/data/bury-childrens-services.json");
    let none = parse_with_warnings(bury).unwrap().warnings;
    assert!(none.is_empty(), "{none:#?}");
    let typo = bury.replacen("\"date\": \"2023-02\"", "\"date\": \"0223-02\"", 1);
    assert_ne!(typo, bury);
    let checked = parse_with_warnings(&typo).expect("still valid");
    let (t, warnings) = (checked.timeline, checked.warnings);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let w = &warnings[0];
    let i = t
        .events
        .iter()
        .position(|e| e.date.is_some_and(|d| d.year() == 223))
        .unwrap();
    assert_eq!(w.path, format!("events[{i}].date"));
    assert_eq!(
        w.message,
        "0223-02 is 1,799 years before the next event; did you mean 2023-02?"
    );
    let line = typo[..typo.find("\"0223-02\"").unwrap()].lines().count() as u32;
    assert_eq!(w.line, line);
}

/// Each copy of an event written again under another id is pointed at its first, and events
/// that differ in any date, the title, the kind or the subject are not.
#[test]
fn an_event_written_twice_is_a_warning_at_each_copy() {
    use inspection_timeline::validate::parse_with_warnings;
    let ev = |id: &str, kind: &str, title: &str, date: &str| {
        format!(r#"{{"id": "{id}", "kind": "{kind}", "title": "{title}", "date": "{date}"}}"#)
    };
    let events = [
        ev("a", "monitoring-visit", "Visit", "2023-02"),
        ev("b", "monitoring-visit", "Visit", "2023-03"),
        ev("c", "monitoring-visit", "Visit", "2023-02"),
        ev("d", "other", "Visit", "2023-02"),
        ev("e", "monitoring-visit", "Visit again", "2023-02"),
        ev("f", "monitoring-visit", "Visit", "2023-02"),
    ];
    let text = format!(
        r#"{{"version": 1, "title": "T", "events": [{}]}}"#,
        events.join(",")
    );
    let warnings = parse_with_warnings(&text).unwrap().warnings;
    let said: Vec<(&str, &str)> = warnings
        .iter()
        .map(|w| (w.path.as_str(), w.message.as_str()))
        .collect();
    let copy = "this event has the same kind, title and dates as events[0] (\"a\"): if it is written twice, delete one";
    assert_eq!(said, [("events[2]", copy), ("events[5]", copy)]);
}

/// A lane that only one event uses and is one slip from another row is a warning at that
/// event's `lane`, as is a lane written as the name of its kind's own row; a lane of its own
/// with a name unlike any other is not.
#[test]
fn a_lone_lane_like_another_row_is_a_warning() {
    use inspection_timeline::validate::parse_with_warnings;
    let visit = |id: &str, lane: Option<&str>| {
        let lane = lane.map_or(String::new(), |l| format!(r#", "lane": "{l}""#));
        format!(
            r#"{{"id": "{id}", "kind": "monitoring-visit", "title": "V", "date": "2023-0{}"{lane}}}"#,
            id.len()
        )
    };
    let said = |lanes: [Option<&str>; 4]| {
        let events: Vec<String> = ["a", "bb", "ccc", "dddd"]
            .iter()
            .zip(lanes)
            .map(|(id, l)| visit(id, l))
            .collect();
        let text = format!(
            r#"{{"version": 1, "title": "T", "events": [{}]}}"#,
            events.join(",")
        );
        let warnings = parse_with_warnings(&text).unwrap().warnings;
        warnings
            .into_iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        said([None, Some("Monitering visits"), None, None]),
        ["events[1].lane: only this event is in the row \"Monitering visits\", so it gets a row (and a count of visits) of its own; did you mean \"Monitoring visits\", the row of 3 other events?"]
    );
    // Two events that agree on a row of their own are a row, not a slip.
    assert_eq!(
        said([
            Some("Care leavers"),
            Some("Care leavers"),
            None,
            Some("Care leaver")
        ])
        .len(),
        1
    );
    assert!(said([None, Some("Care leavers"), None, None]).is_empty());
    assert_eq!(
        said([None, None, Some("Monitoring visits"), Some("Monitoring visits")]),
        ["events[2].lane: \"Monitoring visits\" is the name of the row that events of this kind have without a `lane`, but written out it makes a second row of that name; remove `lane` to put the event in that row"]
    );
}

#[test]
fn more_visits_than_the_rule_and_a_visit_after_the_reinspection_are_warnings() {
    use inspection_timeline::validate::parse_with_warnings;
    let visits: Vec<String> = (1..=7)
        .map(|k| format!(r#"{{"id": "v{k}", "kind": "monitoring-visit", "title": "V{k}", "date": "2022-0{k}"}}"#))
        .collect();
    let text = format!(
        r#"{{"version": 1, "title": "T", "events": [
{{"id": "i", "kind": "inspection", "title": "I", "date": "2021-11", "rating": "inadequate"}},
{},
{{"id": "r", "kind": "reinspection", "title": "R", "date": "2022-05", "status": "expected"}}]}}"#,
        visits.join(",\n")
    );
    let warnings = parse_with_warnings(&text).unwrap().warnings;
    let said: Vec<(&str, u32)> = warnings.iter().map(|w| (w.path.as_str(), w.line)).collect();
    // Visits 6 and 7 come after the re-inspection expected in May 2022; visit 7 is also one
    // more than the six the rule allows.
    assert_eq!(
        said,
        [
            ("events[6].date", 8),
            ("events[7]", 9),
            ("events[7].date", 9)
        ]
    );
    assert!(warnings[1]
        .message
        .starts_with("this is monitoring visit 7 since"));
    assert!(warnings[0]
        .message
        .contains("re-inspection expected in 2022-05 (events[8])"));
}

#[test]
fn a_report_before_its_visit_ended_is_a_warning() {
    use inspection_timeline::validate::parse_with_warnings;
    let text = |kind: &str, published: &str| {
        format!(
            r#"{{"version": 1, "title": "T", "events": [
{{"id": "v", "kind": "{kind}", "title": "V", "date": "2023-02", "end": "2023-05", "published": "{published}"}}]}}"#
        )
    };
    let warnings = parse_with_warnings(&text("monitoring-visit", "2023-03"))
        .unwrap()
        .warnings;
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(warnings[0].path, "events[0].published");
    // At the value of the field it is about, as problems are.
    let at = text("monitoring-visit", "2023-03");
    let value = at.find(r#""2023-03""#).unwrap();
    assert_eq!(
        (warnings[0].line, warnings[0].column),
        (
            2,
            at[..value].rsplit('\n').next().unwrap().chars().count() as u32 + 1
        )
    );
    assert_eq!(
        warnings[0].message,
        "the report came out in 2023-03, before the visit ended in 2023-05; check both dates"
    );
    // A report in the visit's last month, and an `other` event's long period, say nothing.
    for (kind, published) in [("monitoring-visit", "2023-05"), ("other", "2023-03")] {
        let w = parse_with_warnings(&text(kind, published))
            .unwrap()
            .warnings;
        assert!(w.is_empty(), "{kind} {published}: {w:#?}");
    }
}

#[test]
fn findings_on_an_expected_event_are_a_warning() {
    use inspection_timeline::validate::parse_with_warnings;
    let text = r#"{"version": 1, "title": "T", "events": [
{"id": "i", "kind": "inspection", "title": "I", "date": "2021-11", "rating": "inadequate"},
{"id": "r", "kind": "reinspection", "title": "R", "status": "expected",
 "findings": [{"text": "Leaders have made progress", "tone": "positive"}]}]}"#;
    let warnings = parse_with_warnings(text).unwrap().warnings;
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(warnings[0].path, "events[1].findings");
    assert_eq!(
        (warnings[0].line, warnings[0].column),
        (4, 14),
        "at the findings' list"
    );
    assert!(warnings[0]
        .message
        .starts_with("an expected event has findings"));
    // Without the findings, nothing to say.
    let plain = text.replace(
        r#",
 "findings": [{"text": "Leaders have made progress", "tone": "positive"}]"#,
        "",
    );
    assert!(parse_with_warnings(&plain).unwrap().warnings.is_empty());
}

#[test]
fn a_word_or_date_with_a_pasted_space_says_so_rather_than_show_the_same_value() {
    // A non-breaking space after a date, a space after a kind, a zero-width space before a
    // rating: each looks right on screen.
    let text = "{\"version\": 1, \"title\": \"T\", \"events\": [{\"id\": \"a\", \"kind\": \"inspection \", \"title\": \"A\", \"date\": \"2023-02\u{a0}\", \"rating\": \"\u{200b}inadequate\"}]}";
    let problems = inspection_timeline::parse(text).unwrap_err();
    let said: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let tail = "(perhaps pasted from a web page or a document); remove it, to leave";
    assert_eq!(
        said,
        [
            ("events[0].kind", format!("\"inspection \" has a space or an invisible character after it {tail} \"inspection\"").as_str()),
            ("events[0].date", format!("\"2023-02\u{a0}\" has a space or an invisible character after it {tail} \"2023-02\"").as_str()),
            ("events[0].rating", format!("\"\u{200b}inadequate\" has a space or an invisible character before it {tail} \"inadequate\"").as_str()),
        ]
    );
}

/// Every JSON example in the documentation a newsroom starts from is a valid data file: a
/// reader who copies one gets a chart, not a list of problems.
#[test]
fn documented_examples_are_valid() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for doc in ["pkg/README.md"] {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        for block in text.split("```json\n").skip(1) {
            let json = block.split("```").next().unwrap();
            assert_eq!(problems(json), Vec::<String>::new(), "{doc}: {json}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no JSON example found");
}

#[test]
fn an_invisible_space_between_the_parts_is_named() {
    for space in ["\u{a0}", "\u{200b}"] {
        let text = format!("{{\"version\": 1,{space}\"title\": \"T\", \"events\": []}}");
        let ps = parse(&text).unwrap_err();
        assert!(
            ps[0]
                .message
                .contains("there is an invisible space here that JSON does not allow"),
            "{ps:?}"
        );
    }
}
