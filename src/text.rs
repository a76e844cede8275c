//! Text measurement estimates and reader-facing wording that layout and the web layer share.
//!
//! The core cannot measure text (the browser does that with the page's font), so layout uses a
//! deliberately generous estimate and keeps its gutters independent of exact label widths. That
//! way the canvas and the SVG output agree.

/// Words of the kind the chart's labels hold, capitals, digits and all, for the browser to
/// set in the page's font, in bold (the widest of the labels' weights), at [`SAMPLE_PX`]; see
/// [`font_widening`].
pub const WIDTH_SAMPLE: &str = "4 Monitoring visits: Care-experienced young people, May 2023";
/// The size [`WIDTH_SAMPLE`] is measured at.
pub const SAMPLE_PX: f64 = 100.0;

/// How much wider a font sets text than [`estimate_width`] allows for, from `measured`, the
/// width of [`WIDTH_SAMPLE`] in it (bold, at [`SAMPLE_PX`]): 1 for a font the estimate fits,
/// Arial's bold included (within a few percent is the estimate's own margin, so that the
/// canvas lays out as the SVG does), and at most 1.6 for a measure that cannot be right.
///
/// # Examples
///
/// ```
/// use inspection_timeline::text::{estimate_width, font_widening, SAMPLE_PX, WIDTH_SAMPLE};
/// let estimate = estimate_width(WIDTH_SAMPLE, SAMPLE_PX);
/// assert_eq!(font_widening(estimate * 1.01), 1.0);
/// assert!((font_widening(estimate * 1.2) - 1.2).abs() < 1e-9);
/// assert_eq!(font_widening(0.0), 1.0, "nothing measured");
/// assert_eq!(font_widening(estimate * 9.0), 1.6);
/// ```
pub fn font_widening(measured: f64) -> f64 {
    let wider = measured / estimate_width(WIDTH_SAMPLE, SAMPLE_PX);
    if wider.is_nan() || wider < 1.03 {
        1.0
    } else {
        wider.min(1.6)
    }
}

/// Estimated width in pixels of `text` set at `px` pixels in a proportional font.
pub fn estimate_width(text: &str, px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            // Marks and isolates of direction take no room.
            '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}' => 0.0,
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '|' | ':' | ';' | '!' | ' ' => 0.3,
            'f' | 't' | 'r' | '(' | ')' | '-' | '1' => 0.4,
            'm' | 'w' | 'M' | 'W' | '—' => 0.85,
            c if c.is_ascii_uppercase() => 0.68,
            _ => 0.56,
        })
        .sum();
    em * px
}

/// Whether `text` has a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko
/// and their presentation forms).
///
/// # Examples
///
/// ```
/// use inspection_timeline::text::has_rtl;
/// assert!(has_rtl("مجلس بيري") && has_rtl("14 מרץ 2022"));
/// assert!(!has_rtl("Bury Council") && !has_rtl("14 mars 2022"));
/// ```
pub fn has_rtl(text: &str) -> bool {
    // The Arabic presentation forms end at U+FEFC; U+FEFF after them is the byte-order mark.
    text.chars().any(|c| {
        matches!(
            c,
            '\u{0590}'..='\u{08ff}'
                | '\u{fb1d}'..='\u{fdff}'
                | '\u{fe70}'..='\u{fefc}'
                | '\u{10800}'..='\u{10fff}'
                | '\u{1e800}'..='\u{1efff}'
        )
    })
}

/// `text` as it goes into a sentence: isolated (between U+2068 and U+2069) when it has a
/// right-to-left letter, so that it keeps its own order and does not turn the sentence
/// around it; as it is otherwise.
pub fn isolated(text: &str) -> std::borrow::Cow<'_, str> {
    if has_rtl(text) {
        format!("\u{2068}{text}\u{2069}").into()
    } else {
        text.into()
    }
}

