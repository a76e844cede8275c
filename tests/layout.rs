//! Geometry, hit-testing, interaction and the words on the card, all without a browser.

mod common;

use common::Rng;
use inspection_timeline::date::Locale;
use inspection_timeline::interact::{Input, Key, State};
use inspection_timeline::layout::{self, card, describe, layout, LayoutConfig, Point, Scene};
use inspection_timeline::text::estimate_width;
use inspection_timeline::view::View;
use inspection_timeline::{parse, Chronology, Timeline};

const BURY: &str = include_str!("../www/data/bury-childrens-services.json");

fn bury() -> Timeline {
    parse(BURY).unwrap()
}

/// `t` laid out `width` wide showing `view` (everything when `None`).
fn showing(t: &Timeline, c: &Chronology, width: f64, view: Option<View>) -> Scene {
    layout(
        t,
        c,
        &LayoutConfig {
            width,
            view,
            ..LayoutConfig::default()
        },
    )
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

fn doc(events: &str) -> Timeline {
    parse(&format!(
        r#"{{"version": 1, "title": "T", "events": [{events}]}}"#
    ))
    .unwrap_or_else(|p| panic!("{p:#?}"))
}

fn ids(t: &Timeline, s: &Scene) -> Vec<String> {
    s.marks
        .iter()
        .map(|m| t.events[m.event].id.clone())
        .collect()
}

#[test]
fn marks_are_in_time_order_with_undated_expected_events_last() {
    let t = bury();
    let s = at(800.0, &t);
    assert_eq!(
        ids(&t, &s),
        [
            "inspection-2021",
            "monitoring-visit-1",
            "monitoring-visit-2",
            "monitoring-visit-3",
            "monitoring-visit-care-leavers",
            "reinspection"
        ]
    );
    let xs: Vec<f64> = s.marks.iter().map(|m| m.center.x).collect();
    assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
}

#[test]
fn the_undated_expected_event_sits_in_the_next_zone() {
    let t = bury();
    for width in [480.0, 1200.0] {
        let s = at(width, &t);
        let zone = s.next_zone.as_ref().expect("a next zone").rect;
        let last = s.marks.last().unwrap();
        assert!(last.expected);
        assert!(
            zone.x0 < last.center.x && last.center.x < zone.x1,
            "{width}: {last:?} not in {zone:?}"
        );
        for m in &s.marks[..s.marks.len() - 1] {
            assert!(
                m.hit.x1 < zone.x0 + 1.0,
                "{width}: dated mark in the zone: {m:?}"
            );
        }
    }
}

#[test]
fn a_month_is_drawn_as_the_whole_month_not_its_first_day() {
    let t = doc(
        r#"{"id": "feb", "kind": "monitoring-visit", "title": "F", "date": "2023-02"},
           {"id": "mar", "kind": "monitoring-visit", "title": "M", "date": "2023-03"},
           {"id": "day", "kind": "monitoring-visit", "title": "D", "date": "2023-03-01"}"#,
    );
    let s = at(1200.0, &t);
    let m = |id: &str| s.marks.iter().find(|m| t.events[m.event].id == id).unwrap();
    let (feb, mar, day) = (m("feb"), m("mar"), m("day"));
    let (fa, fb) = feb
        .bar
        .expect("a month is wider than a marker at this width");
    let (ma, mb) = mar.bar.unwrap();
    assert!(
        ((fb - fa) / (mb - ma) - 28.0 / 31.0).abs() < 1e-9,
        "bars follow the days in each month"
    );
    assert!((fb - ma).abs() < 1e-9, "February ends where March starts");
    assert!(
        (feb.center.x - (fa + fb) / 2.0).abs() < 1e-9,
        "the marker sits mid-month"
    );
    assert!(day.bar.is_none(), "a day has no period bar");
    assert!(
        (day.center.x - ma).abs() < (mb - ma) / 31.0,
        "1 March sits at the start of March"
    );
}

#[test]
fn a_multi_day_visit_is_a_span() {
    let t = doc(
        r#"{"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2023-02-01", "end": "2023-02-20"},
                   {"id": "w", "kind": "other", "title": "W", "date": "2023-06-01"}"#,
    );
    let s = at(1000.0, &t);
    let (a, b) = s.marks[0].bar.expect("a span");
    let (w_x, v_x) = (s.marks[1].center.x, s.marks[0].center.x);
    let px_per_day = (w_x - a) / (days(2023, 6, 1) + 0.5 - days(2023, 2, 1));
    assert!(
        ((b - a) / px_per_day - 20.0).abs() < 0.01,
        "20 days, inclusive"
    );
    assert!(v_x > a && v_x < b);
}

/// Two visits whose periods overlap and whose markers fall on the same spot (a visit known only
/// to its year, another in June and July of it) each keep their mark, bar and card, stacked
/// in rows, rather than becoming one counted cluster: their bars already tell them apart.
#[test]
fn overlapping_periods_with_markers_on_one_spot_are_stacked_not_counted() {
    let t = doc(
        r#"{"id": "year", "kind": "monitoring-visit", "title": "Y", "date": "2023"},
           {"id": "summer", "kind": "monitoring-visit", "title": "S", "date": "2023-06", "end": "2023-07"},
           {"id": "later", "kind": "monitoring-visit", "title": "L", "date": "2025-01-10"}"#,
    );
    for width in [480.0, 1000.0] {
        let s = at(width, &t);
        let mark = |id: &str| {
            let i = t.events.iter().position(|e| e.id == id).unwrap();
            &s.marks[s.mark_of_event(i).unwrap()]
        };
        let (y, m) = (mark("year"), mark("summer"));
        assert_eq!(s.marks.len(), 3, "{width}");
        assert!(s.marks.iter().all(|m| m.cluster.is_none()), "{width}");
        assert!(y.bar.is_some() && m.bar.is_some(), "{width}");
        assert!((y.center.x - m.center.x).abs() < y.r, "{width}: one spot");
        assert!(
            (y.center.y - m.center.y).abs() >= 2.0 * y.r,
            "{width}: in rows of their own"
        );
    }
}

fn days(y: i32, m: u8, d: u8) -> f64 {
    inspection_timeline::date::days_from_civil(y, m, d) as f64
}

#[test]
fn everything_fits_from_phone_to_desktop() {
    let t = bury();
    for width in [320.0, 375.0, 480.0, 768.0, 1200.0] {
        let s = at(width, &t);
        assert_eq!(s.width, width);
        for m in &s.marks {
            assert!(
                m.center.x - m.r >= 0.0 && m.center.x + m.r <= width,
                "{width}: {m:?}"
            );
            assert!(m.center.y > 0.0 && m.center.y < s.height);
        }
        for l in &s.labels {
            let w = estimate_width(&l.text, l.px);
            let left = match l.anchor {
                layout::Anchor::Start => l.x,
                layout::Anchor::Middle => l.x - w / 2.0,
                layout::Anchor::End => l.x - w,
            };
            assert!(
                left >= 0.0 && left + w <= width + 0.5,
                "{width}: label {:?} overflows",
                l.text
            );
            assert!(
                l.y >= 0.0 && l.y + l.px <= s.height,
                "{width}: label {:?} below the chart",
                l.text
            );
        }
    }
}

#[test]
fn labels_in_one_row_never_overlap() {
    let t = bury();
    for width in [320.0, 375.0, 1200.0] {
        let s = at(width, &t);
        let mut boxes: Vec<(f64, f64, f64, &str)> = s
            .labels
            .iter()
            .map(|l| {
                let w = estimate_width(&l.text, l.px);
                let x0 = match l.anchor {
                    layout::Anchor::Start => l.x,
                    layout::Anchor::Middle => l.x - w / 2.0,
                    layout::Anchor::End => l.x - w,
                };
                (l.y, x0, x0 + w, l.text.as_str())
            })
            .collect();
        boxes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for pair in boxes.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if (a.0 - b.0).abs() < 1.0 {
                assert!(a.2 <= b.1, "{width}: {:?} overlaps {:?}", a.3, b.3);
            }
        }
    }
}

#[test]
fn monitoring_visits_are_counted_against_the_four_to_six_rule() {
    let t = bury();
    let s = at(800.0, &t);
    let numbers: Vec<Option<usize>> = s.marks.iter().map(|m| m.number).collect();
    assert_eq!(numbers, [None, Some(1), Some(2), Some(3), Some(4), None]);
    assert_eq!(
        card(&t, &Chronology::new(&t), s.marks[3].event, &Locale::en_gb())
            .count
            .as_deref(),
        Some("Visit 3 of the 4–6 before re-inspection")
    );
    assert!(s
        .labels
        .iter()
        .any(|l| l.text == "Monitoring visits: four so far; 4–6 come before re-inspection"));
}

#[test]
fn visits_after_a_better_grade_are_not_counted() {
    let t = doc(
        r#"{"id": "i", "kind": "inspection", "title": "I", "date": "2021", "rating": "inadequate"},
           {"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2022"},
           {"id": "r", "kind": "reinspection", "title": "R", "date": "2023-05", "rating": "good"},
           {"id": "w", "kind": "monitoring-visit", "title": "W", "date": "2024"}"#,
    );
    let n = Chronology::new(&t).numbers;
    assert_eq!(n, [None, Some(1), None, None]);
}

#[test]
fn the_rating_band_runs_from_the_judgement_and_fades_after_the_last_report() {
    let t = bury();
    let s = at(1000.0, &t);
    assert_eq!(s.bands.len(), 1);
    let band = &s.bands[0];
    let inspection = &s.marks[0];
    let (month_start, _) = inspection.bar.expect("November 2021 as a month");
    assert!(
        (band.rect.x0 - month_start).abs() < 1e-9,
        "the band starts with the inspection month"
    );
    let last_dated = &s.marks[4];
    assert!(
        (band.known_until - last_dated.bar.unwrap().1).abs() < 1e-9,
        "solid until the end of the last dated period"
    );
    assert!(
        band.rect.x1 > band.known_until,
        "a faded part reaches into the next zone"
    );
    assert_eq!(t.grades[band.grade].id, "inadequate");
    assert!(s
        .labels
        .iter()
        .any(|l| l.text == "Rated inadequate since November 2021"));
}

