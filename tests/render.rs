//! The one render function, checked through a recording backend and through SVG.

mod common;

use common::{golden, root};
use inspection_timeline::layout::{layout, LayoutConfig, Scene};
use inspection_timeline::model::Rgb;
use inspection_timeline::render::{render, to_svg, Highlight};
use inspection_timeline::theme::{Ink, Palette, Theme};
use inspection_timeline::{parse, Chronology};
use plotters::prelude::IntoDrawingArea;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::cell::RefCell;
use std::rc::Rc;

const BURY: &str = include_str!("../www/data/bury-childrens-services.json");

/// Every point and text a render sent to the backend.
#[derive(Default)]
struct Log {
    size: (u32, u32),
    points: Vec<BackendCoord>,
    texts: Vec<(String, BackendCoord, f64)>,
}

/// A backend that only records; the drawing area owns it, so the log is shared.
struct Recorder(Rc<RefCell<Log>>);

#[derive(Debug)]
struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

impl DrawingBackend for Recorder {
    type ErrorType = Never;
    fn get_size(&self) -> (u32, u32) {
        self.0.borrow().size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.push(p);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.extend([a, b]);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.extend([a, b]);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.extend(path);
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.extend(path);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        _: u32,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0.borrow_mut().points.push(c);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.0
            .borrow_mut()
            .texts
            .push((text.to_string(), pos, style.size()));
        Ok(())
    }
}

fn scene(width: f64) -> Scene {
    let t = parse(BURY).unwrap();
    layout(
        &t,
        &Chronology::new(&t),
        &LayoutConfig {
            width,
            ..LayoutConfig::default()
        },
    )
}

fn record(scene: &Scene, scale: f64, hl: Highlight) -> Log {
    let size = (
        (scene.width * scale).round() as u32,
        (scene.height * scale).round() as u32,
    );
    let log = Rc::new(RefCell::new(Log {
        size,
        ..Log::default()
    }));
    let area = Recorder(log.clone()).into_drawing_area();
    let palette = Palette::new(&Theme::LIGHT, &parse(BURY).unwrap().grades);
    render(&area, scene, &palette, "sans-serif", scale, hl).unwrap();
    drop(area);
    Rc::try_unwrap(log)
        .ok()
        .expect("the area is gone")
        .into_inner()
}

#[test]
fn every_label_is_drawn_once_inside_the_canvas() {
    for width in [320.0, 1200.0] {
        let s = scene(width);
        let rec = record(&s, 1.0, Highlight::default());
        for l in &s.labels {
            assert_eq!(
                rec.texts.iter().filter(|t| t.0 == l.text).count(),
                s.labels.iter().filter(|x| x.text == l.text).count(),
                "{:?}",
                l.text
            );
        }
        for &(x, y) in &rec.points {
            assert!(
                x >= -1 && y >= -1 && x <= rec.size.0 as i32 + 1 && y <= rec.size.1 as i32 + 1,
                "{width}: ({x}, {y}) outside {:?}",
                rec.size
            );
        }
    }
}

#[test]
fn device_pixel_ratio_scales_geometry_and_text() {
    let s = scene(600.0);
    let one = record(&s, 1.0, Highlight::default());
    let two = record(&s, 2.0, Highlight::default());
    assert_eq!(two.size, (1200, (s.height * 2.0).round() as u32));
    assert_eq!(one.points.len(), two.points.len());
    for (a, b) in one.points.iter().zip(&two.points) {
        assert!(
            (b.0 - 2 * a.0).abs() <= 2 && (b.1 - 2 * a.1).abs() <= 2,
            "{a:?} -> {b:?}"
        );
    }
    for (a, b) in one.texts.iter().zip(&two.texts) {
        assert_eq!(
            b.2,
            a.2 * 2.0,
            "text for {:?} is set at twice the size",
            a.0
        );
    }
}

#[test]
fn the_focused_mark_gets_a_ring_and_is_drawn_last() {
    let s = scene(800.0);
    let plain = record(
        &s,
        1.0,
        Highlight {
            mark: Some(2),
            focus_ring: false,
        },
    );
    let ring = record(
        &s,
        1.0,
        Highlight {
            mark: Some(2),
            focus_ring: true,
        },
    );
    assert!(
        ring.points.len() > plain.points.len(),
        "the focus ring adds a path"
    );
    // The highlighted mark, with its visit number, is drawn again over the finished chart.
    let numbers: Vec<&str> = plain
        .texts
        .iter()
        .map(|t| t.0.as_str())
        .filter(|t| ["1", "2", "3", "4"].contains(t))
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "2"]);
}

