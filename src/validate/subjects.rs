//! The contract's subjects: the `subjects` list, each with its own scale, and the subject
//! each event names, checked once the whole file (the list may come after the events) has
//! been read.

use super::fields::{join, quoted_list, suggest, Obj, Validator};
use super::{Streamed, SUBJECT_FIELDS};
use crate::json::Value;
use crate::model::{Grade, Subject};
use std::collections::BTreeMap;

/// The subject an item of the events list names: its id and where, or where the event is
/// when it names none; and the event (an index into [`Streamed::events`]) when it is valid.
pub(super) struct Named {
    pub(super) id: Option<String>,
    /// The item is not an event, or its subject is not text: already reported.
    pub(super) skip: bool,
    pub(super) offset: usize,
    pub(super) event: Option<usize>,
}

impl Validator<'_> {
    /// The `subjects` list, each subject's own scale added to `grades`; a subject without
    /// one uses the file's, the first grades.
    pub(super) fn subjects(&mut self, top: &Obj, grades: &mut Vec<Grade>) -> Vec<Subject> {
        let file_scale: Vec<usize> = (0..grades.len()).collect();
        let items = self.list(top, "subjects");
        if let Some(n) = top.get("subjects") {
            if items.is_empty() && matches!(n.value, Value::Array(_)) {
                self.report("subjects", n.offset, "is empty; list the councils (or other services) the file is about, or remove `subjects` for a file about one".into());
            }
        }
        let mut out = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        for (i, node) in items.iter().enumerate() {
            let path = format!("subjects[{i}]");
            let Some(o) = self.object(node, &path, SUBJECT_FIELDS, "a subject") else {
                continue;
            };
            let id = self.string(&o, "id", true, "\"bury\"");
            let label = self.string(&o, "label", true, "\"Bury Council\"");
            let scale = match o.get("scale") {
                None => file_scale.clone(),
                Some(_) => {
                    let own = self.scale(&o);
                    let first = grades.len();
                    grades.extend(own);
                    (first..grades.len()).collect()
                }
            };
            let offset = o.get("id").map_or(node.offset, |n| n.offset);
            let id = id.filter(|id| {
                if id.contains(|c: char| c == ',' || c.is_whitespace()) {
                    self.report(&join(&path, "id"), offset, format!("\"{id}\" cannot be a subject id: the `subjects` attribute lists ids with commas, so write it without spaces or commas, for example \"{}\"", id.chars().map(|c| if c == ',' || c.is_whitespace() { '-' } else { c }).collect::<String>()));
                    return false;
                }
                if let Some(j) = ids.get(id) {
                    self.report(&join(&path, "id"), offset, format!("\"{id}\" is already used by subjects[{j}]; give each subject its own id"));
                    return false;
                }
                ids.insert(id.clone(), i);
                true
            });
            match (id, label) {
                (Some(id), Some(label)) => out.push(Subject { id, label, scale }),
                (Some(id), None) => {
                    self.subject_ids.insert(id, i);
                }
                _ => {}
            }
        }
        out
    }

    /// Gives each event the subject it names, reporting names that are unknown, missing
    /// while the file lists subjects, or given while it does not. Returns each item's
    /// subject, where known.
    pub(super) fn resolve_subjects(
        &mut self,
        s: &mut Streamed,
        subjects: &[Subject],
        has_list: bool,
    ) -> Vec<Option<usize>> {
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        for (k, s) in subjects.iter().enumerate() {
            ids.insert(s.id.clone(), k);
        }
        let mut of_item = Vec::with_capacity(s.named.len());
        for (i, named) in std::mem::take(&mut s.named).into_iter().enumerate() {
            let subject = match (&named.id, has_list) {
                _ if named.skip => None,
                (None, false) => Some(0),
                (Some(id), false) => {
                    self.report(&format!("events[{i}].subject"), named.offset, format!("names a subject, but the file has no `subjects` list; add one at the top, for example \"subjects\": [{{\"id\": \"{id}\", \"label\": \"Its name for readers\"}}], or remove `subject`"));
                    None
                }
                // An empty list has been reported already.
                (None, true) if subjects.is_empty() => None,
                (None, true) => {
                    let example = subjects.first().map_or("bury", |s| s.id.as_str());
                    self.report(&format!("events[{i}]"), named.offset, format!("`subject` is missing; this file lists subjects, so each event names the one it is about, for example \"subject\": \"{example}\""));
                    None
                }
                (Some(id), true) => {
                    let found = ids.get(id).copied();
                    // A subject whose own entry has a problem is reported there, not here.
                    if found.is_none() && !subjects.is_empty() && !self.subject_ids.contains_key(id)
                    {
                        let known: Vec<&str> = subjects.iter().map(|s| s.id.as_str()).collect();
                        let hint = match suggest(id, &known) {
                            Some(g) => format!("did you mean `{g}`?"),
                            None if known.len() <= 8 => format!("use {}", quoted_list(&known)),
                            None => "use the id of one of the `subjects`".to_string(),
                        };
                        self.report(
                            &format!("events[{i}].subject"),
                            named.offset,
                            format!("\"{id}\" is not in the `subjects` list; {hint}"),
                        );
                    }
                    found
                }
            };
            if let (Some(e), Some(k)) = (named.event, subject) {
                s.events[e].subject = k;
            }
            of_item.push(subject);
        }
        of_item
    }
}
