//! Typed readers of the fields of JSON objects, which report every problem with the field's
//! path and position: an object with only known fields, text, a date, one of a set of words,
//! a list. The contract in the parent module is written with them.

use crate::date::{DateError, PartialDate};
use crate::json::{self, Entry, Node, Value};
use crate::model::Problem;
use std::collections::BTreeMap;

pub(super) struct Validator<'a> {
    pub(super) text: &'a str,
    pub(super) problems: Vec<Problem>,
    /// Where each problem is, as a byte offset into `text`.
    pub(super) offsets: Vec<usize>,
    /// Ids of the grades of any scale that have a problem of their own, so that a rating
    /// naming such a grade is not reported a second time.
    pub(super) grade_ids: Vec<String>,
    /// Ids of the subjects whose own entry has a problem (a missing label, say), so that the
    /// events naming them are not reported as naming an unknown subject.
    pub(super) subject_ids: std::collections::BTreeMap<String, usize>,
}

/// Fields of one JSON object, looked up by name, with their path prefix.
pub(super) struct Obj<'n> {
    pub(super) path: String,
    entries: &'n [Entry<'n>],
    pub(super) offset: usize,
}

pub(crate) fn quoted_list(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// How many single-character edits (insert, delete, replace, or swap two neighbours) turn `a`
/// into `b`: the optimal string alignment distance. Field names and grade ids are short, so
/// two rows of a table suffice; written here rather than taken from a crate, whose general
/// version would cost every reader a hash table's code.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor", feature = "sheet"))]
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The known name closest to a misspelt one, if it is close enough to be a likely slip. A
/// newsroom tool's help, like the form of a hand-typed date: the reader's build, whose
/// problems only a developer's console shows, names none.
#[cfg(all(
    target_arch = "wasm32",
    not(feature = "editor"),
    not(feature = "sheet")
))]
pub(crate) fn suggest<'k>(_word: &str, _known: &[&'k str]) -> Option<&'k str> {
    None
}

