//! Several subjects on one chart: the contract, the facts worked out per subject, the layout
//! of each subject's band and rows, choosing subjects, and the keyboard across them.

mod common;

use common::Rng;
use inspection_timeline::chronology::Lane;
use inspection_timeline::date::Locale;
use inspection_timeline::interact::{Input, Key, State};
use inspection_timeline::layout::{describe, layout, words, LayoutConfig, Scene};
use inspection_timeline::subjects::{select, SHOWN_AT_FIRST};
use inspection_timeline::{parse, Chronology, Timeline};

const SAMPLE: &str = include_str!("../www/data/sample-councils.json");

fn sample() -> Timeline {
    parse(SAMPLE).unwrap()
}

fn at(width: f64, t: &Timeline) -> Scene {
    layout(
        t,
        &Chronology::new(t),
        &LayoutConfig {
            width,
            ..LayoutConfig::default()
        },
    )
}

/// The messages of a file's problems, as `path: message`.
fn problems(text: &str) -> Vec<String> {
    parse(text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

/// A file with the subjects `ids` (each labelled with its id in capitals) and `events`.
fn doc(ids: &[&str], events: &str) -> String {
    let subjects: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "label": "{}"}}"#, id.to_uppercase()))
        .collect();
    format!(
        r#"{{"version": 1, "title": "T", "subjects": [{}], "events": [{events}]}}"#,
        subjects.join(", ")
    )
}