#[test]
fn svg_output_has_the_chart_size_and_its_words() {
    let s = scene(720.0);
    let palette = Palette::new(&Theme::LIGHT, &parse(BURY).unwrap().grades);
    let svg = to_svg(&s, &palette, "Liberation Sans", Highlight::default()).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
    assert!(svg.contains(&format!("width=\"{}\"", 720)));
    assert!(svg.contains(&format!("height=\"{}\"", s.height.ceil() as u32)));
    assert!(svg.contains("Rated inadequate since November 2021"));
    assert!(svg.contains("Re-inspection (expected)"));
}

#[test]
fn any_theme_keeps_text_and_graphics_legible() {
    use inspection_timeline::model::{Grade, Kind};
    // Backgrounds from white to black, with colours a page might set carelessly: too light,
    // too dark, the same as the background.
    let backgrounds = [
        Rgb(255, 255, 255),
        Rgb(250, 246, 236),
        Rgb(128, 128, 128),
        Rgb(30, 30, 32),
        Rgb(0, 0, 0),
    ];
    let careless = [
        Rgb(255, 255, 255),
        Rgb(240, 240, 240),
        Rgb(128, 128, 128),
        Rgb(200, 30, 40),
        Rgb(20, 20, 20),
        Rgb(0, 0, 0),
    ];
    for bg in backgrounds {
        for c in careless {
            let theme = Theme {
                surface: bg,
                text: c,
                muted: c,
                rule: c,
                inspection: c,
                monitoring: c,
                reinspection: c,
                other: c,
                ..Theme::LIGHT
            };
            let band = Grade {
                id: "g".into(),
                label: "G".into(),
                color: c,
            };
            let p = Palette::new(&theme, &[band]);
            for ink in [Ink::Text, Ink::Muted, Ink::Kind(Kind::Other)] {
                assert!(
                    p.ink(ink).contrast(&bg) >= 4.5,
                    "text {c} on {bg}: {}",
                    p.ink(ink).contrast(&bg)
                );
            }
            for kind in [Kind::Inspection, Kind::MonitoringVisit] {
                assert!(p.kind(kind).mark.contrast(&bg) >= 3.0, "marks {c} on {bg}");
                assert!(
                    p.ink(Ink::OnKind(kind)).contrast(&p.kind(kind).mark) >= 4.5,
                    "a number on a {c} marker over {bg}"
                );
            }
            assert!(p.axis.contrast(&bg) >= 3.0, "axis {c} on {bg}");
            assert!(p.grade(0).band.contrast(&bg) >= 3.0, "band {c} on {bg}");
            assert!(
                p.ink(Ink::OnGrade(0)).contrast(&p.grade(0).band) >= 4.5,
                "label on a {c} band over {bg}"
            );
        }
    }
}

#[test]
fn the_default_light_theme_needs_no_adjusting() {
    use inspection_timeline::model::{default_scale, Kind};
    let t = Theme::LIGHT;
    let p = Palette::new(&t, &default_scale());
    assert_eq!(p.ink(Ink::Text), t.text);
    assert_eq!(p.ink(Ink::Muted), t.muted);
    for (_, k) in Kind::ALL {
        assert_eq!(p.kind(k).mark, t.kind(k));
    }
    for (i, g) in default_scale().iter().enumerate() {
        assert_eq!(p.grade(i).band, g.color, "{}", g.id);
    }
}

