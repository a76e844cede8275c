//! A small JSON reader that remembers where every value starts.
//!
//! The validator reports each problem at its field path and at the line and column of the
//! offending value, so that a journalist's editor can jump straight to it. Keeping the source
//! position of every value is what a general-purpose parser does not do, and the format is small
//! enough that reading it directly costs less code than adapting one.

use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value with the byte offset where it starts in the source text. Text without
/// escapes is borrowed from the source, not copied: a data file of ten thousand events holds
/// hundreds of thousands of keys and values.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written; the contract's only number is `version`, so it is compared as
    /// text and never converted.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Entries in source order; a repeated key is kept so the validator can report it.
    Object(Vec<Entry<'a>>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub key: Cow<'a, str>,
    pub key_offset: usize,
    pub node: Node<'a>,
}

impl Value<'_> {
    /// The word a journalist would use for this kind of value.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// Whether `number`, a JSON number as the file writes it, is exactly one however it is
/// written (1, 1.0, 1e0, 10E-1, 0.1e1), as JSON Schema's `const` compares numbers. Decided
/// from the digits, without reading the number as a float, whose parser would cost every
/// reader's download 14 KB of gzip.
///
/// # Examples
///
/// ```
/// use inspection_timeline::json::number_is_one;
/// assert!(number_is_one("1") && number_is_one("1.00") && number_is_one("100e-2"));
/// assert!(!number_is_one("-1") && !number_is_one("1.01") && !number_is_one("1e1"));
/// ```
pub fn number_is_one(number: &str) -> bool {
    if number.starts_with('-') {
        return false;
    }
    let (mantissa, exp) = match number.find(['e', 'E']) {
        Some(i) => (&number[..i], &number[i + 1..]),
        None => (number, "0"),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((_, "")) => return false,
        Some(parts) => parts,
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return false;
    }
    // The one nonzero digit must be a 1, worth 10^0 once the exponent is counted: its place
    // in the integer digits (0 for the units) less the exponent.
    let digits = int.bytes().chain(frac.bytes());
    let mut nonzero = digits.enumerate().filter(|&(_, d)| d != b'0');
    let (Some((at, b'1')), None) = (nonzero.next(), nonzero.next()) else {
        return false;
    };
    let (negative, magnitude) = match exp.as_bytes().first() {
        Some(b'-') => (true, &exp[1..]),
        Some(b'+') => (false, &exp[1..]),
        _ => (false, exp),
    };
    // An exponent longer than the whole number cannot bring its digit back to the units.
    if magnitude.is_empty() || !all_digits(magnitude) {
        return false;
    }
    let Some(e) = magnitude
        .bytes()
        .try_fold(0usize, |e, d| {
            e.checked_mul(10)?.checked_add(usize::from(d - b'0'))
        })
        .filter(|&e| e <= number.len())
    else {
        return false;
    };
    let place = int.len() - 1;
    if negative {
        at + e == place
    } else {
        at == place + e
    }
}

/// The text is not JSON. `offset` is where the reader gave up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Line and column (both from 1, columns counted in characters) of a byte offset. Lines end
/// at LF, CRLF or a lone CR (old Mac files). For many offsets use [`line_cols`], which reads
/// the text once.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    line_cols(text, &[offset])[0]
}

/// [`line_col`] of each of `offsets`, which must be in increasing order: one pass over the
/// text, however many there are.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(u32, u32)> {
    let s = text.as_bytes();
    let (mut line, mut col) = (1u32, 1u32);
    // A byte-order mark is not a column an editor shows.
    let mut i = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut out = Vec::with_capacity(offsets.len());
    for &offset in offsets {
        let offset = offset.min(s.len());
        while i < offset {
            match s[i] {
                b'\n' => {
                    line += 1;
                    col = 1;
                }
                // A CR ends a line unless an LF follows, which ends it instead.
                b'\r' if s.get(i + 1) != Some(&b'\n') => {
                    line += 1;
                    col = 1;
                }
                b'\r' => {}
                // Continuation bytes of UTF-8 are part of the character before.
                b if b & 0xC0 == 0x80 => {}
                _ => col += 1,
            }
            i += 1;
        }
        out.push((line, col));
    }
    out
}