/// An expected event with a date years ahead does not make the rating look reported until
/// then: the band is solid to the last thing that took place and faded after it, in the wide
/// layout as in the phone one, and for each subject from its own reports.
#[test]
fn the_band_fades_after_the_last_report_not_at_an_expected_date() {
    let t = doc(
        r#"{"id": "i", "kind": "inspection", "title": "I", "date": "2022-01", "rating": "inadequate"},
           {"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2022-06-01"},
           {"id": "r", "kind": "reinspection", "title": "R", "date": "2030-06", "status": "expected"}"#,
    );
    for width in [320.0, 1000.0] {
        let s = at(width, &t);
        // On phones, the strip down the rows (the band across the top names the rating now).
        let band = s.bands.iter().find(|b| b.vertical == s.vertical).unwrap();
        let visit = s.mark_of_event(1).map(|m| &s.marks[m]).unwrap();
        let expected = s.mark_of_event(2).map(|m| &s.marks[m]).unwrap();
        if s.vertical {
            assert!(
                band.known_until < expected.center.y - 10.0,
                "{width}: {band:?}"
            );
        } else {
            assert!(
                (band.known_until - visit.center.x).abs() < 2.0,
                "{width}: solid until the visit's day: {} vs {}",
                band.known_until,
                visit.center.x
            );
            assert!(
                band.rect.x1 >= expected.center.x,
                "{width}: faded on to the re-inspection"
            );
        }
    }
}

/// A rating too recent for its words on the band's short solid part is named in full on its
/// long faded part, rather than shortened to "Inade…" beside an empty stretch.
#[test]
fn a_recent_rating_is_named_in_full_on_the_faded_part() {
    let t = doc(
        r#"{"id": "i", "kind": "inspection", "title": "I", "date": "2023-05-01", "rating": "inadequate"},
           {"id": "v", "kind": "monitoring-visit", "title": "V", "date": "2023-05-02"},
           {"id": "r", "kind": "reinspection", "title": "R", "status": "expected"}"#,
    );
    for width in [700.0, 1200.0] {
        let s = at(width, &t);
        let band = &s.bands[0];
        let label = s
            .labels
            .iter()
            .find(|l| l.y > band.rect.y0 && l.y < band.rect.y1)
            .expect("the band is named");
        assert_eq!(label.text, "Rated inadequate since 1 May 2023", "{width}");
        assert!(label.x >= band.known_until, "{width}: on the faded part");
    }
}

#[test]
fn a_later_graded_inspection_ends_the_band() {
    let t = doc(
        r#"{"id": "i", "kind": "inspection", "title": "I", "date": "2021-11", "rating": "inadequate"},
           {"id": "r", "kind": "reinspection", "title": "R", "date": "2024-03", "rating": "requires-improvement"}"#,
    );
    let s = at(900.0, &t);
    assert_eq!(s.bands.len(), 2);
    assert!((s.bands[0].rect.x1 - s.bands[1].rect.x0).abs() < 1e-9);
    assert_eq!(
        s.bands[0].rect.x1, s.bands[0].known_until,
        "a replaced rating is known, not assumed"
    );
}