/// On a page too dark for the light theme's text, the chart gets the theme's own surface behind
/// it (and becomes a panel), with the theme's colours unchanged on it; on a light page, or a
/// mid-grey one the text still reads on, it stays transparent; a theme with a background of
/// its own keeps that.
#[test]
fn a_page_too_dark_for_the_theme_gets_the_themes_surface_behind_the_chart() {
    use inspection_timeline::model::default_scale;
    let on = |backdrop: Option<Rgb>, theme: &Theme| {
        Palette::new(
            &Theme {
                backdrop,
                ..theme.clone()
            },
            &default_scale(),
        )
    };
    let light = Theme::LIGHT;
    let dark_page = on(Some(Rgb(0x12, 0x12, 0x12)), &light);
    assert_eq!(dark_page.background, Some(light.surface));
    assert_eq!(dark_page.ink(Ink::Text), light.text);
    for page in [
        None,
        Some(Rgb(255, 255, 255)),
        Some(Rgb(0xf5, 0xf0, 0xe6)),
        Some(Rgb(0xb0, 0xb0, 0xb0)),
    ] {
        assert_eq!(on(page, &light).background, None, "{page:?}");
    }
    let dark = Theme::DARK;
    assert_eq!(
        on(Some(Rgb(255, 255, 255)), &dark).background,
        dark.background
    );
}

#[test]
fn a_page_recolours_grades_by_id_and_the_rest_keep_the_data_colours() {
    use inspection_timeline::model::default_scale;
    let scale = default_scale();
    let theme = Theme {
        grades: vec![("inadequate".into(), Rgb(0x80, 0x00, 0x20))],
        ..Theme::LIGHT
    };
    let p = Palette::new(&theme, &scale);
    assert_eq!(p.grade(3).band, Rgb(0x80, 0x00, 0x20));
    assert_eq!(p.grade(1).band, scale[1].color);
}

