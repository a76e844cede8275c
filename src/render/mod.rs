//! Paints a [`Scene`] with plotters primitives on any [`DrawingBackend`]: the HTML canvas in
//! the browser, SVG natively. This is the only place that knows about plotters. Colours come
//! ready from a [`Palette`]; nothing here computes a contrast.
//!
//! Geometry arrives in CSS pixels; `scale` (the device pixel ratio on a canvas, 1 for SVG)
//! turns it into backend pixels here and nowhere else.

use crate::color::Rgb;
use crate::layout::{
    Anchor, Axis, Band, Frame, Label, LegendItem, NextZone, Overview, Scene, Swatch,
    OVERVIEW_COLUMN,
};
use crate::model::Kind;
use crate::theme::Palette;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt;

mod marks;

/// What to emphasise: the mark whose card is open, and whether it has keyboard focus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    pub mark: Option<usize>,
    pub focus_ring: bool,
}

/// Drawing failed in the backend (for example a canvas without a 2D context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

fn col(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Sixteen points around the unit circle, written out so that drawing a circle as a polygon
/// needs no trigonometry (whose code would add kilobytes to the wasm).
const H: f64 = std::f64::consts::FRAC_1_SQRT_2;
const UNIT_CIRCLE: [(f64, f64); 16] = [
    (1.0, 0.0),
    (0.92388, 0.382683),
    (H, H),
    (0.382683, 0.92388),
    (0.0, 1.0),
    (-0.382683, 0.92388),
    (-H, H),
    (-0.92388, 0.382683),
    (-1.0, 0.0),
    (-0.92388, -0.382683),
    (-H, -H),
    (-0.382683, -0.92388),
    (0.0, -1.0),
    (0.382683, -0.92388),
    (H, -H),
    (0.92388, -0.382683),
];

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    k: f64,
    font: &'a str,
    /// The part of the scene the backend holds, from `top` to `bottom` in CSS px: all of it,
    /// except on the canvas of a tall chart ([`crate::layout::window`]).
    top: f64,
    bottom: f64,
}

/// The whole of a scene, for backends that hold all of it.
pub const WHOLE: (f64, f64) = (0.0, f64::INFINITY);