#[test]
fn the_order_of_events_in_the_file_does_not_change_the_chart() {
    // Events with distinct dates: the drawing of each event must not depend on where the
    // journalist wrote it in the file.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let kinds = ["inspection", "monitoring-visit", "reinspection", "other"];
    for case in 0..40 {
        let n = 2 + rng.below(12) as usize;
        let mut events: Vec<String> = (0..n)
            .map(|i| {
                let kind = kinds[rng.below(4) as usize];
                let month = 1 + i % 12;
                let year = 2018 + i / 12;
                let rating = if kind == "inspection" {
                    r#", "rating": "inadequate""#
                } else {
                    ""
                };
                format!(
                    r#"{{"id": "e{i}", "kind": "{kind}", "title": "E{i}", "date": "{year}-{month:02}"{rating}}}"#
                )
            })
            .collect();
        let sorted = doc(&events.join(","));
        for i in (1..events.len()).rev() {
            events.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let shuffled = doc(&events.join(","));
        for width in [320.0, 700.0, 1100.0] {
            let (a, b) = (at(width, &sorted), at(width, &shuffled));
            assert_eq!(
                ids(&sorted, &a),
                ids(&shuffled, &b),
                "case {case} at {width}"
            );
            let geometry = |s: &Scene| -> Vec<_> {
                s.marks
                    .iter()
                    .map(|m| (m.center, m.bar, m.number, m.hit))
                    .collect()
            };
            assert_eq!(geometry(&a), geometry(&b), "case {case} at {width}");
            assert_eq!(a.labels, b.labels, "case {case} at {width}");
            assert_eq!(a.bands, b.bands, "case {case} at {width}");
        }
    }
}

#[test]
fn hit_test_finds_the_marker_under_the_pointer() {
    let t = bury();
    for width in [320.0, 1200.0] {
        let s = at(width, &t);
        for (i, m) in s.marks.iter().enumerate() {
            assert_eq!(s.hit_test(m.center), Some(i), "{width}: marker {i}");
            let nudge = Point {
                x: m.center.x + 3.0,
                y: m.center.y - 3.0,
            };
            assert_eq!(s.hit_test(nudge), Some(i), "{width}: near marker {i}");
        }
    }
}

#[test]
fn hit_test_between_markers_picks_the_nearest() {
    let t = doc(
        r#"{"id": "a", "kind": "monitoring-visit", "title": "A", "date": "2023-01-10"},
           {"id": "b", "kind": "monitoring-visit", "title": "B", "date": "2023-03-10"},
           {"id": "c", "kind": "other", "title": "C", "date": "2025-06-01"}"#,
    );
    // Two and a half years across 600 px put A and B about 35 px apart: their targets are
    // separate but both within reach of the pointer between them.
    let s = at(600.0, &t);
    let (a, b) = (s.marks[0].center, s.marks[1].center);
    let gap = b.x - a.x;
    assert!(gap > 2.0 * 12.0 + 8.0, "the markers are apart: {gap}");
    let left_of_middle = Point {
        x: a.x + gap * 0.45,
        y: a.y,
    };
    let right_of_middle = Point {
        x: a.x + gap * 0.55,
        y: a.y,
    };
    // Both points are within the hit radius of both targets: the nearer target wins.
    for p in [left_of_middle, right_of_middle] {
        for m in &s.marks[..2] {
            assert!(
                m.hit.distance(p) <= layout::HIT_RADIUS,
                "{p:?} is in reach of {:?}",
                m.hit
            );
        }
    }
    assert_eq!(s.hit_test(left_of_middle), Some(0));
    assert_eq!(s.hit_test(right_of_middle), Some(1));
    // Just outside one target, and nearer it than the other.
    assert_eq!(
        s.hit_test(Point {
            x: a.x + 14.0,
            y: a.y + 4.0
        }),
        Some(0)
    );
    assert_eq!(
        s.hit_test(Point {
            x: b.x - 14.0,
            y: b.y + 4.0
        }),
        Some(1)
    );
}

#[test]
fn each_bury_visit_is_its_own_bar_and_answers_at_its_middle() {
    let t = bury();
    for width in [480.0, 720.0, 1200.0] {
        let s = at(width, &t);
        let visits: Vec<usize> = (0..s.marks.len())
            .filter(|&i| s.marks[i].number.is_some())
            .collect();
        assert_eq!(visits.len(), 4, "four visits at {width}");
        for &i in &visits {
            let m = &s.marks[i];
            assert!(m.cluster.is_none(), "visit {i} is not clustered at {width}");
            let (a, b) = m.bar.unwrap_or((m.center.x, m.center.x));
            let middle = Point {
                x: (a + b) / 2.0,
                y: m.center.y,
            };
            assert_eq!(
                s.hit_test(middle),
                Some(i),
                "middle of visit {i} at {width}"
            );
            for &j in visits.iter().filter(|&&j| j != i) {
                let o = &s.marks[j];
                let same_row = (o.center.y - m.center.y).abs() < 1.0;
                let (c, d) = o.bar.unwrap_or((o.center.x - o.r, o.center.x + o.r));
                assert!(
                    !same_row || b <= c || d <= a,
                    "visits {i} and {j} overlap on one row at {width}"
                );
            }
        }
    }
}

#[test]
fn hit_test_finds_nothing_far_away() {
    let t = bury();
    let s = at(800.0, &t);
    assert_eq!(
        s.hit_test(Point {
            x: -100.0,
            y: -100.0
        }),
        None
    );
    assert_eq!(
        s.hit_test(Point {
            x: 400.0,
            y: s.height + 50.0
        }),
        None
    );
    // Between the lanes, far from any marker.
    let y = (s.marks[0].center.y + s.marks[1].center.y) / 2.0;
    assert_eq!(
        s.hit_test(Point {
            x: s.marks[0].center.x + 150.0,
            y
        }),
        None
    );
}

#[test]
fn hovering_shows_and_leaving_hides_the_card() {
    let t = bury();
    let s = at(800.0, &t);
    let st = State::default().step(Input::PointerMove(s.marks[2].center), &s);
    assert_eq!(st.card(), Some(2));
    let st = st.step(Input::PointerLeave, &s);
    assert_eq!(st.card(), None);
}

#[test]
fn a_tap_pins_and_a_tap_elsewhere_closes() {
    let t = bury();
    let s = at(375.0, &t);
    let st = State::default().step(Input::Tap(s.marks[1].center), &s);
    assert_eq!((st.pinned, st.card()), (Some(1), Some(1)));
    let st = st.step(Input::PointerMove(s.marks[3].center), &s);
    assert_eq!(
        st.card(),
        Some(1),
        "a pinned card stays while the pointer moves"
    );
    let st = st.step(
        Input::Tap(Point {
            x: 1.0,
            y: s.height - 1.0,
        }),
        &s,
    );
    assert_eq!(st.card(), None);
    let st = st
        .step(Input::Tap(s.marks[1].center), &s)
        .step(Input::Tap(s.marks[1].center), &s);
    assert_eq!(st.pinned, None, "tapping the same marker again closes it");
}

#[test]
fn the_keyboard_walks_every_event_and_enter_pins() {
    let t = bury();
    let s = at(800.0, &t);
    let mut st = State::default();
    let mut seen = Vec::new();
    for _ in 0..s.marks.len() + 2 {
        st = st.step(Input::Key(Key::Next), &s);
        seen.push(st.card().unwrap());
    }
    assert_eq!(seen, [0, 1, 2, 3, 4, 5, 5, 5]);
    st = st.step(Input::Key(Key::Previous), &s);
    assert_eq!(st.card(), Some(4));
    st = st.step(Input::Key(Key::Activate), &s);
    assert_eq!(st.pinned, Some(4));
    st = st.step(Input::Key(Key::Escape), &s);
    assert_eq!((st.pinned, st.card()), (None, None));
    st = st.step(Input::Key(Key::First), &s);
    assert_eq!(st.card(), Some(0));
    st = st.step(Input::Key(Key::Last), &s);
    assert_eq!(st.card(), Some(5));
    st = st.step(Input::Blur, &s);
    assert_eq!(st.card(), None);
}

#[test]
fn state_from_a_larger_chart_is_forgotten_on_new_data() {
    let t = doc(r#"{"id": "a", "kind": "other", "title": "A", "date": "2023"}"#);
    let s = at(800.0, &t);
    let st = State {
        hover: Some(4),
        focus: Some(5),
        pinned: Some(3),
        keyboard: true,
        ..State::default()
    };
    let st = st.step(Input::PointerLeave, &s);
    assert_eq!((st.hover, st.focus, st.pinned), (None, None, None));
}

#[test]
fn a_press_that_travels_is_a_scroll_and_one_that_stays_is_a_tap() {
    let t = bury();
    let s = at(375.0, &t);
    let row = s.marks[2].center;
    let moved = Point {
        x: row.x,
        y: row.y + 30.0,
    };
    let st = State::default()
        .step(Input::PointerDown(row), &s)
        .step(Input::PointerUp(moved), &s);
    assert_eq!(st.pinned, None, "a finger that travelled scrolled the page");
    let st = st
        .step(Input::PointerDown(row), &s)
        .step(Input::PointerCancel, &s)
        .step(Input::PointerUp(row), &s);
    assert_eq!(st.pinned, None, "a press the browser took over is no tap");
    let nudged = Point {
        x: row.x + 3.0,
        y: row.y + 4.0,
    };
    let st = st
        .step(Input::PointerDown(row), &s)
        .step(Input::PointerUp(nudged), &s);
    assert_eq!(st.pinned, Some(2), "a press that stayed put is a tap");
    let st = st.step(Input::OutsideDown, &s);
    assert_eq!(
        (st.pinned, st.card()),
        (None, None),
        "a press outside closes it"
    );
}

#[test]
fn escape_is_left_to_the_page_unless_a_card_shows() {
    let t = bury();
    let s = at(800.0, &t);
    let st = State::default();
    assert!(!st.takes(Key::Escape));
    assert!(st.takes(Key::Next));
    let st = st.step(Input::Key(Key::Next), &s);
    assert!(st.takes(Key::Escape));
    assert_eq!(
        Key::from_keydown("ArrowRight", true),
        None,
        "Ctrl+→ is the browser's"
    );
    assert_eq!(Key::from_keydown("ArrowRight", false), Some(Key::Next));
}

#[test]
fn keys_map_from_the_dom() {
    assert_eq!(Key::from_dom("ArrowRight"), Some(Key::Next));
    assert_eq!(Key::from_dom("ArrowLeft"), Some(Key::Previous));
    assert_eq!(Key::from_dom("Enter"), Some(Key::Activate));
    assert_eq!(Key::from_dom("Escape"), Some(Key::Escape));
    assert_eq!(Key::from_dom("Tab"), None, "Tab must leave the widget");
}

#[test]
fn the_card_writes_dates_at_their_precision() {
    let t = bury();
    let s = at(800.0, &t);
    let c = card(&t, &Chronology::new(&t), s.marks[0].event, &Locale::en_gb());
    assert_eq!(c.title, "Inspection: rated inadequate");
    assert_eq!(c.when.as_deref(), Some("Took place: November 2021"));
    assert_eq!(
        c.published.as_deref(),
        Some("Report published: December 2021")
    );
    assert_eq!(c.rating.as_deref(), Some("Rating: Inadequate"));
    let second = card(&t, &Chronology::new(&t), s.marks[2].event, &Locale::en_gb());
    assert_eq!(second.when, None, "no visit date is invented");
    assert_eq!(
        second.published.as_deref(),
        Some("Report published: November 2022")
    );
    let third = card(&t, &Chronology::new(&t), s.marks[3].event, &Locale::en_gb());
    assert_eq!(
        third.when.as_deref(),
        Some("Visit: February 2023 – May 2023")
    );
    assert!(third
        .findings
        .iter()
        .any(|f| f.tone == "negative" && f.quote));
    let next = card(&t, &Chronology::new(&t), s.marks[5].event, &Locale::en_gb());
    assert_eq!(next.status.as_deref(), Some("Expected; no date announced"));
}

/// A viewport tall enough for any card.
const ANYWHERE: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);

/// A 340 px card `h` tall for `m` on a screen `screen` tall whose top is at `top` in the
/// chart: where it goes, and the top and bottom of what shows of it.
fn card_on_screen(
    s: &Scene,
    m: &layout::Mark,
    h: f64,
    top: f64,
    screen: f64,
) -> (layout::CardPlace, f64, f64) {
    let p = layout::place_card(s, m, 340.0, h, (top, top + screen));
    let shown = p.max_height.map_or(h, |cut| h.min(cut));
    (p, p.at.y, p.at.y + shown)
}

/// Whether a card placed at `p`, 340 px wide (or the widget's width), from `y0` to `y1`
/// leaves mark `m` uncovered: above or below it, or beside it.
fn beside(s: &Scene, m: &layout::Mark, p: &layout::CardPlace, y0: f64, y1: f64) -> bool {
    let w = 340.0_f64.min(s.width);
    y1 <= m.center.y - m.r
        || y0 >= m.center.y + m.r
        || p.at.x >= m.center.x + m.r
        || p.at.x + w <= m.center.x - m.r
}

#[test]
fn a_card_goes_where_the_screen_shows_it_and_never_over_its_own_mark() {
    let t = bury();
    let mut rng = Rng(0xc0ff_ee00);
    for width in [375.0, 720.0, 1200.0] {
        let s = at(width, &t);
        for m in &s.marks {
            for _ in 0..60 {
                let h = 80.0 + rng.below(900) as f64;
                let screen = 560.0 + rng.below(500) as f64;
                // The chart scrolled anywhere that keeps the mark on the screen.
                let top = m.center.y - 20.0 - rng.below((screen - 40.0) as u64) as f64;
                let (p, y0, y1) = card_on_screen(&s, m, h, top, screen);
                let case = format!("{width} px, card {h} on a {screen} screen from {top}: {p:?}");
                assert!(
                    y0 >= top - 1e-9 && y1 <= top + screen + 1e-9,
                    "off the screen: {case}"
                );
                assert!(beside(&s, m, &p, y0, y1), "over its own mark: {case}");
                assert!(p.at.x >= 0.0 && p.at.x + 340.0_f64.min(s.width) <= s.width + 1e-9);
            }
        }
    }
}

#[test]
fn a_card_that_would_run_past_a_clipping_column_is_known_to() {
    let t = bury();
    let mut rng = Rng(0x5eed_c11b);
    for width in [375.0, 720.0] {
        let s = at(width, &t);
        let w = 340.0_f64.min(s.width);
        // A column exactly as tall as the chart, cutting off whatever hangs below it.
        let column = layout::Rect {
            x0: 0.0,
            y0: 0.0,
            x1: s.width,
            y1: s.height,
        };
        for m in &s.marks {
            for _ in 0..40 {
                let h = 40.0 + rng.below(800) as f64;
                let p = layout::place_card(&s, m, w, h, ANYWHERE);
                let bottom = p.at.y + p.max_height.map_or(h, |cut| h.min(cut));
                let case = format!("{width} px, card {h} tall at {p:?}, chart {}", s.height);
                assert_eq!(p.inside(w, h, &column), bottom <= s.height + 0.5, "{case}");
                let growing = layout::Rect {
                    y1: f64::INFINITY,
                    ..column
                };
                assert!(p.inside(w, h, &growing), "nothing cuts it: {case}");
                let narrow = layout::Rect {
                    x1: p.at.x + w - 2.0,
                    ..growing
                };
                assert!(!p.inside(w, h, &narrow), "cut at its right: {case}");
            }
        }
    }
}

#[test]
fn the_card_stays_inside_the_widget_and_below_every_marker() {
    let t = bury();
    let s = at(600.0, &t);
    for m in &s.marks {
        let p = layout::place_card(&s, m, 340.0, 300.0, ANYWHERE).at;
        assert!(p.x >= 0.0 && p.x + 340.0 <= s.width + 1e-9, "{p:?}");
        for other in &s.marks {
            assert!(
                p.y > other.center.y + other.r,
                "the card would hide {other:?}"
            );
        }
    }
    let p = layout::place_card(&s, &s.marks[0], 800.0, 300.0, ANYWHERE).at;
    assert_eq!(
        p.x, 0.0,
        "a card wider than the widget starts at its left edge"
    );
    let wide = at(1200.0, &t);
    let last = wide.marks.last().unwrap();
    let p = layout::place_card(&wide, last, 340.0, 300.0, ANYWHERE).at;
    assert_eq!(
        p.x,
        1200.0 - 340.0,
        "a card at the right edge is pulled inside"
    );
}

#[test]
fn phones_get_one_row_per_event_down_the_page() {
    let t = bury();
    for width in [320.0, 375.0, 479.0] {
        let s = at(width, &t);
        assert!(s.vertical, "{width}");
        assert_eq!(
            ids(&t, &s),
            ids(&t, &at(1200.0, &t)),
            "the same reading order as on a desktop"
        );
        for pair in s.marks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.hit.y1 <= b.hit.y0, "rows do not overlap");
            assert_eq!(a.center.x, b.center.x, "markers line up on one spine");
        }
        for m in &s.marks {
            assert!(
                m.hit.y1 - m.hit.y0 >= 44.0 && m.hit.x0 == 0.0 && m.hit.x1 == width,
                "a whole-row tap target: {:?}",
                m.hit
            );
            assert_eq!(
                s.hit_test(Point {
                    x: width - 5.0,
                    y: (m.hit.y0 + m.hit.y1) / 2.0
                }),
                s.mark_of_event(m.event)
            );
        }
    }
    assert!(!at(480.0, &t).vertical);
}

