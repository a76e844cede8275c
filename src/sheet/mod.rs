//! Spreadsheets: the timeline kept as rows of a sheet, read from CSV or TSV (a sheet saved or
//! published as CSV, or cells copied to the clipboard) and written back.
//!
//! The sheet holds the same data as the JSON contract. Settings come first, one to a row with
//! its name in column A ("title", "credit", …); then, after a header row naming the columns
//! (it has an `id` and a `title` column), one row per finding. An event's own columns are
//! filled on its first row; the rows after it that repeat its id (or leave it blank) add a
//! finding and/or a source. Reading a sheet writes the JSON contract and checks it with the
//! same validator, so every message is the one a JSON file would get, pointed at a cell.

use std::fmt;

mod export;
mod import;
mod json_text;

pub use export::export;
pub use import::{import, import_on};

/// The columns of the events table, as the header names them.
pub const COLUMNS: &[&str] = &[
    "id",
    "subject",
    "kind",
    "title",
    "date",
    "end",
    "published",
    "status",
    "rating",
    "summary",
    "lane",
    "finding",
    "tone",
    "quote",
    "source",
    "url",
    "publisher",
    "source date",
];

/// The columns that belong to the event, written on its first row; the rest add a finding
/// or a source on any of its rows.
pub(crate) const EVENT_COLUMNS: usize = 11;

/// The settings above the table whose value is in column B, in the order they are written.
pub const SETTINGS: &[&str] = &[
    "title",
    "subtitle",
    "subject",
    "regulator",
    "updated",
    "credit",
    "version",
    "$schema",
];

/// The settings that take several columns: a grade of the scale (id, label, colour, and the
/// subject whose own scale it belongs to), and a subject (id, label).
pub const LISTS: &[&str] = &["grade", "subjects"];

/// A problem in a sheet, at a cell: its row and column from 1, and what the column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetProblem {
    pub row: usize,
    pub column: usize,
    /// The column's header ("date") or the setting's name ("title").
    pub field: String,
    pub message: String,
}

impl SheetProblem {
    /// The cell as a spreadsheet names it: "D7".
    pub fn cell(&self) -> String {
        cell_name(self.row, self.column)
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.cell(), self.message)
        } else {
            write!(f, "{} ({}): {}", self.cell(), self.field, self.message)
        }
    }
}

/// The spreadsheet name of the cell at `row` and `column`, both from 1: "A1", "D7", "AA10".
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column.max(1);
    while n > 0 {
        let r = (n - 1) % 26;
        letters.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// The separator of a sheet: the one that splits its header row (the first line with an `id`
/// and a `title` cell) into cells, so that a `.csv` saved by a European Excel (semicolons) or
/// Excel's "Unicode text" named `.csv` (tabs) are read all the same. Without such a line: a
/// tab for `.tsv` and `.tab` files and for text whose first line has a tab (cells copied from
/// a spreadsheet), else a comma.
pub fn separator(name: Option<&str>, text: &str) -> char {
    // The header's names as the reader matches them (`normal`), quotes aside.
    let names_columns = |line: &str, sep: char| {
        let cells: Vec<String> = line
            .split(sep)
            .map(|c| normal(c.trim().trim_matches('"')))
            .collect();
        cells.iter().any(|c| c == "id") && cells.iter().any(|c| c == "title")
    };
    for line in text.lines().take(100) {
        if let Some(sep) = [',', '\t', ';']
            .into_iter()
            .find(|&s| names_columns(line, s))
        {
            return sep;
        }
    }
    let lower = name.unwrap_or("").to_ascii_lowercase();
    if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        return '\t';
    }
    if lower.ends_with(".csv") {
        return ',';
    }
    if text.lines().next().is_some_and(|l| l.contains('\t')) {
        '\t'
    } else {
        ','
    }
}

/// What Windows-1252 maps the bytes 0x80 to 0x9F to; the bytes from 0xA0 are Latin-1's, the
/// code points of the same number. The five bytes it leaves undefined keep their own.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// How a spreadsheet workbook (.xlsx, .ods: a zip archive) begins.
pub const WORKBOOK: &[u8] = b"PK\x03\x04";

/// The text of a sheet file: UTF-8 (with or without a byte-order mark); UTF-16 with its
/// byte-order mark (Excel's "Unicode text"); or, when the bytes are not UTF-8, Windows-1252
/// (what Excel's "CSV (Comma delimited)" writes on Windows), with a note that says so, since
/// that is read by elimination rather than known.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{fffd}'))
            .collect::<String>()
    };
    match bytes {
        [0xff, 0xfe, ..] => (utf16(false), None),
        [0xfe, 0xff, ..] => (utf16(true), None),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(_) => {
                let text = bytes
                    .iter()
                    .map(|&b| match b {
                        0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
                        _ => char::from(b),
                    })
                    .collect();
                // A workbook (a zip archive) is refused by the reader for what it is; a note
                // about its encoding would only mislead.
                if bytes.starts_with(WORKBOOK) {
                    return (text, None);
                }
                let note = "the file is not UTF-8, so it was read as Windows-1252, the encoding of Excel's \"CSV (Comma delimited)\": check its accented letters and curly quotes, or save it as \"CSV UTF-8\"";
                (text, Some(note.to_string()))
            }
        },
    }
}