type R = Result<(), RenderError>;

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn p(&self, x: f64, y: f64) -> (i32, i32) {
        (
            (x * self.k).round() as i32,
            ((y - self.top) * self.k).round() as i32,
        )
    }

    /// Whether anything between `y0` and `y1` (CSS px, with some room for strokes) falls in
    /// the part of the scene held: what does not is not drawn at all.
    fn holds(&self, y0: f64, y1: f64) -> bool {
        y1 >= self.top - 40.0 && y0 <= self.bottom + 40.0
    }

    fn w(&self, px: f64) -> u32 {
        (px * self.k).round().max(1.0) as u32
    }

    fn draw<E>(&self, e: &E) -> R
    where
        for<'b> &'b E: plotters::element::PointCollection<'b, (i32, i32)>,
        E: plotters::element::Drawable<DB>,
    {
        self.area.draw(e).map_err(|e| RenderError(e.to_string()))
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, style: ShapeStyle) -> R {
        self.draw(&Rectangle::new([self.p(x0, y0), self.p(x1, y1)], style))
    }

    fn line(&self, pts: &[(f64, f64)], c: RGBAColor, width: f64) -> R {
        let pts: Vec<_> = pts.iter().map(|&(x, y)| self.p(x, y)).collect();
        self.draw(&PathElement::new(pts, c.stroke_width(self.w(width))))
    }

    /// A dashed polyline; canvas and SVG backends differ in dash support, so dashes are drawn
    /// as separate segments.
    fn dashed(&self, pts: &[(f64, f64)], c: RGBAColor, width: f64, dash: f64) -> R {
        for seg in pts.windows(2) {
            let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
            let len = (bx - ax).hypot(by - ay);
            let mut t = 0.0;
            while t < len {
                let t1 = (t + dash).min(len);
                let at = |s: f64| (ax + (bx - ax) * s / len, ay + (by - ay) * s / len);
                self.line(&[at(t), at(t1)], c, width)?;
                t += dash * 2.0;
            }
        }
        Ok(())
    }

    fn text(&self, l: &Label, palette: &Palette) -> R {
        let style = if l.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let h = match l.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let font = FontDesc::new(FontFamily::Name(self.font), l.px * self.k, style);
        let color = col(palette.ink(l.ink));
        let ts = TextStyle::from(font)
            .color(&color)
            .pos(Pos::new(h, VPos::Top));
        self.draw(&Text::new(l.text.clone(), self.p(l.x, l.y), ts))
    }

    /// The axis line, its ticks, and a light gridline up the chart from each year's tick.
    fn axis(&self, axis: &Axis, scene: &Scene, palette: &Palette) -> R {
        let ink = col(palette.axis).to_rgba();
        if axis.x1 > axis.x0 {
            self.line(&[(axis.x0, axis.y), (axis.x1, axis.y)], ink, 1.0)?;
        }
        for tick in &axis.ticks {
            let len = if tick.major { 7.0 } else { 3.5 };
            self.line(&[(tick.x, axis.y), (tick.x, axis.y + len)], ink, 1.0)?;
            if tick.grid {
                let top = scene.bands.first().map_or(axis.y, |b| b.rect.y1 + 2.0);
                self.dashed(
                    &[(tick.x, top), (tick.x, axis.y)],
                    col(palette.faint).mix(0.3),
                    1.0,
                    2.0,
                )?;
            }
        }
        Ok(())
    }

    /// The overview strip: the count of events along the whole history as a light profile,
    /// and the window shown as a framed box that can be dragged.
    fn overview(&self, o: &Overview, palette: &Palette) -> R {
        let r = o.rect;
        self.rect(
            r.x0,
            r.y0,
            r.x1,
            r.y1,
            col(palette.faint).mix(0.12).filled(),
        )?;
        let most = o.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
        let ink = col(palette.muted).mix(0.7).filled();
        for (k, &n) in o.counts.iter().enumerate().filter(|(_, &n)| n > 0) {
            // Square roots, so that one event beside a hundred still shows.
            let h = (r.y1 - r.y0 - 4.0) * (n as f64 / most).sqrt();
            let x = r.x0 + k as f64 * OVERVIEW_COLUMN;
            self.rect(
                x,
                r.y1 - 2.0 - h.max(1.0),
                x + OVERVIEW_COLUMN,
                r.y1 - 2.0,
                ink,
            )?;
        }
        let (a, b) = (
            o.window.0.max(r.x0),
            o.window.1.min(r.x1).max(o.window.0.max(r.x0) + 2.0),
        );
        self.rect(a, r.y0, b, r.y1, col(palette.focus).mix(0.15).filled())?;
        let edge = col(palette.text).to_rgba();
        self.line(
            &[(a, r.y0), (b, r.y0), (b, r.y1), (a, r.y1), (a, r.y0)],
            edge,
            1.5,
        )
    }

    /// The zone of undated events: a light fill with a dashed edge.
    fn zone(&self, z: &NextZone, palette: &Palette) -> R {
        let r = z.rect;
        self.rect(
            r.x0,
            r.y0,
            r.x1,
            r.y1,
            col(palette.faint).mix(0.08).filled(),
        )?;
        self.dashed(
            &[(r.x0, r.y0), (r.x0, r.y1)],
            col(palette.axis).to_rgba(),
            1.0,
            3.0,
        )?;
        Ok(())
    }

    /// A rating band: solid while the rating is reported, faded where it is assumed.
    fn band(&self, b: &Band, palette: &Palette) -> R {
        let r = b.rect;
        let color = palette.grade(b.grade).band;
        // The band runs from its start to `known_until` solid, then faded: after the latest
        // report the rating is assumed to hold, not reported.
        let (solid, faded, edges) = if b.vertical {
            let end = b.known_until.min(r.y1);
            (
                (r.x0, r.y0, r.x1, end),
                (r.x0, end, r.x1, r.y1),
                [[(r.x0, end), (r.x0, r.y1)], [(r.x1, end), (r.x1, r.y1)]],
            )
        } else {
            let end = b.known_until.min(r.x1);
            (
                (r.x0, r.y0, end, r.y1),
                (end, r.y0, r.x1, r.y1),
                [[(end, r.y0), (r.x1, r.y0)], [(end, r.y1), (r.x1, r.y1)]],
            )
        };
        self.rect(solid.0, solid.1, solid.2, solid.3, col(color).filled())?;
        if faded.2 > faded.0 && faded.3 > faded.1 {
            self.rect(
                faded.0,
                faded.1,
                faded.2,
                faded.3,
                col(color).mix(0.25).filled(),
            )?;
            for edge in edges {
                self.dashed(&edge, col(color).to_rgba(), 1.0, 3.0)?;
            }
        }
        Ok(())
    }

    /// A legend entry's swatch.
    fn swatch(&self, item: &LegendItem, palette: &Palette) -> R {
        let c = item.at;
        match item.swatch {
            Swatch::Marker(shape, kind, hollow) => self.marker(
                shape,
                c,
                6.0,
                palette.kind(kind).mark,
                hollow,
                palette.surface,
            )?,
            Swatch::Cluster => self.badge(c, 7.0, Kind::Other, false, "3", 8.0, palette)?,
            Swatch::Bar => {
                let ink = col(palette.kind(Kind::MonitoringVisit).mark).to_rgba();
                self.line(&[(c.x - 8.0, c.y), (c.x + 8.0, c.y)], ink, 2.0)?;
                self.line(&[(c.x - 8.0, c.y - 5.0), (c.x - 8.0, c.y + 5.0)], ink, 1.5)?;
                self.line(&[(c.x + 8.0, c.y - 5.0), (c.x + 8.0, c.y + 5.0)], ink, 1.5)?;
            }
            Swatch::Published => self.line(
                &[(c.x, c.y - 7.0), (c.x, c.y + 7.0)],
                col(palette.text).to_rgba(),
                2.0,
            )?,
        }
        Ok(())
    }
}

