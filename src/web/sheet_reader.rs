//! Reading a spreadsheet in the browser: the editor's paste, and the small module a page loads
//! only when its `src` is a sheet published as CSV. Both hand back the data's JSON, or the
//! problems by cell. The results are built as plain objects by hand: a serialiser would double
//! the size of the small module.

use crate::sheet;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// An object with the given fields.
fn object(fields: &[(&str, JsValue)]) -> Result<JsValue, JsValue> {
    let out = Object::new();
    for (k, v) in fields {
        Reflect::set(&out, &JsValue::from_str(k), v)?;
    }
    Ok(out.into())
}

/// The problems as `[{cell, row, column, field, message}]`: the cell as a spreadsheet names
/// it ("D7"), its row and column from 1, the column's name and the message.
fn listed(found: Vec<sheet::SheetProblem>) -> Result<JsValue, JsValue> {
    let list = Array::new();
    for p in found {
        list.push(&object(&[
            ("cell", p.cell().into()),
            ("row", (p.row as f64).into()),
            ("column", (p.column as f64).into()),
            ("field", p.field.into()),
            ("message", p.message.into()),
        ])?);
    }
    Ok(list.into())
}

/// The text of a sheet file's `bytes` and, when its encoding was read by elimination, a note
/// that says so: `{text, note}` (see [`sheet::decode`]).
#[wasm_bindgen(js_name = decodeSheet)]
pub fn decode_sheet(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let (text, note) = sheet::decode(bytes);
    object(&[
        ("text", text.into()),
        ("note", note.map_or(JsValue::NULL, JsValue::from)),
    ])
}

/// Reads a sheet (cells pasted from a spreadsheet, or a CSV or TSV file named `name`; tabs or
/// commas, as the text or the name shows) into the data's JSON: `{json, problems, warnings}`,
/// `json` null when there are problems, each problem as [`listed`] writes it.
#[wasm_bindgen(js_name = importSheet)]
pub fn import_sheet(text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
    // Today, for the warning about events dated after it.
    let today = crate::date::day_of(js_sys::Date::now() / 1000.0);
    match sheet::import_on(text, sheet::separator(name.as_deref(), text), Some(today)) {
        Ok((json, warnings)) => object(&[
            ("json", json.into()),
            ("problems", Array::new().into()),
            ("warnings", listed(warnings)?),
        ]),
        Err(problems) => object(&[
            ("json", JsValue::NULL),
            ("problems", listed(problems)?),
            ("warnings", Array::new().into()),
        ]),
    }
}