/// What to do about curly quotes where JSON needs straight ones.
const CURLY: &str = "replace the curly quotes “ ” with straight ones \"";
/// What to do about an invisible space between the data's parts.
const ODD_SPACE: &str = "there is an invisible space here that JSON does not allow (a non-breaking or zero-width space, often pasted from a web page or a word processor); delete it, or type an ordinary space";
const COMMENT: &str =
    "JSON has no comments: remove this note (a note for readers belongs in an event's summary)";
const WEB_PAGE: &str = "this is a web page (HTML), not the data: a sign-in or error page was saved in its place; open the data's address in a browser, and save the data file itself";

/// Deepest nesting accepted; data files are a few levels deep, and a limit keeps hostile input
/// from exhausting the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    parse_inner(text, None)
}

/// Like [`parse`], but each item of the top-level object's `events` list is handed to
/// `each_event` (with its place in the list) as soon as it is read, and not kept: in the tree
/// that list is left empty. A data file's events are nearly all of it, so the whole file is
/// never held as a tree at once.
pub fn parse_streaming<'a>(
    text: &'a str,
    each_event: &mut dyn FnMut(usize, Node<'a>),
) -> Result<Node<'a>, SyntaxError> {
    parse_inner(text, Some(each_event))
}

fn parse_inner<'a>(
    text: &'a str,
    stream: Option<&mut dyn FnMut(usize, Node<'a>)>,
) -> Result<Node<'a>, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        // A byte-order mark, which some editors write at the start of UTF-8 files, is not
        // part of the data (the browser's `res.text()` drops it too); offsets still count it.
        i: if text.starts_with('\u{FEFF}') { 3 } else { 0 },
        depth: 0,
        stream,
        events_next: false,
    };
    p.skip_ws();
    if p.i == p.s.len() {
        return Err(p.err("the file is empty; it should start with {"));
    }
    let node = p.value()?;
    p.skip_ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the end of the data; remove it"));
    }
    Ok(node)
}

struct Parser<'a, 'f> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
    /// Where the top-level `events` list's items go, when they are streamed.
    stream: Option<&'f mut dyn FnMut(usize, Node<'a>)>,
    /// The value about to be read is the top-level `events`.
    events_next: bool,
}

