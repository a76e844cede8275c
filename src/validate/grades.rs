//! The contract's grades: a rating scale (the file's, or a subject's own), and each event's
//! rating, checked against its subject's scale once the whole file has been read.

use super::fields::{join, padded, padded_message, quoted_list, suggest, Obj, Validator};
use super::{Rating, GRADE_FIELDS};
use crate::json::{Node, Value};
use crate::model::{Grade, Rgb};

impl Validator<'_> {
    /// The `scale` of `top` (the file or a subject): its valid grades, best first.
    pub(super) fn scale(&mut self, top: &Obj) -> Vec<Grade> {
        let items = self.list(top, "scale");
        let at = join(&top.path, "scale");
        if items.is_empty() {
            if let Some(n) = top.get("scale") {
                if matches!(n.value, Value::Array(_)) {
                    self.report(&at, n.offset, "is empty; list the grades best first, or remove `scale` to use Ofsted's four".into());
                }
            }
        }
        let mut grades: Vec<Grade> = Vec::new();
        let mut ids: Vec<(String, usize)> = Vec::new();
        for (i, node) in items.iter().enumerate() {
            let path = format!("{at}[{i}]");
            let Some(g) = self.object(node, &path, GRADE_FIELDS, "a grade") else {
                continue;
            };
            let id = self.string(&g, "id", true, "\"inadequate\"");
            let label = self.string(&g, "label", true, "\"Inadequate\"");
            let color = match g.get("color") {
                None => {
                    self.report(
                        &path,
                        node.offset,
                        "`color` is missing; add it, for example \"color\": \"#c01f2f\"".into(),
                    );
                    None
                }
                Some(Node {
                    value: Value::String(s),
                    offset,
                }) => {
                    let c = Rgb::parse(s);
                    if c.is_none() {
                        self.report(&join(&path, "color"), *offset, format!("\"{s}\" is not a colour; write it as # and six hex digits, for example \"#c01f2f\""));
                    }
                    c
                }
                Some(n) => {
                    self.wrong_type(&join(&path, "color"), n, "a colour such as \"#c01f2f\"");
                    None
                }
            };
            if let Some(id) = &id {
                if label.is_none() || color.is_none() {
                    self.grade_ids.push(id.clone());
                }
                if let Some((_, j)) = ids.iter().find(|(x, _)| x == id) {
                    self.report(
                        &join(&path, "id"),
                        g.get("id").map_or(node.offset, |n| n.offset),
                        format!(
                            "\"{id}\" is already used by {at}[{j}]; give each grade its own id"
                        ),
                    );
                } else {
                    ids.push((id.clone(), i));
                }
            }
            if let (Some(id), Some(label), Some(color)) = (id, label, color) {
                grades.push(Grade { id, label, color });
            }
        }
        grades
    }

    /// An event's rating as written: a grade id, or a problem when it is not text.
    pub(super) fn rating_id(&mut self, e: &Obj) -> Option<Rating> {
        let path = join(&e.path, "rating");
        match e.get("rating")? {
            Node {
                value: Value::String(s),
                offset,
            } => Some(Rating {
                path,
                id: s.to_string(),
                offset: *offset,
                event: None,
                item: 0,
            }),
            n => {
                self.wrong_type(&path, n, "a grade id in double quotes");
                None
            }
        }
    }

    /// A rating as an index into `grades`, or a problem naming the grades of the event's
    /// subject's `scale` (of every scale, when its subject is unknown).
    pub(super) fn rating(
        &mut self,
        r: &Rating,
        grades: &[Grade],
        scale: Option<&[usize]>,
    ) -> Option<usize> {
        let s = &r.id;
        let all: Vec<usize>;
        let scale = match scale {
            Some(scale) => scale,
            None => {
                all = (0..grades.len()).collect();
                &all
            }
        };
        let pos = scale.iter().copied().find(|&g| &grades[g].id == s);
        if pos.is_none() && !scale.is_empty() && !self.grade_ids.iter().any(|g| g == s) {
            let ids: Vec<&str> = scale.iter().map(|&g| grades[g].id.as_str()).collect();
            let message = match padded(s).filter(|(t, _)| ids.contains(t)) {
                Some((t, at)) => padded_message(s, t, at),
                None => {
                    let hint = match suggest(s, &ids) {
                        Some(g) => format!("did you mean `{g}`?"),
                        None => format!("use {}", quoted_list(&ids)),
                    };
                    format!("\"{s}\" is not a grade in the scale; {hint}")
                }
            };
            self.report(&r.path, r.offset, message);
        }
        pos
    }
}
