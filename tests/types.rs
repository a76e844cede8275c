//! The TypeScript types of the data (src/js/inspection-timeline.d.ts) name exactly the fields
//! and words the validator takes, so that they cannot drift apart.

use inspection_timeline::model::{Kind, Tone};
use inspection_timeline::validate::{
    EVENT_FIELDS, FINDING_FIELDS, GRADE_FIELDS, SOURCE_FIELDS, SUBJECT_FIELDS, TOP_FIELDS,
};

const TYPES: &str = include_str!("../src/js/inspection-timeline.d.ts");

/// The lines of `export interface NAME { … }`.
fn interface(name: &str) -> Vec<&str> {
    let start = TYPES
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    TYPES[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('}'))
        .collect()
}

/// The field names of interface `name`, in order.
fn fields(name: &str) -> Vec<String> {
    interface(name)
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.starts_with("/*") && !l.starts_with('*') && l.contains(':'))
        .map(|l| {
            l.split(':')
                .next()
                .unwrap()
                .trim_end_matches('?')
                .to_string()
        })
        .collect()
}

/// The quoted words of field `field` of interface `name`: `'a' | 'b'`.
fn words(name: &str, field: &str) -> Vec<String> {
    let line = interface(name)
        .into_iter()
        .find(|l| {
            l.trim().starts_with(&format!("{field}?:"))
                || l.trim().starts_with(&format!("{field}:"))
        })
        .unwrap_or_else(|| panic!("no {name}.{field}"));
    line.split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_typescript_types_name_every_field_of_the_contract_and_no_other() {
    for (name, contract) in [
        ("TimelineData", TOP_FIELDS),
        ("TimelineEvent", EVENT_FIELDS),
        ("Grade", GRADE_FIELDS),
        ("Subject", SUBJECT_FIELDS),
        ("Finding", FINDING_FIELDS),
        ("Source", SOURCE_FIELDS),
    ] {
        let mut ours = fields(name);
        let mut theirs: Vec<String> = contract.iter().map(|s| s.to_string()).collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{name}");
    }
}

#[test]
fn the_typescript_types_list_the_words_the_validator_takes() {
    let kinds: Vec<String> = Kind::ALL.iter().map(|(w, _)| w.to_string()).collect();
    assert_eq!(words("TimelineEvent", "kind"), kinds);
    let tones: Vec<String> = Tone::ALL.iter().map(|(w, _)| w.to_string()).collect();
    assert_eq!(words("Finding", "tone"), tones);
    assert_eq!(words("TimelineEvent", "status"), ["done", "expected"]);
}
