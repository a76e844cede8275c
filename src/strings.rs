//! The widget's own words, in the reader's language.
//!
//! Every word the widget writes for readers (labels, the card, the description, the table, the
//! notices) comes from one table of templates keyed by [`Key`]. The tables live in
//! `src/strings/<language>.json`, one file per language, with British English the default; the
//! element loads the table for the page's language and hands it over whole, so the reader's
//! WebAssembly carries none. A template names its values in braces ("Visit {n}"); a template
//! that counts something may instead be an object of plural forms (`one`, `other`, and any of
//! `zero`, `two`, `few` and `many` the language uses), chosen by the language's plural rule.

use std::fmt;
use std::rc::Rc;

macro_rules! keys {
    ($($key:ident = $name:literal,)*) => {
        /// A string of the table. The names are the keys of the JSON tables and of
        /// `el.strings`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key,)* }

        /// Every key's name, in the order of [`Key`].
        pub const KEYS: &[&str] = &[$($name,)*];
    };
}

keys! {
    NumberWords = "numberWords",
    ThousandsSeparator = "thousandsSeparator",
    KindInspection = "kindInspection",
    KindMonitoringVisit = "kindMonitoringVisit",
    KindReinspection = "kindReinspection",
    KindOther = "kindOther",
    KindExpected = "kindExpected",
    LaneInspections = "laneInspections",
    LaneMonitoringVisits = "laneMonitoringVisits",
    LaneOthers = "laneOthers",
    ToneStrength = "toneStrength",
    ToneConcern = "toneConcern",
    ToneMixed = "toneMixed",
    ToneNote = "toneNote",
    BandSince = "bandSince",
    MarkVisit = "markVisit",
    Expected = "expected",
    ExpectedUndated = "expectedUndated",
    LaneVisits = "laneVisits",
    RowPublished = "rowPublished",
    DateNotAnnounced = "dateNotAnnounced",
    RowVisit = "rowVisit",
    Next = "next",
    Updated = "updated",
    CreditUpdated = "creditUpdated",
    LegendCluster = "legendCluster",
    LegendBar = "legendBar",
    LegendPublished = "legendPublished",
    Period = "period",
    Events = "events",
    SeveralEvents = "severalEvents",
    AndMore = "andMore",
    CardVisit = "cardVisit",
    CardTookPlace = "cardTookPlace",
    CardDue = "cardDue",
    CardCount = "cardCount",
    CardPublished = "cardPublished",
    CardRating = "cardRating",
    CardSource = "cardSource",
    ZoomHint = "zoomHint",
    CloseHint = "closeHint",
    OpenHint = "openHint",
    HintPointer = "hintPointer",
    HintTouch = "hintTouch",
    ShowingWhole = "showingWhole",
    ShowingWindow = "showingWindow",
    DescribeRated = "describeRated",
    DescribeBy = "describeBy",
    DescribeWhen = "describeWhen",
    DescribeOn = "describeOn",
    TheService = "theService",
    DescribeVisits = "describeVisits",
    DescribeExpected = "describeExpected",
    DescribeExpectedAfter = "describeExpectedAfter",
    DescribeSubject = "describeSubject",
    DescribeTimeline = "describeTimeline",
    SubjectsAll = "subjectsAll",
    SubjectsFirst = "subjectsFirst",
    ShowAll = "showAll",
    TablePage = "tablePage",
    TablePrevious = "tablePrevious",
    TableNext = "tableNext",
    TableEvent = "tableEvent",
    TableWhen = "tableWhen",
    TablePublished = "tablePublished",
    TableRating = "tableRating",
    TableFindings = "tableFindings",
    TableSources = "tableSources",
    NotGiven = "notGiven",
    NoRating = "noRating",
    ChartLoading = "chartLoading",
    ZoomGroup = "zoomGroup",
    ZoomIn = "zoomIn",
    ZoomOut = "zoomOut",
    ZoomReset = "zoomReset",
    ZoomResetLabel = "zoomResetLabel",
    NoticeStale = "noticeStale",
    NoticeFailed = "noticeFailed",
    NoticeStopped = "noticeStopped",
    GradeOutstanding = "gradeOutstanding",
    GradeGood = "gradeGood",
    GradeRequiresImprovement = "gradeRequiresImprovement",
    GradeInadequate = "gradeInadequate",
}

/// The keys whose template is chosen by a count, and may so be an object of plural forms;
/// their templates may also use `{n}` and `{count}`.
pub const COUNTED: &[Key] = &[
    Key::LaneVisits,
    Key::Events,
    Key::AndMore,
    Key::CardSource,
    Key::DescribeVisits,
    Key::SubjectsAll,
    Key::SubjectsFirst,
    Key::ShowAll,
    Key::TablePage,
];

