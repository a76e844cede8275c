//! Reading a sheet into the JSON contract, each problem at its cell.
//!
//! The phases are the parts of the sheet, top to bottom: the settings, the header, the events
//! (their own cells, findings and sources); then the JSON is written and checked by the
//! validator, whose problems are pointed back at the cells their values came from.

use super::json_text::J;
use super::{
    cell_name, normal, read_checked, QuoteSlip, SheetProblem, COLUMNS, EVENT_COLUMNS, LISTS,
    SETTINGS,
};
use crate::model::Problem;
use crate::validate::{self, suggest};
use std::collections::HashMap;

/// A cell a JSON value came from: row and column from 1, and what the column holds.
struct Cell {
    row: usize,
    column: usize,
    field: String,
}

/// A subject of the settings: its row, its fields, and the grades of its own scale.
struct SubjectRow {
    id: String,
    row: usize,
    fields: Vec<(&'static str, J)>,
    own: Vec<(usize, J)>,
}

/// What the settings block holds.
#[derive(Default)]
struct Settings {
    top: Vec<(&'static str, J)>,
    schema: Option<J>,
    version: Option<String>,
    scale: Vec<J>,
    subjects: Vec<SubjectRow>,
}

/// One event being read: its first row, its own cells by column, and what its rows add.
struct Event {
    row: usize,
    own: Vec<(usize, String)>,
    findings: Vec<J>,
    sources: Vec<J>,
}

impl Event {
    fn id(&self) -> Option<&str> {
        self.own
            .iter()
            .find(|(k, _)| *k == 0)
            .map(|(_, v)| v.as_str())
    }
}

struct Reader<'s> {
    rows: &'s [Vec<String>],
    header: usize,
    /// For each of [`COLUMNS`], where the header has it.
    index: [Option<usize>; COLUMNS.len()],
    problems: Vec<SheetProblem>,
    /// The cell of each JSON path, looked up for every problem: by key, so that a sheet with a
    /// problem on every row takes time in proportion to its rows.
    cells: HashMap<String, Cell>,
}

/// Reads a sheet (`text`, with `sep` between cells) into the JSON contract, checked by the
/// validator. Returns the JSON text and the validator's warnings, each at its cell; or every
/// problem, the sheet's own and the validator's, in the order of the cells.
pub fn import(text: &str, sep: char) -> Result<(String, Vec<SheetProblem>), Vec<SheetProblem>> {
    import_on(text, sep, None)
}

/// Like [`import`], on the day `today` (days since 1970-01-01) when it is known, for the
/// warning about events dated after it.
pub fn import_on(
    text: &str,
    sep: char,
    today: Option<i64>,
) -> Result<(String, Vec<SheetProblem>), Vec<SheetProblem>> {
    let (rows, unclosed) = read_checked(text, sep);
    if let Some(slip) = unclosed {
        // The cells after it were read into that one: the other problems would only be
        // echoes of this one.
        let ((row, column), message) = match slip {
            QuoteSlip::Unclosed(r, c) => ((r, c), "a quote mark (\") opens this cell's text and is never closed, so the rest of the sheet was read into this cell: remove the quote mark, or close it after the cell's text"),
            QuoteSlip::ClosedEarly(r, c) => ((r, c), "a quote mark (\") opens this cell's text and closes before the cell ends, so the cells after it ran into this one: remove the quote mark, or close it after the cell's text (a quote mark inside quoted text is written twice, \"\")"),
        };
        return Err(vec![SheetProblem {
            row: row + 1,
            column: column + 1,
            field: String::new(),
            message: message.into(),
        }]);
    }
    // The header row is the first with an `id` and a `title` column.
    let header = rows.iter().position(|r| {
        let names: Vec<String> = r.iter().map(|c| normal(c)).collect();
        names.iter().any(|n| n == "id") && names.iter().any(|n| n == "title")
    });
    let Some(header) = header else {
        // A file that is not a sheet at all is named for what it is, at its start.
        let start = text
            .trim_start()
            .get(..200)
            .unwrap_or(text.trim_start())
            .to_ascii_lowercase();
        let (row, message) = if text.starts_with("PK\u{3}\u{4}") {
            (1, "this is a spreadsheet workbook (.xlsx or .ods), not a sheet saved as text: save it as CSV (in Excel, File › Save As › CSV UTF-8; in Google Sheets, File › Download › CSV) and use that file".to_string())
        } else if start.starts_with('<') && (start.contains("<html") || start.contains("<!doctype"))
        {
            (1, "this is a web page, not the sheet: if it came from a link, publish the sheet to the web as CSV and use the address that ends in output=csv".to_string())
        } else {
            (
                1,
                format!(
                    "no row names the columns: add a header row with at least id, kind, title and date (the columns are {})",
                    COLUMNS.join(", ")
                ),
            )
        };
        return Err(vec![SheetProblem {
            row,
            column: 1,
            field: String::new(),
            message,
        }]);
    };
    let mut r = Reader {
        rows: &rows,
        header,
        index: [None; COLUMNS.len()],
        problems: Vec::new(),
        cells: HashMap::new(),
    };
    let settings = r.settings();
    r.columns();
    let events = r.events();
    let json = r.json(settings, events);
    r.finish(json, today)
}

/// The column meant by a header that newsrooms often write for it ("Source title", "End
/// date"), where the nearest name or a column's name inside it would mislead ("source date",
/// "date").
fn alias(header: &str) -> Option<&'static str> {
    const ALIASES: &[(&str, &str)] = &[
        ("source title", "source"),
        ("source name", "source"),
        ("source url", "url"),
        ("source link", "url"),
        ("link", "url"),
        ("web address", "url"),
        ("source publisher", "publisher"),
        ("finding text", "finding"),
        ("finding tone", "tone"),
        ("finding quote", "quote"),
        ("start date", "date"),
        ("end date", "end"),
        ("published date", "published"),
        ("publication date", "published"),
        ("report published", "published"),
        ("event id", "id"),
        ("event title", "title"),
    ];
    ALIASES.iter().find(|(a, _)| *a == header).map(|(_, k)| *k)
}

