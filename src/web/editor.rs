//! The editor page's exports: the framed chart (title, chart, credit) as SVG text, or drawn on
//! a canvas for a PNG. Built only with the `editor` feature so readers never download them.

use super::*;
use crate::chronology::Chronology;
use crate::layout;
use crate::layout::LayoutConfig;
use crate::render;
use crate::subjects;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

const FONT: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// The framed chart of `json` with the subjects `ids` (every one for `None`; unknown ids are
/// left out, as the previews report them), and the palette it is drawn with: the light theme
/// on white.
fn frame_of(
    json: &str,
    width: f64,
    ids: Option<Vec<String>>,
) -> Result<(layout::Frame, Palette), JsValue> {
    let t = model::parse(json).map_err(|problems| {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        fault(&format!(
            "the data has {} problem(s); first: {first}",
            problems.len()
        ))
    })?;
    // An image has no button to show the rest: every chosen subject is drawn.
    let t = subjects::select(&t, ids.as_deref(), true)
        .timeline
        .unwrap_or(t);
    let frame = layout::frame(
        &t,
        &Chronology::new(&t),
        &LayoutConfig {
            width,
            ..LayoutConfig::default()
        },
    );
    let theme = Theme {
        background: Some(Rgb(255, 255, 255)),
        ..Theme::LIGHT
    };
    Ok((frame, Palette::new(&theme, &t.grades)))
}

/// The text of a data file's `bytes`, or, thrown, why it is not UTF-8 in the command line's
/// words, after the line and column of the first character that is not ("Line 4, column 26:
/// this character is not UTF-8…").
#[wasm_bindgen(js_name = dataText)]
pub fn data_text(bytes: Vec<u8>) -> Result<String, JsValue> {
    crate::text::data_text(bytes).map_err(|e| {
        JsValue::from(match e.at {
            Some((line, column)) => format!("Line {line}, column {column}: {}", e.message),
            None => e.message.to_string(),
        })
    })
}

/// Every problem in `json` as `[{path, message, line, column}]`; empty when it is valid.
#[wasm_bindgen]
pub fn validate(json: &str) -> Result<JsValue, JsValue> {
    let problems = model::parse(json).err().unwrap_or_default();
    serde_wasm_bindgen::to_value(&problems).map_err(|e| fault(&e.to_string()))
}

/// The chart of `json` laid out `width` CSS px wide, as an SVG document `scale` times that,
/// with the subjects `subjects` (every one when `null`).
#[wasm_bindgen(js_name = exportSvg)]
pub fn export_svg(
    json: &str,
    width: f64,
    scale: f64,
    subjects: Option<Vec<String>>,
) -> Result<String, JsValue> {
    let (f, palette) = frame_of(json, width, subjects)?;
    let size = (
        (f.width * scale).round() as u32,
        (f.height * scale).round() as u32,
    );
    render::frame_to_svg(&f, &palette, FONT, scale, size).map_err(|e| fault(&e.to_string()))
}

/// Draws the chart of `json` on `canvas`, resizing it, for a PNG export, with the subjects
/// `subjects` (every one when `null`).
#[wasm_bindgen(js_name = drawFrame)]
pub fn draw_frame(
    json: &str,
    canvas: HtmlCanvasElement,
    width: f64,
    scale: f64,
    subjects: Option<Vec<String>>,
) -> Result<(), JsValue> {
    let (f, palette) = frame_of(json, width, subjects)?;
    canvas.set_width((f.width * scale).round() as u32);
    canvas.set_height((f.height * scale).round() as u32);
    let backend =
        CanvasBackend::with_canvas_object(canvas).ok_or("the canvas has no 2D context")?;
    render::render_frame(&backend.into_drawing_area(), &f, &palette, FONT, scale)
        .map_err(|e| fault(&e.to_string()))
}
