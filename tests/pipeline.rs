//! The whole pipeline on careless and hostile input, seeded and deterministic: every fixture
//! mangled thousands of ways, and generated histories spanning any years. Whatever the input,
//! nothing panics, every coordinate is a number inside the drawing, and the SVG grows with the
//! events, never with the years they span. (`make fuzz` runs the same pipeline under
//! libFuzzer, without a time limit on the search.)

mod common;

use common::Rng;
use inspection_timeline::interact::{Input, Key, State};
use inspection_timeline::layout::{layout, LayoutConfig, Point, Scene};
use inspection_timeline::render::{to_svg, Highlight};
use inspection_timeline::subjects::select;
use inspection_timeline::theme::{Palette, Theme};
use inspection_timeline::validate::parse_with_warnings;
use inspection_timeline::Chronology;

/// Every JSON file of the fixtures and the demo's data.
fn seeds() -> Vec<String> {
    common::data_files()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Pieces of JSON and of this format to splice in: a slip anywhere becomes any of these.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\u",
    "\\ud800",
    "0",
    "-",
    "1e999",
    "null",
    "true",
    "\"date\": \"0000-01-01\"",
    "\"date\": \"9999-12-31\"",
    "\"end\": \"9999\"",
    "\"2023-Q4\"",
    "\"subject\": \"x\"",
    "\"subjects\": [{\"id\": \"x\", \"label\": \"X\"}]",
    "\"lane\": \"L\"",
    "\"status\": \"expected\"",
    "\"rating\": \"inadequate\"",
    "\u{FEFF}",
    "\r",
    "“",
    "é",
    "𝄞",
];

