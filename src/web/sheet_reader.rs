//! Reading a spreadsheet in the browser: the editor's paste, and the small module a page loads
//! only when its `src` is a sheet published as CSV. Both hand back the data's JSON, or the
//! problems by cell.

use crate::sheet;
use wasm_bindgen::prelude::*;

/// A problem of a sheet: its cell ("D7"), row and column from 1, the column's name and the
/// message.
#[derive(serde::Serialize)]
struct CellProblem {
    cell: String,
    row: usize,
    column: usize,
    field: String,
    message: String,
}

/// The result of reading a sheet.
#[derive(serde::Serialize)]
struct SheetResult {
    /// The data as JSON text; absent (undefined) when the sheet has problems.
    json: Option<String>,
    problems: Vec<CellProblem>,
    warnings: Vec<CellProblem>,
}

fn listed(found: Vec<sheet::SheetProblem>) -> Vec<CellProblem> {
    found
        .into_iter()
        .map(|p| CellProblem {
            cell: p.cell(),
            row: p.row,
            column: p.column,
            field: p.field,
            message: p.message,
        })
        .collect()
}

/// The text of a sheet file's `bytes` and, when its encoding was read by elimination, a note
/// that says so: `{text, note}` (see [`sheet::decode`]).
#[wasm_bindgen(js_name = decodeSheet)]
pub fn decode_sheet(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let (text, note) = sheet::decode(bytes);
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"text".into(), &text.into())?;
    js_sys::Reflect::set(
        &out,
        &"note".into(),
        &note.map_or(JsValue::NULL, JsValue::from),
    )?;
    Ok(out.into())
}

/// Reads a sheet (cells pasted from a spreadsheet, or a CSV or TSV file named `name`; tabs or
/// commas, as the text or the name shows) into the data's JSON: `{json, problems, warnings}`,
/// each problem `{cell, row, column, field, message}`.
#[wasm_bindgen(js_name = importSheet)]
pub fn import_sheet(text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
    let result = match sheet::import(text, sheet::separator(name.as_deref(), text)) {
        Ok((json, warnings)) => SheetResult {
            json: Some(json),
            problems: Vec::new(),
            warnings: listed(warnings),
        },
        Err(problems) => SheetResult {
            json: None,
            problems: listed(problems),
            warnings: Vec::new(),
        },
    };
    serde_wasm_bindgen::to_value(&result).map_err(|e| JsValue::from_str(&e.to_string()))
}
