//! Choosing which subjects a chart shows: an article about two councils can embed a file about
//! a hundred and fifty, naming the two (`subjects="bury,rochdale"`), and a chart that would
//! show more than [`SHOWN_AT_FIRST`] shows that many until the reader asks for all.

use crate::model::{Problem, Subject, Timeline};
use crate::validate::{quoted_list, suggest};

/// How many subjects a chart shows before the reader asks to see all of them, so that a file of
/// a hundred and fifty councils does not make a page kilometres long by accident.
pub const SHOWN_AT_FIRST: usize = 8;

/// The subjects chosen for a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// The timeline to draw: the chosen subjects in the chosen order with only their events,
    /// or `None` when that is the file as it is.
    pub timeline: Option<Timeline>,
    /// Ids asked for that the file does not have, with a hint each.
    pub problems: Vec<Problem>,
    /// How many subjects are drawn, and how many were chosen (more when the rest wait for
    /// "Show all").
    pub shown: usize,
    pub chosen: usize,
}

impl Selection {
    /// How many chosen subjects wait for the reader to ask for all of them.
    pub fn hidden(&self) -> usize {
        self.chosen - self.shown
    }
}

/// The subjects of `t` named by `ids` (every subject when `None`), in that order; only the
/// first [`SHOWN_AT_FIRST`] unless `all`. Unknown ids are reported and the known ones drawn;
/// when no id is known, every subject is drawn rather than none, so that a slip in the
/// attribute never blanks the graphic.
pub fn select(t: &Timeline, ids: Option<&[String]>, all: bool) -> Selection {
    let mut problems = Vec::new();
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; t.subjects.len()];
    if let Some(ids) = ids {
        let known: Vec<&str> = t
            .subjects
            .iter()
            .filter(|s| s.is_listed())
            .map(|s| s.id.as_str())
            .collect();
        for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
            match t.subjects.iter().position(|s| s.is_listed() && s.id == id) {
                Some(k) if !taken[k] => {
                    taken[k] = true;
                    chosen.push(k);
                }
                Some(_) => {}
                None => problems.push(unknown(id, &known)),
            }
        }
    }
    if chosen.is_empty() {
        chosen = (0..t.subjects.len()).collect();
    }
    let n = chosen.len();
    if !all && n > SHOWN_AT_FIRST {
        chosen.truncate(SHOWN_AT_FIRST);
    }
    let shown = chosen.len();
    let same = chosen.iter().enumerate().all(|(k, &s)| k == s) && shown == t.subjects.len();
    Selection {
        timeline: (!same).then(|| only(t, &chosen)),
        problems,
        shown,
        chosen: n,
    }
}

/// The problem for an id of the `subjects` attribute that the data does not have.
fn unknown(id: &str, known: &[&str]) -> Problem {
    let message = if known.is_empty() {
        format!("\"{id}\" is not a subject: this data has no `subjects` list, so there is nothing to choose; remove the `subjects` attribute")
    } else {
        let hint = match suggest(id, known) {
            Some(k) => format!("did you mean `{k}`?"),
            None if known.len() <= 8 => format!("use {}", quoted_list(known)),
            None => "use the id of one of the data's `subjects`".to_string(),
        };
        format!("\"{id}\" is not a subject in the data; {hint}")
    };
    Problem {
        path: "subjects".into(),
        message,
        line: 0,
        column: 0,
    }
}

/// `t` with only the subjects `chosen` (indices into its subjects), in that order, and their
/// events, in file order.
fn only(t: &Timeline, chosen: &[usize]) -> Timeline {
    let mut new_index = vec![usize::MAX; t.subjects.len()];
    for (k, &s) in chosen.iter().enumerate() {
        new_index[s] = k;
    }
    let subjects: Vec<Subject> = chosen.iter().map(|&s| t.subjects[s].clone()).collect();
    let events = t
        .events
        .iter()
        .filter(|e| new_index[e.subject] != usize::MAX)
        .map(|e| {
            let mut e = e.clone();
            e.subject = new_index[e.subject];
            e
        })
        .collect();
    Timeline {
        title: t.title.clone(),
        subtitle: t.subtitle.clone(),
        subject: t.subject.clone(),
        regulator: t.regulator.clone(),
        updated: t.updated,
        credit: t.credit.clone(),
        grades: t.grades.clone(),
        default_scale: t.default_scale,
        subjects,
        events,
    }
}