/// The plural categories of Unicode CLDR, as `Intl.PluralRules` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Plural> {
        Plural::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// How a language chooses a plural form for a count: English's own rule (which needs no
/// `Intl`), or a function the browser provides from `Intl.PluralRules`.
#[derive(Clone)]
pub enum PluralRule {
    English,
    Given(Rc<dyn Fn(f64) -> Plural>),
}

impl PluralRule {
    fn select(&self, n: usize) -> Plural {
        match self {
            PluralRule::English if n == 1 => Plural::One,
            PluralRule::English => Plural::Other,
            PluralRule::Given(f) => f(n as f64),
        }
    }
}

impl fmt::Debug for PluralRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PluralRule::English => "English",
            PluralRule::Given(_) => "Given",
        })
    }
}

impl PartialEq for PluralRule {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (PluralRule::English, PluralRule::English) => true,
            (PluralRule::Given(a), PluralRule::Given(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for PluralRule {}

/// A language's table, whole: an entry for every [`Key`], each its text or its plural forms
/// in the order of [`Plural::ALL`] joined by [`FORMS`] (an empty form is one the language does
/// not use). Tables are shared, not copied, by every layout that uses them.
#[derive(Clone, Debug)]
pub struct Strings {
    texts: Rc<Vec<String>>,
    rule: PluralRule,
}

impl PartialEq for Strings {
    /// Tables are compared by identity: each one the element hands over is new.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.texts, &other.texts) && self.rule == other.rule
    }
}

impl Eq for Strings {}

impl Default for Strings {
    /// British English where the crate carries it (natively, and in the editor's build for
    /// its exports); in the reader's browser, where the element always provides a table, an
    /// empty one.
    fn default() -> Self {
        #[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
        {
            Strings::en_gb()
        }
        #[cfg(all(target_arch = "wasm32", not(feature = "editor")))]
        {
            Strings::from_list(Vec::new(), PluralRule::English)
        }
    }
}

/// What separates the plural forms of an entry.
pub const FORMS: char = '\u{1f}';

/// A value to put in a template's braces.
pub type Arg<'a> = (&'a str, &'a str);

impl Strings {
    /// A table from its entries in the order of [`KEYS`], as [`Strings`] keeps them. This is
    /// how the element hands a table over: a list of strings costs the reader's download
    /// less than an object read key by key. Missing entries are empty.
    pub fn from_list(mut list: Vec<String>, rule: PluralRule) -> Strings {
        list.resize(KEYS.len(), String::new());
        Strings {
            texts: Rc::new(list),
            rule,
        }
    }

    /// The table of `src/strings/<language>.json`, read as JSON: each key's value is text or
    /// an object of plural forms. Keys the table does not know are returned as problems, and
    /// keys it lacks are empty.
    pub fn from_json(text: &str, rule: PluralRule) -> Result<(Strings, Vec<String>), String> {
        use crate::json::{parse, Value};
        let node = parse(text).map_err(|e| e.message)?;
        let Value::Object(entries) = node.value else {
            return Err("a table of strings is a JSON object".into());
        };
        let mut problems = Vec::new();
        for e in &entries {
            if !KEYS.contains(&e.key.as_ref()) {
                problems.push(format!("unknown key \"{}\"", e.key));
            }
        }
        let read = |v: &Value| -> String {
            match v {
                Value::String(s) => s.to_string(),
                Value::Object(forms) => {
                    let form = |p: Plural| {
                        forms.iter().find_map(|f| match &f.node.value {
                            Value::String(s) if f.key == p.name() => Some(s.to_string()),
                            _ => None,
                        })
                    };
                    let all: Vec<String> = Plural::ALL
                        .into_iter()
                        .map(|p| form(p).unwrap_or_default())
                        .collect();
                    all.join(&FORMS.to_string())
                }
                _ => String::new(),
            }
        };
        let list = KEYS
            .iter()
            .map(|k| {
                entries
                    .iter()
                    .find(|e| e.key == *k)
                    .map_or_else(String::new, |e| read(&e.node.value))
            })
            .collect();
        Ok((Strings::from_list(list, rule), problems))
    }

    /// British English, the widget's default language.
    #[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
    pub fn en_gb() -> Strings {
        match Strings::from_json(include_str!("strings/en-GB.json"), PluralRule::English) {
            Ok((s, _)) => s,
            Err(e) => unreachable!("src/strings/en-GB.json is not a table: {e}"),
        }
    }

    /// The plural forms `key` has, by category; one form, under `other`, for plain text.
    pub fn forms(&self, key: Key) -> Vec<(Plural, &str)> {
        let text = &self.texts[key as usize];
        if nth_form(text, 1).is_none() {
            return vec![(Plural::Other, text)];
        }
        Plural::ALL
            .into_iter()
            .zip(text.split(FORMS))
            .filter(|(_, f)| !f.is_empty())
            .collect()
    }

    /// The form of `key` for the plural category `p`, else its `other` form (the last).
    fn form(&self, key: Key, p: Plural) -> &str {
        let text = &self.texts[key as usize];
        match (nth_form(text, 1), nth_form(text, p as usize)) {
            // Plain text has no second form.
            (None, _) => text,
            (Some(_), Some(mine)) if !mine.is_empty() => mine,
            _ => nth_form(text, Plural::Other as usize).unwrap_or(""),
        }
    }

    /// The template for `key`, its `other` form if it has plural forms.
    pub fn get(&self, key: Key) -> &str {
        self.form(key, Plural::Other)
    }

    /// The template for `key` with `args` put in its braces.
    pub fn fill(&self, key: Key, args: &[Arg]) -> String {
        fill(self.get(key), args)
    }

    /// The form of `key` for the count `n`, with `{n}` (the count written with the
    /// language's thousands separator), `{count}` (as a word where the language has one)
    /// and `args` put in its braces.
    pub fn count(&self, key: Key, n: usize, args: &[Arg]) -> String {
        debug_assert!(COUNTED.contains(&key), "{key:?} is not counted");
        let template = self.form(key, self.rule.select(n));
        let digits = self.thousands(n);
        let word = self.number_word(n);
        let mut all: Vec<Arg> = vec![("n", &digits), ("count", &word)];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    /// `n` as a word for the small numbers the table spells out ("numberWords"), else in
    /// figures.
    pub fn number_word(&self, n: usize) -> String {
        match self.get(Key::NumberWords).split(' ').nth(n) {
            Some(word) if !word.is_empty() => word.to_string(),
            _ => self.thousands(n),
        }
    }

    /// `n` in figures, its thousands separated as the language does: "10,000".
    pub fn thousands(&self, n: usize) -> String {
        crate::text::thousands_with(n, self.get(Key::ThousandsSeparator))
    }
}

/// The `n`th of the forms of `text` separated by [`FORMS`], found by bytes (the separator is
/// ASCII, so each piece is whole UTF-8): cheaper in the reader's download than a `char`
/// pattern.
fn nth_form(text: &str, n: usize) -> Option<&str> {
    let mut start = 0;
    let mut k = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == FORMS as u8 {
            if k == n {
                return text.get(start..i);
            }
            k += 1;
            start = i + 1;
        }
    }
    (k == n).then(|| text.get(start..)).flatten()
}

/// `template` with each `{name}` of `args` replaced by its value, in one pass so that a value
/// holding braces is never read as a template.
pub fn fill(template: &str, args: &[Arg]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(k, _)| *k == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                // A value in a right-to-left script (an Arabic council's name, a date in
                // Hebrew months) is isolated, so that it keeps its own order inside the
                // sentence and does not turn the sentence around it.
                out.push_str(&crate::text::isolated(value));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_values_once() {
        assert_eq!(
            fill("Visit {n} of {a}", &[("n", "3"), ("a", "{n}")]),
            "Visit 3 of {n}"
        );
        assert_eq!(fill("{unknown} stays", &[]), "{unknown} stays");
        assert_eq!(fill("no braces", &[("n", "1")]), "no braces");
    }

    #[test]
    fn counts_choose_plural_forms_and_separators() {
        let s = Strings::en_gb();
        assert_eq!(s.count(Key::Events, 1, &[]), "1 event");
        assert_eq!(s.count(Key::Events, 10000, &[]), "10,000 events");
        assert_eq!(s.number_word(3), "three");
        assert_eq!(s.number_word(12), "12");
        let mut list = vec![String::new(); KEYS.len()];
        list[Key::Events as usize] =
            ["", "", "{n} ddigwyddiad", "", "", "{n} digwyddiad"].join("\u{1f}");
        let welsh = Strings::from_list(
            list,
            PluralRule::Given(Rc::new(
                |n| if n == 2.0 { Plural::Two } else { Plural::Other },
            )),
        );
        assert_eq!(welsh.count(Key::Events, 2, &[]), "2 ddigwyddiad");
        assert_eq!(welsh.count(Key::Events, 5, &[]), "5 digwyddiad");
    }
}