/// `text` with a few random edits: bytes removed, pieces inserted, a span repeated.
fn mangle(text: &str, rng: &mut Rng) -> String {
    let mut s = text.to_string();
    // Half the time only digits change, as in a typed date, which mostly leaves the file
    // valid, so that the layout and drawing meet odd data too.
    if rng.pick(2) == 0 {
        let digits: Vec<usize> = s
            .bytes()
            .enumerate()
            .filter(|(_, b)| b.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        let mut bytes = s.into_bytes();
        for _ in 0..1 + rng.pick(3) {
            if let Some(&i) = digits.get(rng.pick(digits.len())) {
                bytes[i] = b'0' + rng.pick(10) as u8;
            }
        }
        return String::from_utf8(bytes).unwrap();
    }
    for _ in 0..1 + rng.pick(4) {
        let at = |s: &String, rng: &mut Rng| {
            let mut i = rng.pick(s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        match rng.pick(3) {
            0 if !s.is_empty() => {
                let a = at(&s, rng);
                let mut b = (a + 1 + rng.pick(8)).min(s.len());
                while !s.is_char_boundary(b) {
                    b += 1;
                }
                s.replace_range(a..b, "");
            }
            1 => {
                let a = at(&s, rng);
                s.insert_str(a, PIECES[rng.pick(PIECES.len())]);
            }
            _ => {
                let a = at(&s, rng);
                let mut b = (a + rng.pick(200)).min(s.len());
                while !s.is_char_boundary(b) {
                    b += 1;
                }
                let span = s[a..b].to_string();
                s.insert_str(b, &span);
            }
        }
    }
    s
}

/// Every coordinate of `scene` is a finite number inside its drawing (marks' targets may
/// reach a little past the edges, where a finger still finds them).
fn check_scene(scene: &Scene, what: &str) {
    let (w, h) = (scene.width, scene.height);
    assert!(
        w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0,
        "{what}: {w}x{h}"
    );
    let inside = |p: Point, slack: f64, name: &str| {
        assert!(
            p.x.is_finite() && p.y.is_finite(),
            "{what}: {name} at {p:?} is not a number"
        );
        assert!(
            p.x >= -slack && p.x <= w + slack && p.y >= -slack && p.y <= h + slack,
            "{what}: {name} at {p:?} outside {w}x{h}"
        );
    };
    for m in &scene.marks {
        inside(m.center, 0.0, "a mark");
        inside(
            Point {
                x: m.hit.x0,
                y: m.hit.y0,
            },
            30.0,
            "a target",
        );
        inside(
            Point {
                x: m.hit.x1,
                y: m.hit.y1,
            },
            30.0,
            "a target",
        );
    }
    for l in &scene.labels {
        inside(Point { x: l.x, y: l.y }, 0.0, "a label");
    }
    for b in &scene.bands {
        inside(
            Point {
                x: b.rect.x0,
                y: b.rect.y0,
            },
            0.0,
            "a band",
        );
        inside(
            Point {
                x: b.rect.x1,
                y: b.rect.y1,
            },
            0.0,
            "a band",
        );
    }
    for r in &scene.rules {
        inside(r.from, 0.0, "a rule");
        inside(r.to, 0.0, "a rule");
    }
}

/// Runs the whole pipeline on `text` at a few widths: validate, choose subjects, lay out,
/// hover and press keys, and draw as SVG. Returns the largest SVG's length and how many
/// events were drawn, when the text was valid.
fn pipeline(text: &str, rng: &mut Rng) -> Option<(usize, usize)> {
    let file = parse_with_warnings(text).ok()?.timeline;
    let ids: Vec<String> = file.subjects.iter().rev().map(|s| s.id.clone()).collect();
    let chosen = select(&file, Some(&ids), rng.pick(2) == 0);
    let t = chosen.timeline.as_ref().unwrap_or(&file);
    let c = Chronology::new(t);
    let palette = Palette::new(&Theme::LIGHT, &t.grades);
    let mut largest = 0;
    for width in [200.0, 375.0, 900.0, 1600.0] {
        let scene = layout(
            t,
            &c,
            &LayoutConfig {
                width,
                ..LayoutConfig::default()
            },
        );
        check_scene(&scene, &format!("width {width}"));
        let mut state = State::default();
        for _ in 0..20 {
            let p = Point {
                x: rng.pick(width as usize + 40) as f64 - 20.0,
                y: rng.pick(scene.height as usize + 40) as f64 - 20.0,
            };
            let input = match rng.pick(5) {
                0 => Input::Tap(p),
                1 => Input::Key([Key::Next, Key::Down, Key::Up, Key::Last][rng.pick(4)]),
                2 => Input::Wheel {
                    at: p,
                    delta: -300.0,
                },
                _ => Input::PointerMove(p),
            };
            state = state.step(input, &scene);
            let _ = scene.hit_test(p);
        }
        // The window of time the reader ended on, laid out again.
        let zoomed = layout(
            t,
            &c,
            &LayoutConfig {
                width,
                view: state.view,
                ..LayoutConfig::default()
            },
        );
        check_scene(&zoomed, &format!("width {width}, zoomed"));
        let svg = to_svg(&scene, &palette, "sans-serif", Highlight::default()).unwrap();
        largest = largest.max(svg.len());
    }
    Some((largest, t.events.len()))
}

#[test]
fn mangled_fixtures_never_panic_and_what_is_drawn_stays_inside_the_drawing() {
    let mut rng = Rng(0x0ddb_a11c_0ffe_e000);
    let seeds = seeds();
    let mut valid = 0;
    // Enough rounds that, whatever fixtures there are, many mangled files stay valid.
    for round in 0..4000 {
        let seed = &seeds[round % seeds.len()];
        let text = mangle(seed, &mut rng);
        if pipeline(&text, &mut rng).is_some() {
            valid += 1;
        }
    }
    // The edits must leave enough files valid for the drawing to be tested too.
    assert!(valid > 150, "only {valid} mangled files were valid");
}

#[test]
fn the_drawing_grows_with_the_events_not_with_the_years_they_span() {
    let mut rng = Rng(0x05ee_d0f7_ea45);
    for n in [3usize, 30, 300] {
        for span in [1i32, 100, 9999] {
            let events: Vec<String> = (0..n)
                .map(|i| {
                    let year = (i as i32 * 7919) % span.max(1) + if span == 9999 { 0 } else { 2000 };
                    let kind = ["inspection", "monitoring-visit", "other"][i % 3];
                    format!(
                        r#"{{"id": "e{i}", "kind": "{kind}", "title": "Event {i}", "date": "{year:04}-{:02}", "lane": "Lane {}"}}"#,
                        1 + i % 12,
                        i % 40
                    )
                })
                .collect();
            let text = format!(
                r#"{{"version": 1, "title": "T", "events": [{}]}}"#,
                events.join(",")
            );
            let (svg, drawn) = pipeline(&text, &mut rng).expect("valid");
            assert_eq!(drawn, n);
            // A generous bound: a few kilobytes per event and per lane, and a fixed allowance for
            // the axis, whatever the years.
            let bound = 60_000 + 4_000 * n;
            assert!(
                svg <= bound,
                "{n} events over {span} years: {svg} bytes of SVG"
            );
        }
    }
}

#[test]
fn ten_thousand_events_draw_as_less_than_ten_megabytes_of_svg() {
    let events: Vec<String> = (0..10_000)
        .map(|i| {
            let kind = ["inspection", "monitoring-visit", "reinspection", "other"][i % 4];
            format!(
                r#"{{"id": "e{i}", "kind": "{kind}", "title": "Event {i}", "date": "{}-{:02}-{:02}"}}"#,
                1900 + (i * 37) % 125,
                1 + i % 12,
                1 + i % 28
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "title": "T", "events": [{}]}}"#,
        events.join(",")
    );
    let (svg, _) = pipeline(&text, &mut Rng(7)).expect("valid");
    assert!(svg < 10_000_000, "{svg} bytes");
}
