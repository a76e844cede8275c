//! The facts every view of a timeline needs, computed once per data set: reading order, visit
//! numbers, the events that start rating bands, and lanes, for each subject of the file.
//!
//! Layout, the description, the card, the announcement and the events table all read one
//! [`Chronology`], so they cannot disagree about which visit is the third or what comes first.

use crate::model::{Event, Kind, Status, Timeline};
use std::ops::Range;

/// How the regulator's rule for councils rated inadequate reads: four to six monitoring visits
/// before a re-inspection.
pub const MONITORING_RULE: (usize, usize) = (4, 6);

/// Derived facts about a [`Timeline`]'s events. Event indices are into [`Timeline::events`].
#[derive(Clone, Debug, PartialEq)]
pub struct Chronology {
    /// Event indices in reading order: subject by subject in the order of the file's
    /// `subjects`; within each, by the middle of their period, then file order, undated
    /// expected events last. This is also the keyboard's order.
    pub order: Vec<usize>,
    /// For each event, its position in `order`.
    pub rank: Vec<usize>,
    /// For each event, its number among its subject's monitoring visits since the subject's
    /// last graded inspection, when that inspection gave the worst grade of the subject's
    /// scale: the visits the regulator's four-to-six rule counts.
    pub numbers: Vec<Option<usize>>,
    /// The done, dated events that gave a rating, in reading order: each starts a rating band
    /// of its subject.
    pub graded: Vec<usize>,
    /// Lane names, subject by subject, each subject's in order of first appearance, so the
    /// earliest kind of event sits on top.
    pub lanes: Vec<Lane>,
    /// For each event, its lane: an index into `lanes`.
    pub lane_of: Vec<usize>,
    /// For each lane, how many of its events are visits counted since the rating in force: a
    /// rating after the visits (a re-inspection) ends their count.
    pub lane_visits: Vec<usize>,
    /// For each event, the middle day of its period ([`Event::middle_day`]), which orders it.
    pub middle: Vec<Option<f64>>,
    /// The days the time axis must show: from the first to the last of every dated period's
    /// start and end, every publication, and the day after `updated`. `None` when nothing is
    /// dated.
    pub extent: Option<(f64, f64)>,
    /// Each subject's part of `order`, `graded` and `lanes`, in the order of
    /// [`Timeline::subjects`].
    pub sections: Vec<Section>,
}

/// One subject's part of a [`Chronology`]: ranges of its `order`, `graded` and `lanes`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Section {
    pub order: Range<usize>,
    pub graded: Range<usize>,
    pub lanes: Range<usize>,
    /// The monitoring visits counted since the subject's rating in force (none when that
    /// rating is not the worst grade, or when nothing gave a rating).
    pub visits: usize,
    /// The day after the latest thing reported of the subject: the end of its latest event
    /// that took place, or of its latest publication. Until then its rating in force is known
    /// from reports; after it (and so up to any expected event) it is only presumed. `None`
    /// when nothing of the subject is dated and done.
    pub reported_until: Option<f64>,
}

/// See [`Chronology::extent`].
fn extent(t: &Timeline) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut take = |a: f64, b: f64| {
        lo = lo.min(a);
        hi = hi.max(b);
    };
    for e in &t.events {
        let periods = [e.span(), e.published.map(|p| (p, p))];
        for (a, b) in periods.into_iter().flatten() {
            take(a.first_day() as f64, (b.last_day() + 1) as f64);
        }
    }
    if let Some(u) = t.updated {
        let d = (u.last_day() + 1) as f64;
        take(d, d);
    }
    lo.is_finite().then_some((lo, hi))
}

/// `0..key.len()` ordered by `key`, ties by index: the one sort the widget uses, so that every
/// reader downloads one sort routine rather than one per caller.
pub fn order_by(key: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..key.len()).collect();
    order.sort_unstable_by(|&a, &b| key[a].total_cmp(&key[b]).then(a.cmp(&b)));
    order
}

