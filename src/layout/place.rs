//! Where a mark's findings card goes: beside the mark on a short screen, else under or over
//! it, always inside the widget's width and on the part of the page the reader sees.

use super::{Mark, Point, Rect, Scene};

/// Where a card goes, and how tall it may be before it scrolls inside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardPlace {
    /// Its top-left corner.
    pub at: Point,
    /// When the screen has no room for all of it: the height that fits.
    pub max_height: Option<f64>,
}

impl CardPlace {
    /// Whether a card `w` by `h` pixels put here lies inside `clip`: a box of the host page
    /// that cuts off whatever overflows it (a column with `overflow: hidden`), in the chart's
    /// coordinates. Half a pixel either way is rounding, not a cut.
    ///
    /// # Examples
    ///
    /// ```
    /// use inspection_timeline::layout::{CardPlace, Point, Rect};
    /// let place = CardPlace { at: Point { x: 10.0, y: 200.0 }, max_height: Some(150.0) };
    /// let column = Rect { x0: 0.0, y0: 0.0, x1: 600.0, y1: 320.0 };
    /// assert!(!place.inside(340.0, 400.0, &column));
    /// assert!(place.inside(340.0, 100.0, &Rect { y1: 300.0, ..column }));
    /// ```
    pub fn inside(&self, w: f64, h: f64, clip: &Rect) -> bool {
        let h = self.max_height.map_or(h, |cut| h.min(cut));
        const ROUNDING: f64 = 0.5;
        self.at.x >= clip.x0 - ROUNDING
            && self.at.y >= clip.y0 - ROUNDING
            && self.at.x + w <= clip.x1 + ROUNDING
            && self.at.y + h <= clip.y1 + ROUNDING
    }
}

/// While the room below the lanes holds this much of a card, the card stays there (cut to
/// fit) rather than move above its mark.
const CARD_ROOM: f64 = 240.0;
/// The least of a card worth showing: with less room on either side, it goes below the lanes
/// uncut, and the page scrolls to it.
const CARD_MIN: f64 = 80.0;

/// How much more of a card standing beside its mark must show, than below or above it,
/// for it to stand there and cover other marks.
const SIDE_GAIN: f64 = 1.4;

/// Where a card `w` wide may stand beside `mark` in the wide layout, clear of it, inside the
/// widget: to its right if there is room, else to its left.
fn beside_mark(scene: &Scene, mark: &Mark, w: f64) -> Option<f64> {
    if scene.vertical {
        return None;
    }
    let gap = mark.r + 8.0;
    let right = mark.center.x + gap;
    let left = mark.center.x - gap - w;
    if right + w <= scene.width {
        Some(right)
    } else if left >= 0.0 {
        Some(left)
    } else {
        None
    }
}

/// Where to put a card `w` by `h` pixels for `mark`, inside the part of the chart the reader
/// can see, from `visible.0` to `visible.1` (the viewport's top and bottom, in the chart's
/// coordinates). Across the page the card goes below every lane, so that it never hides
/// another marker the pointer may be heading for, centred on the mark's time and moved left or
/// right to stay inside the widget; in the phone layout, under the mark's row, full width.
/// When that would run off the bottom of the screen it goes above the mark if it fits there;
/// else, across the page, beside the mark with the screen's whole height, when that shows
/// [`SIDE_GAIN`] times as much of it; else below, cut to the room there (it scrolls), while
/// that room is [`CARD_ROOM`] or more than above; else above, cut to fit. It never covers its
/// own mark.
pub fn place_card(scene: &Scene, mark: &Mark, w: f64, h: f64, visible: (f64, f64)) -> CardPlace {
    let (below, above_mark, x) = if scene.vertical {
        (mark.hit.y1, mark.hit.y0, 0.0)
    } else {
        let w = w.min(scene.width);
        let x = (mark.center.x - w / 2.0).clamp(0.0, (scene.width - w).max(0.0));
        // Below the axis; a chart with nothing dated has none, so below the mark.
        let below = scene.axis.as_ref().map_or(mark.hit.y1, |a| a.y + 2.0);
        (below, mark.center.y - mark.r - 10.0, x)
    };
    let (top, bottom) = visible;
    let room_below = bottom - below.max(top);
    let room_above = above_mark - top;
    let whole = |y: f64| CardPlace {
        at: Point { x, y },
        max_height: None,
    };
    let cut = |y: f64, room: f64| CardPlace {
        at: Point { x, y },
        max_height: (h > room).then_some(room),
    };
    // No screen to fit (nothing known, or nonsense): under the lanes, as if it were endless.
    let no_screen = bottom.partial_cmp(&top) != Some(std::cmp::Ordering::Greater);
    if no_screen || room_below >= h {
        return whole(below);
    } else if room_above >= h {
        return whole(above_mark - h);
    }
    // On a short screen (a landscape phone, an iframe as tall as the chart) the card may stand
    // beside its mark, right or left, over other marks but with the screen's whole height,
    // when that shows much more of it than the room below or above.
    let room = bottom - top;
    let shown = |room: f64| h.min(room);
    if let Some(x) = beside_mark(scene, mark, w) {
        if shown(room) >= CARD_MIN.min(h) && shown(room) > SIDE_GAIN * room_below.max(room_above) {
            let y = (mark.center.y - 2.0 * mark.r)
                .min(bottom - shown(room))
                .max(top);
            return CardPlace {
                at: Point { x, y },
                max_height: (h > room).then_some(room),
            };
        }
    }
    if room_below.max(room_above) < CARD_MIN.min(h) {
        whole(below)
    } else if room_below >= room_above || room_below >= CARD_ROOM {
        cut(below.max(top), room_below)
    } else {
        cut(above_mark - h.min(room_above), room_above)
    }
}