/// Draws `scene` on `area` with the mark in `hl` emphasised. `font` is a CSS font-family list
/// (the host page's font on a canvas); `scale` converts CSS pixels to backend pixels.
pub fn render<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    palette: &Palette,
    font: &str,
    scale: f64,
    hl: Highlight,
) -> R {
    render_base(area, scene, palette, font, scale, WHOLE)?;
    render_highlight(area, scene, palette, font, scale, WHOLE, hl)
}

/// Draws the emphasised mark (larger, with a focus ring when the keyboard put it there) over a
/// chart drawn by [`render_base`]. The canvas keeps the base as a bitmap and repaints only
/// this on pointer moves, so hovering stays fast with thousands of events. `window` is the
/// part of the scene the backend holds (`WHOLE`, or a canvas's window of a tall chart).
pub fn render_highlight<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    palette: &Palette,
    font: &str,
    scale: f64,
    window: (f64, f64),
    hl: Highlight,
) -> R {
    let Some(i) = hl.mark.filter(|&i| i < scene.marks.len()) else {
        return Ok(());
    };
    let p = Painter {
        area,
        k: scale,
        font,
        top: window.0,
        bottom: window.1,
    };
    p.mark(&scene.marks[i], palette, hl, i)?;
    area.present().map_err(|e| RenderError(e.to_string()))
}

/// Draws everything in `scene` with nothing emphasised: everything in `window`, the part of
/// the scene the backend holds.
pub fn render_base<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    palette: &Palette,
    font: &str,
    scale: f64,
    window: (f64, f64),
) -> R {
    let hl = Highlight::default();
    let p = Painter {
        area,
        k: scale,
        font,
        top: window.0,
        bottom: window.1,
    };
    if let Some(bg) = palette.background {
        area.fill(&col(bg))
            .map_err(|e| RenderError(e.to_string()))?;
    }

    if let Some(z) = &scene.next_zone {
        p.zone(z, palette)?;
    }
    for b in scene.bands.iter().filter(|b| p.holds(b.rect.y0, b.rect.y1)) {
        p.band(b, palette)?;
    }

    for r in &scene.rules {
        if !p.holds(r.from.y.min(r.to.y), r.from.y.max(r.to.y)) {
            continue;
        }
        p.line(
            &[(r.from.x, r.from.y), (r.to.x, r.to.y)],
            col(palette.faint).mix(0.35),
            1.0,
        )?;
    }

    if let Some(axis) = &scene.axis {
        p.axis(axis, scene, palette)?;
    }
    if let Some(o) = &scene.overview {
        p.overview(o, palette)?;
    }

    for (i, m) in scene.marks.iter().enumerate() {
        if p.holds(m.hit.y0, m.hit.y1) {
            p.mark(m, palette, hl, i)?;
        }
    }

    for item in &scene.legend {
        p.swatch(item, palette)?;
    }

    for l in scene.labels.iter().filter(|l| p.holds(l.y, l.y + l.px)) {
        p.text(l, palette)?;
    }
    area.present().map_err(|e| RenderError(e.to_string()))
}

/// Draws a [`Frame`]: its title, subtitle and credit, and the chart between them.
pub fn render_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    palette: &Palette,
    font: &str,
    scale: f64,
) -> R {
    let p = Painter {
        area,
        k: scale,
        font,
        top: 0.0,
        bottom: f64::INFINITY,
    };
    if let Some(bg) = palette.background {
        area.fill(&col(bg))
            .map_err(|e| RenderError(e.to_string()))?;
    }
    for l in &frame.labels {
        p.text(l, palette)?;
    }
    let (_, chart) = area.split_vertically((frame.chart_top * scale).round() as i32);
    let chart_palette = palette.without_background();
    render(
        &chart,
        &frame.scene,
        &chart_palette,
        font,
        scale,
        Highlight::default(),
    )
}

/// A frame as an SVG document `scale` times its CSS size, for the command line, the editor's
/// export and static fallbacks. Coordinates are whole pixels, so the output is byte-for-byte
/// repeatable.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub fn frame_to_svg(
    frame: &Frame,
    palette: &Palette,
    font: &str,
    scale: f64,
    size: (u32, u32),
) -> Result<String, RenderError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // Centre the frame vertically when the image is taller than it (a social card).
        let top = ((f64::from(size.1) - frame.height * scale) / 2.0)
            .max(0.0)
            .round() as i32;
        if let Some(bg) = palette.background {
            area.fill(&col(bg))
                .map_err(|e| RenderError(e.to_string()))?;
        }
        let (_, body) = area.split_vertically(top);
        // The whole image is filled above; the frame need not fill its part again.
        let clear = palette.without_background();
        render_frame(&body, frame, &clear, font, scale)?;
    }
    Ok(out)
}

/// The scene as an SVG document, for tests, the command line and static fallbacks.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub fn to_svg(
    scene: &Scene,
    palette: &Palette,
    font: &str,
    hl: Highlight,
) -> Result<String, RenderError> {
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        render(&area, scene, palette, font, 1.0, hl)?;
    }
    Ok(out)
}
