//! Dates keep their precision: a month is a month, never its first day.

use inspection_timeline::date::{
    civil_from_days, days_from_civil, range, Locale, PartialDate, Precision,
};

fn d(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn each_precision_reads_and_writes_back() {
    for (text, precision) in [
        ("2023", Precision::Year),
        ("2023-Q4", Precision::Quarter),
        ("2023-02", Precision::Month),
        ("2023-02-27", Precision::Day),
    ] {
        let date = d(text);
        assert_eq!(date.precision(), precision);
        assert_eq!(date.to_string(), text);
    }
}

#[test]
fn reader_wording_keeps_the_precision() {
    let l = Locale::en_gb();
    assert_eq!(d("2023").long(&l), "2023");
    assert_eq!(d("2023-Q4").long(&l), "October–December 2023");
    assert_eq!(d("2023-02").long(&l), "February 2023");
    assert_eq!(d("2023-02-07").long(&l), "7 February 2023");
}

#[test]
fn periods_cover_whole_months_quarters_and_years() {
    let feb = d("2023-02");
    assert_eq!(feb.first_day(), days_from_civil(2023, 2, 1));
    assert_eq!(feb.last_day(), days_from_civil(2023, 2, 28));
    assert_eq!(
        d("2024-02").last_day() - d("2024-02").first_day(),
        28,
        "leap February has 29 days"
    );
    assert_eq!(d("2023-Q4").first_day(), days_from_civil(2023, 10, 1));
    assert_eq!(d("2023-Q4").last_day(), days_from_civil(2023, 12, 31));
    assert_eq!(d("2023").last_day() - d("2023").first_day(), 364);
    assert_eq!(d("2023-02-27").first_day(), d("2023-02-27").last_day());
}

#[test]
fn civil_day_numbers_round_trip() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    for day in (-800_000..800_000).step_by(997) {
        let (y, m, dd) = civil_from_days(day);
        assert_eq!(days_from_civil(y, m, dd), day);
    }
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert!("2000-02-29".parse::<PartialDate>().is_ok());
    assert!("1900-02-29".parse::<PartialDate>().is_err());
    assert!("2024-02-29".parse::<PartialDate>().is_ok());
    assert!("2023-02-29".parse::<PartialDate>().is_err());
}

#[test]
fn malformed_dates_are_refused() {
    for bad in [
        "23",
        "2023-2",
        "2023-02-1",
        "2023-00",
        "2023-02-00",
        "2023-Q0",
        "2023-Q",
        "2023-02-27-01",
        "",
        "2023/02",
        "２０２３",
    ] {
        assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} was accepted");
    }
}

#[test]
fn ranges_are_written_as_a_reader_would() {
    let l = Locale::en_gb();
    let r = |a: &str, b: Option<&str>| range(&d(a), b.map(d).as_ref(), &l);
    assert_eq!(r("2023-02-27", Some("2023-02-28")), "27–28 February 2023");
    assert_eq!(
        r("2023-02-28", Some("2023-03-01")),
        "28 February 2023 – 1 March 2023"
    );
    assert_eq!(r("2022-11", Some("2023-05")), "November 2022 – May 2023");
    assert_eq!(r("2023-02", None), "February 2023");
    assert_eq!(r("2023-02", Some("2023-02")), "February 2023");
    // A quarter in a range is said by the month it starts or ends.
    assert_eq!(r("2020-Q2", Some("2021-Q1")), "April 2020 – March 2021");
    assert_eq!(
        r("2020-Q4", Some("2021-02")),
        "October 2020 – February 2021"
    );
    assert_eq!(r("2020-Q3", None), "July–September 2020");
}

/// A locale as the browser builds it from `Intl` for `lang="fr"` and `lang="en-US"`.
fn french() -> Locale {
    let months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let short = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    Locale {
        months: months.map(String::from),
        months_short: short.map(String::from),
        day_pattern: "{d} {m} {y}".into(),
        month_pattern: "{m} {y}".into(),
        words: Default::default(),
    }
}

#[test]
fn dates_follow_the_page_language() {
    let fr = french();
    assert_eq!(d("2023-02").long(&fr), "février 2023");
    assert_eq!(d("2023-02-07").long(&fr), "7 février 2023");
    assert_eq!(d("2023-Q4").long(&fr), "octobre–décembre 2023");
    let us = Locale {
        day_pattern: "{m} {d}, {y}".into(),
        ..Locale::en_gb()
    };
    assert_eq!(d("2023-02-07").long(&us), "February 7, 2023");
    assert_eq!(
        range(&d("2023-02-27"), Some(&d("2023-02-28")), &us),
        "February 27–28, 2023"
    );
}

#[test]
fn dates_typed_by_hand_are_shown_in_the_contracts_form_never_guessed() {
    use inspection_timeline::date::hand_written;
    let cases = [
        ("Feb 2023", "write 2023-02"),
        ("february 2023", "write 2023-02"),
        ("27 Feb 2023", "write 2023-02-27"),
        ("27th February 2023", "write 2023-02-27"),
        ("Feb 27, 2023", "write 2023-02-27"),
        ("Q1 2023", "write 2023-Q1"),
        ("2023 q4", "write 2023-Q4"),
        ("2023/02/27", "write 2023-02-27"),
        ("2023-2-5", "write 2023-02-05"),
        ("02/2023", "write 2023-02"),
        ("27/02/2023", "write 2023-02-27"),
        ("02/27/2023", "write 2023-02-27"),
        (
            "03/05/2024",
            "it could be 3 May 2024 or 5 March 2024: write 2024-05-03 for the first or 2024-03-05 for the second",
        ),
        // What a spreadsheet makes of "2023-02" typed into a column it reads as dates: the
        // first of the month, "Feb-23", or its number for the day.
        (
            "01/02/2023",
            "it could be 1 February 2023 or 2 January 2023: write 2023-02-01 for the first or 2023-01-02 for the second; if only the month is known, write 2023-02 (a spreadsheet turns a month into its first day unless the column is formatted as text)",
        ),
        (
            "01/01/2023",
            "write 2023-01-01; if only the month is known, write 2023-01 (a spreadsheet turns a month into its first day unless the column is formatted as text)",
        ),
        (
            "Feb-23",
            "if it means February 2023, write 2023-02 (a spreadsheet shows a month it has turned into a date as Feb-23; format the column as text and type it again)",
        ),
        (
            "44958",
            "it looks like a spreadsheet's number for the date 1 February 2023; format the column as text and type the date as 2023-02-01 (or 2023-02 if only the month is known)",
        ),
        (
            "44958.5",
            "it looks like a spreadsheet's number for the date 1 February 2023; format the column as text and type the date as 2023-02-01 (or 2023-02 if only the month is known)",
        ),
        // A date written with its time of day.
        ("2023-02-01 00:00:00", "write 2023-02-01, without the time of day"),
        ("2023-02-01T09:30", "write 2023-02-01, without the time of day"),
    ];
    for (typed, hint) in cases {
        assert_eq!(hand_written(typed).as_deref(), Some(hint), "{typed}");
    }
    for nonsense in ["", "soon", "Feb", "32/13/2023", "2023/13", "next year"] {
        assert_eq!(hand_written(nonsense), None, "{nonsense}");
    }
    // The validator shows the hint for such a date, in JSON as in a sheet.
    let problems = inspection_timeline::parse(
        r#"{"version": 1, "title": "T", "events": [{"id": "a", "kind": "other", "title": "A", "date": "Feb 2023"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        problems[0].message,
        "\"Feb 2023\" is not a date; write 2023-02"
    );
}
