//! `make bench`, natively: how long validating takes when a file (or a sheet) has very many
//! problems, which the editor does as a journalist types. Work grows linearly with the problems, so 100,000 of
//! them take a fraction of a second. It reports numbers; it asserts nothing about time.

use std::time::Instant;

/// `n` events, each with one bad date.
fn bad_dates(n: usize) -> String {
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "    {{\"id\": \"e{i}\", \"kind\": \"monitoring-visit\", \"title\": \"Visit {i}\", \"date\": \"2023-02-30\"}}"
            )
        })
        .collect();
    format!(
        "{{\n  \"version\": 1,\n  \"title\": \"T\",\n  \"events\": [\n{}\n  ]\n}}\n",
        events.join(",\n")
    )
}

/// One event whose `title` is written `n` times, all on one line.
fn duplicate_keys(n: usize) -> String {
    let keys = "\"title\": \"T\", ".repeat(n);
    format!(
        "{{\"version\": 1, \"title\": \"T\", \"events\": [{{{keys}\"id\": \"a\", \"kind\": \"other\", \"date\": \"2023\"}}]}}"
    )
}

fn time(label: &str, text: &str) {
    // The best of three, so that a busy machine's hiccup is not the figure.
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..3 {
        let t0 = Instant::now();
        let problems = inspection_timeline::parse(text).err().unwrap_or_default();
        best = best.min(t0.elapsed().as_secs_f64() * 1000.0);
        found = problems.len();
    }
    println!(
        "  {label:<44} {:>8.1} ms  ({} problems, {:.1} MB of JSON)",
        best,
        found,
        text.len() as f64 / 1e6
    );
}

/// A sheet of `n` events, each with a date typed by hand.
fn bad_sheet(n: usize) -> String {
    let rows: Vec<String> = (0..n)
        .map(|i| format!("e{i},other,E{i},Feb 2023"))
        .collect();
    format!("title,T\n\nid,kind,title,date\n{}\n", rows.join("\n"))
}

fn main() {
    println!("Validation with many problems (native, release build):");
    for n in [10_000, 30_000, 100_000] {
        time(&format!("{n} events, each with a bad date"), &bad_dates(n));
    }
    time(
        "one event with a field written 100,000 times",
        &duplicate_keys(100_000),
    );
    // A sheet: each problem is pointed back at its cell by looking its path up.
    for n in [10_000, 30_000, 100_000] {
        let sheet = bad_sheet(n);
        let t0 = Instant::now();
        let problems = inspection_timeline::sheet::import(&sheet, ',')
            .err()
            .unwrap_or_default();
        println!(
            "  {:<44} {:>8.1} ms  ({} problems, {:.1} MB of CSV)",
            format!("a sheet of {n} rows, each with a bad date"),
            t0.elapsed().as_secs_f64() * 1000.0,
            problems.len(),
            sheet.len() as f64 / 1e6
        );
    }
}
