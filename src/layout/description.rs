//! The chart's accessible description: one sentence for each subject, saying the rating in
//! force and since when, the visits so far, and what comes next.

use super::words::events_count;
use crate::chronology::{Chronology, MONITORING_RULE};
use crate::date::{Locale, Precision};
use crate::model::{Kind, Timeline};
use crate::strings::Key;
use crate::text::lower_first;

/// What the chart shows, for its accessible description: one sentence for each subject.
pub fn describe(t: &Timeline, c: &Chronology, locale: &Locale) -> String {
    let mut out = String::new();
    for s in 0..t.subjects.len() {
        if s > 0 {
            out.push(' ');
        }
        out.push_str(&describe_subject(t, c, s, locale));
    }
    out
}

/// One sentence about subject `s`: the rating in force and since when, the visits so far,
/// and what comes next.
fn describe_subject(t: &Timeline, c: &Chronology, s: usize, locale: &Locale) -> String {
    let w = &locale.words;
    let subject = &t.subjects[s];
    let listed = subject.is_listed();
    let mut parts = Vec::new();
    if let Some(e) = c.last_graded(s).map(|i| &t.events[i]) {
        let grade = e
            .rating
            .and_then(|r| t.grades.get(r))
            .map_or("", |g| g.label.as_str());
        let when = e
            .span()
            .map(|(s, _)| {
                // "in November 2021", but "on 14 March 2023".
                let key = if s.precision() == Precision::Day {
                    Key::DescribeOn
                } else {
                    Key::DescribeWhen
                };
                w.fill(key, &[("date", &s.long(locale))])
            })
            .unwrap_or_default();
        let who = match (listed, t.subject.as_deref()) {
            (true, _) => subject.label.as_str(),
            (false, Some(who)) => who,
            (false, None) => w.get(Key::TheService),
        };
        let by = t
            .regulator
            .as_deref()
            .map(|r| w.fill(Key::DescribeBy, &[("regulator", r)]))
            .unwrap_or_default();
        parts.push(w.fill(
            Key::DescribeRated,
            &[
                ("who", who),
                ("grade", &lower_first(grade, &[])),
                ("by", &by),
                ("when", &when),
            ],
        ));
    }
    let visits = c.visits(s);
    if visits > 0 {
        parts.push(w.count(Key::DescribeVisits, visits, &[]));
    }
    if let Some(e) = c.first_expected(t, s).map(|i| &t.events[i]) {
        let (a, b) = MONITORING_RULE;
        // The data's own names keep their capital: "Sampleford re-inspection".
        let names = [
            subject.label.as_str(),
            t.subject.as_deref().unwrap_or(""),
            t.regulator.as_deref().unwrap_or(""),
        ];
        let what = lower_first(&e.title, &names);
        parts.push(if e.kind == Kind::Reinspection && visits > 0 {
            w.fill(
                Key::DescribeExpectedAfter,
                &[
                    ("what", &what),
                    ("a", &w.number_word(a)),
                    ("b", &w.number_word(b)),
                ],
            )
        } else {
            w.fill(Key::DescribeExpected, &[("what", &what)])
        });
    }
    let events = c.order_of(s).len();
    if parts.is_empty() {
        return if listed {
            let text = events_count(events, w);
            format!(
                "{}.",
                w.fill(
                    Key::DescribeSubject,
                    &[("subject", &subject.label), ("text", &text)]
                )
            )
        } else {
            w.fill(
                Key::DescribeTimeline,
                &[
                    ("title", &t.title),
                    ("events", &events_count(t.events.len(), w)),
                ],
            )
        };
    }
    if c.last_graded(s).is_none() {
        // The sentence must still say whom it is about: the subject, or the file's own.
        let who = if listed {
            Some(subject.label.as_str())
        } else {
            t.subject.as_deref()
        };
        if let Some(who) = who {
            parts[0] = w.fill(
                Key::DescribeSubject,
                &[("subject", who), ("text", &parts[0])],
            );
        }
    }
    let mut s = parts.join("; ");
    s.push('.');
    s
}
