//! The JSON reader against JSONTestSuite (tests/fixtures/jsontestsuite, MIT licence): every
//! `y_` file is accepted and every `n_` file refused, as RFC 8259 says. A file that is not
//! UTF-8 is refused before it reaches the reader, as the command line and the page do.

mod common;

use inspection_timeline::json;
use std::fs;
use std::path::PathBuf;

fn cases(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsontestsuite");
    let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".json"))
        .map(|n| {
            let bytes = fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    out.sort();
    out
}

fn accepted(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| json::parse(text).is_ok())
}

#[test]
fn every_must_accept_file_is_accepted() {
    let cases = cases("y_");
    assert_eq!(cases.len(), 95);
    let refused: Vec<&str> = cases
        .iter()
        .filter(|(_, b)| !accepted(b))
        .map(|(n, _)| n.as_str())
        .collect();
    assert!(refused.is_empty(), "refused: {refused:#?}");
}

#[test]
fn every_must_reject_file_is_refused() {
    let cases = cases("n_");
    assert_eq!(cases.len(), 188);
    let taken: Vec<&str> = cases
        .iter()
        .filter(|(_, b)| accepted(b))
        .map(|(n, _)| n.as_str())
        .collect();
    assert!(taken.is_empty(), "accepted: {taken:#?}");
}

#[test]
fn escapes_decode_exactly_and_halves_of_a_pair_are_refused() {
    let text = |s: &str| match json::parse(s).map(|n| n.value) {
        Ok(json::Value::String(t)) => Ok(t.into_owned()),
        Ok(v) => panic!("{v:?}"),
        Err(e) => Err(e.message),
    };
    assert_eq!(text(r#""\ud834\udd1e""#).unwrap(), "𝄞");
    assert_eq!(text(r#""\u00e9\u0041""#).unwrap(), "éA");
    for bad in [
        r#""\ud800\u0041""#,
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800x""#,
    ] {
        let e = text(bad).unwrap_err();
        assert!(e.contains("come in pairs"), "{bad}: {e}");
    }
    assert!(text(r#""\u+041""#).unwrap_err().contains("four hex digits"));
    assert!(json::parse("[012]")
        .unwrap_err()
        .message
        .contains("may not start with 0"));
    assert!(json::parse("[-01]").is_err());
    assert!(json::parse("[0, -0, 0.5, 10, -0e1]").is_ok());
}

#[test]
fn a_byte_order_mark_is_skipped_and_every_line_end_counts() {
    assert!(json::parse("\u{FEFF}{\"a\": 1}").is_ok());
    assert!(
        json::parse("\u{FEFF}").is_err(),
        "a mark alone is an empty file"
    );
    // The problem is at "x" on line 3, column 3, whatever ends the lines.
    for end in ["\n", "\r\n", "\r"] {
        let text = format!("{{{end}\"a\":{end}  x}}");
        let e = json::parse(&text).unwrap_err();
        assert_eq!(json::line_col(&text, e.offset), (3, 3), "{end:?}");
    }
    // A mark before the text is not a column.
    let text = "\u{FEFF}{\"a\": x}";
    let e = json::parse(text).unwrap_err();
    assert_eq!(json::line_col(text, e.offset), (1, 7));
    // Columns count characters, not bytes.
    assert_eq!(json::line_col("{\"é\": x}", 7), (1, 7));
}

#[test]
fn line_and_column_of_many_offsets_in_one_pass_agree_with_one_at_a_time() {
    let text = "ab\r\ncd\ref\nghé\r\n\r\nij";
    let offsets: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let all = json::line_cols(text, &offsets);
    for (k, &o) in offsets.iter().enumerate() {
        assert_eq!(all[k], json::line_col(text, o), "offset {o}");
    }
    assert_eq!(all.last(), Some(&(6, 3)));
}

/// `number_is_one` agrees with reading the number as a float, for every way of writing one
/// (and its near misses) with up to 15 significant digits, where the float is exact.
#[test]
fn the_number_one_is_recognised_however_it_is_written() {
    use inspection_timeline::json::number_is_one;
    let mut rng = common::Rng(0x1234_5678_9abc);
    let mut ones = 0;
    for _ in 0..20_000 {
        // A one (or a near miss) moved by a power of ten, written back with the exponent.
        let shift = rng.below(9) as i32 - 4;
        let lead = rng.below(3) as usize;
        let digit = ["1", "1", "2", "0"][rng.below(4) as usize];
        let trail = rng.below(3) as usize;
        let mut digits = format!("{}{digit}{}", "0".repeat(lead), "0".repeat(trail));
        if rng.below(10) == 0 {
            digits.push('1');
        }
        // Put the point after `point` digits (none at the end), keeping one digit before it.
        let point = 1 + rng.below(digits.len() as u64) as usize;
        let (int, frac) = digits.split_at(point);
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let mantissa = if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        };
        let exp = match rng.below(4) {
            0 => String::new(),
            1 => format!("e{shift}"),
            2 => format!("E+{}", shift.abs()),
            _ => format!("e-{}", shift.abs()),
        };
        let sign = if rng.below(8) == 0 { "-" } else { "" };
        let text = format!("{sign}{mantissa}{exp}");
        let float = text.parse::<f64>().unwrap() == 1.0;
        assert_eq!(number_is_one(&text), float, "{text}");
        ones += usize::from(float);
    }
    assert!(ones > 500, "the cases include many ones ({ones})");
    for not_json in ["", ".1", "1.", "e1", "1e", "1e+", "1x", "+1", "1ee0"] {
        assert!(!number_is_one(not_json), "{not_json:?}");
    }
    assert!(!number_is_one("1e99999999999999999999999"));
    assert!(number_is_one("0.00000000000000000000000001e26"));
}
