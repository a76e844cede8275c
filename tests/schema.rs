//! The JSON Schema and the validator agree on every fixture.
//!
//! The schema cannot express rules that compare one field with another or look across the
//! file; those few are listed in `VALIDATOR_ONLY` (and in the schema's description), and the
//! test checks that the list is exact: those fixtures, and only those, pass the schema.

mod common;

use common::{data_files, root};
use std::fs;

const VALIDATOR_ONLY: &[&str] = &[
    "invalid/duplicate-grade-id.json",
    "invalid/duplicate-id.json",
    "invalid/duplicate-subject-id.json",
    "invalid/end-before-date.json",
    "invalid/published-before-date.json",
    "invalid/rating-not-in-custom-scale.json",
    "invalid/repeated-field.json",
    "invalid/unknown-subject.json",
];

fn schema() -> jsonschema::Validator {
    let text = fs::read_to_string(root().join("src/schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is itself valid")
}

#[test]
fn schema_and_validator_agree_on_every_fixture() {
    let schema = schema();
    let mut disagreements = Vec::new();
    let mut validator_only_seen = Vec::new();
    for (name, text) in data_files() {
        let ours = inspection_timeline::parse(&text).is_ok();
        // A byte-order mark is read past, as the page and the command line do.
        let Ok(value) =
            serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{FEFF}'))
        else {
            assert!(!ours, "{name}: not JSON, yet accepted");
            continue;
        };
        let theirs = schema.is_valid(&value);
        if ours != theirs {
            if VALIDATOR_ONLY.contains(&name.as_str()) && theirs {
                validator_only_seen.push(name);
            } else {
                let why: Vec<String> = schema
                    .iter_errors(&value)
                    .map(|e| format!("{}: {e}", e.instance_path()))
                    .collect();
                disagreements.push(format!("{name}: validator {ours}, schema {theirs} {why:?}"));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    validator_only_seen.sort();
    assert_eq!(
        validator_only_seen, VALIDATOR_ONLY,
        "the list of validator-only rules is exact"
    );
}

#[test]
fn the_schema_knows_every_calendar_day() {
    let schema = schema();
    let date_ok = |d: &str| {
        let doc = serde_json::json!({"version": 1, "title": "T", "events": [{"id": "a", "kind": "other", "title": "A", "date": d}]});
        schema.is_valid(&doc)
    };
    // Every day from 1896 to 2104, plus impossible ones, judged as the validator judges them.
    for year in [1896, 1900, 1999, 2000, 2023, 2024, 2100, 2104] {
        for month in 1..=13u8 {
            for day in [0u8, 1, 28, 29, 30, 31, 32] {
                let d = format!("{year:04}-{month:02}-{day:02}");
                let ours = d.parse::<inspection_timeline::date::PartialDate>().is_ok();
                assert_eq!(date_ok(&d), ours, "{d}");
            }
        }
    }
    for d in ["2023", "2023-Q1", "2023-Q4", "2023-02"] {
        assert!(date_ok(d), "{d}");
    }
    for d in ["2023-Q5", "2023-00", "23", "2023-2", "2023-02-27T10:00"] {
        assert!(!date_ok(d), "{d}");
    }
}

#[test]
fn the_schema_and_the_validator_take_the_same_web_addresses() {
    let schema = schema();
    let cases = [
        ("https://www.ofsted.gov.uk/provider/44/80451", true),
        ("http://example.org", true),
        ("HTTPS://Example.org:8443/a?b=c#d", true),
        ("https://reports.ofsted.gov.uk?x=1", true),
        ("https://bücher.example/seite", true),
        ("https://user@example.org/", true),
        ("https://...", false),
        ("https://x", false),
        ("https://x./page", false),
        ("https://.example.org", false),
        ("https://a..b/", false),
        ("https://a@b@example.org/", false),
        ("https://example.org:/", false),
        ("https://exa mple.org", false),
        ("www.example.org", false),
        ("https://", false),
    ];
    for (url, good) in cases {
        let data = serde_json::json!({
            "version": 1, "title": "T",
            "events": [{ "id": "a", "kind": "other", "title": "A", "date": "2023",
                "sources": [{ "title": "S", "url": url }] }]
        });
        let ours = inspection_timeline::parse(&data.to_string()).is_ok();
        assert_eq!(ours, good, "validator on {url}");
        assert_eq!(schema.is_valid(&data), good, "schema on {url}");
    }
}