/// The rows of CSV (or TSV, with `sep` a tab) text, as RFC 4180 reads them: quoted cells may
/// hold the separator, line ends and doubled quotes; a byte-order mark is skipped; CR, LF and
/// CRLF end rows. Empty cells at the end of a row and empty rows at the end are dropped.
pub fn read(text: &str, sep: char) -> Vec<Vec<String>> {
    read_checked(text, sep).0
}

/// A quote mark that makes the cells after it run together: the row and column (from 0) of
/// the cell whose text it opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuoteSlip {
    /// Never closed: the rest of the file was read into the cell.
    Unclosed(usize, usize),
    /// Closed before the cell ends (text follows the closing quote): most often a quote
    /// typed at the start of a cell, whose close is the next cell's opening quote.
    ClosedEarly(usize, usize),
}

/// [`read`], and the first quote mark that ran cells together, if any. Cells copied from a
/// spreadsheet (tab-separated) are quoted only when they hold a line end or a tab, so there a
/// cell that merely starts with a quote mark (`"Serious failures" were found`) is read as
/// written; in a CSV file, where every program quotes such a cell, it is a slip to report.
pub fn read_checked(text: &str, sep: char) -> (Vec<Vec<String>>, Option<QuoteSlip>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // How many times a tab-separated cell may be read again as written: each time reads the
    // text from its quote mark again, so the work stays in proportion to the text.
    let mut rereads = 64;
    let mut opened = (0, 0);
    // Where the open quote is in `text`, and a quote mark that is text, not quoting.
    let (mut quote_at, mut as_written) = (0, None);
    let mut just_closed = false;
    let mut slip = None;
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    // Whether anything was read since the last row ended, so a final line end adds no row.
    let mut pending = false;
    let mut pos = 0;
    loop {
        let Some(c) = text[pos..].chars().next() else {
            if quoted && sep == '\t' && rereads > 0 {
                // Never closed: the cell is read again from its quote mark, as written.
                rereads -= 1;
                (pos, as_written, quoted) = (quote_at, Some(quote_at), false);
                cell.clear();
                continue;
            }
            break;
        };
        let at = pos;
        pos += c.len_utf8();
        let next = text[pos..].chars().next();
        if quoted {
            match c {
                '"' if next == Some('"') => {
                    pos += 1;
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    just_closed = true;
                }
                _ => cell.push(c),
            }
            continue;
        }
        if just_closed && c != sep && c != '\r' && c != '\n' && c != ' ' {
            if sep == '\t' && rereads > 0 {
                // Not quoting after all: the cell is read again from its quote mark.
                rereads -= 1;
                (pos, as_written, just_closed) = (quote_at, Some(quote_at), false);
                cell.clear();
                continue;
            } else if slip.is_none() {
                slip = Some(QuoteSlip::ClosedEarly(opened.0, opened.1));
            }
        }
        just_closed = just_closed && c == ' ';
        pending = true;
        match c {
            '"' if cell.is_empty() && as_written != Some(at) => {
                quoted = true;
                quote_at = at;
                opened = (rows.len(), row.len());
            }
            c if c == sep => row.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && next == Some('\n') {
                    pos += 1;
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                pending = false;
            }
            _ => cell.push(c),
        }
    }
    if pending || !cell.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    // A quote left open holds the rest of the file, blank or not: its row stays, so that the
    // problem names a row of the sheet.
    if quoted {
        return (rows, slip.or(Some(QuoteSlip::Unclosed(opened.0, opened.1))));
    }
    for row in &mut rows {
        while row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        for cell in row.iter_mut() {
            if guarded(cell) {
                cell.remove(0);
            }
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    (rows, slip)
}

/// The characters that make a spreadsheet read a cell as a formula (or, for `'`, that mark
/// the guard itself).
const FORMULA_START: [char; 5] = ['=', '+', '-', '@', '\''];

/// Whether `cell` was written with the guard [`write`] puts before text a spreadsheet would
/// take for a formula: a `'` before one of [`FORMULA_START`].
fn guarded(cell: &str) -> bool {
    cell.strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(FORMULA_START))
}

/// `rows` as CSV (or TSV) text, quoting the cells that need it, with CRLF line ends as
/// spreadsheets write them. Text that starts as a formula would (`=`, `+`, `-`, `@`) gets a
/// `'` before it, so that Excel, LibreOffice and Google Sheets show it as text rather than
/// work it out (a finding that begins "-3 social workers", or a hostile "=HYPERLINK(…)");
/// [`read`] takes the `'` off again.
pub fn write(rows: &[Vec<String>], sep: char) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            let guarded;
            let cell = if cell.starts_with(FORMULA_START) {
                guarded = format!("'{cell}");
                &guarded
            } else {
                cell
            };
            if cell.contains([sep, '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ')
            {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// A header or setting name as written by hand: its letters in any case (names are ASCII, and
/// folding only those keeps the Unicode case tables out of the build), spaces around it, `_`
/// or `-` for a space.
pub(crate) fn normal(name: &str) -> String {
    name.trim()
        .to_ascii_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