/// `items` reordered as `order` says, where `order` is a permutation of their indices.
pub fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// A lane: one the data names, or one for a kind of event with no `lane`, whose heading is
/// in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lane {
    Named(String),
    Inspections,
    MonitoringVisits,
    Others,
}

/// The lane an event is drawn in: its own `lane`, else one for its kind.
fn lane_of(e: &Event) -> Lane {
    match (&e.lane, e.kind) {
        (Some(name), _) => Lane::Named(name.clone()),
        (None, Kind::Inspection | Kind::Reinspection) => Lane::Inspections,
        (None, Kind::MonitoringVisit) => Lane::MonitoringVisits,
        (None, Kind::Other) => Lane::Others,
    }
}

/// Whether an event gave the service a rating, which starts a new count of visits.
fn gives_rating(e: &Event) -> bool {
    e.kind.is_graded() && e.status == Status::Done && e.rating.is_some()
}

impl Chronology {
    /// Works out every fact in time linear in the events, after one sort.
    pub fn new(t: &Timeline) -> Chronology {
        let n = t.events.len();
        let middle: Vec<Option<f64>> = t.events.iter().map(Event::middle_day).collect();
        let key: Vec<f64> = middle.iter().map(|m| m.unwrap_or(f64::INFINITY)).collect();
        let by_time = order_by(&key);
        let (lane_names, lane_rank) = lane_ranks(t, &by_time);
        // For each lane, the subject that last used it and where it sits in that subject.
        let mut last_used = vec![usize::MAX; lane_names.len()];
        let mut slot = vec![0; lane_names.len()];
        let order = by_subject(t, by_time);

        let mut rank = vec![0; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        let mut numbers = vec![None; n];
        // Whether each event is a visit counted since its subject's rating in force.
        let mut current = vec![false; n];
        let mut graded = Vec::new();
        let mut lanes: Vec<Lane> = Vec::new();
        let mut lane_of = vec![0; n];
        let mut sections: Vec<Section> = Vec::with_capacity(t.subjects.len());
        let mut r = 0;
        for (s, subject) in t.subjects.iter().enumerate() {
            let (first_graded, first_lane) = (graded.len(), lanes.len());
            let start = r;
            while order.get(r).is_some_and(|&i| t.events[i].subject == s) {
                r += 1;
            }
            let since = count_visits(
                t,
                subject.worst(),
                &order[start..r],
                &mut numbers,
                &mut graded,
            );
            let mut visits = 0;
            for &i in &order[start + since..r] {
                if numbers[i].is_some() {
                    visits += 1;
                    current[i] = true;
                }
            }
            // The subject's lanes, in the order of all lanes.
            let mut present: Vec<f64> = Vec::new();
            for &i in &order[start..r] {
                if last_used[lane_rank[i]] != s {
                    last_used[lane_rank[i]] = s;
                    present.push(lane_rank[i] as f64);
                }
            }
            for (k, p) in order_by(&present).into_iter().enumerate() {
                let rank = present[p] as usize;
                slot[rank] = first_lane + k;
                lanes.push(lane_names[rank].clone());
            }
            for &i in &order[start..r] {
                lane_of[i] = slot[lane_rank[i]];
            }
            let reported_until = order[start..r]
                .iter()
                .map(|&i| &t.events[i])
                .filter(|e| e.status == Status::Done)
                .flat_map(|e| [e.span().map(|(_, b)| b), e.published])
                .flatten()
                .map(|d| (d.last_day() + 1) as f64)
                .reduce(f64::max);
            sections.push(Section {
                order: start..r,
                graded: first_graded..graded.len(),
                lanes: first_lane..lanes.len(),
                visits,
                reported_until,
            });
        }
        let mut lane_visits = vec![0; lanes.len()];
        for i in 0..n {
            if current[i] {
                lane_visits[lane_of[i]] += 1;
            }
        }
        Chronology {
            order,
            rank,
            numbers,
            graded,
            lanes,
            lane_of,
            lane_visits,
            middle,
            extent: extent(t),
            sections,
        }
    }

    /// Subject `s`'s events in reading order.
    pub fn order_of(&self, s: usize) -> &[usize] {
        self.sections
            .get(s)
            .map_or(&[][..], |sec| &self.order[sec.order.clone()])
    }

    /// How many visits the four-to-six rule has counted for subject `s` since its rating in
    /// force: visits before a later re-inspection are no longer counted towards the next.
    pub fn visits(&self, s: usize) -> usize {
        self.sections.get(s).map_or(0, |sec| sec.visits)
    }

    /// The last event of subject `s` that gave a rating: the rating in force.
    pub fn last_graded(&self, s: usize) -> Option<usize> {
        let sec = self.sections.get(s)?;
        self.graded[sec.graded.clone()].last().copied()
    }

    /// The first expected event of subject `s` in reading order: what comes next.
    pub fn first_expected(&self, t: &Timeline, s: usize) -> Option<usize> {
        self.order_of(s)
            .iter()
            .copied()
            .find(|&i| t.events[i].status == Status::Expected)
    }

    /// The last done event of subject `s` in reading order: the latest report.
    pub fn last_done(&self, t: &Timeline, s: usize) -> Option<usize> {
        self.order_of(s)
            .iter()
            .rev()
            .copied()
            .find(|&i| t.events[i].status == Status::Done)
    }

    /// The subject whose part of the reading order holds position `rank`.
    pub fn section_at(&self, rank: usize) -> usize {
        self.sections
            .partition_point(|s| s.order.end <= rank)
            .min(self.sections.len().saturating_sub(1))
    }
}

/// Each lane's name, and for each event its lane's place among all lanes, by the lane's first
/// event in time across every subject: so that every subject lists its lanes in the same order
/// and a reader comparing two councils finds their inspections on the same line of each. Files
/// have a handful of lanes, so a list is searched rather than a map kept: a map keyed by name
/// would cost every reader its code.
fn lane_ranks(t: &Timeline, by_time: &[usize]) -> (Vec<Lane>, Vec<usize>) {
    let mut names: Vec<Lane> = Vec::new();
    let mut rank = vec![0; t.events.len()];
    for &i in by_time {
        let name = lane_of(&t.events[i]);
        rank[i] = match names.iter().position(|l| *l == name) {
            Some(k) => k,
            None => {
                names.push(name);
                names.len() - 1
            }
        };
    }
    (names, rank)
}

/// Numbers the monitoring visits among `events` (one subject's, in reading order) that follow
/// a graded inspection giving the `worst` grade, and adds the dated events that gave a rating
/// to `graded`. Returns the position in `events` after the last event that gave a rating:
/// where the rating in force begins.
fn count_visits(
    t: &Timeline,
    worst: Option<usize>,
    events: &[usize],
    numbers: &mut [Option<usize>],
    graded: &mut Vec<usize>,
) -> usize {
    let (mut counting, mut visit, mut since) = (false, 0, 0);
    for (k, &i) in events.iter().enumerate() {
        let e = &t.events[i];
        if gives_rating(e) {
            since = k + 1;
            counting = e.rating == worst;
            visit = 0;
            if e.span().is_some() {
                graded.push(i);
            }
        } else if counting && e.kind == Kind::MonitoringVisit && e.status == Status::Done {
            visit += 1;
            numbers[i] = Some(visit);
        }
    }
    since
}

/// `by_time` (event indices in time order) regrouped subject by subject, keeping time order
/// within each: a counting sort, linear in the events.
fn by_subject(t: &Timeline, by_time: Vec<usize>) -> Vec<usize> {
    if t.subjects.len() <= 1 {
        return by_time;
    }
    let mut start = vec![0; t.subjects.len() + 1];
    for e in &t.events {
        start[e.subject + 1] += 1;
    }
    for s in 1..start.len() {
        start[s] += start[s - 1];
    }
    let mut out = vec![0; by_time.len()];
    for i in by_time {
        let s = t.events[i].subject;
        out[start[s]] = i;
        start[s] += 1;
    }
    out
}