/// Shortens `text` with an ellipsis so its estimated width fits `max_px`.
pub fn ellipsize(text: &str, px: f64, max_px: f64) -> Option<String> {
    if estimate_width(text, px) <= max_px {
        return Some(text.to_string());
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if estimate_width(&out, px) + 0.6 * px > max_px {
            out.pop();
            break;
        }
    }
    let trimmed = out.trim_end();
    (!trimmed.is_empty()).then(|| format!("{trimmed}…"))
}

/// `text` with its first letter lower-cased, to run on inside a sentence ("Inadequate" ->
/// "inadequate"), unless its first word has other capitals ("OFSTED", "Ofsted/CQC") or is a
/// name (the first word of one of `names`: "Sampleford re-inspection" stays).
pub fn lower_first(text: &str, names: &[&str]) -> String {
    let first_word = |s: &str| s.split_whitespace().next().unwrap_or("").to_string();
    let word = first_word(text);
    if word.chars().skip(1).any(|c| c.is_ascii_uppercase())
        || names
            .iter()
            .any(|n| !word.is_empty() && first_word(n) == word)
    {
        return text.to_string();
    }
    match text.chars().next() {
        Some(a) => {
            let mut out = String::with_capacity(text.len());
            out.push(a.to_ascii_lowercase());
            out.push_str(&text[a.len_utf8()..]);
            out
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_fits_the_room_it_is_given() {
        let s = ellipsize("Monitoring visits and inspections", 12.0, 80.0).unwrap();
        assert!(s.ends_with('…'));
        assert!(estimate_width(&s, 12.0) <= 80.0 + 1.0, "{s}");
        assert_eq!(ellipsize("Short", 12.0, 200.0).unwrap(), "Short");
        assert_eq!(ellipsize("Wide", 12.0, 5.0), None);
    }
}

/// Breaks `text` into lines whose estimated width fits `max_px`, at spaces; a word longer
/// than a line is put on a line of its own.
pub fn wrap(text: &str, px: f64, max_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if estimate_width(&candidate, px) <= max_px || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Bury children's services: rated inadequate, then monitored by Ofsted";
        let lines = wrap(text, 20.0, 300.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(estimate_width(l, 20.0) <= 300.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 20.0, 300.0), Vec::<String>::new());
    }
}

/// Where the item at `index` (counting from 0, as the data's paths do) stands in its list,
/// counting from 1 as people do: "4th" for `events[3]`.
pub fn ordinal(index: usize) -> String {
    let n = index + 1;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", thousands(n))
}

/// A count with a comma every three digits, as a newspaper writes it: "10,000".
pub fn thousands(n: usize) -> String {
    thousands_with(n, ",")
}

/// `n` with `sep` between its groups of three digits.
pub fn thousands_with(n: usize, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// Why a data file's bytes are not its text: where the first character that is not UTF-8 is
/// (line and column from 1, lines ending at LF, CR or CRLF as everywhere in the data's
/// positions), when there is one, and what to do.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    pub at: Option<(usize, usize)>,
    pub message: &'static str,
}

/// The text of a JSON data file's `bytes`, which the contract says are UTF-8 (a byte-order
/// mark is allowed, and skipped by the reader); the command line and the editor open files
/// through it, so that both refuse the same files with the same words.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub fn data_text(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    // UTF-16 puts a zero byte beside every ASCII letter: with a byte-order mark, or without
    // one when one of the first two bytes is zero (JSON never starts so).
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0));
    if utf16 {
        return Err(NotUtf8 {
            at: None,
            message: "it is saved as UTF-16 (\"Unicode\"); save it as UTF-8 (in most editors, Save As, then the encoding UTF-8)",
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(good).unwrap_or_default();
        let line = text.matches('\n').count() + text.replace("\r\n", "\n").matches('\r').count() + 1;
        let start = text.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        NotUtf8 {
            at: Some((line, text[start..].chars().count() + 1)),
            message: "this character is not UTF-8, so the file was saved in another encoding (Windows-1252 or Latin-1, perhaps); save it as UTF-8 (in most editors, Save As, then the encoding UTF-8)",
        }
    })
}
