//! The legend: one entry for each kind of mark a chart uses, wrapped to its width.

use super::words::kind_label;
use super::{shape_of, Anchor, Ink, Label, LayoutConfig, LegendItem, Mark, Point, Swatch, PAD};
use crate::model::{Kind, Status, Timeline};
use crate::strings::{Key, Strings};

/// The entries the marks need, in a fixed order: done kinds, expected kinds, then the period
/// bar and the publication tick.
fn entries(t: &Timeline, marks: &[Mark], w: &Strings) -> Vec<(Swatch, String)> {
    let mut entries: Vec<(Swatch, String)> = Vec::new();
    // Kinds come from the whole history, so the legend does not change as the chart zooms
    // and the events of a kind are out of view or inside clusters.
    for expected in [false, true] {
        for (_, kind) in Kind::ALL {
            if t.events
                .iter()
                .any(|e| e.kind == kind && (e.status == Status::Expected) == expected)
            {
                let text = if expected {
                    w.fill(Key::KindExpected, &[("kind", kind_label(kind, w))])
                } else {
                    kind_label(kind, w).to_string()
                };
                entries.push((Swatch::Marker(shape_of(kind), kind, expected), text));
            }
        }
    }
    if marks.iter().any(|m| m.cluster.is_some()) {
        entries.push((Swatch::Cluster, w.get(Key::LegendCluster).into()));
    }
    if marks.iter().any(|m| m.bar.is_some()) {
        entries.push((Swatch::Bar, w.get(Key::LegendBar).into()));
    }
    if marks.iter().any(|m| m.published_x.is_some()) {
        entries.push((Swatch::Published, w.get(Key::LegendPublished).into()));
    }
    entries
}

/// Lays the legend out from `top`, adding its words to `labels`. Returns the entries and the
/// height of the chart below them.
pub fn legend(
    t: &Timeline,
    marks: &[Mark],
    width: f64,
    top: f64,
    small: f64,
    labels: &mut Vec<Label>,
    cfg: &LayoutConfig,
) -> (Vec<LegendItem>, f64) {
    let w = &cfg.locale.words;
    let mut items = Vec::new();
    let row_h = small + 8.0;
    let mut lx = PAD;
    let mut ly = top;
    for (swatch, text) in entries(t, marks, w) {
        // An entry wider than the chart is shortened, so that nothing is drawn off its edge.
        let Some(text) = cfg.ellipsize(&text, small, width - 2.0 * PAD - 36.0) else {
            continue;
        };
        let w = 22.0 + cfg.width_of(&text, small) + 14.0;
        if lx > PAD && lx + w > width - PAD {
            lx = PAD;
            ly += row_h;
        }
        items.push(LegendItem {
            at: Point {
                x: lx + 7.0,
                y: ly + small / 2.0,
            },
            swatch,
        });
        labels.push(Label {
            x: lx + 20.0,
            y: ly,
            text,
            px: small,
            anchor: Anchor::Start,
            ink: Ink::Muted,
            bold: false,
        });
        lx += w;
    }
    (items, (ly + row_h + 4.0).ceil())
}
