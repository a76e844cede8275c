//! Finding the mark under the pointer without looking at every mark: a grid of cells over the
//! chart, each listing the marks whose targets reach it.

use super::{Mark, Point, HIT_RADIUS};

/// Marks by the [`GRID_CELL`]-pixel cells their targets (with [`HIT_RADIUS`] around) cover.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    columns: usize,
    cells: Vec<Vec<u32>>,
}

/// Size of a cell of the hit-testing [`Grid`].
pub const GRID_CELL: f64 = 32.0;

impl Grid {
    pub(super) fn new(marks: &[Mark], width: f64, height: f64) -> Grid {
        // Capped, so that a nonsense size cannot ask for an endless (or empty) grid.
        let count = |v: f64, most: f64| {
            if v.is_finite() {
                (v / GRID_CELL).ceil().clamp(1.0, most) as usize
            } else {
                1
            }
        };
        let (columns, rows) = (count(width, 4096.0), count(height, 65536.0));
        let mut cells = vec![Vec::new(); columns * rows];
        for (i, m) in marks.iter().enumerate() {
            let r = m.hit;
            let (c0, c1) = (
                cell(r.x0 - HIT_RADIUS, columns),
                cell(r.x1 + HIT_RADIUS, columns),
            );
            let (r0, r1) = (cell(r.y0 - HIT_RADIUS, rows), cell(r.y1 + HIT_RADIUS, rows));
            for row in r0..=r1 {
                for col in c0..=c1 {
                    cells[row * columns + col].push(i as u32);
                }
            }
        }
        Grid { columns, cells }
    }

    /// The marks whose targets may be within [`HIT_RADIUS`] of `p`.
    pub(super) fn near(&self, p: Point) -> &[u32] {
        if self.cells.is_empty() || !(p.x.is_finite() && p.y.is_finite()) {
            return &[];
        }
        let rows = self.cells.len() / self.columns;
        &self.cells[cell(p.y, rows) * self.columns + cell(p.x, self.columns)]
    }
}

/// The cell, of `n` along one side of a [`Grid`], that holds `v`; off the grid, the nearest.
fn cell(v: f64, n: usize) -> usize {
    ((v / GRID_CELL).floor().max(0.0) as usize).min(n - 1)
}
