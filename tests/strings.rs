//! The widget's words: every language's table has every key, with the values each template
//! may use, and no word a reader sees is written outside the tables.

mod common;

use common::root;
use inspection_timeline::json::{parse, Value};
use inspection_timeline::strings::{fill, Key, Plural, PluralRule, Strings, COUNTED, KEYS};
use std::collections::BTreeSet;
use std::fs;

/// The languages shipped, as the files of `src/strings` name them.
fn languages() -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(root().join("src/strings"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    out.sort();
    out
}

fn table(lang: &str) -> String {
    fs::read_to_string(root().join(format!("src/strings/{lang}.json"))).unwrap()
}

/// The names in braces of `template`.
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.insert(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    out
}

/// Every template of `lang`, by key: one, or one for each plural form.
fn templates(lang: &str) -> Vec<(String, Option<String>, String)> {
    let text = table(lang);
    let node = parse(&text).unwrap_or_else(|e| panic!("{lang}.json: {}", e.message));
    let Value::Object(entries) = node.value else {
        panic!("{lang}.json is not an object");
    };
    let mut out = Vec::new();
    for e in entries {
        match e.node.value {
            Value::String(s) => out.push((e.key.to_string(), None, s.to_string())),
            Value::Object(forms) => {
                for f in forms {
                    let Value::String(s) = f.node.value else {
                        panic!("{lang}.json: {}.{} is not text", e.key, f.key);
                    };
                    out.push((e.key.to_string(), Some(f.key.to_string()), s.to_string()));
                }
            }
            _ => panic!("{lang}.json: {} is neither text nor plural forms", e.key),
        }
    }
    out
}

#[test]
fn the_five_languages_are_shipped() {
    assert_eq!(languages(), ["cy", "de", "en-GB", "es", "fr"]);
}

#[test]
fn the_british_table_lists_the_keys_in_their_order() {
    // The element hands tables over as lists in this order.
    let keys: Vec<String> =
        templates("en-GB")
            .into_iter()
            .map(|(k, _, _)| k)
            .fold(Vec::new(), |mut out, k| {
                if out.last() != Some(&k) {
                    out.push(k);
                }
                out
            });
    assert_eq!(keys, KEYS);
}

#[test]
fn a_listed_table_reads_as_the_element_writes_it() {
    let list: Vec<String> = KEYS
        .iter()
        .map(|k| match *k {
            "events" => ["", "{n} event", "", "", "", "{n} events"].join("\u{1f}"),
            "markVisit" => "Besøg {n}".into(),
            _ => String::new(),
        })
        .collect();
    let s = Strings::from_list(list, PluralRule::English);
    assert_eq!(s.fill(Key::MarkVisit, &[("n", "2")]), "Besøg 2");
    assert_eq!(s.count(Key::Events, 1, &[]), "1 event");
    assert_eq!(s.count(Key::Events, 3, &[]), "3 events");
}

#[test]
fn every_language_has_every_key_and_no_other() {
    for lang in languages() {
        let (_, unknown) = Strings::from_json(&table(&lang), PluralRule::English).unwrap();
        assert!(unknown.is_empty(), "{lang}.json: {unknown:?}");
        let have: BTreeSet<String> = templates(&lang).into_iter().map(|(k, _, _)| k).collect();
        let missing: Vec<&&str> = KEYS.iter().filter(|k| !have.contains(**k)).collect();
        assert!(missing.is_empty(), "{lang}.json lacks {missing:?}");
        for (key, form, text) in templates(&lang) {
            // Figures may go without words, and thousands without a separator.
            let may_be_empty = key == "numberWords" || key == "thousandsSeparator";
            assert!(
                !text.trim().is_empty() || may_be_empty,
                "{lang}.json: {key} {form:?} is empty"
            );
        }
    }
}

#[test]
fn templates_use_only_the_values_they_are_given() {
    let english = templates("en-GB");
    let counted: BTreeSet<&str> = COUNTED.iter().map(|k| KEYS[*k as usize]).collect();
    for lang in languages() {
        for (key, form, text) in templates(&lang) {
            let mut allowed: BTreeSet<String> = english
                .iter()
                .filter(|(k, _, _)| *k == key)
                .flat_map(|(_, _, t)| placeholders(t))
                .collect();
            if counted.contains(key.as_str()) {
                allowed.extend(["n".to_string(), "count".to_string()]);
            }
            let used = placeholders(&text);
            assert!(
                used.is_subset(&allowed),
                "{lang}.json: {key} uses {used:?}, but only {allowed:?} are given"
            );
            if let Some(form) = form {
                assert!(
                    counted.contains(key.as_str()),
                    "{lang}.json: {key} has plural forms, but is not a count"
                );
                assert!(
                    Plural::from_name(&form).is_some(),
                    "{lang}.json: {key}.{form} is not a plural category"
                );
            }
        }
        // A plural entry always has the form every other falls back to.
        let text = table(&lang);
        let (strings, _) = Strings::from_json(&text, PluralRule::English).unwrap();
        for key in COUNTED {
            assert!(
                strings.forms(*key).iter().any(|(p, _)| *p == Plural::Other),
                "{lang}.json: {} has no \"other\" form",
                KEYS[*key as usize]
            );
        }
    }
}

#[test]
fn the_element_loads_every_language_and_types_every_key() {
    let element = fs::read_to_string(root().join("src/js/inspection-timeline.js")).unwrap();
    for lang in languages() {
        let module = format!("'./strings/{lang}.js'");
        assert!(
            element.contains(&module),
            "the element never imports {module}"
        );
    }
    let types = fs::read_to_string(root().join("src/js/inspection-timeline.d.ts")).unwrap();
    for key in KEYS {
        assert!(
            types.contains(&format!("  {key}: ")),
            "inspection-timeline.d.ts does not type the string {key}"
        );
    }
    let docs = fs::read_to_string(root().join("README.md")).unwrap();
    for key in KEYS {
        assert!(
            docs.contains(&format!("`{key}`")),
            "README.md does not list {key}"
        );
    }
}

#[test]
fn a_newsroom_table_replaces_any_string() {
    let (s, unknown) = Strings::from_json(
        r#"{"markVisit": "Besøg {n}", "events": {"one": "{n} begivenhed", "other": "{n} begivenheder"}, "nonsense": "x"}"#,
        PluralRule::English,
    )
    .unwrap();
    assert_eq!(unknown, ["unknown key \"nonsense\""]);
    assert_eq!(s.fill(Key::MarkVisit, &[("n", "3")]), "Besøg 3");
    assert_eq!(s.count(Key::Events, 1, &[]), "1 begivenhed");
    assert_eq!(s.count(Key::Events, 4, &[]), "4 begivenheder");
    assert_eq!(fill("{a}{b}", &[("b", "2"), ("a", "1")]), "12");
}

/// Words that start with a capital and are not the widget's: names the platform gives (keys of
/// `KeyboardEvent.key`, interfaces, errors) and the regulator's grade names.
const PLATFORM_NAMES: &[&str] = &[
    "ArrowRight",
    "ArrowLeft",
    "ArrowDown",
    "ArrowUp",
    "Home",
    "End",
    "Enter",
    "Escape",
    "Esc",
    "IntersectionObserver",
    "TimeoutError",
    // Ofsted's own grade names, the default scale: data, which a file's `scale` replaces in
    // any language, not the widget's words.
    "Outstanding",
    "Good",
    "Requires improvement",
    "Inadequate",
];

/// String literals of `source` that start like words a reader would read ("Visit", "Show
/// all"): the widget's own messages for developers start in lower case, and names of
/// attributes, classes and events have no capitals.
fn reader_words(source: &str, rust: bool) -> Vec<String> {
    let mut out = Vec::new();
    let code = if rust {
        source.split("#[cfg(test)]").next().unwrap_or("")
    } else {
        source
    };
    for line in code.lines() {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with('*') || t.starts_with("/*") {
            continue;
        }
        for quote in ['"', '\'', '`'] {
            if rust && quote != '"' {
                continue;
            }
            let mut parts = line.split(quote);
            parts.next();
            while let Some(lit) = parts.next() {
                let mut chars = lit.chars();
                if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                    if a.is_uppercase() && b.is_lowercase() && !PLATFORM_NAMES.contains(&lit) {
                        out.push(lit.to_string());
                    }
                }
                parts.next();
            }
        }
    }
    out
}