/// CIELAB of a colour as seen with a colour-vision deficiency, simulated with Machado, Oliveira
/// and Fernandes' (2009) matrices at full severity on linear RGB.
fn lab_seen(c: inspection_timeline::model::Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let rgb = [lin(c.0), lin(c.1), lin(c.2)];
    let s: Vec<f64> = (0..3)
        .map(|i| {
            (0..3)
                .map(|j| m[i][j] * rgb[j])
                .sum::<f64>()
                .clamp(0.0, 1.0)
        })
        .collect();
    let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

#[test]
fn default_colours_stay_apart_with_colour_vision_deficiencies() {
    use inspection_timeline::model::{default_scale, Kind};
    const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
        (
            "typical",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];
    let p = Palette::new(&Theme::LIGHT, &default_scale());
    let kinds: Vec<(String, Rgb)> = Kind::ALL
        .iter()
        .map(|(n, k)| (n.to_string(), p.kind(*k).mark))
        .collect();
    let grades: Vec<(String, Rgb)> = default_scale()
        .into_iter()
        .map(|g| (g.id, g.color))
        .collect();
    for (what, colours) in [("kinds", kinds), ("grades", grades)] {
        for (vision, m) in &VISIONS {
            for (i, (a, ca)) in colours.iter().enumerate() {
                for (b, cb) in &colours[i + 1..] {
                    let (la, lb) = (lab_seen(*ca, m), lab_seen(*cb, m));
                    let de = (0..3).map(|k| (la[k] - lb[k]).powi(2)).sum::<f64>().sqrt();
                    assert!(
                        de >= 15.0,
                        "{what}: {a} and {b} are {de:.1} apart with {vision}"
                    );
                }
            }
        }
    }
}

/// Draws `file` at `width` and compares the SVG with `tests/goldens/scene-NAME.svg`.
fn scene_golden(
    name: &str,
    file: &str,
    width: f64,
    theme: &Theme,
    grades: &[(&str, Rgb)],
    hl: Highlight,
) -> Result<(), String> {
    let cfg = LayoutConfig {
        width,
        ..LayoutConfig::default()
    };
    scene_golden_with(name, file, &cfg, theme, grades, hl)
}

/// Draws `file` laid out as `cfg` says and compares the SVG with its golden.
fn scene_golden_with(
    name: &str,
    file: &str,
    cfg: &LayoutConfig,
    theme: &Theme,
    grades: &[(&str, Rgb)],
    hl: Highlight,
) -> Result<(), String> {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let t = parse(&text).unwrap();
    let s = layout(&t, &Chronology::new(&t), cfg);
    let theme = Theme {
        grades: grades.iter().map(|(id, c)| (id.to_string(), *c)).collect(),
        ..theme.clone()
    };
    let svg = to_svg(&s, &Palette::new(&theme, &t.grades), "Liberation Sans", hl).unwrap();
    golden(
        &root()
            .join("tests/goldens")
            .join(format!("scene-{name}.svg")),
        &svg,
    )
}

#[test]
fn zoomed_and_dense_scenes_match_their_goldens() {
    let draw = |name: &str, file: &str, width: f64, view: Option<(&str, &str)>| {
        let cfg = LayoutConfig {
            width,
            view: view.map(|(a, b)| inspection_timeline::view::between(a, b).unwrap()),
            ..LayoutConfig::default()
        };
        scene_golden_with(name, file, &cfg, &Theme::LIGHT, &[], Highlight::default())
    };
    let results = [
        draw(
            "bury-900-zoomed",
            "www/data/bury-childrens-services.json",
            900.0,
            Some(("2022-06", "2023-08")),
        ),
        draw("dense-900", "tests/fixtures/valid/dense.json", 900.0, None),
        draw(
            "dense-900-zoomed",
            "tests/fixtures/valid/dense.json",
            900.0,
            Some(("2010", "2011")),
        ),
        draw("dense-375", "tests/fixtures/valid/dense.json", 375.0, None),
    ];
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn scenes_match_their_goldens() {
    const BURY_FILE: &str = "www/data/bury-childrens-services.json";
    let none = Highlight::default();
    let focus = Highlight {
        mark: Some(3),
        focus_ring: true,
    };
    let hover = Highlight {
        mark: Some(1),
        focus_ring: false,
    };
    let light = Theme::LIGHT;
    let custom = [("met", Rgb(0x6f, 0xd3, 0x9b))];
    let results = [
        scene_golden("bury-320", BURY_FILE, 320.0, &light, &[], none),
        scene_golden("bury-480", BURY_FILE, 480.0, &light, &[], none),
        scene_golden("bury-1200", BURY_FILE, 1200.0, &light, &[], none),
        scene_golden("bury-800-focus", BURY_FILE, 800.0, &light, &[], focus),
        scene_golden("bury-375-hover", BURY_FILE, 375.0, &light, &[], hover),
        scene_golden("bury-720-dark", BURY_FILE, 720.0, &Theme::DARK, &[], none),
        scene_golden(
            "custom-scale-900-dark",
            "tests/fixtures/valid/custom-scale.json",
            900.0,
            &Theme::DARK,
            &custom,
            none,
        ),
        scene_golden(
            "custom-scale-400",
            "tests/fixtures/valid/custom-scale.json",
            400.0,
            &light,
            &custom,
            none,
        ),
        scene_golden(
            "every-precision-700",
            "tests/fixtures/valid/every-precision.json",
            700.0,
            &light,
            &[],
            none,
        ),
        scene_golden(
            "two-events-640",
            "tests/fixtures/valid/two-events.json",
            640.0,
            &light,
            &[],
            hover,
        ),
    ];
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_stylesheet_writes_each_default_colour_once_per_theme() {
    use inspection_timeline::theme::{stylesheet, CardColours};
    let css = stylesheet();
    // The declarations of each block: the text from a `{` to the next `}`.
    let blocks: Vec<&str> = css
        .split('{')
        .skip(1)
        .map(|b| b.split('}').next().unwrap())
        .collect();
    // `:host`, `:host([theme=dark])`, the media query, and `:host([theme=auto])` inside it.
    assert_eq!(blocks.len(), 4, "{css}");
    let light = blocks[0];
    // Each default stands behind the page's own value: `--_it-text: var(--it-text, #…)`.
    for (name, colour) in [
        ("surface", Theme::LIGHT.surface),
        ("text", Theme::LIGHT.text),
        ("monitoring-visit", Theme::LIGHT.monitoring),
        ("positive", CardColours::LIGHT.positive),
    ] {
        assert!(
            light.contains(&format!("--_it-{name}: var(--it-{name}, {colour});")),
            "{name} in {light}"
        );
    }
    assert!(light.contains("--_it-background: var(--it-background, transparent);"));
    let dark = blocks[1];
    assert!(dark.contains(&format!(
        "--_it-text: var(--it-text, {});",
        Theme::DARK.text
    )));
    assert_eq!(
        blocks[1], blocks[3],
        "theme=dark and theme=auto in the dark agree"
    );
    for block in [blocks[0], blocks[1]] {
        assert_eq!(block.matches("--_it-").count(), 16, "{block}");
    }
}
