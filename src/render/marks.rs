//! Painting marks: the marker shapes, a single event's bar and publication tick, a cluster's
//! counted badge and reach, and the focus ring.

use super::{col, Highlight, Painter, Palette, R, UNIT_CIRCLE};
use crate::color::Rgb;
use crate::layout::{Anchor, Cluster, Label, Mark, Point, Shape};
use crate::model::Kind;
use crate::theme::Ink;
use plotters::prelude::*;

impl<DB: DrawingBackend> Painter<'_, DB> {
    pub(super) fn outline(&self, shape: Shape, c: Point, r: f64) -> Vec<(f64, f64)> {
        match shape {
            Shape::Diamond => {
                let r = r * 1.3;
                vec![
                    (c.x, c.y - r),
                    (c.x + r, c.y),
                    (c.x, c.y + r),
                    (c.x - r, c.y),
                ]
            }
            Shape::Square => {
                let r = r * 0.95;
                vec![
                    (c.x - r, c.y - r),
                    (c.x + r, c.y - r),
                    (c.x + r, c.y + r),
                    (c.x - r, c.y + r),
                ]
            }
            Shape::Triangle => {
                let r = r * 1.2;
                vec![
                    (c.x, c.y - r),
                    (c.x + r, c.y + r * 0.8),
                    (c.x - r, c.y + r * 0.8),
                ]
            }
            Shape::Circle => UNIT_CIRCLE
                .iter()
                .map(|&(dx, dy)| (c.x + r * dx, c.y + r * dy))
                .collect(),
        }
    }

    pub(super) fn marker(
        &self,
        shape: Shape,
        c: Point,
        r: f64,
        color: Rgb,
        hollow: bool,
        surface: Rgb,
    ) -> R {
        let pts = self.outline(shape, c, r);
        if hollow {
            let dev: Vec<_> = pts.iter().map(|&(x, y)| self.p(x, y)).collect();
            self.draw(&Polygon::new(dev, col(surface).filled()))?;
            let mut ring = pts.clone();
            ring.push(pts[0]);
            self.dashed(&ring, col(color).to_rgba(), 1.6, 2.6)
        } else {
            let dev: Vec<_> = pts.iter().map(|&(x, y)| self.p(x, y)).collect();
            self.draw(&Polygon::new(dev, col(color).filled()))?;
            // A light edge keeps touching markers apart.
            let mut ring = pts.clone();
            ring.push(pts[0]);
            self.line(&ring, col(surface).to_rgba(), 1.0)
        }
    }

    /// A round badge with a count in it: a cluster, or its legend swatch.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn badge(
        &self,
        c: Point,
        r: f64,
        kind: Kind,
        hollow: bool,
        count: &str,
        px: f64,
        palette: &Palette,
    ) -> R {
        let color = palette.kind(kind).mark;
        self.marker(Shape::Circle, c, r, color, hollow, palette.surface)?;
        // A filled badge carries its count in black or white, whichever reads; a hollow one in
        // the kind's colour.
        let ink = if hollow {
            Ink::Kind(kind)
        } else {
            Ink::OnKind(kind)
        };
        let label = Label {
            x: c.x,
            y: c.y - px * 0.55,
            text: count.to_string(),
            px,
            anchor: Anchor::Middle,
            ink,
            bold: true,
        };
        self.text(&label, palette)
    }

    /// A cluster: the reach of its events as a light bracket, and its counted badge.
    pub(super) fn cluster(
        &self,
        m: &Mark,
        cl: &Cluster,
        palette: &Palette,
        active: bool,
        ring: bool,
    ) -> R {
        let c = m.center;
        let (a, b) = cl.reach;
        if b - a > 2.0 * m.r {
            let ink = col(palette.muted).to_rgba();
            self.line(&[(a, c.y), (b, c.y)], ink, 1.5)?;
            self.line(&[(a, c.y - 4.0), (a, c.y + 4.0)], ink, 1.5)?;
            self.line(&[(b, c.y - 4.0), (b, c.y + 4.0)], ink, 1.5)?;
        }
        let r = if active { m.r + 1.5 } else { m.r };
        if ring {
            self.focus_ring(c, r, palette)?;
        }
        let n = cl.events.len();
        let (count, px) = match n {
            0..=99 => (n.to_string(), 10.0),
            100..=999 => (n.to_string(), 8.0),
            _ => (format!("{}k", n / 1000), 8.0),
        };
        self.badge(c, r, m.kind, m.expected, &count, px, palette)
    }

    pub(super) fn focus_ring(&self, c: Point, r: f64, palette: &Palette) -> R {
        let ring: Vec<_> = self.outline(Shape::Circle, c, r + 6.0);
        let mut closed = ring.clone();
        closed.push(ring[0]);
        self.line(&closed, col(palette.focus).to_rgba(), 2.5)
    }

    pub(super) fn mark(&self, m: &Mark, palette: &Palette, hl: Highlight, index: usize) -> R {
        let active = hl.mark == Some(index);
        if let Some(cl) = &m.cluster {
            return self.cluster(m, cl, palette, active, active && hl.focus_ring);
        }
        let color = palette.kind(m.kind).mark;
        let c = m.center;
        if let Some((a, b)) = m.bar {
            // The period an approximate date covers, drawn like an interval: a thin rule with
            // end caps, so that neighbouring years read as separate spans.
            // An end cut by the window of time shown has no cap: the period goes on.
            let ink = col(color).to_rgba();
            let (a, b) = (a + 1.5, b - 1.5);
            self.line(&[(a, c.y), (b, c.y)], ink, 2.0)?;
            for (x, cut) in [(a, m.bar_cut[0]), (b, m.bar_cut[1])] {
                if !cut {
                    self.line(&[(x, c.y - 5.0), (x, c.y + 5.0)], ink, 1.5)?;
                }
            }
        }
        if let Some(px) = m.published_x {
            let from = if px > c.x {
                c.x + m.r + 2.0
            } else {
                c.x - m.r - 2.0
            };
            self.dashed(
                &[(from, c.y), (px, c.y)],
                col(palette.muted).to_rgba(),
                1.0,
                2.0,
            )?;
            self.line(
                &[(px, c.y - 7.0), (px, c.y + 7.0)],
                col(color).to_rgba(),
                2.0,
            )?;
        }
        let r = if active { m.r + 1.5 } else { m.r };
        if active && hl.focus_ring {
            self.focus_ring(c, r, palette)?;
        }
        self.marker(m.shape, c, r, color, m.expected, palette.surface)?;
        if let Some(n) = m.number {
            // A filled marker carries its number in black or white, whichever reads; a hollow
            // one in the kind's colour.
            let ink = if m.expected {
                Ink::Kind(m.kind)
            } else {
                Ink::OnKind(m.kind)
            };
            let label = Label {
                x: c.x,
                y: c.y - 5.0,
                text: n.to_string(),
                px: 9.5,
                anchor: Anchor::Middle,
                ink,
                bold: true,
            };
            self.text(&label, palette)?;
        }
        Ok(())
    }
}
