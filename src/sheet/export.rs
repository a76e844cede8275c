//! Writing the data of a JSON file as a sheet.

use super::{write, COLUMNS, EVENT_COLUMNS, SETTINGS};
use crate::json::{self, Value};
use crate::model::Problem;
use crate::validate;

/// Writes the data of `json` (valid, or its problems are returned) as a sheet: settings, a
/// blank row, the header, and an event's rows after each other, each row repeating its id.
pub fn export(json_text: &str, sep: char) -> Result<String, Vec<Problem>> {
    validate::parse(json_text)?;
    let node =
        json::parse(json_text.strip_prefix('\u{feff}').unwrap_or(json_text)).map_err(|e| {
            vec![Problem {
                path: String::new(),
                message: e.message,
                line: 1,
                column: 1,
            }]
        })?;
    let Value::Object(top) = &node.value else {
        return Ok(String::new());
    };
    let text = |v: &Value| match v {
        Value::String(s) => s.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        _ => String::new(),
    };
    let field = |fields: &[json::Entry], name: &str| {
        fields
            .iter()
            .find(|e| e.key == name)
            .map(|e| text(&e.node.value))
            .unwrap_or_default()
    };

    let mut rows: Vec<Vec<String>> = Vec::new();
    for key in SETTINGS {
        if *key == "version" {
            let v = field(top, "version");
            // Version 1, however the file writes the number, is the sheet's own: no row.
            if !crate::json::number_is_one(&v) {
                rows.push(vec![(*key).into(), v]);
            }
            continue;
        }
        if top.iter().any(|e| e.key == *key) {
            rows.push(vec![(*key).into(), field(top, key)]);
        }
    }
    let grade_row = |g: &[json::Entry], subject: &str| {
        vec![
            "grade".to_string(),
            field(g, "id"),
            field(g, "label"),
            field(g, "color"),
            subject.to_string(),
        ]
    };
    for g in list(top, "scale") {
        rows.push(grade_row(&g, ""));
    }
    for s in list(top, "subjects") {
        rows.push(vec!["subjects".into(), field(&s, "id"), field(&s, "label")]);
    }
    for s in list(top, "subjects") {
        for g in list(&s, "scale") {
            rows.push(grade_row(&g, &field(&s, "id")));
        }
    }
    rows.push(Vec::new());
    rows.push(COLUMNS.iter().map(|c| c.to_string()).collect());
    for e in list(top, "events") {
        let findings = list(&e, "findings");
        let sources = list(&e, "sources");
        for i in 0..findings.len().max(sources.len()).max(1) {
            let mut row: Vec<String> = COLUMNS
                .iter()
                .take(EVENT_COLUMNS)
                .enumerate()
                .map(|(k, c)| {
                    if i == 0 || k == 0 {
                        field(&e, c)
                    } else {
                        String::new()
                    }
                })
                .collect();
            match findings.get(i) {
                Some(f) => row.extend([field(f, "text"), field(f, "tone"), field(f, "quote")]),
                None => row.extend([String::new(), String::new(), String::new()]),
            }
            if let Some(s) = sources.get(i) {
                row.extend(["title", "url", "publisher", "date"].map(|k| field(s, k)));
            }
            rows.push(row);
        }
    }
    Ok(write(&read_trimmed(rows), sep))
}

/// The objects of the list `name` of `fields`.
fn list<'a>(fields: &[json::Entry<'a>], name: &str) -> Vec<Vec<json::Entry<'a>>> {
    match fields.iter().find(|e| e.key == name).map(|e| &e.node.value) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|n| match &n.value {
                Value::Object(f) => Some(f.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `rows` without the empty cells at their ends, as [`read`] gives them back.
fn read_trimmed(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    for row in &mut rows {
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
    }
    rows
}
