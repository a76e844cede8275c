//! The chart with its title, subtitle and credit around it, for static images (the command
//! line's SVG and PNG, the editor's exports) where the page's own headline is not there.

use super::{layout, words, Anchor, Ink, Label, LayoutConfig, Scene, PAD};
use crate::chronology::Chronology;
use crate::model::Timeline;
use crate::text::wrap;

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Title, subtitle and credit lines, positioned in the frame.
    pub labels: Vec<Label>,
    /// Where the chart's top edge sits in the frame.
    pub chart_top: f64,
    pub scene: Scene,
}

/// Lines of wrapped text, set from the top down.
struct Column {
    labels: Vec<Label>,
    width: f64,
    y: f64,
}

impl Column {
    /// Adds `text` wrapped to the column, then `gap` pixels.
    fn lines(&mut self, text: &str, px: f64, ink: Ink, bold: bool, gap: f64) {
        for line in wrap(text, px, self.width) {
            self.labels.push(Label {
                x: PAD,
                y: self.y,
                text: line,
                px,
                anchor: Anchor::Start,
                ink,
                bold,
            });
            self.y += px * 1.3;
        }
        self.y += gap;
    }
}

pub fn frame(t: &Timeline, c: &Chronology, cfg: &LayoutConfig) -> Frame {
    let width = cfg.width.max(200.0);
    let mut col = Column {
        labels: Vec::new(),
        width: width - 2.0 * PAD,
        y: PAD,
    };
    let title_px = (cfg.font_px * 1.55).round();
    col.lines(&t.title, title_px, Ink::Text, true, 2.0);
    if let Some(s) = &t.subtitle {
        col.lines(s, cfg.font_px, Ink::Muted, false, 0.0);
    }
    let chart_top = col.y + 6.0;
    let cfg = LayoutConfig {
        width,
        ..cfg.clone()
    };
    let scene = layout(t, c, &cfg);
    col.y = chart_top + scene.height + 4.0;
    let credit = words::credit(t, &cfg.locale);
    if !credit.is_empty() {
        col.lines(&credit, super::small_px(&cfg), Ink::Muted, false, 0.0);
    }
    Frame {
        width,
        height: (col.y + PAD).ceil(),
        labels: col.labels,
        chart_top,
        scene,
    }
}
