//! Which part of a tall chart the canvas holds.
//!
//! A chart of many subjects can be tens of thousands of pixels tall, and browsers refuse (or
//! draw nothing on) canvases that large: iOS Safari allows about 16 million pixels in all,
//! Firefox 32,767 along a side. So a tall chart keeps its full height in the page, and the
//! canvas holds only a window of it around what the reader can see, drawn again when scrolling
//! leaves that window.

/// The most device pixels a canvas may hold: iOS Safari's limit, the smallest of the engines'.
pub const CANVAS_PIXELS: f64 = 16_000_000.0;
/// A chart up to this tall (CSS px) is drawn whole when the engine allows, whatever the screen.
pub const SHORTEST: f64 = 2400.0;

/// The part of a chart `height` CSS px tall to draw, as `(top, bottom)` in CSS px, for a chart
/// `width` CSS px wide at `dpr` device pixels per CSS pixel, of which the reader sees the range
/// `visible` (in the chart's own coordinates; it may reach beyond the chart, or miss it).
/// `current` is the window drawn now: it is kept while it still covers what the reader sees,
/// so that scrolling redraws only now and then. The window is three screens tall (at least
/// [`SHORTEST`]), within [`CANVAS_PIXELS`].
///
/// # Examples
///
/// ```
/// use inspection_timeline::layout::window::drawn_window;
/// // A short chart is drawn whole.
/// assert_eq!(drawn_window(800.0, 600.0, 2.0, (0.0, 900.0), None), (0.0, 600.0));
/// // A tall one only around the screen.
/// let (top, bottom) = drawn_window(800.0, 40_000.0, 2.0, (20_000.0, 21_000.0), None);
/// assert!(top <= 20_000.0 && bottom >= 21_000.0 && bottom - top < 6_000.0);
/// ```
pub fn drawn_window(
    width: f64,
    height: f64,
    dpr: f64,
    visible: (f64, f64),
    current: Option<(f64, f64)>,
) -> (f64, f64) {
    let height = height.max(0.0);
    // Three screens, so that a reader scrolls a screen either way before the next drawing, and
    // never more than the engines allow.
    let screens = (3.0 * (visible.1 - visible.0)).max(SHORTEST);
    let most = (CANVAS_PIXELS / (width.max(1.0) * dpr.max(0.1).powi(2)))
        .floor()
        .min(screens);
    if height <= most {
        return (0.0, height);
    }
    // What the reader sees of the chart, kept to the chart.
    let (a, b) = (
        visible.0.clamp(0.0, height),
        visible
            .1
            .clamp(0.0, height)
            .max(visible.0.clamp(0.0, height)),
    );
    if let Some((top, bottom)) = current {
        if top <= a && b <= bottom && bottom - top <= most && bottom <= height {
            return (top, bottom);
        }
    }
    // Centred on what is seen, so that scrolling either way has room before a redraw.
    let middle = (a + b) / 2.0;
    let top = (middle - most / 2.0).clamp(0.0, height - most);
    (top, top + most)
}