impl<'a> Parser<'a, '_> {
    fn err(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Whether a comment starts here (`//` or `/*`), which JSON does not allow.
    fn comment(&self) -> bool {
        let rest = &self.s[self.i..];
        rest.starts_with(b"//") || rest.starts_with(b"/*")
    }

    /// Whether a space JSON does not count as one is next: a non-breaking or zero-width space,
    /// invisible on screen, as pages and word processors paste them.
    fn odd_space(&self) -> bool {
        let rest = &self.s[self.i..];
        [
            "\u{a0}", "\u{200b}", "\u{2007}", "\u{202f}", "\u{3000}", "\u{feff}",
        ]
        .iter()
        .any(|q| rest.starts_with(q.as_bytes()))
    }

    /// Whether a curly quote mark (“ ” ‘ ’), as word processors type, is next.
    fn curly(&self) -> bool {
        let rest = &self.s[self.i..];
        ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]
            .iter()
            .any(|q| rest.starts_with(q.as_bytes()))
    }

    /// When text (ending at `value_end`) is followed by more words rather than a comma, the
    /// likely cause is a quote mark inside the text that ended it early: said so, at that mark.
    fn ended_early(&self, was_text: &bool, value_end: usize) -> Option<SyntaxError> {
        let next = self.peek()?;
        (*was_text && (next.is_ascii_alphanumeric() || next >= 0x80)).then(|| SyntaxError {
            offset: value_end - 1,
            message:
                "this quote mark ends the text early; a quote mark inside text must be written \\\""
                    .into(),
        })
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let offset = self.i;
        let events = std::mem::take(&mut self.events_next);
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array(events && self.stream.is_some())?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'\'') => return Err(self.err("use double quotes \" around text, not single quotes")),
            _ if self.curly() => return Err(self.err(CURLY)),
            _ if self.odd_space() => return Err(self.err(ODD_SPACE)),
            _ if self.comment() => return Err(self.err(COMMENT)),
            Some(b'<') => return Err(self.err(WEB_PAGE)),
            Some(b'}' | b']') => return Err(self.err("expected a value here; remove the comma before it")),
            Some(_) => return Err(self.err("expected a value: text in double quotes, a number, true, false, a list [...] or an object {...}")),
            None => return Err(self.err("the data ends too early; a closing } or ] is missing")),
        };
        Ok(Node { value, offset })
    }

    fn literal(&mut self, word: &str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("expected a value; put text in double quotes"))
        }
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i > from
        };
        let int = self.i;
        if !digits(self) {
            return Err(self.err("expected digits after -"));
        }
        if self.s[int] == b'0' && self.i > int + 1 {
            return Err(SyntaxError {
                offset: int,
                message: "a number may not start with 0 (write 12, not 012)".into(),
            });
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.err("expected digits after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.err("expected digits in the exponent"));
            }
        }
        Ok(Value::Number(&self.text[start..self.i]))
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            match self.peek() {
                // Text with no escapes is the source itself.
                Some(b'"') if run == start + 1 => {
                    self.i += 1;
                    return Ok(Cow::Borrowed(&self.text[run..self.i - 1]));
                }
                _ => out.push_str(&self.text[run..self.i]),
            }
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let at = self.i - 1;
                            self.i += 1;
                            out.push(self.unicode_escape(at)?);
                            continue;
                        }
                        _ => {
                            return Err(
                                self.err("unknown escape after \\; write \\\\ for a backslash")
                            )
                        }
                    };
                    out.push(c);
                    self.i += 1;
                }
                Some(b'\n') => {
                    return Err(SyntaxError {
                        offset: start,
                        message:
                            "this text is not closed: a \" is missing before the end of the line"
                                .into(),
                    })
                }
                Some(b'\t') => {
                    return Err(self.err(
                        "text may not contain a tab (perhaps pasted from a spreadsheet); replace it with a space",
                    ))
                }
                Some(_) => {
                    return Err(self
                        .err("text may not contain control characters; write \\n for a new line"))
                }
                None => {
                    return Err(SyntaxError {
                        offset: start,
                        message: "this text is not closed: a \" is missing".into(),
                    })
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (whose backslash is at `at`), with the low half of
    /// a surrogate pair when it is one. A half of a pair alone is no character at all: it is
    /// refused rather than replaced, so that no text changes silently.
    fn unicode_escape(&mut self, at: usize) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        let lone = |offset| {
            SyntaxError {
            offset,
            message: "\\u escapes between D800 and DFFF come in pairs (high, then low) that make one character; write the character itself instead".into(),
        }
        };
        if (0xDC00..0xE000).contains(&hi) {
            return Err(lone(at));
        }
        let code = if (0xD800..0xDC00).contains(&hi) {
            if !self.s[self.i..].starts_with(b"\\u") {
                return Err(lone(at));
            }
            self.i += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(lone(at));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| lone(at))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        // Exactly four hex digits (a parser of numbers would also take a sign, "+041").
        let digit = |b: u8| (b as char).to_digit(16);
        let h = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| h.iter().try_fold(0u32, |v, &b| Some(v * 16 + digit(b)?)));
        match h {
            Some(v) => {
                self.i += 4;
                Ok(v)
            }
            None => Err(self.err("expected four hex digits after \\u")),
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("the data is nested too deeply"));
        }
        Ok(())
    }

    /// Reads a list; with `stream`, its items go to the stream instead of into it.
    fn array(&mut self, stream: bool) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        let mut count = 0;
        loop {
            self.skip_ws();
            let item = self.value()?;
            let item_was_text = matches!(item.value, Value::String(_));
            match (stream, self.stream.as_mut()) {
                (true, Some(each)) => each(count, item),
                _ => items.push(item),
            }
            count += 1;
            let value_end = self.i;
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    let comma = self.i;
                    self.i += 1;
                    self.skip_ws();
                    // Pointed at the comma itself, which is what to delete.
                    if self.peek() == Some(b']') {
                        return Err(SyntaxError {
                            offset: comma,
                            message: "remove this comma: JSON does not allow a comma before ]"
                                .to_string(),
                        });
                    }
                }
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    // Growing by doubling leaves up to half a list unused; a big file has
                    // many lists, so each keeps only what it holds.
                    items.shrink_to_fit();
                    return Ok(Value::Array(items));
                }
                None => return Err(self.err("the data ends too early; a ] is missing")),
                _ if self.odd_space() => return Err(self.err(ODD_SPACE)),
                _ if self.odd_space() => return Err(self.err(ODD_SPACE)),
                _ => {
                    if let Some(e) = self.ended_early(&item_was_text, value_end) {
                        return Err(e);
                    }
                    // The comma is missing right after the item, not where the next one starts.
                    return Err(SyntaxError {
                        offset: value_end,
                        message: "expected , or ] after a list item; a comma may be missing".into(),
                    });
                }
            }
        }
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.i += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Object(entries));
        }
        loop {
            self.skip_ws();
            let key_offset = self.i;
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                None => return Err(self.err("the data ends too early; a } is missing")),
                _ if self.curly() => return Err(self.err(CURLY)),
                _ if self.odd_space() => return Err(self.err(ODD_SPACE)),
                _ if self.comment() => return Err(self.err(COMMENT)),
                // Most often an event pasted after the end of the `events` list.
                Some(b'{') => return Err(self.err("expected a field name in double quotes, not a { here: if this starts an event, it is outside the `events` list; move it before the list's closing ]")),
                _ => return Err(self.err("expected a field name in double quotes")),
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.err("expected : after the field name"));
            }
            self.i += 1;
            self.skip_ws();
            self.events_next = self.depth == 1 && key == "events";
            let node = self.value()?;
            let item_was_text = matches!(node.value, Value::String(_));
            entries.push(Entry {
                key,
                key_offset,
                node,
            });
            let value_end = self.i;
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    let comma = self.i;
                    self.i += 1;
                    self.skip_ws();
                    // Pointed at the comma itself, which is what to delete.
                    if self.peek() == Some(b'}') {
                        return Err(SyntaxError {
                            offset: comma,
                            message: "remove this comma: JSON does not allow a comma before }"
                                .to_string(),
                        });
                    }
                }
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    entries.shrink_to_fit();
                    return Ok(Value::Object(entries));
                }
                None => return Err(self.err("the data ends too early; a } is missing")),
                _ => {
                    if let Some(e) = self.ended_early(&item_was_text, value_end) {
                        return Err(e);
                    }
                    return Err(SyntaxError {
                        offset: value_end,
                        message: "expected , or } after a field; a comma may be missing".into(),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_values_with_offsets() {
        let n = parse(r#"{"a": [1, "x\u00e9"], "b": null}"#).unwrap();
        let Value::Object(e) = n.value else {
            panic!("not an object")
        };
        assert_eq!(e[0].key, "a");
        assert_eq!(e[0].node.offset, 6);
        let Value::Array(items) = &e[0].node.value else {
            panic!("not a list")
        };
        assert_eq!(items[1].value, Value::String("xé".into()));
        assert_eq!(e[1].node.value, Value::Null);
    }

    #[test]
    fn surrogate_pairs_decode() {
        let n = parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(n.value, Value::String("😀".into()));
    }

    #[test]
    fn trailing_comma_is_reported_where_it_is() {
        let text = "{\n  \"a\": 1,\n}";
        let e = parse(text).unwrap_err();
        assert_eq!(line_col(text, e.offset), (2, 9), "at the comma");
        assert!(e.message.starts_with("remove this comma"), "{}", e.message);
    }

    #[test]
    fn unclosed_string_points_at_its_start() {
        let text = "{\"a\": \"abc\n}";
        let e = parse(text).unwrap_err();
        assert_eq!(line_col(text, e.offset), (1, 7));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(10_000);
        assert!(parse(&text)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
    }

    #[test]
    fn empty_and_trailing_text_are_errors() {
        assert!(parse("  ").is_err());
        assert!(parse("{} x").is_err());
        assert!(parse("{'a': 1}")
            .unwrap_err()
            .message
            .contains("double quotes"));
    }
}