impl Reader<'_> {
    fn problem(&mut self, row: usize, column: usize, field: &str, message: String) {
        self.problems.push(SheetProblem {
            row: row + 1,
            column: column + 1,
            field: field.to_string(),
            message,
        });
    }

    /// Records that the JSON value at `path` came from the cell at `row` and `column` (from 0).
    fn cell(&mut self, path: String, row: usize, column: usize, field: &str) {
        // The first cell recorded for a path is the one its problems point at.
        self.cells.entry(path).or_insert_with(|| Cell {
            row: row + 1,
            column: column + 1,
            field: field.to_string(),
        });
    }

    /// The column of `name` in the header, from 0.
    fn col(&self, name: &str) -> Option<usize> {
        self.index[COLUMNS.iter().position(|c| *c == name)?]
    }

    /// The trimmed value of `row` in the column `name` (empty without such a column).
    fn value(&self, row: usize, name: &str) -> String {
        self.col(name)
            .and_then(|c| self.rows[row].get(c))
            .map_or(String::new(), |v| v.trim().to_string())
    }

    /// The settings above the header: one to a row, its name in column A.
    fn settings(&mut self) -> Settings {
        let mut s = Settings::default();
        for r in 0..self.header {
            let row = &self.rows[r];
            let get = |i: usize| row.get(i).map_or(String::new(), |c| c.trim().to_string());
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let name = normal(&row[0]);
            if let Some(&key) = SETTINGS.iter().find(|k| **k == name) {
                // A value pushed out of column B (an empty column inserted before it) is one
                // problem, at the value: the setting is read from there, so that it is not
                // also reported missing.
                let pushed = (get(1).is_empty())
                    .then(|| (2..row.len()).find(|&c| !get(c).is_empty()))
                    .flatten();
                let value = match pushed {
                    Some(c) => {
                        let (at, b) = (cell_name(r + 1, c + 1), cell_name(r + 1, 2));
                        let message = format!("`{key}`'s value is in {at}, but a setting's value goes in column B: move it to {b}, or delete the empty column B");
                        self.problem(r, c, key, message);
                        get(c)
                    }
                    None => get(1),
                };
                self.setting(&mut s, r, key, value);
            } else if name == "grade" {
                let mut grade = vec![("id", J::Str(get(1))), ("label", J::Str(get(2)))];
                if !get(3).is_empty() {
                    grade.push(("color", J::Str(get(3))));
                }
                if get(4).is_empty() {
                    let path = format!("scale[{}]", s.scale.len());
                    self.grade_cells(&path, r);
                    s.scale.push(J::Obj(grade));
                } else if let Some(subject) = s.subjects.iter_mut().find(|x| x.id == get(4)) {
                    subject.own.push((r, J::Obj(grade)));
                } else {
                    let message = format!("no subjects row above has the id \"{}\"; add one, or leave column E empty for the file's own scale", get(4));
                    self.problem(r, 4, "grade", message);
                }
            } else if name == "subjects" {
                let mut fields = vec![("id", J::Str(get(1)))];
                if !get(2).is_empty() {
                    fields.push(("label", J::Str(get(2))));
                }
                s.subjects.push(SubjectRow {
                    id: get(1),
                    row: r,
                    fields,
                    own: Vec::new(),
                });
            } else {
                let mut known: Vec<&str> = SETTINGS.to_vec();
                known.extend_from_slice(LISTS);
                let message = match name.as_str() {
                    "" => format!(
                        "a setting needs its name in column A ({})",
                        known.join(", ")
                    ),
                    _ => {
                        let near = did_you_mean(&name, &known);
                        // A title typed over the sheet, alone in its row.
                        let alone = near.is_empty() && (1..row.len()).all(|c| get(c).is_empty());
                        let fix = if alone {
                            format!("; if it is the chart's title, write title in {} and move this text to {}; else delete the row", cell_name(r + 1, 1), cell_name(r + 1, 2))
                        } else {
                            String::new()
                        };
                        format!(
                            "`{}` is not a setting{near}{fix} (the settings are {})",
                            row[0].trim(),
                            known.join(", ")
                        )
                    }
                };
                self.problem(r, 0, "", message);
            }
        }
        s
    }

    /// A setting whose value is in column B.
    fn setting(&mut self, s: &mut Settings, r: usize, key: &'static str, value: String) {
        let seen = s.top.iter().any(|(k, _)| *k == key)
            || (key == "version" && s.version.is_some())
            || (key == "$schema" && s.schema.is_some());
        if seen {
            self.problem(r, 0, key, format!("`{key}` is set twice; keep one row"));
            return;
        }
        self.cell(key.to_string(), r, 1, key);
        match key {
            "version" => s.version = Some(value),
            "$schema" => s.schema = Some(J::Str(value)),
            _ if value.is_empty() => {}
            _ => s.top.push((key, J::Str(value))),
        }
    }

    /// Where the fields of the grade at `path` come from: its row's columns B, C and D.
    fn grade_cells(&mut self, path: &str, r: usize) {
        for (c, f) in [(1, "id"), (2, "label"), (3, "color")] {
            self.cell(format!("{path}.{f}"), r, c, "grade");
        }
        self.cell(path.to_string(), r, 1, "grade");
    }

    /// The header's columns, by name in any case; an unknown or repeated name is a problem.
    fn columns(&mut self) {
        for (c, name) in self.rows[self.header].iter().enumerate() {
            let n = normal(name);
            if n.is_empty() {
                continue;
            }
            match COLUMNS.iter().position(|k| *k == n) {
                Some(k) if self.index[k].is_some() => {
                    let message = format!("a second `{}` column; keep one", COLUMNS[k]);
                    self.problem(self.header, c, COLUMNS[k], message);
                }
                Some(k) => self.index[k] = Some(c),
                None => {
                    // A near name ("titel"), else a column's name inside it ("Published Date").
                    let within = || {
                        let padded = format!(" {n} ");
                        COLUMNS
                            .iter()
                            .copied()
                            .filter(|k| padded.contains(&format!(" {k} ")))
                            .max_by_key(|k| k.len())
                    };
                    let fix = match alias(&n).or_else(|| suggest(&n, COLUMNS)).or_else(within) {
                        Some(k) => format!("did you mean `{k}`? Rename it"),
                        None => "rename it, or delete the column (the newsroom's own notes can live in another tab of the spreadsheet)".to_string(),
                    };
                    let message = format!(
                        "`{}` is not a column; {fix}. The columns are {}",
                        name.trim(),
                        COLUMNS.join(", ")
                    );
                    self.problem(self.header, c, "", message);
                }
            }
        }
    }

    /// The events below the header: a row with a new id starts one; a row with its id, or
    /// none, adds a finding and a source to it.
    fn events(&mut self) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        for r in self.header + 1..self.rows.len() {
            if self.rows[r].iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let id = self.value(r, "id");
            let current = events.last().and_then(Event::id);
            if !id.is_empty() && current != Some(id.as_str()) {
                let own: Vec<(usize, String)> = (0..EVENT_COLUMNS)
                    .map(|k| (k, self.value(r, COLUMNS[k])))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                // A new id with nothing else of an event (no kind, title or date) is most
                // likely a slip in repeating the id of the event it adds to.
                if own.len() == 1 && !events.is_empty() {
                    let near = self.slip_for(&id, &events);
                    let at = self.col("id").unwrap_or(0);
                    let message = match near {
                        // The very id of an earlier event: the row is in the wrong place.
                        Some(k) if events[k].id() == Some(id.as_str()) => format!(
                            "this row adds to \"{id}\", the event on row {}, but other events come between them: move the row up to join that event's rows",
                            events[k].row + 1
                        ),
                        Some(k) => format!(
                            "\"{id}\" starts no event (this row has no kind, title or date): did you mean {}, the event on row {}? A row that adds a finding or a source repeats its event's id, or leaves it blank",
                            events[k].id().unwrap_or(""),
                            events[k].row + 1
                        ),
                        None => format!(
                            "\"{id}\" starts a new event but this row has no kind, title or date: fill them in, or, if the row adds a finding or a source to the event above, repeat that event's id (or leave it blank)"
                        ),
                    };
                    self.problem(r, at, "id", message);
                    // Read on as the event meant, so that one slip is reported once.
                    if near != Some(events.len() - 1) {
                        continue;
                    }
                } else {
                    events.push(Event {
                        row: r,
                        own,
                        findings: Vec::new(),
                        sources: Vec::new(),
                    });
                }
            } else if let Some(e) = events.last() {
                self.adds_only(r, e);
            } else {
                let message = "this row has no id and no event above it: give the event an id";
                self.problem(r, self.col("id").unwrap_or(0), "id", message.into());
                continue;
            }
            let k = events.len() - 1;
            if let Some(f) = self.finding(r, k, events[k].findings.len()) {
                events[k].findings.push(f);
            }
            if let Some(s) = self.source(r, k, events[k].sources.len()) {
                events[k].sources.push(s);
            }
        }
        events
    }

    /// The event of `events` whose id `id` is most likely a slip for.
    fn slip_for(&self, id: &str, events: &[Event]) -> Option<usize> {
        let ids: Vec<&str> = events.iter().filter_map(Event::id).collect();
        let meant = suggest(id, &ids)?;
        events.iter().position(|e| e.id() == Some(meant))
    }

    /// A row that adds to the event `e` above leaves the event's own cells to its first row.
    fn adds_only(&mut self, r: usize, e: &Event) {
        for (k, name) in COLUMNS.iter().enumerate().take(EVENT_COLUMNS) {
            let v = self.value(r, name);
            let first = e.own.iter().find(|(j, _)| *j == k).map(|(_, v)| v.as_str());
            if !v.is_empty() && first != Some(v.as_str()) {
                let message = format!(
                    "this row adds to the event on row {} (its id is blank or the same), so the event's {name} belongs on that row; give this row its own id to start a new event",
                    e.row + 1
                );
                self.problem(r, self.col(name).unwrap_or(0), name, message);
            }
        }
    }

    /// The finding on row `r`, the `i`th of event `k`: text, tone and whether it is quoted.
    fn finding(&mut self, r: usize, k: usize, i: usize) -> Option<J> {
        let (text, tone, quote) = (
            self.value(r, "finding"),
            self.value(r, "tone"),
            self.value(r, "quote"),
        );
        if text.is_empty() {
            for (name, v) in [("tone", &tone), ("quote", &quote)] {
                if !v.is_empty() {
                    let message = format!("a {name} needs a finding in the same row");
                    self.problem(r, self.col(name).unwrap_or(0), name, message);
                }
            }
            return None;
        }
        let path = format!("events[{k}].findings[{i}]");
        let [at_text, at_tone, at_quote] =
            ["finding", "tone", "quote"].map(|name| self.col(name).unwrap_or(0));
        self.cell(format!("{path}.text"), r, at_text, "finding");
        self.cell(path.clone(), r, at_text, "finding");
        let mut f = vec![("text", J::Str(text))];
        if !tone.is_empty() {
            self.cell(format!("{path}.tone"), r, at_tone, "tone");
            f.push(("tone", J::Str(tone)));
        }
        match normal(&quote).as_str() {
            "" => {}
            "yes" | "y" | "true" | "x" | "1" => f.push(("quote", J::Bool(true))),
            "no" | "n" | "false" | "0" => f.push(("quote", J::Bool(false))),
            _ => {
                let message = format!("\"{quote}\": write yes when the finding is the regulator's own words, or leave it empty");
                self.problem(r, at_quote, "quote", message);
            }
        }
        Some(J::Obj(f))
    }

    /// The source on row `r`, the `i`th of event `k`: title, address, publisher and date.
    fn source(&mut self, r: usize, k: usize, i: usize) -> Option<J> {
        let title = self.value(r, "source");
        let path = format!("events[{k}].sources[{i}]");
        let mut s = vec![("title", J::Str(title.clone()))];
        for (field, column) in [
            ("url", "url"),
            ("publisher", "publisher"),
            ("date", "source date"),
        ] {
            let v = self.value(r, column);
            let at = self.col(column).unwrap_or(0);
            if v.is_empty() {
                continue;
            }
            if title.is_empty() {
                let message = format!("a source's {column} needs the source's title in the source column of the same row");
                self.problem(r, at, column, message);
            } else {
                self.cell(format!("{path}.{field}"), r, at, column);
                s.push((field, J::Str(v)));
            }
        }
        if title.is_empty() {
            return None;
        }
        let at = self.col("source").unwrap_or(0);
        self.cell(format!("{path}.title"), r, at, "source");
        self.cell(path, r, at, "source");
        Some(J::Obj(s))
    }

    /// The JSON contract of `settings` and `events`, its fields in the contract's order.
    fn json(&mut self, settings: Settings, events: Vec<Event>) -> String {
        let mut doc: Vec<(&'static str, J)> = Vec::new();
        if let Some(s) = settings.schema {
            doc.push(("$schema", s));
        }
        let version = match settings.version.as_deref() {
            None | Some("") => J::Num("1".into()),
            Some(v) if v.bytes().all(|b| b.is_ascii_digit()) => J::Num(v.to_string()),
            Some(v) => J::Str(v.to_string()),
        };
        doc.push(("version", version));
        doc.extend(settings.top);
        if !settings.scale.is_empty() {
            doc.push(("scale", J::Arr(settings.scale)));
        }
        if !settings.subjects.is_empty() {
            let mut list = Vec::new();
            for (i, mut s) in settings.subjects.into_iter().enumerate() {
                let path = format!("subjects[{i}]");
                self.cell(format!("{path}.id"), s.row, 1, "subjects");
                self.cell(format!("{path}.label"), s.row, 2, "subjects");
                self.cell(path.clone(), s.row, 1, "subjects");
                for (j, (r, _)) in s.own.iter().enumerate() {
                    self.grade_cells(&format!("{path}.scale[{j}]"), *r);
                }
                if !s.own.is_empty() {
                    let grades = s.own.into_iter().map(|(_, g)| g).collect();
                    s.fields.push(("scale", J::Arr(grades)));
                }
                list.push(J::Obj(s.fields));
            }
            doc.push(("subjects", J::Arr(list)));
        }
        let mut list = Vec::new();
        for (k, e) in events.into_iter().enumerate() {
            let path = format!("events[{k}]");
            for (i, name) in COLUMNS.iter().enumerate().take(EVENT_COLUMNS) {
                if let Some(c) = self.index[i] {
                    self.cell(format!("{path}.{name}"), e.row, c, name);
                }
            }
            self.cell(path, e.row, self.col("id").unwrap_or(0), "id");
            let mut fields: Vec<(&'static str, J)> = e
                .own
                .into_iter()
                .map(|(i, v)| (COLUMNS[i], J::Str(v)))
                .collect();
            if !e.findings.is_empty() {
                fields.push(("findings", J::Arr(e.findings)));
            }
            if !e.sources.is_empty() {
                fields.push(("sources", J::Arr(e.sources)));
            }
            list.push(J::Obj(fields));
        }
        self.cell("events".into(), self.header, 0, "");
        doc.push(("events", J::Arr(list)));
        let mut json = String::new();
        J::Obj(doc).write(&mut json, 0);
        json.push('\n');
        json
    }

    /// The validator's problem `p` at the cell its value came from, in a sheet's words.
    /// `message` with each other event it names by its place in the JSON ("already used by
    /// events[0]") named by its row in the sheet instead ("by the event on row 3").
    fn rows_named(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let mut rest = message;
        while let Some(at) = rest.find("events[") {
            let after = &rest[at..];
            let end = after.find(']').map_or(after.len(), |e| e + 1);
            let (name, tail) = after.split_at(end);
            out.push_str(&rest[..at]);
            match self.cells.get(name).filter(|_| !tail.starts_with('.')) {
                Some(c) => {
                    out.push_str(&format!("the event on row {}", c.row));
                    // Its place in the list ("(the 1st event)") says less than its row.
                    rest = tail
                        .strip_prefix(" (the ")
                        .and_then(|t| t.split_once(" event)"))
                        .map_or(tail, |(_, t)| t);
                    continue;
                }
                None => out.push_str(name),
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }

    fn locate(&self, p: &Problem) -> SheetProblem {
        // "`title` is missing" names a field of the object at `path`: point at its cell.
        let missing = p
            .message
            .strip_prefix('`')
            .and_then(|m| m.split_once("` is missing"))
            .map(|(field, _)| field);
        let path = match missing {
            Some(f) if p.path.is_empty() => f.to_string(),
            Some(f) => format!("{}.{f}", p.path),
            None => p.path.clone(),
        };
        let message = match missing {
            // The setting's row is there, with nothing in its value's cell.
            Some(f) if p.path.is_empty() && self.cells.contains_key(f) => {
                format!("`{f}` is empty: write it in this cell")
            }
            Some(f) if p.path.is_empty() => format!(
                "`{f}` is missing: add a row above the events with {f} in column A and its value in column B"
            ),
            Some(f) if p.path.starts_with("events[") && self.col(f).is_none() => {
                format!("`{f}` is missing: add a column named {f}")
            }
            Some(f) => format!("`{f}` is missing: fill it in"),
            // No event below the header: said where they go, rather than at a path.
            None if p.path == "events" && p.message.starts_with("is empty") => {
                "there are no events: add a row under the header for each event".to_string()
            }
            None => in_cells(&self.rows_named(&p.message)),
        };
        // The cell of the path, or of the nearest path that holds it.
        let mut at = path.as_str();
        let found = loop {
            if let Some(c) = self.cells.get(at) {
                break Some(c);
            }
            match at.rfind(['.', '[']) {
                Some(cut) => at = &at[..cut],
                None => break None,
            }
        };
        match found {
            Some(c) => SheetProblem {
                row: c.row,
                column: c.column,
                field: c.field.clone(),
                message,
            },
            None => SheetProblem {
                row: 1,
                column: 1,
                field: String::new(),
                message,
            },
        }
    }

    /// Checks `json` with the validator: the sheet's own problems and the validator's
    /// together, or the JSON with the validator's warnings.
    fn finish(
        mut self,
        json: String,
        today: Option<i64>,
    ) -> Result<(String, Vec<SheetProblem>), Vec<SheetProblem>> {
        match validate::parse_with_warnings_on(&json, today) {
            Ok(checked) if self.problems.is_empty() => {
                let mut warnings: Vec<SheetProblem> =
                    checked.warnings.iter().map(|w| self.locate(w)).collect();
                warnings.extend(self.months_made_days());
                warnings.extend(self.unnamed_cells());
                warnings.sort_by_key(|p| (p.row, p.column));
                Ok((json, warnings))
            }
            Ok(_) => {
                self.problems.sort_by_key(|p| (p.row, p.column));
                Err(self.problems)
            }
            Err(found) => {
                let located: Vec<SheetProblem> = found.iter().map(|p| self.locate(p)).collect();
                self.problems.extend(located);
                self.problems.sort_by_key(|p| (p.row, p.column));
                Err(self.problems)
            }
        }
    }
}

impl Reader<'_> {
    /// A warning for each date column in which every whole date is the first of its month (at
    /// least two of them): what a spreadsheet makes of months typed as `2023-02` into a column it
    /// reads as dates, which would claim days the reporting never gave.
    fn months_made_days(&self) -> Vec<SheetProblem> {
        let mut found = Vec::new();
        for name in ["date", "end", "published", "source date"] {
            let Some(c) = self.col(name) else { continue };
            let days: Vec<(usize, &str)> = (self.header + 1..self.rows.len())
                .filter_map(|r| Some((r, self.rows[r].get(c)?.trim())))
                .filter(|(_, v)| {
                    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-'
                })
                .collect();
            if days.len() >= 2 && days.iter().all(|(_, v)| v.ends_with("-01")) {
                let (r, v) = days[0];
                found.push(SheetProblem {
                    row: r + 1,
                    column: c + 1,
                    field: name.to_string(),
                    message: format!(
                        "every {name} in this column is the first of its month, as a spreadsheet writes a month it has turned into a date; if only the months are known, write {} and the like, with the column formatted as text, so that the chart does not show days the reporting never gave",
                        &v[..7]
                    ),
                });
            }
        }
        found
    }
}

impl Reader<'_> {
    /// A warning for the first cell below the header that has text in a column the header
    /// does not name (an empty header cell, or past the last one): such text is left out of
    /// the data, and its writer most likely meant it to be read.
    fn unnamed_cells(&self) -> Option<SheetProblem> {
        let header = &self.rows[self.header];
        let named = |c: usize| header.get(c).is_some_and(|h| !h.trim().is_empty());
        for r in self.header + 1..self.rows.len() {
            for (c, v) in self.rows[r].iter().enumerate() {
                if !v.trim().is_empty() && !named(c) {
                    return Some(SheetProblem {
                        row: r + 1,
                        column: c + 1,
                        field: String::new(),
                        message: format!(
                            "this cell has text, but its column has no name in the header (row {}), so the text is left out; name the column, or clear the cell",
                            self.header + 1
                        ),
                    });
                }
            }
        }
        None
    }
}

/// A validator's message in a sheet's words: the JSON it would have the journalist write
/// ("status": "expected") said as what to write in a cell.
fn in_cells(message: &str) -> String {
    message
        .replace(
            "delete \"status\": \"expected\"",
            "clear the event's status cell",
        )
        .replace(
            "mark it \"status\": \"expected\"",
            "write expected in the event's status cell",
        )
        .replace(
            "add \"status\": \"expected\"",
            "write expected in the event's status cell",
        )
        .replace("\"status\": \"expected\"", "expected in the status cell")
}

/// "; did you mean `title`?" for a name near one of `known`, else nothing.
fn did_you_mean(name: &str, known: &[&str]) -> String {
    suggest(name, known)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}
