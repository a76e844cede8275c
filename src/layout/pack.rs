//! Room for every event in a lane: marks that would touch become one counted cluster, and
//! periods that overlap are stacked into rows, first fit, as vis-timeline stacks its items;
//! undated expected events wrap in the next zone.
//!
//! The wide layout ([`super::across`]) turns each event in the window into an [`Item`], groups
//! and packs them here, then gives each row its height and each item its mark.

use super::{MARK_R, MIN_TARGET};
use crate::chronology::{order_by, permute};

/// The most rows of marks in one lane; items that would need another join a cluster.
pub const MAX_ROWS: usize = 3;
/// Space kept clear between neighbouring items in a row.
const GAP: f64 = 4.0;
/// Marks whose centres are closer than this would touch: they are drawn as one cluster.
const CLOSE: f64 = 2.0 * MARK_R * 1.3 + 2.0;
/// A cluster gathers marks over at most this many pixels, so that it stays near its events.
const CLUSTER_REACH: f64 = 2.0 * CLOSE;
/// Distance between undated expected events side by side in the next zone.
const ZONE_STEP: f64 = 2.0 * MIN_TARGET + 4.0;

/// Something drawn in a lane before it has a row: one event, or a cluster of several.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Events in reading order.
    pub(super) events: Vec<usize>,
    /// Centres of the first and last event's marks.
    pub(super) first: f64,
    pub(super) last: f64,
    /// The period bar and publication tick of a single event.
    pub(super) bar: Option<(f64, f64)>,
    /// Whether the bar runs on past the window's start and end.
    pub(super) bar_cut: [bool; 2],
    pub(super) published_x: Option<f64>,
    /// Where the item's marks, bars and targets begin and end across the chart.
    pub(super) lo: f64,
    pub(super) hi: f64,
    /// First and last day (exclusive) of the events' periods, for zooming into a cluster;
    /// `None` for undated events.
    pub(super) days: Option<(f64, f64)>,
}

impl Item {
    pub(super) fn is_cluster(&self) -> bool {
        self.events.len() > 1
    }

    pub(super) fn center(&self) -> f64 {
        if self.is_cluster() {
            (self.first + self.last) / 2.0
        } else {
            self.first
        }
    }

    /// The extent of a cluster: its badge and the reach of its events.
    pub(super) fn cluster_extent(&mut self) {
        let c = self.center();
        self.lo = self.first.min(c - MIN_TARGET);
        self.hi = self.last.max(c + MIN_TARGET);
        self.bar = None;
        self.published_x = None;
    }

    /// Takes `other`'s events into this item, which becomes (or stays) a cluster.
    pub(super) fn absorb(&mut self, other: Item) {
        self.events.extend(other.events);
        self.first = self.first.min(other.first);
        self.last = self.last.max(other.last);
        self.days = match (self.days, other.days) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        };
        self.cluster_extent();
    }
}

/// Adds `item` to a lane's items in reading order, joining it to the last one when their
/// marks would touch, so close events become one counted cluster. These are stacked in rows
/// instead, each with its own mark and card, and counted into a cluster by [`pack`] only
/// when the rows run out: a period drawn with its bar, which already says where it lies;
/// and events of the very same period (two visits on one day, or known only to the same
/// year), which no zoom could ever tell apart.
pub(super) fn group(items: &mut Vec<Item>, item: Item) {
    if let Some(last) = items.last_mut() {
        let barred = item.bar.is_some() || last.bar.is_some();
        let same_period = item.days.is_some() && item.days == last.days && !last.is_cluster();
        if !barred
            && !same_period
            && item.first - last.last < CLOSE
            && item.last - last.first <= CLUSTER_REACH
        {
            last.absorb(item);
            return;
        }
    }
    items.push(item);
}

/// Packs a lane's items into rows, first fit in order of where they begin (as vis-timeline
/// stacks items), so that no two in a row overlap. An item that fits in none of
/// [`MAX_ROWS`] rows joins the item it runs into on the last row, as a cluster.
pub(super) fn pack(items: Vec<Item>, rank: &[usize]) -> Vec<Vec<Item>> {
    let key: Vec<f64> = items.iter().map(|i| i.lo).collect();
    let items = permute(items, &order_by(&key));
    let mut rows: Vec<Vec<Item>> = Vec::new();
    for item in items {
        let fits = rows
            .iter()
            .position(|row| row.last().map_or(true, |l| l.hi + GAP <= item.lo));
        match fits {
            Some(r) => rows[r].push(item),
            None if rows.len() < MAX_ROWS => rows.push(vec![item]),
            None => {
                let row = rows.last_mut().expect("MAX_ROWS rows exist");
                let last = row.last_mut().expect("rows are never empty");
                last.absorb(item);
            }
        }
    }
    for row in &mut rows {
        for item in row.iter_mut().filter(|i| i.is_cluster()) {
            let key: Vec<f64> = item.events.iter().map(|&e| rank[e] as f64).collect();
            item.events = permute(std::mem::take(&mut item.events), &order_by(&key));
        }
    }
    rows
}

/// Places a lane's undated expected events in the next zone (`x`, `w` wide), side by side
/// and then on further rows; when there are more than the rows hold, the last place is a
/// cluster of the rest.
pub(super) fn place_undated(rows: &mut Vec<Vec<Item>>, undated: &[usize], x: f64, w: f64) {
    if undated.is_empty() {
        return;
    }
    let per_row = ((w / ZONE_STEP).floor() as usize).max(1);
    let places = per_row * MAX_ROWS;
    let singles = if undated.len() <= places {
        undated.len()
    } else {
        places - 1
    };
    let mut slots: Vec<Vec<usize>> = undated[..singles].iter().map(|&i| vec![i]).collect();
    if singles < undated.len() {
        slots.push(undated[singles..].to_vec());
    }
    let n = slots.len();
    for (k, events) in slots.into_iter().enumerate() {
        let (row, col) = (k / per_row, k % per_row);
        let in_row = (n - row * per_row).min(per_row);
        let cx = x + w / 2.0 + (col as f64 - (in_row - 1) as f64 / 2.0) * ZONE_STEP;
        let mut item = Item {
            events,
            first: cx,
            last: cx,
            bar: None,
            bar_cut: [false; 2],
            published_x: None,
            lo: cx - MIN_TARGET,
            hi: cx + MIN_TARGET,
            days: None,
        };
        if item.is_cluster() {
            item.cluster_extent();
        }
        while rows.len() <= row {
            rows.push(Vec::new());
        }
        rows[row].push(item);
    }
}