#[test]
fn phone_rows_write_out_dates_and_titles() {
    let t = bury();
    let s = at(375.0, &t);
    let texts: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    for expected in [
        "Rated inadequate since November 2021",
        "November 2021 · Inspection · Inadequate",
        "Inspection: rated inadequate",
        "2022 · Visit 1 of 4–6",
        "Report published November 2022 · Visit 2 of 4–6",
        "February 2023 – May 2023 · Visit 3 of 4–6",
        "Date not announced · Re-inspection (expected)",
        "2021",
        "2022",
        "2023",
        "Next",
    ] {
        assert!(
            texts.contains(&expected),
            "{expected:?} missing from {texts:#?}"
        );
    }
}

#[test]
fn on_phones_the_rating_runs_down_beside_the_rows_it_covers() {
    let t = bury();
    let s = at(375.0, &t);
    let strip = s
        .bands
        .iter()
        .find(|b| b.vertical)
        .expect("a strip down the side");
    let first = &s.marks[0];
    let last_done = &s.marks[4];
    let expected = &s.marks[5];
    assert!(
        strip.rect.y0 >= first.hit.y0 && strip.rect.y0 < first.center.y,
        "starts at the inspection's row"
    );
    assert!(
        (strip.known_until - (last_done.hit.y1 - 6.0)).abs() < 1e-9,
        "solid to the last report"
    );
    assert!(
        strip.rect.y1 > expected.center.y,
        "fading beside the expected re-inspection"
    );
    let card = layout::place_card(&s, &s.marks[2], 340.0, 300.0, ANYWHERE).at;
    assert_eq!(
        card,
        Point {
            x: 0.0,
            y: s.marks[2].hit.y1
        },
        "a phone card opens under its row"
    );
}

#[test]
fn the_summary_sentence_comes_from_the_data() {
    assert_eq!(
        describe(&bury(), &Chronology::new(&bury()), &Locale::en_gb()),
        "Bury Council children's services was rated inadequate by Ofsted in November 2021; four monitoring visits since; re-inspection expected after four to six monitoring visits."
    );
}

/// After a re-inspection that lifted the rating, the visits before it are history: the
/// description counts none since, and the lane no longer counts towards a re-inspection that
/// has happened. A date known to the day is "on" it, and a title that starts with the
/// subject's name keeps its capital.
#[test]
fn visits_are_counted_since_the_rating_in_force() {
    let t = parse(
        r#"{"version": 1, "title": "T", "subject": "Sampleford council", "events": [
        {"id": "i", "kind": "inspection", "title": "Inspection", "date": "2016-03", "rating": "inadequate"},
        {"id": "v1", "kind": "monitoring-visit", "title": "Visit", "date": "2016-09"},
        {"id": "v2", "kind": "monitoring-visit", "title": "Visit", "date": "2017-02"},
        {"id": "r", "kind": "reinspection", "title": "Re-inspection", "date": "2018-01-20", "rating": "requires-improvement"},
        {"id": "n", "kind": "inspection", "title": "Sampleford inspection", "status": "expected"}]}"#,
    )
    .unwrap();
    let c = Chronology::new(&t);
    assert_eq!(c.visits(0), 0);
    assert_eq!(
        describe(&t, &c, &Locale::en_gb()),
        "Sampleford council was rated requires improvement on 20 January 2018; Sampleford inspection expected."
    );
    let s = at(900.0, &t);
    assert!(
        s.labels.iter().any(|l| l.text == "Monitoring visits"),
        "the lane counts nothing: {:?}",
        s.labels.iter().map(|l| &l.text).collect::<Vec<_>>()
    );
    // The same visits, with the re-inspection still to come, are counted.
    let pending = parse(
        r#"{"version": 1, "title": "T", "events": [
        {"id": "i", "kind": "inspection", "title": "Inspection", "date": "2016-03", "rating": "inadequate"},
        {"id": "v1", "kind": "monitoring-visit", "title": "Visit", "date": "2016-09"},
        {"id": "v2", "kind": "monitoring-visit", "title": "Visit", "date": "2017-02"},
        {"id": "r", "kind": "reinspection", "title": "Re-inspection", "status": "expected"}]}"#,
    )
    .unwrap();
    assert_eq!(Chronology::new(&pending).visits(0), 2);
}

/// With nothing rated yet, the sentence still says whom it is about.
#[test]
fn a_description_without_a_rating_names_its_subject() {
    let t = parse(
        r#"{"version": 1, "title": "What happens next", "subject": "Eastborough Council", "events": [
        {"id": "v", "kind": "monitoring-visit", "title": "First monitoring visit", "status": "expected"}]}"#,
    )
    .unwrap();
    assert_eq!(
        describe(&t, &Chronology::new(&t), &Locale::en_gb()),
        "Eastborough Council: first monitoring visit expected."
    );
}

