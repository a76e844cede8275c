//! The whole pipeline on any text: validate (with warnings), choose subjects, lay out at a
//! phone's and a desktop's width, hit-test, press keys, and draw as SVG. Nothing may panic,
//! and every mark must lie inside the drawing.
#![no_main]

use inspection_timeline::interact::{Input, Key, State};
use inspection_timeline::layout::{layout, LayoutConfig, Point};
use inspection_timeline::render::{to_svg, Highlight};
use inspection_timeline::subjects::select;
use inspection_timeline::theme::{Palette, Theme};
use inspection_timeline::validate::parse_with_warnings;
use inspection_timeline::Chronology;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(checked) = parse_with_warnings(text) else {
        return;
    };
    let file = checked.timeline;
    let ids: Vec<String> = file.subjects.iter().rev().map(|s| s.id.clone()).collect();
    let chosen = select(&file, Some(&ids), false);
    let t = chosen.timeline.as_ref().unwrap_or(&file);
    let c = Chronology::new(t);
    let palette = Palette::new(&Theme::LIGHT, &t.grades);
    for width in [320.0, 900.0] {
        let scene = layout(t, &c, &LayoutConfig { width, ..LayoutConfig::default() });
        for m in &scene.marks {
            let p = m.center;
            assert!(p.x.is_finite() && p.y.is_finite());
            assert!(p.x >= 0.0 && p.x <= scene.width && p.y >= 0.0 && p.y <= scene.height);
        }
        let mut state = State::default();
        for (k, key) in [Key::Next, Key::Down, Key::ZoomIn, Key::Next, Key::Up].into_iter().enumerate() {
            state = state.step(Input::Key(key), &scene);
            let p = Point { x: width * k as f64 / 5.0, y: scene.height / 2.0 };
            state = state.step(Input::PointerMove(p), &scene);
        }
        let _ = to_svg(&scene, &palette, "sans-serif", Highlight::default());
    }
});