/// The known name closest to a misspelt one, if it is close enough to be a likely slip.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor", feature = "sheet"))]
pub(crate) fn suggest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = word.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        // Within a third of the word: "titel" finds `title`, "poor" does not find `good`.
        .filter(|(d, k)| *d <= 3 && *d * 3 <= k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

impl<'a> Validator<'a> {
    /// Reports a value of the wrong JSON type: "expected `expected`, found a number".
    pub(super) fn wrong_type(&mut self, path: &str, node: &Node<'_>, expected: &str) {
        let found = node.value.kind_name();
        self.report(
            path,
            node.offset,
            format!("expected {expected}, found {found}"),
        );
    }

    /// Adds a problem at byte `offset`; its line and column are worked out once all are
    /// known ([`Validator::finish`]), in one pass over the text.
    pub(super) fn report(&mut self, path: &str, offset: usize, message: String) {
        self.offsets.push(offset);
        self.problems.push(Problem {
            path: path.to_string(),
            message,
            line: 0,
            column: 0,
        });
    }

    /// The problems in the order of the file (those at one place in the order they were
    /// found), each with its line and column.
    pub(super) fn finish(mut self) -> Vec<Problem> {
        // A misspelt field ("titel") is one slip: its "did you mean `title`?" says it all, and
        // "`title` is missing" for the same object would only count it twice. Keyed by text,
        // so that the work grows with the problems.
        let mut meant: BTreeMap<String, usize> = BTreeMap::new();
        for p in &self.problems {
            let name = p
                .message
                .strip_prefix("unknown field `")
                .and_then(|m| m.split_once("did you mean `"))
                .and_then(|(_, m)| m.split_once('`'));
            if let Some((name, _)) = name {
                let parent = p.path.rsplit_once('.').map_or("", |(parent, _)| parent);
                meant.insert(format!("{parent}`{name}"), 0);
            }
        }
        if !meant.is_empty() {
            let twice = |p: &Problem| {
                let name = p
                    .message
                    .strip_prefix('`')
                    .and_then(|m| m.split_once("` is missing"));
                name.is_some_and(|(name, _)| meant.contains_key(&format!("{}`{name}", p.path)))
            };
            let (problems, offsets): (Vec<Problem>, Vec<usize>) =
                std::mem::take(&mut self.problems)
                    .into_iter()
                    .zip(std::mem::take(&mut self.offsets))
                    .filter(|(p, _)| !twice(p))
                    .unzip();
            self.problems = problems;
            self.offsets = offsets;
        }
        in_text_order(self.text, &self.offsets, self.problems)
    }

    /// Checks that `node` is an object with only `known` fields, reporting duplicates and
    /// unknown names with a suggestion.
    pub(super) fn object<'n>(
        &mut self,
        node: &'n Node<'n>,
        path: &str,
        known: &[&str],
        what: &str,
    ) -> Option<Obj<'n>> {
        let Value::Object(entries) = &node.value else {
            self.wrong_type(path, node, &format!("{what} in {{ }}"));
            return None;
        };
        let mut seen: Vec<&str> = Vec::new();
        for e in entries {
            // Paths are built only for problems: most fields have none.
            let field_path = || join(path, &e.key);
            if !known.contains(&e.key.as_ref()) {
                let hint = match (suggest(&e.key, known), what, e.key.as_ref()) {
                    (Some(s), _, _) => format!("did you mean `{s}`?"),
                    // A finding's or a source's field written on the event itself.
                    (None, "an event", "text" | "tone" | "quote") => format!(
                        "`{}` belongs to a finding: put it inside \"findings\": [{{\"text\": \"…\", \"tone\": \"negative\"}}]",
                        e.key
                    ),
                    (None, "an event" | "a finding", "url" | "publisher") => format!(
                        "`{}` belongs to a source: put it inside the event's \"sources\": [{{\"title\": \"…\", \"url\": \"https://…\"}}]",
                        e.key
                    ),
                    (None, _, _) => format!("the fields allowed here are {}", quoted_list(known)),
                };
                self.report(
                    &field_path(),
                    e.key_offset,
                    format!("unknown field `{}`; {hint}", e.key),
                );
            } else if seen.contains(&e.key.as_ref()) {
                self.report(
                    &field_path(),
                    e.key_offset,
                    format!("`{}` appears twice; keep only one", e.key),
                );
            } else {
                seen.push(&e.key);
            }
        }
        Some(Obj {
            path: path.to_string(),
            entries,
            offset: node.offset,
        })
    }

    pub(super) fn string(
        &mut self,
        obj: &Obj,
        name: &str,
        required: bool,
        example: &str,
    ) -> Option<String> {
        let path = || join(&obj.path, name);
        match obj.get(name) {
            None if required => {
                self.report(
                    &obj.path,
                    obj.offset,
                    format!("`{name}` is missing; add it, for example \"{name}\": {example}"),
                );
                None
            }
            None => None,
            Some(Node {
                value: Value::String(s),
                offset,
            }) => {
                // What to do about empty text: a field that must be there is written, an
                // empty finding goes, anything else may go.
                let fix = || match (required, name) {
                    (true, "text") => {
                        "write the finding, or remove the whole finding from the list".to_string()
                    }
                    (true, _) => format!("write the {name}, for example {example}"),
                    (false, _) => "write some text or remove the field".to_string(),
                };
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    self.report(&path(), *offset, format!("is empty; {}", fix()));
                    None
                } else if !trimmed.chars().any(visible) {
                    self.report(
                        &path(),
                        *offset,
                        format!("has only invisible characters (such as zero-width spaces), so nothing would show; {}", fix()),
                    );
                    None
                } else {
                    Some(trimmed.to_string())
                }
            }
            Some(n) => {
                self.wrong_type(&path(), n, "text in double quotes");
                None
            }
        }
    }

    pub(super) fn date(&mut self, obj: &Obj, name: &str) -> Option<PartialDate> {
        let path = || join(&obj.path, name);
        match obj.get(name)? {
            Node {
                value: Value::String(s),
                offset,
            } => match s.parse::<PartialDate>() {
                Ok(d) => Some(d),
                Err(e) => {
                    // A date with a pasted space around it is said to be one.
                    if let Some((t, at)) =
                        padded(s).filter(|(t, _)| t.parse::<PartialDate>().is_ok())
                    {
                        self.report(&path(), *offset, padded_message(s, t, at));
                        return None;
                    }
                    // A date typed by hand ("Feb 2023") is shown in the contract's form by the
                    // newsroom's tools; the reader's build gives the general form.
                    #[cfg(any(not(target_arch = "wasm32"), feature = "editor", feature = "sheet"))]
                    let hint = crate::date::hand_written(s);
                    #[cfg(all(
                        target_arch = "wasm32",
                        not(feature = "editor"),
                        not(feature = "sheet")
                    ))]
                    let hint: Option<String> = None;
                    let how = match (&e, hint) {
                        (DateError::Shape, Some(hint)) => hint,
                        _ => e.to_string(),
                    };
                    // A date of the right shape says itself why it is none ("… is not a
                    // date: February 2024 has 29 days"): said once, with the value quoted.
                    let message = match how.strip_prefix(&**s) {
                        Some(rest) => format!("\"{s}\"{rest}"),
                        None => format!("\"{s}\" is not a date; {how}"),
                    };
                    self.report(&path(), *offset, message);
                    None
                }
            },
            n => {
                self.wrong_type(&path(), n, "a date in double quotes such as \"2023-02-27\"");
                None
            }
        }
    }

    pub(super) fn choice<T: Copy>(
        &mut self,
        obj: &Obj,
        name: &str,
        options: &[(&str, T)],
    ) -> Option<Option<T>> {
        let path = || join(&obj.path, name);
        let names = || options.iter().map(|(n, _)| *n).collect::<Vec<&str>>();
        match obj.get(name) {
            None => Some(None),
            Some(Node {
                value: Value::String(s),
                offset,
            }) => {
                if let Some((_, v)) = options.iter().find(|(n, _)| n == s) {
                    return Some(Some(*v));
                }
                if let Some((t, at)) =
                    padded(s).filter(|(t, _)| options.iter().any(|(n, _)| n == t))
                {
                    self.report(&path(), *offset, padded_message(s, t, at));
                    return None;
                }
                let names = names();
                let hint = match suggest(s, &names) {
                    Some(g) => format!("did you mean `{g}`?"),
                    None => format!("use {}", quoted_list(&names)),
                };
                self.report(
                    &path(),
                    *offset,
                    format!("\"{s}\" is not allowed here; {hint}"),
                );
                None
            }
            Some(n) => {
                self.wrong_type(&path(), n, &format!("one of {}", quoted_list(&names())));
                None
            }
        }
    }

    pub(super) fn list<'n>(&mut self, obj: &Obj<'n>, name: &str) -> &'n [Node<'n>] {
        match obj.get(name) {
            None => &[],
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items,
            Some(n) => {
                let path = join(&obj.path, name);
                self.wrong_type(&path, n, "a list in [ ]");
                &[]
            }
        }
    }
}