/// A generated history of `n` events: any kind, dates at every precision (some with an end,
/// some with a publication), several undated expected events, long titles, and now and then a
/// scale whose grade labels and lanes whose names are far wider than the chart.
fn generated(rng: &mut Rng, n: usize) -> Timeline {
    let kinds = ["inspection", "monitoring-visit", "reinspection", "other"];
    let long = rng.below(3) == 0;
    let grade = if long {
        "an extraordinarily long grade label that no chart could ever fit on one line at all"
    } else {
        "inadequate"
    };
    let span = 1 + rng.below(40) as i64;
    let events: Vec<String> = (0..n)
        .map(|i| {
            let kind = kinds[rng.below(4) as usize];
            let year = 1990 + rng.below(span as u64) as i64;
            let (m, d) = (1 + rng.below(12), 1 + rng.below(28));
            let date = match rng.below(8) {
                0 => String::new(),
                1 => format!(r#", "date": "{year}""#),
                2 => format!(r#", "date": "{year}-Q{}""#, 1 + rng.below(4)),
                3 => format!(r#", "date": "{year}-{m:02}", "end": "{}-{m:02}""#, year + 1),
                4 => format!(r#", "date": "{year}-{m:02}", "published": "{}-01""#, year + 1),
                _ => format!(r#", "date": "{year}-{m:02}-{d:02}""#),
            };
            let status = if date.is_empty() {
                r#", "status": "expected""#
            } else {
                ""
            };
            let rating = if kind == "inspection" && !date.is_empty() {
                r#", "rating": "g""#
            } else {
                ""
            };
            let lane = if long && rng.below(4) == 0 {
                r#", "lane": "A lane whose name goes on and on far beyond the width of any phone or desktop screen""#
            } else {
                ""
            };
            let title = "A long title ".repeat(1 + rng.below(6) as usize);
            format!(
                r#"{{"id": "e{i}", "kind": "{kind}", "title": "{title}{i}"{date}{status}{rating}{lane}}}"#
            )
        })
        .collect();
    parse(&format!(
        r##"{{"version": 1, "title": "T", "scale": [{{"id": "g", "label": "{grade}", "color": "#b00020"}}], "events": [{}]}}"##,
        events.join(",")
    ))
    .unwrap_or_else(|p| panic!("{p:#?}"))
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Where a mark draws across the chart: its marker, bar, publication tick or cluster reach.
fn drawn(m: &layout::Mark) -> (f64, f64) {
    let mut x = (m.center.x - m.r * 1.3, m.center.x + m.r * 1.3);
    for (a, b) in [m.bar, m.cluster.as_ref().map(|c| c.reach)]
        .into_iter()
        .flatten()
    {
        x = (x.0.min(a), x.1.max(b));
    }
    if let Some(p) = m.published_x {
        x = (x.0.min(p - 1.0), x.1.max(p + 1.0));
    }
    x
}

#[test]
fn at_any_density_and_width_nothing_collides_or_leaves_the_canvas() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for case in 0..60 {
        let n = [1, 3, 8, 30, 120, 400][case % 6];
        let t = generated(&mut rng, n);
        let width = [320.0, 480.0, 600.0, 900.0, 1400.0][rng.below(5) as usize];
        // The page's font may set text wider than the estimate (Verdana, DejaVu Sans).
        let wide = [1.0, 1.15, 1.3, 1.5][case % 4];
        let c = Chronology::new(&t);
        let s = layout(
            &t,
            &c,
            &LayoutConfig {
                width,
                text_width: wide,
                ..LayoutConfig::default()
            },
        );
        let every: usize = s
            .marks
            .iter()
            .map(|m| m.cluster.as_ref().map_or(1, |c| c.events.len()))
            .sum();
        assert_eq!(every, n, "case {case}: every event is drawn once");
        for (i, m) in s.marks.iter().enumerate() {
            let (x0, x1) = drawn(m);
            assert!(
                x0 >= 0.0 && x1 <= s.width,
                "case {case}: mark {i} leaves the canvas: {x0}..{x1} of {width}"
            );
            assert!(
                m.center.y + m.r <= s.height,
                "case {case}: mark {i} below the canvas"
            );
            // The mark's own centre picks it, whatever is near.
            assert_eq!(
                s.hit_test(m.center),
                Some(i),
                "case {case}: the centre of mark {i} picks another"
            );
            for (j, o) in s.marks.iter().enumerate().skip(i + 1) {
                if (o.center.y - m.center.y).abs() < 1.0 {
                    assert!(
                        !overlaps((x0, x1), drawn(o)),
                        "case {case} at {width}: marks {i} and {j} overlap in a row"
                    );
                }
            }
        }
        let boxes: Vec<(f64, f64, f64, f64)> = s
            .labels
            .iter()
            .map(|l| {
                let w = estimate_width(&l.text, l.px) * wide;
                let x0 = match l.anchor {
                    layout::Anchor::Start => l.x,
                    layout::Anchor::Middle => l.x - w / 2.0,
                    layout::Anchor::End => l.x - w,
                };
                (x0, x0 + w, l.y, l.y + l.px)
            })
            .collect();
        for (k, b) in boxes.iter().enumerate() {
            assert!(
                b.0 >= -0.5 && b.1 <= s.width + 0.5,
                "case {case}: label {:?} leaves the canvas at {width}",
                s.labels[k].text
            );
            for (k2, o) in boxes.iter().enumerate().skip(k + 1) {
                let clash = overlaps((b.0, b.1), (o.0, o.1)) && overlaps((b.2, b.3), (o.2, o.3));
                assert!(
                    !clash,
                    "case {case} at {width}: labels {:?} and {:?} overlap",
                    s.labels[k].text, s.labels[k2].text
                );
            }
            for m in &s.marks {
                let r = m.r;
                let hits = overlaps((b.0, b.1), (m.center.x - r, m.center.x + r))
                    && overlaps((b.2, b.3), (m.center.y - r, m.center.y + r));
                assert!(
                    !hits,
                    "case {case} at {width}: label {:?} covers a mark",
                    s.labels[k].text
                );
            }
        }
    }
}

#[test]
fn every_event_is_reachable_by_keyboard_at_every_zoom() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for case in 0..12 {
        let t = generated(&mut rng, [20, 80, 300][case % 3]);
        let c = Chronology::new(&t);
        let cfg = LayoutConfig {
            width: 900.0,
            ..LayoutConfig::default()
        };
        let whole = layout(&t, &c, &cfg);
        let Some(time) = &whole.time else { continue };
        for zoom in [1.0, 4.0, 40.0] {
            let mid = time.full.start + (time.full.end - time.full.start) * (case as f64 / 12.0);
            let mut cfg = cfg.clone();
            cfg.view = Some(time.full.zoom(mid, zoom, time.full));
            let mut scene = layout(&t, &c, &cfg);
            let mut state = State {
                view: cfg.view,
                ..State::default()
            };
            let first = state.step(Input::Key(Key::First), &scene);
            // A window with nothing in it pans to the first event, as the shell would draw.
            if first.view != state.view {
                cfg.view = first.view;
                let new = layout(&t, &c, &cfg);
                state = first.carry(&scene, &new);
                scene = new;
            } else {
                state = first;
            }
            let mut seen = std::collections::HashSet::new();
            // Walk back to the very first event, then forward through all of them.
            for forward in [false, true] {
                if forward {
                    let m = &scene.marks[state.focus.expect("the keyboard has a focus")];
                    seen.insert(m.event);
                    seen.extend(m.cluster.iter().flat_map(|c| c.events.iter().copied()));
                }
                for _ in 0..(t.events.len() * 2 + 10) {
                    let next = state.step(
                        Input::Key(if forward { Key::Next } else { Key::Previous }),
                        &scene,
                    );
                    if next.view != state.view {
                        cfg.view = next.view;
                        let new = layout(&t, &c, &cfg);
                        state = next.carry(&scene, &new);
                        scene = new;
                    } else if next == state {
                        break;
                    } else {
                        state = next;
                    }
                    if forward {
                        let m = &scene.marks[state.focus.expect("the keyboard has a focus")];
                        seen.insert(m.event);
                        seen.extend(m.cluster.iter().flat_map(|c| c.events.iter().copied()));
                    }
                }
            }
            assert_eq!(
                seen.len(),
                t.events.len(),
                "case {case}, zoom {zoom}: every event reached"
            );
        }
    }
}

/// A bar with an end cap there ends where its period does; a bar with no cap at an end runs
/// on past the window shown, whatever the history, width and zoom.
#[test]
fn a_bar_has_an_end_only_where_its_period_ends() {
    let mut rng = Rng(0x0ba2_c0de);
    let mut cut = 0;
    for case in 0..40 {
        let n = 1 + rng.pick(40);
        let t = generated(&mut rng, n);
        let c = Chronology::new(&t);
        let width = 480.0 + rng.below(800) as f64;
        let whole = showing(&t, &c, width, None);
        let Some(time) = &whole.time else { continue };
        let anchor = time.full.start + time.full.days() * rng.below(101) as f64 / 100.0;
        let view = time
            .full
            .zoom(anchor, [1.0, 3.0, 12.0][case % 3], time.full);
        let s = showing(&t, &c, width, Some(view));
        let tw = s.time.as_ref().unwrap();
        for m in s.marks.iter().filter(|m| m.cluster.is_none()) {
            let Some((a, b)) = m.bar else { continue };
            let (first, last) = t.events[m.event].span().unwrap();
            let (d0, d1) = (first.first_day() as f64, (last.last_day() + 1) as f64);
            for (end, day, at, before) in [(0, d0, a, true), (1, d1, b, false)] {
                if m.bar_cut[end] {
                    cut += 1;
                    let beyond = if before {
                        day < tw.shown.start
                    } else {
                        day > tw.shown.end
                    };
                    assert!(
                        beyond,
                        "case {case}: event {}'s bar is cut, but its period ends inside the window",
                        m.event
                    );
                } else {
                    assert!(
                        (tw.scale.map(day) - at).abs() < 0.5,
                        "case {case}: event {}'s bar ends at {at}, its period at {}",
                        m.event,
                        tw.scale.map(day)
                    );
                }
            }
        }
    }
    assert!(cut > 0, "some bars were cut by a window");
}

/// Home and End reach the first and last events of the whole history from a zoomed window,
/// panning to them as the shell would draw, not only the first and last marks in the window.
#[test]
fn home_and_end_reach_the_ends_of_the_history_from_any_window() {
    let mut rng = Rng(0x4e0d_e4d5);
    for case in 0..12 {
        let t = generated(&mut rng, [20, 80, 300][case % 3]);
        let c = Chronology::new(&t);
        let mut cfg = LayoutConfig {
            width: 900.0,
            ..LayoutConfig::default()
        };
        let whole = layout(&t, &c, &cfg);
        let Some(time) = &whole.time else { continue };
        // The reading order's first and last events.
        let (first, last) = (c.order[0], c.order[c.order.len() - 1]);
        for key in [Key::First, Key::Last] {
            let mid = time.full.start + (time.full.end - time.full.start) * (case as f64 / 12.0);
            cfg.view = Some(time.full.zoom(mid, 8.0, time.full));
            let mut scene = layout(&t, &c, &cfg);
            let mut state = State {
                view: cfg.view,
                ..State::default()
            };
            // A key may pan and then, in the window drawn for it, land.
            for _ in 0..3 {
                let next = state.step(Input::Key(key), &scene);
                if next.view != state.view {
                    cfg.view = next.view;
                    let new = layout(&t, &c, &cfg);
                    state = next.carry(&scene, &new);
                    scene = new;
                } else {
                    state = next;
                }
            }
            let m = &scene.marks[state.focus.expect("the keyboard has a focus")];
            let reached: Vec<usize> = std::iter::once(m.event)
                .chain(m.cluster.iter().flat_map(|c| c.events.iter().copied()))
                .collect();
            let want = if key == Key::First { first } else { last };
            assert!(
                reached.contains(&want),
                "case {case}, {key:?}: reached {reached:?}, not event {want}"
            );
        }
    }
}

#[test]
fn zooming_in_then_out_keeps_the_date_under_the_pointer() {
    let mut rng = Rng(0x0dd_ba11);
    let mut moved = 0;
    for case in 0..60 {
        let t = generated(&mut rng, 40);
        let c = Chronology::new(&t);
        let scene = layout(
            &t,
            &c,
            &LayoutConfig {
                width: 800.0,
                ..LayoutConfig::default()
            },
        );
        let Some(time) = &scene.time else { continue };
        let (x0, x1) = time.scale.range;
        let x = x0 + rng.below((x1 - x0) as u64) as f64;
        let day = time.scale.invert(x);
        // A turn of the wheel or a pinch (small steps), and the buttons' and keys' larger ones.
        let factor = [1.1, 1.25, 1.5, 2.0, 4.0, 8.0][rng.pick(6)];
        let s = State::default().step(
            Input::Zoom {
                at: Point { x, y: 100.0 },
                factor,
            },
            &scene,
        );
        let zoomed = showing(&t, &c, 800.0, s.view);
        let zt = zoomed.time.as_ref().unwrap();
        let now = zt.scale.map(day);
        if (now - x).abs() >= 0.5 {
            // Only a window stopped by the end of the history, where the next zone takes back
            // its room, may move the day, and then by at most that room's share; and only a
            // day in the last part of the time shown, too near the end for any window of
            // about the width asked for to keep it in place.
            let [(a, short), (_, to_end)] = zt.runs;
            let least = a + (x - a) * (to_end - a) / (short - a);
            assert!(
                zt.shown.reaches_end(zt.full) && now <= x && now >= least - 0.5,
                "case {case}: the day under the pointer moved from {x} to {now} when zooming in"
            );
            assert!(
                (x - x0) / (x1 - x0) > 0.6,
                "case {case}: the day at {x}, in the first part of {x0}..{x1}, moved to {now}"
            );
            moved += 1;
        }
        let back = s.step(
            Input::Zoom {
                at: Point { x, y: 100.0 },
                factor: 1.0 / factor,
            },
            &zoomed,
        );
        assert_eq!(
            back.view, None,
            "case {case}: zooming back out shows everything again"
        );
    }
    assert!(
        moved < 60 / 2,
        "the day under the pointer stays put in most cases, not only at the end ({moved} moved)"
    );
}

#[test]
fn on_phones_a_long_history_is_grouped_by_year_and_a_tap_opens_a_year() {
    // A thousand events over thirty years, as a long-running story would have them.
    let events: Vec<String> = (0..1000)
        .map(|i| {
            let kind = ["monitoring-visit", "other", "inspection"][i % 3];
            let rating = if kind == "inspection" {
                r#", "rating": "inadequate""#
            } else {
                ""
            };
            let (year, month, day) = (1995 + i * 30 / 1000, 1 + i * 7 % 12, 1 + i * 13 % 28);
            format!(
                r#"{{"id": "e{i}", "kind": "{kind}", "title": "Event {i}", "date": "{year}-{month:02}-{day:02}"{rating}}}"#
            )
        })
        .collect();
    let t = doc(&events.join(","));
    let c = Chronology::new(&t);
    let cfg = LayoutConfig {
        width: 375.0,
        ..LayoutConfig::default()
    };
    let s = layout(&t, &c, &cfg);
    let drawn: usize = s
        .marks
        .iter()
        .map(|m| m.cluster.as_ref().map_or(1, |c| c.events.len()))
        .sum();
    assert_eq!(drawn, 1000, "every event is in a row or a year's group");
    assert!(
        s.height < 12_000.0,
        "1,000 events make a page {} px tall",
        s.height
    );
    let groups: Vec<usize> = (0..s.marks.len())
        .filter(|&i| s.marks[i].cluster.is_some())
        .collect();
    assert!(groups.len() > 5, "closed years: {}", groups.len());
    let g = groups[0];
    let state = State::default().step(Input::Tap(s.marks[g].center), &s);
    let year = state.open.expect("the tap opened a year");
    let opened = layout(
        &t,
        &c,
        &LayoutConfig {
            open_year: Some(year),
            ..cfg.clone()
        },
    );
    let state = state.carry(&s, &opened);
    let m = &opened.marks[state.focus.expect("the year's first event has the focus")];
    assert!(
        m.cluster.is_none(),
        "the opened year shows its events one by one"
    );
    assert_eq!(m.event, s.marks[g].event);
    let texts: Vec<&str> = opened.labels.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&year.to_string().as_str()));
}

/// Where a label's words lie, as far as the estimate of text width tells: (x0, y0, x1, y1).
fn label_box(l: &layout::Label) -> (f64, f64, f64, f64) {
    let w = estimate_width(&l.text, l.px);
    let x0 = match l.anchor {
        layout::Anchor::Start => l.x,
        layout::Anchor::Middle => l.x - w / 2.0,
        layout::Anchor::End => l.x - w,
    };
    (x0, l.y, x0 + w, l.y + l.px)
}

/// The zoom buttons have their row at the top of the chart from the first drawing, and the
/// overview strip comes beside them while zoomed: zooming moves neither, whatever rows the
/// lanes need for what the window shows, and they cover no label, no mark and no band. A
/// still image has no buttons and no room for them.
#[test]
fn zooming_moves_neither_the_zoom_buttons_nor_the_overview_strip() {
    let mut rng = Rng(0x2004_b077);
    for case in 0..40 {
        let t = if case == 0 {
            bury()
        } else {
            let n = 3 + rng.pick(60);
            generated(&mut rng, n)
        };
        let c = Chronology::new(&t);
        let width = 480.0 + rng.below(900) as f64;
        let cfg = |view| LayoutConfig {
            width,
            view,
            zoom_buttons: true,
            ..LayoutConfig::default()
        };
        let whole = layout(&t, &c, &cfg(None));
        let still = showing(&t, &c, width, None);
        assert_eq!(still.zoom_buttons, None, "case {case}");
        let Some(time) = &whole.time else {
            assert_eq!(whole.zoom_buttons, None, "case {case}: nothing to zoom");
            continue;
        };
        let b = whole
            .zoom_buttons
            .expect("buttons on a chart with time across");
        assert!(
            still.height < whole.height,
            "case {case}: a still image keeps no room"
        );
        let mut overview = None;
        for _ in 0..3 {
            let factor = 1.5 + rng.below(30) as f64;
            let anchor = time.full.start + time.full.days() * rng.below(101) as f64 / 100.0;
            let view = time.full.zoom(anchor, factor, time.full);
            let zoomed = layout(&t, &c, &cfg(Some(view)));
            assert_eq!(zoomed.zoom_buttons, Some(b), "case {case}");
            let o = zoomed
                .overview
                .as_ref()
                .expect("the strip while zoomed")
                .rect;
            assert_eq!(
                *overview.get_or_insert(o),
                o,
                "case {case}: the strip stays"
            );
            assert!(
                o.x1 < b.x0 && o.y1 > b.y0 && o.y0 < b.y1,
                "case {case}: beside"
            );
            for s in [&whole, &zoomed] {
                assert!(b.x0 >= 0.0 && b.x1 <= width && b.y0 >= 0.0, "case {case}");
                for l in &s.labels {
                    let (x0, y0, x1, y1) = label_box(l);
                    let apart = x1 <= b.x0 || x0 >= b.x1 || y1 <= b.y0 || y0 >= b.y1;
                    assert!(
                        apart,
                        "case {case}: {:?} is under the buttons {b:?}",
                        l.text
                    );
                    assert!(
                        y0 >= o.y1 || y1 <= o.y0 || x0 >= o.x1,
                        "case {case}: {:?}",
                        l.text
                    );
                }
                for m in &s.marks {
                    assert!(m.hit.y0 >= b.y1, "case {case}: a mark under the buttons");
                }
                for band in &s.bands {
                    assert!(
                        band.rect.y0 >= b.y1,
                        "case {case}: a band under the buttons"
                    );
                }
            }
        }
    }
}

/// Over a long history the gridlines up the chart follow the labelled years (every fifth or
/// tenth), not every year's tick.
#[test]
fn a_long_history_has_a_gridline_per_labelled_year_not_per_year() {
    let events: Vec<String> = (0..40)
        .map(|k| {
            format!(
                r#"{{"id": "e{k}", "kind": "other", "title": "E", "date": "{}"}}"#,
                1925 + k * 2
            )
        })
        .collect();
    let t = doc(&events.join(","));
    let s = at(720.0, &t);
    let ticks = &s.axis.as_ref().unwrap().ticks;
    let majors = ticks.iter().filter(|t| t.major).count();
    let grid = ticks.iter().filter(|t| t.grid).count();
    assert!(ticks.iter().all(|t| t.major || !t.grid));
    assert!(
        grid >= 3 && grid * 4 <= majors,
        "{grid} gridlines for {majors} years"
    );
    // A short one keeps a gridline a year.
    let s = at(720.0, &bury());
    let ticks = &s.axis.as_ref().unwrap().ticks;
    assert!(ticks.iter().filter(|t| t.major).all(|t| t.grid));
}

/// Every axis says which year it shows: a year's own label, or a month's with its year ("Mar
/// 2022") or a day's with its month and year ("21 Nov 2022") before the first of those,
/// whatever the history, width and window; no month's name or day's number alone comes
/// before the first year said.
#[test]
fn the_axis_always_says_its_year() {
    let mut rng = Rng(0x0a71_5ea2);
    let year_of = |text: &str| {
        text.split(' ')
            .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    for case in 0..60 {
        let n = 1 + rng.pick(30);
        let t = generated(&mut rng, n);
        let c = Chronology::new(&t);
        let width = 480.0 + rng.below(900) as f64;
        let whole = showing(&t, &c, width, None);
        let Some(time) = &whole.time else { continue };
        // Up to the closest zoom, where days show.
        let factor = [1.0, 2.0, 8.0, 60.0, 600.0][rng.pick(5)] * (1.0 + rng.below(4) as f64);
        let anchor = time.full.start + time.full.days() * rng.below(101) as f64 / 100.0;
        let view = time.full.zoom(anchor, factor, time.full);
        let s = showing(&t, &c, width, Some(view));
        let axis_y = s.axis.as_ref().unwrap().y + 8.0;
        let mut labels: Vec<&layout::Label> = s.labels.iter().filter(|l| l.y == axis_y).collect();
        labels.sort_by(|a, b| a.x.total_cmp(&b.x));
        let texts: Vec<&str> = labels.iter().map(|l| l.text.as_str()).collect();
        let first = texts.iter().position(|t| year_of(t));
        assert!(
            first.is_some(),
            "case {case}, {width}: no year on the axis: {texts:?}"
        );
        assert_eq!(
            first,
            Some(0),
            "case {case}: {:?} before the first year: {texts:?}",
            &texts[..first.unwrap()]
        );
    }
    // A history inside one year.
    let t = doc(
        r#"{"id": "a", "kind": "inspection", "title": "A", "date": "2022-03-10", "rating": "inadequate"},
           {"id": "b", "kind": "monitoring-visit", "title": "B", "date": "2022-10-01"}"#,
    );
    let s = at(720.0, &t);
    let axis_y = s.axis.as_ref().unwrap().y + 8.0;
    assert!(s
        .labels
        .iter()
        .any(|l| l.y == axis_y && l.text.ends_with(" 2022")));
}

#[test]
fn a_zoomed_chart_has_an_overview_that_counts_every_event_and_moves_the_window() {
    let mut rng = Rng(0xabcd_ef01);
    for case in 0..10 {
        let t = generated(&mut rng, 200);
        let c = Chronology::new(&t);
        let cfg = LayoutConfig {
            width: 900.0,
            ..LayoutConfig::default()
        };
        let whole = layout(&t, &c, &cfg);
        assert!(
            whole.overview.is_none(),
            "no overview while everything shows"
        );
        let Some(time) = &whole.time else { continue };
        let view = time.full.zoom(time.full.middle(), 6.0, time.full);
        let zoomed = layout(
            &t,
            &c,
            &LayoutConfig {
                view: Some(view),
                ..cfg.clone()
            },
        );
        let o = zoomed.overview.as_ref().expect("an overview while zoomed");
        let dated = t.events.iter().filter(|e| e.span().is_some()).count();
        assert_eq!(
            o.counts.iter().map(|&n| n as usize).sum::<usize>(),
            dated,
            "case {case}"
        );
        assert!(
            o.window.0 >= o.rect.x0 - 1e-6 && o.window.1 <= o.rect.x1 + 1e-6,
            "case {case}"
        );
        assert!(
            o.rect.y1 <= zoomed.height,
            "case {case}: the strip is inside the canvas"
        );
        let y = (o.rect.y0 + o.rect.y1) / 2.0;
        // A tap near the strip's left end brings the start of the history into view.
        let tapped = State::default()
            .step(
                Input::PointerDown(Point {
                    x: o.rect.x0 + 1.0,
                    y,
                }),
                &zoomed,
            )
            .step(
                Input::PointerUp(Point {
                    x: o.rect.x0 + 1.0,
                    y,
                }),
                &zoomed,
            );
        let v = tapped.view.expect("still zoomed");
        assert!(
            v.start < view.start,
            "case {case}: the window moved towards the start"
        );
        // Dragging the window to the right shows later time.
        let mid = (o.window.0 + o.window.1) / 2.0;
        let dragged = State {
            view: Some(view),
            ..State::default()
        }
        .step(Input::PointerDown(Point { x: mid, y }), &zoomed)
        .step(Input::PointerMove(Point { x: mid + 40.0, y }), &zoomed);
        assert!(
            dragged.view.expect("zoomed").start > view.start,
            "case {case}: drag right shows later time"
        );
    }
}

#[test]
fn a_deep_link_pins_its_event_at_any_density_and_width() {
    let mut rng = Rng(0x5eed_1234);
    for case in 0..16 {
        let t = generated(&mut rng, [30, 300][case % 2]);
        let c = Chronology::new(&t);
        let width = [375.0, 900.0][(case / 2) % 2];
        let mut cfg = LayoutConfig {
            width,
            ..LayoutConfig::default()
        };
        for _ in 0..5 {
            let event = rng.below(t.events.len() as u64) as usize;
            let day = t.events[event]
                .span()
                .map(|(a, b)| (a.first_day() + b.last_day() + 1) as f64 / 2.0);
            cfg.view = None;
            cfg.open_year = None;
            let mut scene = layout(&t, &c, &cfg);
            let mut state = State::default().step(Input::Reveal { event, day }, &scene);
            // As the web layer does: lay out again while the state asks for a new window.
            for _ in 0..12 {
                if (state.view, state.open) == (cfg.view, cfg.open_year) {
                    break;
                }
                cfg.view = state.view;
                cfg.open_year = state.open;
                let new = layout(&t, &c, &cfg);
                state = state.carry(&scene, &new);
                scene = new;
            }
            let m = &scene.marks[state.pinned.expect("the linked card is pinned")];
            let alone = m.event == event && m.cluster.is_none();
            let closest = scene
                .time
                .as_ref()
                .is_some_and(|t| t.shown.days() <= inspection_timeline::view::MIN_DAYS + 0.5);
            let inside = m
                .cluster
                .as_ref()
                .is_some_and(|c| c.events.contains(&event));
            // Undated expected events beyond what the next zone holds share one cluster at
            // every zoom: its card is the one pinned.
            assert!(
                alone || (inside && (closest || day.is_none())),
                "case {case} at {width}: event {event} is not shown on its own"
            );
            assert_eq!(
                state.focus, state.pinned,
                "case {case}: the keyboard is on it too"
            );
        }
    }
}

/// Events of the very same period (visits known only to the same year) are stacked, each with
/// its own mark, card and keyboard stop, up to the rows a lane has: zooming could never part
/// them, so a cluster would hide their findings.
#[test]
fn events_of_the_same_period_are_stacked_not_clustered() {
    for n in 2..=3 {
        let events: Vec<String> = (0..n)
            .map(|k| format!(r#"{{"id": "v{k}", "kind": "monitoring-visit", "title": "Visit {k}", "date": "2022"}}"#))
            .collect();
        let t = doc(&events.join(","));
        let s = at(700.0, &t);
        assert!(
            s.marks.iter().all(|m| m.cluster.is_none()),
            "{n} visits in 2022: no cluster"
        );
        let mut ys: Vec<f64> = (0..n)
            .map(|e| s.marks[s.mark_of_event(e).unwrap()].center.y)
            .collect();
        ys.dedup();
        assert_eq!(ys.len(), n, "{n} visits in 2022 sit on {n} rows");
    }
}

/// A date known to the day is a point in time: zoomed in as far as the chart goes, it is still
/// drawn without a period's bar, and the legend does not explain bars it does not draw.
#[test]
fn a_single_day_never_gets_a_period_bar() {
    let t = doc(r#"{"id": "a", "kind": "inspection", "title": "A", "date": "2023-03-14"}"#);
    let c = Chronology::new(&t);
    let cfg = |view| showing(&t, &c, 1200.0, view);
    let whole = cfg(None);
    let time = whole.time.as_ref().unwrap();
    let day = time.scale.invert(whole.marks[0].center.x);
    let mut v = time.full;
    for _ in 0..20 {
        v = v.zoom(day, 4.0, time.full);
    }
    for s in [whole.clone(), cfg(Some(v))] {
        assert_eq!(s.marks[0].bar, None);
        assert!(!s
            .legend
            .iter()
            .any(|l| matches!(l.swatch, layout::Swatch::Bar)));
    }
}

/// What is expected next follows the last dated event: a window that stops short of the end
/// draws no next zone (which would put the re-inspection straight after the window), and
/// the undated events are outside it, where the keyboard still finds them.
#[test]
fn the_next_zone_shows_only_when_the_window_reaches_the_end() {
    let t = bury();
    let c = Chronology::new(&t);
    let cfg = |view| showing(&t, &c, 900.0, view);
    let whole = cfg(None);
    assert!(whole.next_zone.is_some());
    let time = whole.time.as_ref().unwrap();
    let early = time.full.zoom(time.full.start, 3.0, time.full);
    let s = cfg(Some(early));
    assert!(s.next_zone.is_none());
    let expected = t
        .events
        .iter()
        .position(|e| e.date.is_none() && e.published.is_none())
        .unwrap();
    assert_eq!(s.mark_of_event(expected), None);
    assert!(s
        .time
        .as_ref()
        .unwrap()
        .outside
        .iter()
        .any(|b| b.event == expected));
    // The zone's room goes to time, which runs on to the chart's right edge rather than stop
    // short of an empty space.
    let zone = whole.next_zone.as_ref().unwrap().rect;
    let shown = s.time.as_ref().unwrap().scale;
    assert_eq!(shown.map(early.start), time.scale.map(time.full.start));
    assert!(shown.map(early.end) > zone.x1 - 30.0);
    assert!(s
        .axis
        .as_ref()
        .unwrap()
        .ticks
        .iter()
        .any(|tk| tk.x > zone.x0));
    let late = time.full.zoom(time.full.end, 3.0, time.full);
    assert!(cfg(Some(late)).next_zone.is_some());
}

#[test]
fn a_cluster_that_zooming_cannot_separate_is_pinned_and_says_so() {
    // Five events on one day: three rows of marks, and the last two stay together at every
    // zoom. Enter pins their card.
    let t = doc(
        r#"{"id": "a", "kind": "other", "title": "A", "date": "2020-03-02"},
        {"id": "b", "kind": "other", "title": "B", "date": "2020-03-02"},
        {"id": "x", "kind": "other", "title": "X", "date": "2020-03-02"},
        {"id": "y", "kind": "other", "title": "Y", "date": "2020-03-02"},
        {"id": "c", "kind": "other", "title": "C", "date": "2024-06-01"}"#,
    );
    let c = Chronology::new(&t);
    let s = layout(
        &t,
        &c,
        &LayoutConfig {
            width: 700.0,
            ..LayoutConfig::default()
        },
    );
    let i = (0..s.marks.len())
        .find(|&i| s.marks[i].cluster.is_some())
        .expect("a cluster");
    let state = State {
        focus: Some(i),
        keyboard: true,
        ..State::default()
    };
    // Zoomed out it zooms in; at the closest zoom it is pinned instead.
    assert!(state.zooms_into(i, &s));
    let time = s.time.as_ref().unwrap();
    let day = time.scale.invert(s.marks[i].center.x);
    let mut v = time.full;
    for _ in 0..20 {
        v = v.zoom(day, 4.0, time.full);
    }
    let close = showing(&t, &c, 700.0, Some(v));
    let j = close
        .marks
        .iter()
        .position(|m| m.cluster.is_some())
        .expect("one day's last events stay one cluster");
    let state = State {
        focus: Some(j),
        keyboard: true,
        view: Some(v),
        ..State::default()
    };
    assert!(!state.zooms_into(j, &close));
    let after = state.step(Input::Key(Key::Activate), &close);
    assert_eq!(after.pinned, Some(j), "Enter pins the cluster's card");
    assert_eq!(after.view, state.view);
    assert_eq!(after.seek, None, "nothing is left to seek");
    let card = layout::words::mark_card(&t, &c, &close, j, false, &Locale::en_gb());
    assert_eq!(card.hint, None, "no promise of a zoom that cannot happen");
}

#[test]
fn after_zooming_into_a_cluster_the_keyboard_goes_on_through_its_events() {
    let t = doc(
        r#"{"id": "d", "kind": "other", "title": "D", "date": "2010-01-01"},
        {"id": "a", "kind": "other", "title": "A", "date": "2020-03-02"},
        {"id": "b", "kind": "other", "title": "B", "date": "2020-03-05"},
        {"id": "c", "kind": "other", "title": "C", "date": "2020-03-09"},
        {"id": "e", "kind": "other", "title": "E", "date": "2030-06-01"}"#,
    );
    let c = Chronology::new(&t);
    let mut cfg = LayoutConfig {
        width: 700.0,
        ..LayoutConfig::default()
    };
    let mut scene = layout(&t, &c, &cfg);
    let mut state = State::default();
    let mut titles = Vec::new();
    let press = |k: Key, state: &mut State, scene: &mut Scene, cfg: &mut LayoutConfig| {
        let next = state.step(Input::Key(k), scene);
        if next.view != cfg.view {
            cfg.view = next.view;
            let new = layout(&t, &c, cfg);
            *state = next.carry(scene, &new);
            *scene = new;
        } else {
            *state = next;
        }
    };
    press(Key::First, &mut state, &mut scene, &mut cfg);
    press(Key::Next, &mut state, &mut scene, &mut cfg);
    assert!(
        scene.marks[state.focus.unwrap()].cluster.is_some(),
        "a, b and c are one cluster"
    );
    press(Key::Activate, &mut state, &mut scene, &mut cfg);
    for _ in 0..3 {
        let m = &scene.marks[state.focus.unwrap()];
        titles.push(t.events[m.event].title.clone());
        press(Key::Next, &mut state, &mut scene, &mut cfg);
    }
    assert_eq!(
        titles,
        ["A", "B", "C"],
        "zoomed in, the keyboard walks the cluster's events"
    );
}

#[test]
fn on_phones_years_follow_each_other_once_even_for_a_period_over_new_year() {
    let mut events: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "kind": "other", "title": "E{i}", "date": "2022-01-{:02}"}}"#,
                1 + i % 28
            )
        })
        .collect();
    events.push(
        r#"{"id": "x", "kind": "other", "title": "X", "date": "2021-12-20", "end": "2022-03-10"}"#
            .into(),
    );
    events.push(r#"{"id": "y", "kind": "other", "title": "Y", "date": "2021-06-01"}"#.into());
    events.push(r#"{"id": "z", "kind": "other", "title": "Z", "date": "2021-07-01"}"#.into());
    let t = doc(&events.join(","));
    let c = Chronology::new(&t);
    for open_year in [None, Some(2021), Some(2022)] {
        let s = layout(
            &t,
            &c,
            &LayoutConfig {
                width: 375.0,
                open_year,
                ..LayoutConfig::default()
            },
        );
        let years: Vec<&str> = s
            .labels
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| *t == "2021" || *t == "2022")
            .collect();
        assert_eq!(
            years,
            ["2021", "2022"],
            "open {open_year:?}: each year once, in order"
        );
    }
}

#[test]
fn a_history_with_no_dates_has_no_time_axis_and_no_zoom() {
    let t = doc(
        r#"{"id": "a", "kind": "reinspection", "title": "A", "status": "expected"},
        {"id": "b", "kind": "other", "title": "B", "status": "expected"}"#,
    );
    let s = at(700.0, &t);
    assert!(s.axis.is_none() && s.time.is_none() && s.overview.is_none());
    assert_eq!(s.marks.len(), 2);
    let after = State::default().step(
        Input::Wheel {
            at: s.marks[0].center,
            delta: -300.0,
        },
        &s,
    );
    assert_eq!(after.view, None);
}

#[test]
fn hit_testing_through_the_grid_finds_what_a_search_of_every_mark_finds() {
    let mut rng = Rng(0x77aa_1357);
    for case in 0..20 {
        let t = generated(&mut rng, [10, 100, 400][case % 3]);
        let width = [375.0, 640.0, 1100.0][case % 3];
        let s = at(width, &t);
        let brute = |p: Point| {
            s.marks
                .iter()
                .enumerate()
                .map(|(i, m)| (i, m.hit.distance(p), (m.center.x - p.x).abs()))
                .filter(|(_, d, _)| *d <= layout::HIT_RADIUS)
                .min_by(|a, b| {
                    a.1.total_cmp(&b.1)
                        .then(a.2.total_cmp(&b.2))
                        .then(a.0.cmp(&b.0))
                })
                .map(|(i, _, _)| i)
        };
        for _ in 0..400 {
            let p = Point {
                x: rng.below((width + 80.0) as u64) as f64 - 40.0,
                y: rng.below((s.height + 80.0) as u64) as f64 - 40.0,
            };
            assert_eq!(s.hit_test(p), brute(p), "case {case} at {p:?}");
        }
    }
}

#[test]
fn on_any_screen_a_card_never_covers_its_own_mark() {
    let t = bury();
    let mut rng = Rng(0x5ca1_ab1e);
    for width in [375.0, 600.0, 1200.0] {
        let s = at(width, &t);
        for m in &s.marks {
            for _ in 0..200 {
                let h = 40.0 + rng.below(900) as f64;
                let screen = 60.0 + rng.below(700) as f64;
                let top = m.center.y - rng.below(screen as u64) as f64;
                let (p, y0, y1) = card_on_screen(&s, m, h, top, screen);
                assert!(
                    beside(&s, m, &p, y0, y1),
                    "{width} px, card {h} on a {screen} screen from {top}: {p:?}"
                );
                assert!(y1 - y0 >= 80.0_f64.min(h) - 1e-9, "cut to nothing: {p:?}");
            }
        }
    }
}

#[test]
fn a_double_tap_on_a_cluster_zooms_once_and_a_later_one_elsewhere_zooms_again() {
    let t = doc(
        r#"{"id": "a", "kind": "other", "title": "A", "date": "2020-03-02"},
        {"id": "b", "kind": "other", "title": "B", "date": "2020-04-20"},
        {"id": "c", "kind": "other", "title": "C", "date": "2024-06-01"}"#,
    );
    let c = Chronology::new(&t);
    let cfg = LayoutConfig {
        width: 700.0,
        ..LayoutConfig::default()
    };
    let s = layout(&t, &c, &cfg);
    let i = (0..s.marks.len())
        .find(|&i| s.marks[i].cluster.is_some())
        .expect("a cluster");
    let p = s.marks[i].center;
    // A finger: press, release (the card shows: pinned), press, release (zooms), the
    // browser's leave after each release, then its double-tap event.
    let mut st = State::default();
    for input in [
        Input::PointerDown(p),
        Input::PointerUp(p),
        Input::PointerLeave,
        Input::PointerDown(p),
        Input::PointerUp(p),
        Input::PointerLeave,
    ] {
        st = st.step(input, &s);
    }
    let zoomed = st.view.expect("the second tap zoomed into the cluster");
    let z = layout(
        &t,
        &c,
        &LayoutConfig {
            view: Some(zoomed),
            ..cfg.clone()
        },
    );
    let st = st.carry(&s, &z).step(Input::DoubleTap(p), &z);
    assert_eq!(
        st.view,
        Some(zoomed),
        "the double tap that zoomed does not zoom again"
    );
    // Later, a double click elsewhere zooms.
    let q = Point {
        x: p.x + 200.0,
        y: p.y,
    };
    let mut later = st;
    for input in [
        Input::PointerMove(q),
        Input::PointerDown(q),
        Input::PointerUp(q),
        Input::PointerDown(q),
        Input::PointerUp(q),
        Input::DoubleTap(q),
    ] {
        later = later.step(input, &z);
    }
    assert!(
        later.view.unwrap().days() < zoomed.days(),
        "a new double click zooms"
    );
}

#[test]
fn a_tall_chart_is_drawn_in_windows_that_cover_the_screen_and_stay_within_what_engines_allow() {
    use inspection_timeline::layout::window::{drawn_window, CANVAS_PIXELS, SHORTEST};
    let mut rng = Rng(0x51ab_c0de_1234_5678);
    for _ in 0..300 {
        let width = 200.0 + rng.below(1800) as f64;
        let height = 100.0 + rng.below(60_000) as f64;
        let dpr = [1.0, 1.5, 2.0, 3.0][rng.below(4) as usize];
        let screen = 300.0 + rng.below(1200) as f64;
        let most = (CANVAS_PIXELS / (width * dpr * dpr)).floor();
        let mut current = None;
        let mut redraws = 0;
        // The reader scrolls from above the chart to below it, a little at a time.
        let step = 10.0 + rng.below(200) as f64;
        let mut y = -screen;
        while y < height + screen {
            let w = drawn_window(width, height, dpr, (y, y + screen), current);
            assert!(
                w.0 >= 0.0 && w.1 <= height && w.0 < w.1,
                "{w:?} of {height}"
            );
            if height <= most.min((3.0 * screen).max(SHORTEST)) {
                assert_eq!(w, (0.0, height), "a chart this short is drawn whole");
            }
            assert!(
                (w.1 - w.0) * width * dpr * dpr <= CANVAS_PIXELS + width * dpr * dpr,
                "within the engines' limit"
            );
            // What is seen of the chart is drawn, whenever the window can hold a screen.
            let (a, b) = (y.clamp(0.0, height), (y + screen).clamp(0.0, height));
            if w.1 - w.0 >= screen {
                assert!(w.0 <= a && b <= w.1, "{w:?} must cover {a}..{b}");
            }
            if current.is_some_and(|c| c != w) {
                redraws += 1;
            }
            current = Some(w);
            y += step;
        }
        // A window is drawn centred on the screen, so the next drawing comes only after the
        // reader has scrolled half of what it holds beyond the screen: not at every step.
        let size = most.min((3.0 * screen).max(SHORTEST)).min(height);
        let slack = (size - screen) / 2.0 - step;
        if slack > 0.0 {
            let most_redraws = ((height + 2.0 * screen) / slack).ceil() as usize + 1;
            assert!(redraws <= most_redraws, "{redraws} redraws for {height} px");
        }
    }
}

#[test]
fn in_any_window_a_marker_stands_at_a_time_its_event_covers() {
    let mut rng = Rng(0x7e11_0a7e);
    let mut checked = 0;
    for case in 0..90 {
        let t = generated(&mut rng, [5, 20, 60][case % 3]);
        let c = Chronology::new(&t);
        let cfg = |view| showing(&t, &c, 900.0, view);
        let whole = cfg(None);
        let Some(time) = &whole.time else { continue };
        let full = time.full;
        let anchor = full.start + rng.below((full.end - full.start).max(1.0) as u64) as f64;
        let view = full.zoom(anchor, 2.0 + rng.below(60) as f64, full);
        let s = cfg(Some(view));
        let st = s.time.as_ref().expect("a zoomed chart has a time axis");
        // A marker is kept a touch target's width from the window's edges.
        let slack = st.scale.invert(st.scale.range.0 + 12.0) - st.scale.invert(st.scale.range.0);
        for m in s.marks.iter().filter(|m| m.cluster.is_none()) {
            let e = &t.events[m.event];
            // Undated expected events stand in the next zone, which has no time.
            let Some((a, b)) = e.span() else { continue };
            let (d0, d1) = (a.first_day() as f64, (b.last_day() + 1) as f64);
            let case = format!("case {case}: {} ({d0}..{d1}) in {:?}", e.id, st.shown);
            assert!(
                d1 > st.shown.start && d0 < st.shown.end,
                "drawn though its days miss the window: {case}"
            );
            let day = st.scale.invert(m.center.x);
            assert!(
                day >= d0 - slack && day <= d1 + slack,
                "its marker stands on day {day}, outside its days: {case}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} marks were checked");
}

#[test]
fn in_a_frame_as_short_as_the_chart_a_tall_card_stands_beside_its_mark_with_the_whole_height() {
    let t = bury();
    for width in [700.0, 1000.0] {
        let s = at(width, &t);
        // The embed's iframe is as tall as the chart and its text under it.
        let screen = s.height + 40.0;
        for m in &s.marks {
            let h = 600.0;
            let (p, y0, y1) = card_on_screen(&s, m, h, 0.0, screen);
            let case = format!("{width} px, mark at {:?}: {p:?}", m.center);
            assert!(y0 >= 0.0 && y1 <= screen + 1e-9, "on the screen: {case}");
            assert!(
                y1 - y0 >= screen - 1e-9,
                "the card has the screen's whole height: {case}"
            );
            assert!(beside(&s, m, &p, y0, y1), "clear of its mark: {case}");
        }
    }
}

#[test]
fn an_expected_event_with_a_date_is_due_then_and_never_said_to_have_taken_place() {
    let t = doc(
        r#"{"id": "i", "kind": "inspection", "title": "Inspection", "date": "2021-11", "rating": "inadequate"},
        {"id": "v", "kind": "monitoring-visit", "title": "Visit", "date": "2024-09", "status": "expected"},
        {"id": "r", "kind": "reinspection", "title": "Re-inspection", "date": "2025", "status": "expected"}"#,
    );
    let c = Chronology::new(&t);
    let when = |i: usize| card(&t, &c, i, &Locale::en_gb()).when;
    assert_eq!(when(0).as_deref(), Some("Took place: November 2021"));
    assert_eq!(when(1).as_deref(), Some("Due: September 2024"));
    assert_eq!(when(2).as_deref(), Some("Due: 2025"));
}

#[test]
fn a_window_asked_for_in_the_phone_layout_opens_when_the_chart_is_wide() {
    let t = bury();
    let c = Chronology::new(&t);
    let phone = at(375.0, &t);
    assert!(phone.time.is_none(), "the phone layout has no time axis");
    let asked = inspection_timeline::view::between("2023", "2023").unwrap();
    let s = State::default().step(Input::Show(Some(asked)), &phone);
    assert_eq!(s.view, Some(asked), "kept, though nothing shows it yet");
    let wide = showing(&t, &c, 900.0, s.view);
    let shown = wide.time.as_ref().unwrap().shown;
    assert_eq!((shown.start, shown.end), (asked.start, asked.end));
}