#[test]
fn no_word_a_reader_sees_is_written_outside_the_tables() {
    let mut files: Vec<String> = [
        "src/js/inspection-timeline.js",
        "src/chronology.rs",
        "src/model.rs",
        "src/subjects.rs",
        "src/view.rs",
        "src/scale.rs",
        "src/text.rs",
    ]
    .map(String::from)
    .to_vec();
    for dir in [
        "src/layout",
        "src/layout/across",
        "src/web",
        "src/render",
        "src/interact",
    ] {
        for e in fs::read_dir(root().join(dir)).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            // The editor is the newsroom's tool, in English.
            if name.ends_with(".rs") && name != "editor.rs" {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    let mut found = Vec::new();
    for f in &files {
        let text = fs::read_to_string(root().join(f)).unwrap();
        for w in reader_words(&text, f.ends_with(".rs")) {
            found.push(format!("{f}: \"{w}\""));
        }
    }
    assert!(
        found.is_empty(),
        "words outside src/strings:\n{}",
        found.join("\n")
    );
    // The check itself finds such words.
    assert_eq!(reader_words("let a = \"Visit {n}\";", true), ["Visit {n}"]);
    assert_eq!(
        reader_words("p.textContent = 'Show all';", false),
        ["Show all"]
    );
}

/// Ofsted's default grades are the widget's own words, named in the reader's language; a
/// file's own scale keeps the newsroom's names.
#[test]
fn the_default_grades_are_named_in_the_readers_language() {
    let (french, _) = Strings::from_json(&table("fr"), PluralRule::English).unwrap();
    let mut t =
        inspection_timeline::parse(include_str!("../www/data/bury-childrens-services.json"))
            .unwrap();
    t.name_default_grades(&french);
    let labels: Vec<&str> = t.grades.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Exceptionnel", "Bon", "À améliorer", "Insuffisant"]
    );
    let mut own = inspection_timeline::parse(
        r##"{"version": 1, "title": "T", "scale": [{"id": "met", "label": "Met", "color": "#1f6f4a"}],
        "events": [{"id": "a", "kind": "other", "title": "A", "date": "2020"}]}"##,
    )
    .unwrap();
    own.name_default_grades(&french);
    assert_eq!(own.grades[0].label, "Met");
}