impl<'n> Obj<'n> {
    /// The first value under `name`; a repeated key has already been reported.
    pub(super) fn get(&self, name: &str) -> Option<&'n Node<'n>> {
        self.entries.iter().find(|e| e.key == name).map(|e| &e.node)
    }
}

/// The reader's build leaves this help to the newsroom's tools: such a value is reported as
/// any other that is not allowed.
#[cfg(all(
    target_arch = "wasm32",
    not(feature = "editor"),
    not(feature = "sheet")
))]
pub(super) fn padded(_s: &str) -> Option<(&str, &'static str)> {
    None
}

/// For a word or date with spaces or invisible characters around it (a non-breaking space
/// pasted from a web page, say): the word itself and where the extra characters are, so the
/// message can say so rather than show what looks like the right value.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor", feature = "sheet"))]
pub(super) fn padded(s: &str) -> Option<(&str, &'static str)> {
    let t = s.trim_matches(|c: char| !visible(c));
    let (start, end) = (!s.starts_with(t), !s.ends_with(t));
    let at = match (start, end) {
        _ if t.is_empty() => return None,
        (true, true) => "before and after it",
        (true, false) => "before it",
        (false, true) => "after it",
        (false, false) => return None,
    };
    Some((t, at))
}

/// The problem of a word `s` that is `t` with extra characters `at` some place.
pub(super) fn padded_message(s: &str, t: &str, at: &str) -> String {
    format!("\"{s}\" has a space or an invisible character {at} (perhaps pasted from a web page or a document); remove it, to leave \"{t}\"")
}

/// Whether `c` shows: not a space, not a control character, and not one of the format
/// characters that draw nothing (soft hyphen, zero-width spaces and joiners, direction marks,
/// the byte-order mark). The JSON Schema's text pattern lists the same characters, one by one,
/// since each regular expression engine has its own idea of `\s`.
fn visible(c: char) -> bool {
    !c.is_whitespace()
        && !c.is_control()
        && !matches!(c,
            '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202F}'
            | '\u{205F}'..='\u{206F}' | '\u{3000}' | '\u{FEFF}')
}

/// `problems`, found at byte `offsets` of `text`, in the order of the text (those at one place
/// in the order given), each with its line and column: for the validator's problems and its
/// warnings alike.
pub(super) fn in_text_order(text: &str, offsets: &[usize], problems: Vec<Problem>) -> Vec<Problem> {
    let key: Vec<f64> = offsets.iter().map(|&o| o as f64).collect();
    let order = crate::chronology::order_by(&key);
    let sorted: Vec<usize> = order.iter().map(|&k| offsets[k]).collect();
    let places = json::line_cols(text, &sorted);
    let mut out = crate::chronology::permute(problems, &order);
    for (p, (line, column)) in out.iter_mut().zip(places) {
        p.line = line;
        p.column = column;
    }
    out
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::{edit_distance, suggest};

    #[test]
    fn slips_of_the_hand_are_one_edit_and_names_far_apart_are_not_suggested() {
        assert_eq!(edit_distance("titel", "title"), 1, "two letters swapped");
        assert_eq!(edit_distance("tite", "title"), 1, "a letter left out");
        assert_eq!(edit_distance("tiitle", "title"), 1, "a letter doubled");
        assert_eq!(edit_distance("summery", "summary"), 1, "a letter wrong");
        assert_eq!(edit_distance("", "date"), 4);
        assert_eq!(edit_distance("kind", "kind"), 0);
        assert_eq!(suggest("Titel", &["title", "date"]), Some("title"));
        assert_eq!(suggest("poor", &["good", "inadequate"]), None);
    }
}