#[test]
fn the_contract_names_each_subject_problem_with_its_place_and_a_fix() {
    let ev = |subject: &str| {
        format!(r#"{{"id": "x", "kind": "other", "title": "X", "date": "2022"{subject}}}"#)
    };
    assert_eq!(
        problems(&doc(&["bury", "rochdale"], &ev(r#", "subject": "rochdal""#))),
        ["events[0].subject: \"rochdal\" is not in the `subjects` list; did you mean `rochdale`?"]
    );
    assert_eq!(
        problems(&doc(&["bury", "rochdale"], &ev(r#", "subject": "leeds""#))),
        ["events[0].subject: \"leeds\" is not in the `subjects` list; use `bury` or `rochdale`"]
    );
    assert_eq!(
        problems(&doc(&["bury"], &ev(""))),
        ["events[0]: `subject` is missing; this file lists subjects, so each event names the one it is about, for example \"subject\": \"bury\""]
    );
    assert_eq!(
        problems(&doc(&["bury", "bury"], &ev(r#", "subject": "bury""#))),
        ["subjects[1].id: \"bury\" is already used by subjects[0]; give each subject its own id"]
    );
    assert_eq!(
        problems(&doc(&["st helens"], &ev(r#", "subject": "st helens""#))),
        ["subjects[0].id: \"st helens\" cannot be a subject id: the `subjects` attribute lists ids with commas, so write it without spaces or commas, for example \"st-helens\""]
    );
    assert_eq!(
        problems(&format!(
            r#"{{"version": 1, "title": "T", "events": [{}]}}"#,
            ev(r#", "subject": "bury""#)
        )),
        ["events[0].subject: names a subject, but the file has no `subjects` list; add one at the top, for example \"subjects\": [{\"id\": \"bury\", \"label\": \"Its name for readers\"}], or remove `subject`"]
    );
    assert_eq!(
        problems(&format!(
            r#"{{"version": 1, "title": "T", "subjects": [], "events": [{}]}}"#,
            ev("")
        )),
        ["subjects: is empty; list the councils (or other services) the file is about, or remove `subjects` for a file about one"]
    );
    // A subject without its label is reported once, at the subject, not again at each event
    // that names it.
    assert_eq!(
        problems(&format!(
            r#"{{"version": 1, "title": "T", "subjects": [{{"id": "bury", "label": "Bury"}}, {{"id": "leeds"}}], "events": [{}, {}]}}"#,
            ev(r#", "subject": "leeds""#),
            ev(r#", "subject": "leeds""#).replace("\"x\"", "\"y\"")
        )),
        ["subjects[1]: `label` is missing; add it, for example \"label\": \"Bury Council\""]
    );
}

#[test]
fn the_subjects_list_may_come_after_the_events() {
    let text = r#"{"version": 1, "title": "T",
        "events": [{"id": "a", "subject": "two", "kind": "other", "title": "A", "date": "2022"}],
        "subjects": [{"id": "one", "label": "One"}, {"id": "two", "label": "Two"}]}"#;
    let t = parse(text).unwrap();
    assert_eq!(t.events[0].subject, 1);
}

#[test]
fn a_rating_is_checked_against_its_own_subjects_scale() {
    // Mockbridge has its own scale; Sampleford uses the file's (Ofsted's four).
    let t = sample();
    let mock = t
        .subjects
        .iter()
        .position(|s| s.id == "mockbridge")
        .unwrap();
    let check = t.events.iter().find(|e| e.id == "m-check").unwrap();
    assert_eq!(t.grades[check.rating.unwrap()].id, "not-met");
    assert!(t.subjects[mock].scale.contains(&check.rating.unwrap()));
    let wrong = SAMPLE.replacen(
        r#""subject": "sampleford", "kind": "inspection", "title": "Sampleford inspection", "date": "2022-03", "published": "2022-05-10", "rating": "inadequate""#,
        r#""subject": "sampleford", "kind": "inspection", "title": "Sampleford inspection", "date": "2022-03", "published": "2022-05-10", "rating": "not-met""#,
        1,
    );
    assert_ne!(wrong, SAMPLE);
    assert_eq!(
        problems(&wrong),
        ["events[0].rating: \"not-met\" is not a grade in the scale; use `outstanding`, `good`, `requires-improvement` or `inadequate`"]
    );
}

#[test]
fn visits_are_numbered_within_each_subject() {
    let t = sample();
    let c = Chronology::new(&t);
    let number = |id: &str| c.numbers[t.events.iter().position(|e| e.id == id).unwrap()];
    assert_eq!(number("s-visit-1"), Some(1));
    assert_eq!(number("s-visit-3"), Some(3));
    assert_eq!(number("e-visit-1"), Some(1), "Exampleton counts its own");
    assert_eq!(number("e-visit-4"), Some(4));
    // Mockbridge's worst grade is its own scale's last: "not met".
    assert_eq!(number("m-visit-1"), Some(1));
    // Exampleton's and Mockbridge's visits came before a re-inspection that lifted their
    // rating: none counts towards another.
    assert_eq!((c.visits(0), c.visits(1), c.visits(2)), (3, 0, 0));
}

/// A generated file of `subjects` subjects whose events are shuffled together in the file:
/// each subject has inspections with ratings and monitoring visits, in random order.
fn generated(seed: u64, subjects: usize) -> Timeline {
    let mut rng = Rng(seed);
    let mut below = |n: u64| rng.below(n);
    let ids: Vec<String> = (0..subjects).map(|s| format!("s{s}")).collect();
    let n = 3 + below(40) as usize;
    let events: Vec<String> = (0..n)
        .map(|i| {
            let s = below(subjects as u64);
            let year = 2000 + below(20);
            let month = 1 + below(12);
            let (kind, rating) = match below(3) {
                0 => (
                    "inspection",
                    [", \"rating\": \"inadequate\"", ", \"rating\": \"good\""]
                        [below(2) as usize],
                ),
                _ => ("monitoring-visit", ""),
            };
            format!(
                r#"{{"id": "e{i}", "subject": "s{s}", "kind": "{kind}", "title": "E{i}", "date": "{year}-{month:02}"{rating}}}"#
            )
        })
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    parse(&doc(&refs, &events.join(","))).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn each_subjects_band_runs_from_its_own_graded_events_to_its_next() {
    for seed in 1..60u64 {
        let t = generated(seed * 0x9e37_79b9, 1 + (seed % 4) as usize);
        let c = Chronology::new(&t);
        let s = at(900.0, &t);
        let scale = &s.time.as_ref().unwrap().scale;
        // Each subject's part of the chart runs from its heading to the next subject's.
        let heading: Vec<f64> = t
            .subjects
            .iter()
            .map(|x| s.labels.iter().find(|l| l.text == x.label).unwrap().y)
            .collect();
        for (k, sec) in c.sections.iter().enumerate() {
            let mut starts: Vec<f64> = c.graded[sec.graded.clone()]
                .iter()
                .map(|&i| t.events[i].span().unwrap().0.first_day() as f64)
                .collect();
            starts.sort_by(f64::total_cmp);
            starts.dedup();
            let mine: Vec<_> = s
                .bands
                .iter()
                .filter(|b| {
                    b.rect.y0 > heading[k] && heading.get(k + 1).map_or(true, |n| b.rect.y0 < *n)
                })
                .collect();
            assert_eq!(mine.len(), starts.len(), "seed {seed}: subject {k}");
            assert!(
                mine.windows(2).all(|w| w[0].rect.y0 == w[1].rect.y0),
                "seed {seed}: one line of bands per subject"
            );
            for (n, b) in mine.iter().enumerate() {
                assert!((b.rect.x0 - scale.map(starts[n])).abs() < 0.01);
                if let Some(next) = starts.get(n + 1) {
                    assert!(
                        (b.rect.x1 - scale.map(*next)).abs() < 0.01,
                        "seed {seed}: subject {k}'s band must end at its own next rating"
                    );
                }
            }
        }
    }
}

#[test]
fn every_subject_lists_its_lanes_in_the_same_order() {
    for seed in 1..40u64 {
        let t = generated(seed * 7919, 3);
        let c = Chronology::new(&t);
        let mut all: Vec<&Lane> = Vec::new();
        for sec in &c.sections {
            let lanes: Vec<&Lane> = c.lanes[sec.lanes.clone()].iter().collect();
            for pair in lanes.windows(2) {
                let (a, b) = (
                    all.iter().position(|l| *l == pair[0]),
                    all.iter().position(|l| *l == pair[1]),
                );
                if let (Some(a), Some(b)) = (a, b) {
                    assert!(a < b, "seed {seed}: {lanes:?} against {all:?}");
                }
            }
            for l in lanes {
                if !all.contains(&l) {
                    all.push(l);
                }
            }
        }
    }
}

#[test]
fn subjects_keep_the_lists_order_and_never_mix_their_rows() {
    let t = sample();
    let s = at(900.0, &t);
    // Headings in the order of the list, each above its own marks and below the last marks
    // of the subject before.
    let heading = |label: &str| {
        s.labels
            .iter()
            .find(|l| l.text == label && l.bold)
            .unwrap_or_else(|| panic!("no heading {label}"))
            .y
    };
    let ys: Vec<f64> = t.subjects.iter().map(|x| heading(&x.label)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    for m in &s.marks {
        let k = t.events[m.event].subject;
        assert!(
            m.center.y > ys[k],
            "{} above its heading",
            t.events[m.event].id
        );
        if let Some(next) = ys.get(k + 1) {
            assert!(
                m.center.y < *next,
                "{} below the next heading",
                t.events[m.event].id
            );
        }
    }
    // The phone layout too.
    let p = at(375.0, &t);
    let ys: Vec<f64> = t
        .subjects
        .iter()
        .map(|x| p.labels.iter().find(|l| l.text == x.label).unwrap().y)
        .collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    for m in &p.marks {
        let k = t.events[m.event].subject;
        assert!(m.center.y > ys[k]);
        assert!(ys.get(k + 1).map_or(true, |n| m.center.y < *n));
    }
}

#[test]
fn a_file_without_subjects_draws_no_subject_heading() {
    let t = parse(include_str!("../www/data/bury-childrens-services.json")).unwrap();
    assert_eq!(t.subjects.len(), 1);
    assert!(!t.has_subject_list());
    let s = at(900.0, &t);
    assert!(!s
        .labels
        .iter()
        .any(|l| l.text == "Bury Council children's services"));
}

#[test]
fn choosing_subjects_keeps_the_order_asked_for_and_reports_unknown_ids() {
    let t = sample();
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let sel = select(&t, Some(&ids(&["mockbridge", "sampleford"])), false);
    let shown = sel.timeline.unwrap();
    let order: Vec<&str> = shown.subjects.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["mockbridge", "sampleford"]);
    assert!(shown.events.iter().all(|e| {
        let id = &shown.subjects[e.subject].id;
        e.id.starts_with(&id[..1])
    }));
    assert_eq!(shown.events.len(), 8);
    assert!(sel.problems.is_empty());

    let sel = select(&t, Some(&ids(&["exampletn", "mockbridge"])), false);
    assert_eq!(sel.shown, 1);
    assert_eq!(sel.problems.len(), 1);
    assert_eq!(sel.problems[0].path, "subjects");
    assert_eq!(
        sel.problems[0].message,
        "\"exampletn\" is not a subject in the data; did you mean `exampleton`?"
    );

    // No known id at all: every subject is drawn rather than none.
    let sel = select(&t, Some(&ids(&["leeds"])), false);
    assert_eq!(sel.shown, 3);
    assert!(sel.timeline.is_none(), "the file as it is");
    assert_eq!(
        sel.problems[0].message,
        "\"leeds\" is not a subject in the data; use `sampleford`, `exampleton` or `mockbridge`"
    );
    // Nothing asked for: the file as it is.
    let sel = select(&t, None, false);
    assert!(sel.timeline.is_none() && sel.problems.is_empty());
}

#[test]
fn past_eight_subjects_the_rest_wait_for_show_all() {
    let ids: Vec<String> = (0..20).map(|k| format!("c{k}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let events: Vec<String> = (0..20)
        .map(|k| format!(r#"{{"id": "e{k}", "subject": "c{k}", "kind": "other", "title": "E", "date": "2022"}}"#))
        .collect();
    let t = parse(&doc(&refs, &events.join(","))).unwrap();
    let sel = select(&t, None, false);
    assert_eq!(
        (sel.shown, sel.chosen, sel.hidden()),
        (SHOWN_AT_FIRST, 20, 12)
    );
    let shown = sel.timeline.unwrap();
    assert_eq!(shown.subjects.len(), SHOWN_AT_FIRST);
    assert_eq!(shown.subjects[7].id, "c7");
    assert_eq!(
        words::show_all(20, &inspection_timeline::strings::Strings::en_gb()),
        "Show all 20"
    );
    let all = select(&t, None, true);
    assert_eq!((all.shown, all.hidden()), (20, 0));
    // A choice of more than eight is cut the same way, in its own order.
    let many: Vec<String> = (0..10).rev().map(|k| format!("c{k}")).collect();
    let sel = select(&t, Some(&many), false);
    let shown = sel.timeline.as_ref().unwrap();
    assert_eq!(shown.subjects[0].id, "c9");
    assert_eq!(sel.hidden(), 2);
}

#[test]
fn the_description_has_a_sentence_for_each_subject() {
    let t = sample();
    let d = describe(&t, &Chronology::new(&t), &Locale::en_gb());
    assert_eq!(
        d,
        "Sampleford (fictional) was rated inadequate by Ofsted in March 2022; three monitoring visits since; Sampleford re-inspection expected after four to six monitoring visits. \
         Exampleton (fictional) was rated requires improvement by Ofsted in July 2024. \
         Mockbridge (fictional) was rated standard met by Ofsted on 12 March 2024."
    );
}

/// The paragraph direction a browser gives `text` with `unicode-bidi: plaintext`: that of its
/// first letter outside isolates (`true` for right to left).
fn reads_right_to_left(text: &str) -> bool {
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => {
                return inspection_timeline::text::has_rtl(&c.to_string())
            }
            _ => {}
        }
    }
    false
}

/// A subject named in Arabic keeps the widget's English sentences left to right: its name is
/// isolated inside them, whole, rather than turning them around.
#[test]
fn a_name_in_a_right_to_left_script_is_isolated_in_the_widgets_sentences() {
    let name = "مجلس بيري";
    let t = parse(&format!(
        r#"{{"version": 1, "title": "T", "subjects": [{{"id": "b", "label": "{name}"}}, {{"id": "r", "label": "Rochdale"}}],
           "events": [{{"id": "i", "subject": "b", "kind": "inspection", "title": "تفتيش", "date": "2021-11", "rating": "inadequate"}},
                      {{"id": "v", "subject": "b", "kind": "monitoring-visit", "title": "زيارة", "date": "2022-06"}},
                      {{"id": "j", "subject": "r", "kind": "inspection", "title": "I", "date": "2021-10", "rating": "good"}}]}}"#
    ))
    .unwrap();
    let c = Chronology::new(&t);
    let d = describe(&t, &c, &Locale::en_gb());
    let isolated = format!("\u{2068}{name}\u{2069}");
    assert!(d.starts_with(&isolated), "{d}");
    assert!(!reads_right_to_left(&d), "{d}");
    let card = words::card(&t, &c, 1, &Locale::en_gb());
    let said = card.announcement();
    assert!(
        said.starts_with(&isolated) && !reads_right_to_left(&said),
        "{said}"
    );
    // Latin names are left as they are.
    assert!(d.contains("Rochdale was rated good"), "{d}");
}

#[test]
fn cards_and_announcements_name_the_subject() {
    let t = sample();
    let c = Chronology::new(&t);
    let i = t.events.iter().position(|e| e.id == "e-visit-2").unwrap();
    let card = words::card(&t, &c, i, &Locale::en_gb());
    assert_eq!(card.subject.as_deref(), Some("Exampleton (fictional)"));
    assert!(
        card.announcement()
            .starts_with("Exampleton (fictional): Exampleton second monitoring visit."),
        "{}",
        card.announcement()
    );
}

/// The id of the event whose card the keyboard shows.
fn focused(t: &Timeline, s: &Scene, state: &State) -> String {
    t.events[s.marks[state.card().unwrap()].event].id.clone()
}

fn press(state: State, keys: &[Key], s: &Scene) -> State {
    keys.iter().fold(state, |st, &k| st.step(Input::Key(k), s))
}

#[test]
fn left_and_right_stay_in_a_subject_and_up_and_down_cross_to_the_nearest_in_time() {
    let t = sample();
    let s = at(900.0, &t);
    let st = press(State::default(), &[Key::Next], &s);
    assert_eq!(focused(&t, &s, &st), "s-inspection");
    // → walks Sampleford to its end, and no further.
    let st = press(st, &[Key::Next; 10], &s);
    assert_eq!(focused(&t, &s, &st), "s-reinspection");
    // ↓ from Sampleford's second visit (February 2023, its middle the 14th) finds
    // Exampleton's event nearest in time: its second visit (22 November 2022, 84 days
    // before) rather than its third (16 May 2023, 91 days after).
    let st = press(State::default(), &[Key::Next, Key::Next, Key::Next], &s);
    assert_eq!(focused(&t, &s, &st), "s-visit-2");
    let st = press(st, &[Key::Down], &s);
    assert_eq!(focused(&t, &s, &st), "e-visit-2");
    // ← and → now walk Exampleton.
    let st = press(st, &[Key::Previous], &s);
    assert_eq!(focused(&t, &s, &st), "e-visit-1");
    let st = press(st, &[Key::Next, Key::Previous], &s);
    assert_eq!(focused(&t, &s, &st), "e-visit-1");
    // From 5 April 2022 the nearest of Mockbridge's is its check of 17 January 2023.
    let st = press(st, &[Key::Down], &s);
    assert_eq!(focused(&t, &s, &st), "m-check");
    // Nothing below the last subject: ↓ stays.
    let st = press(st, &[Key::Down], &s);
    assert_eq!(focused(&t, &s, &st), "m-check");
    let st = press(st, &[Key::Up, Key::Up], &s);
    assert!(focused(&t, &s, &st).starts_with("s-"));
}

#[test]
fn with_one_subject_up_and_down_walk_the_events() {
    let t = parse(include_str!("../www/data/bury-childrens-services.json")).unwrap();
    let s = at(900.0, &t);
    let a = press(State::default(), &[Key::Next, Key::Next], &s);
    let b = press(State::default(), &[Key::Down, Key::Down], &s);
    assert_eq!(focused(&t, &s, &a), focused(&t, &s, &b));
    let a = press(a, &[Key::Previous], &s);
    let b = press(b, &[Key::Up], &s);
    assert_eq!(focused(&t, &s, &a), focused(&t, &s, &b));
}

#[test]
fn a_subject_with_no_events_keeps_its_heading_and_the_keyboard_passes_over_it() {
    let text = doc(
        &["a", "empty", "c"],
        r#"{"id": "a1", "subject": "a", "kind": "other", "title": "A1", "date": "2022-01"},
           {"id": "c1", "subject": "c", "kind": "other", "title": "C1", "date": "2022-02"}"#,
    );
    let t = parse(&text).unwrap();
    let s = at(900.0, &t);
    assert!(s.labels.iter().any(|l| l.text == "EMPTY"));
    let st = press(State::default(), &[Key::Next, Key::Down], &s);
    assert_eq!(focused(&t, &s, &st), "c1");
    assert!(describe(&t, &Chronology::new(&t), &Locale::en_gb()).contains("EMPTY: 0 events."));
}
