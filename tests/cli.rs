//! The command line, checked against golden files.
//!
//! Each fixture under `tests/fixtures/` has a `.out` file beside it holding the exit status,
//! standard output and standard error of `inspection-timeline validate FIXTURE`. A mismatch
//! writes `NAME.out.new` to compare; `UPDATE_GOLDENS=1 cargo test` rewrites the goldens.
//! SVG snapshots in `tests/goldens/` work the same way, with `NAME.new.svg`.

mod common;

use common::{golden, root};
use std::fs;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_inspection-timeline");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The day the command is run on, fixed so that no verdict depends on the date the tests run:
/// 1 January 2030 (every fixture's events are before it).
const TODAY: &str = "1893456000";

/// A path in the temporary folder, named for this test run and `name`: tests run on several
/// threads and in several runs at once.
fn temp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("inspection-timeline-{}-{name}", std::process::id()))
}

/// 1 June 2026, as `SOURCE_DATE_EPOCH` takes it: a day on which September 2026 is to come.
const JUNE_2026: &str = "1780272000";

fn run(args: &[&str]) -> Run {
    run_on(TODAY, args)
}

/// `run` on the day `epoch` (seconds since 1970, as `SOURCE_DATE_EPOCH` takes it).
fn run_on(epoch: &str, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("an exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 output"),
    }
}

fn fixtures(group: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("tests/fixtures").join(group))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .map(|n| format!("tests/fixtures/{group}/{n}"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no fixtures in {group}");
    names
}

fn transcript(r: &Run) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        r.code, r.stdout, r.stderr
    )
}

fn check_goldens(group: &str) -> Vec<(String, Run)> {
    let mut failures = Vec::new();
    let mut runs = Vec::new();
    for file in fixtures(group) {
        let r = run(&["validate", &file]);
        let path = root().join(file.replace(".json", ".out"));
        if let Err(e) = golden(&path, &transcript(&r)) {
            failures.push(e);
        }
        runs.push((file, r));
    }
    assert!(failures.is_empty(), "{failures:#?}");
    runs
}

#[test]
fn valid_fixtures_pass_with_exit_status_zero() {
    for (file, r) in check_goldens("valid") {
        assert_eq!(r.code, 0, "{file}: {}", r.stdout);
        assert!(
            r.stdout.starts_with(&format!("{file}: valid, ")),
            "{file}: {}",
            r.stdout
        );
        assert!(r.stderr.is_empty());
    }
}

#[test]
fn each_invalid_fixture_breaks_exactly_one_rule() {
    for (file, r) in check_goldens("invalid") {
        assert_eq!(r.code, 1, "{file}");
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), 1, "{file} should have one problem: {lines:#?}");
        let prefix = format!("{file}:");
        assert!(lines[0].starts_with(&prefix), "{}", lines[0]);
        // FILE:LINE:COL: ... with a real position.
        let mut parts = lines[0][prefix.len()..].splitn(3, ':');
        let line: u32 = parts.next().unwrap().parse().unwrap();
        let col: u32 = parts.next().unwrap().parse().unwrap();
        assert!(line >= 1 && col >= 1, "{}", lines[0]);
    }
}

#[test]
fn problems_point_at_the_offending_value() {
    let r = run(&["validate", "tests/fixtures/invalid/end-before-date.json"]);
    let text =
        fs::read_to_string(root().join("tests/fixtures/invalid/end-before-date.json")).unwrap();
    let line: usize = r.stdout.split(':').nth(1).unwrap().parse().unwrap();
    let col: usize = r.stdout.split(':').nth(2).unwrap().parse().unwrap();
    let at = &text.lines().nth(line - 1).unwrap()[col - 1..];
    assert!(at.starts_with("\"2022-05-01\""), "{at}");
}

#[test]
fn several_problems_are_all_reported_in_source_order() {
    let runs = check_goldens("multi");
    let (_, r) = runs
        .iter()
        .find(|(f, _)| f.ends_with("several-problems.json"))
        .unwrap();
    let positions: Vec<(u32, u32)> = r
        .stdout
        .lines()
        .map(|l| {
            let mut p = l.split(':').skip(1);
            (
                p.next().unwrap().parse().unwrap(),
                p.next().unwrap().parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(positions.len(), 5, "{}", r.stdout);
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}

#[test]
fn text_that_is_not_json_is_located() {
    let r = run(&["validate", "tests/fixtures/multi/missing-comma.json"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains(":8:28: not valid JSON: expected , or } after a field"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_missing_file_is_an_input_error() {
    let r = run(&[
        "validate",
        "tests/fixtures/valid/minimal.json",
        "no/such/file.json",
    ]);
    golden(
        &root().join("tests/fixtures/missing-file.out"),
        &transcript(&r),
    )
    .unwrap();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("no/such/file.json: cannot read the file: "),
        "{}",
        r.stderr
    );
}

#[test]
fn usage_errors_exit_with_two() {
    for args in [
        &[][..],
        &["validate"][..],
        &["render", "x.json"][..],
        &["frobnicate"][..],
        &["validate", "--format", "xml", "a.json"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("usage:"), "{args:?}: {}", r.stderr);
        // A message with the commands' one-line forms, not the whole help that would bury it.
        if !args.is_empty() && args[0] != "frobnicate" {
            assert!(
                r.stderr.starts_with("inspection-timeline: ") && !r.stderr.contains("exit status"),
                "{args:?}: {}",
                r.stderr
            );
        }
    }
    let r = run(&["--version"]);
    assert_eq!(
        (r.code, r.stdout.trim()),
        (
            0,
            concat!("inspection-timeline ", env!("CARGO_PKG_VERSION"))
        )
    );
    // A sheet given to export is named for what it is, with the command that reads it.
    let r = run(&["export", "www/data/bury-childrens-services.csv"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("is a sheet already, not a JSON data file")
            && r.stderr
                .contains("inspection-timeline import www/data/bury-childrens-services.csv"),
        "{}",
        r.stderr
    );
}

#[test]
fn json_output_carries_the_same_problems() {
    let r = run(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/multi/several-problems.json",
        "tests/fixtures/valid/minimal.json",
    ]);
    assert_eq!(r.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], false);
    assert_eq!(files[1]["valid"], true);
    let text = run(&["validate", "tests/fixtures/multi/several-problems.json"]).stdout;
    let from_json: Vec<String> = files[0]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "tests/fixtures/multi/several-problems.json:{}:{}: {}: {}",
                p["line"],
                p["column"],
                p["path"].as_str().unwrap(),
                p["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(from_json, text.lines().collect::<Vec<_>>());
}

#[test]
fn the_schema_command_prints_the_schema() {
    let r = run(&["schema"]);
    assert_eq!(r.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// Renders the Bury data with `args` to a temporary `.ext` file and returns its bytes.
fn render_bury(ext: &str, args: &[&str]) -> Vec<u8> {
    // Tests run on several threads: each call gets a file of its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let out = temp(&format!("{call}-{}.{ext}", args.join("_").replace('-', "")));
    let mut all = vec![
        "render",
        "www/data/bury-childrens-services.json",
        "-o",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let r = run(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = fs::read(&out).unwrap();
    let _ = fs::remove_file(&out);
    bytes
}

fn svg_golden(name: &str, args: &[&str]) -> String {
    let svg = String::from_utf8(render_bury("svg", args)).unwrap();
    golden(
        &root().join("tests/goldens").join(format!("{name}.svg")),
        &svg,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    svg
}

#[test]
fn svg_output_matches_the_goldens() {
    let plain = svg_golden("bury-720", &[]);
    assert!(plain.contains("width=\"720\""));
    svg_golden("bury-375", &["--width", "375"]);
    let social = svg_golden("bury-social", &["--preset", "social"]);
    assert!(social.contains("width=\"1200\"") && social.contains("height=\"630\""));
    assert!(
        social.contains("Bury children&apos;s services: rated inadequate, then monitored")
            || social.contains("Bury children's services: rated inadequate, then monitored")
    );
    assert!(social.contains("Source: Ofsted findings as reported in local news coverage"));
}

#[test]
fn svg_output_is_repeatable() {
    let dir = std::env::temp_dir();
    let a = dir.join(format!("it-a-{}.svg", std::process::id()));
    let b = dir.join(format!("it-b-{}.svg", std::process::id()));
    for p in [&a, &b] {
        assert_eq!(
            run(&[
                "render",
                "tests/fixtures/valid/every-precision.json",
                "-o",
                p.to_str().unwrap()
            ])
            .code,
            0
        );
    }
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
    let _ = (fs::remove_file(a), fs::remove_file(b));
}

fn png(args: &[&str]) -> resvg::tiny_skia::Pixmap {
    let bytes = render_bury("png", args);
    resvg::tiny_skia::Pixmap::decode_png(&bytes).expect("a PNG that decodes")
}

/// Share of dark pixels in a horizontal strip: text shows up as dark pixels.
fn ink(p: &resvg::tiny_skia::Pixmap, y0: u32, y1: u32) -> f64 {
    let mut dark = 0;
    let mut all = 0;
    for y in y0..y1 {
        for x in 0..p.width() {
            let c = p.pixel(x, y).unwrap();
            all += 1;
            if u32::from(c.red()) + u32::from(c.green()) + u32::from(c.blue()) < 200 {
                dark += 1;
            }
        }
    }
    f64::from(dark) / f64::from(all)
}

#[test]
fn png_output_has_the_requested_size() {
    let p = png(&["--width", "800", "--height", "500"]);
    assert_eq!((p.width(), p.height()), (800, 500));
    let social = png(&["--preset", "social"]);
    assert_eq!((social.width(), social.height()), (1200, 630));
    let print = png(&["--preset", "print"]);
    assert_eq!(print.width(), 2250);
}

/// A height too small for the chart shrinks it to fit, credit and all, and says so, rather
/// than cutting off its bottom without a word.
#[test]
fn a_given_height_fits_the_whole_chart_and_warns_when_that_shrinks_it() {
    let out = temp("short.svg");
    let r = run(&[
        "render",
        "www/data/bury-childrens-services.json",
        "-o",
        out.to_str().unwrap(),
        "--height",
        "250",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: the chart is drawn at"),
        "{}",
        r.stderr
    );
    let svg = fs::read_to_string(&out).unwrap();
    let _ = fs::remove_file(&out);
    assert!(svg.contains(r#"height="250""#));
    // The credit, the frame's last line, is inside the image.
    let credit = svg.find("Source: Ofsted").expect("the credit is drawn");
    let tag = &svg[svg[..credit].rfind("<text").unwrap()..credit];
    let y: f64 = tag
        .split("y=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(y < 250.0 - 5.0, "the credit at {y} is inside 250 px");
    // A height with room to spare draws the chart at its full size, without a warning.
    let r = run(&[
        "render",
        "www/data/bury-childrens-services.json",
        "-o",
        out.to_str().unwrap(),
        "--height",
        "900",
    ]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let _ = fs::remove_file(&out);
}

/// A sheet is drawn as the data it imports to: the same image as its JSON file's.
#[test]
fn render_draws_a_sheet_as_its_data() {
    let svg = |input: &str| {
        let out = temp(&format!("{}.svg", input.replace(['/', '.'], "_")));
        let r = run(&["render", input, "-o", out.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let svg = fs::read_to_string(&out).unwrap();
        let _ = fs::remove_file(&out);
        svg
    };
    assert_eq!(
        svg("www/data/bury-childrens-services.csv"),
        svg("www/data/bury-childrens-services.json")
    );
}

#[test]
fn the_social_card_shows_its_title() {
    let social = png(&["--preset", "social"]);
    // The frame is centred; its first text line is the bold title.
    let rows: Vec<f64> = (0..social.height() / 10)
        .map(|i| ink(&social, i * 10, i * 10 + 10))
        .collect();
    let first_text = rows.iter().position(|&r| r > 0.01).expect("some text");
    assert!(
        first_text * 10 < 160,
        "the title is near the top: strip {first_text}"
    );
    assert!(
        rows[first_text..first_text + 3].iter().any(|&r| r > 0.03),
        "bold title text: {rows:?}"
    );
}

#[test]
fn render_draws_the_subjects_asked_for_in_that_order_and_stops_at_an_unknown_one() {
    let out = temp("subjects.svg");
    let out_s = out.to_str().unwrap();
    let file = "www/data/sample-councils.json";
    let r = run(&[
        "render",
        file,
        "-o",
        out_s,
        "--subjects",
        "mockbridge,exampleton",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = fs::read_to_string(&out).unwrap();
    let (m, e) = (
        svg.find("Mockbridge (fictional)")
            .expect("Mockbridge drawn"),
        svg.find("Exampleton (fictional)")
            .expect("Exampleton drawn"),
    );
    assert!(m < e, "in the order asked for");
    assert!(
        !svg.contains("Sampleford"),
        "a subject not asked for is left out"
    );
    let _ = fs::remove_file(&out);

    let r = run(&[
        "render",
        file,
        "-o",
        out_s,
        "--subjects",
        "mockbridge,exampletn",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "www/data/sample-councils.json: subjects: \"exampletn\" is not a subject in the data; did you mean `exampleton`?\n"
    );
    assert!(!out.exists(), "nothing is drawn for a slip");
    let r = run(&["render", file, "-o", out_s, "--subjects", ""]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--subjects takes subject ids"),
        "{}",
        r.stderr
    );
}

/// A file of `n` events, each with a bad date, in the system's temporary folder.
fn many_problems(n: usize, name: &str) -> std::path::PathBuf {
    let events: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{"id": "e{i}", "kind": "other", "title": "E", "date": "2023-02-30"}}"#)
        })
        .collect();
    let path = temp(&format!("{name}.json"));
    fs::write(
        &path,
        format!(
            "{{\"version\": 1, \"title\": \"T\", \"events\": [\n{}\n]}}",
            events.join(",\n")
        ),
    )
    .unwrap();
    path
}

#[test]
fn validate_and_render_list_the_first_hundred_warnings_and_count_the_rest() {
    // 151 events alike but for their ids: 150 written twice.
    let events: Vec<String> = (0..151)
        .map(|i| format!(r#"{{"id": "e{i}", "kind": "other", "title": "E", "date": "2023-02"}}"#))
        .collect();
    let path = temp("many-warnings.json");
    fs::write(
        &path,
        format!(
            "{{\"version\": 1, \"title\": \"T\", \"events\": [\n{}\n]}}",
            events.join(",\n")
        ),
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let r = run(&["validate", file]);
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 102, "{}", r.stdout);
    assert!(lines[100].contains(": warning: "), "{}", lines[100]);
    assert_eq!(
        lines[101],
        format!("{file}: and 50 more warnings; --format json lists every one")
    );
    let out = temp("many-warnings.svg");
    let r = run(&["render", file, "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let said: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(said.len(), 100);
    assert!(
        r.stderr.contains(&format!("{file}: and 50 more warnings;")),
        "{}",
        r.stderr
    );
    let _ = fs::remove_file(&path);
    let _ = fs::remove_file(&out);
}

#[test]
fn validate_lists_the_first_hundred_problems_and_counts_the_rest() {
    let path = many_problems(150, "many");
    let file = path.to_str().unwrap();
    let r = run(&["validate", file]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 101);
    assert!(
        lines[99].starts_with(&format!("{file}:101:")),
        "{}",
        lines[99]
    );
    assert_eq!(
        lines[100],
        format!("{file}: and 50 more problems; --format json lists every one")
    );
    let r = run(&["validate", "--format", "json", file]);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["files"][0]["problems"].as_array().unwrap().len(), 150);
    let _ = fs::remove_file(&path);
}

#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    // Megabytes of JSON, far more than a pipe holds, read a little of and then closed.
    let path = many_problems(20_000, "pipe");
    let mut child = Command::new(BIN)
        .args(["validate", "--format", "json", path.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        status.signal(),
        Some(13),
        "ended by SIGPIPE, as `head` expects: {status:?}"
    );
    let _ = fs::remove_file(&path);
}

#[test]
fn warnings_leave_a_file_valid_unless_strict() {
    let file = "tests/fixtures/valid/year-slip.json";
    assert_eq!(run(&["validate", file]).code, 0);
    let strict = run(&["validate", "--strict", file]);
    assert_eq!(strict.code, 1);
    assert!(
        strict
            .stdout
            .contains(": warning: events[2].date: 2202-11 is 181 years after"),
        "{}",
        strict.stdout
    );
    let r = run(&["validate", "--format", "json", file]);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["files"][0]["valid"], true);
    assert_eq!(doc["files"][0]["warnings"][0]["path"], "events[2].date");
    assert_eq!(
        run(&["validate", "--strict", "tests/fixtures/valid/minimal.json"]).code,
        0
    );
}

#[test]
fn a_png_warns_naming_the_characters_no_font_can_draw() {
    let dir = std::env::temp_dir();
    let write = |name: &str, title: &str| {
        let path = dir.join(format!(
            "inspection-timeline-{}-{name}.json",
            std::process::id()
        ));
        fs::write(
            &path,
            format!(r#"{{"version": 1, "title": "{title}", "events": [{{"id": "a", "kind": "other", "title": "A", "date": "2023"}}]}}"#),
        )
        .unwrap();
        path
    };
    let png = dir.join(format!(
        "inspection-timeline-{}-scripts.png",
        std::process::id()
    ));
    let png_s = png.to_str().unwrap();
    // Tangut, which no usual font has.
    let rare = write("rare", "Sample \u{17000}");
    let r = run(&["render", rare.to_str().unwrap(), "-o", png_s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(png.exists(), "the image is written all the same");
    assert!(
        r.stderr.starts_with(&format!(
            "{png_s}: warning: no font on this machine can draw \u{17000} (U+17000); "
        )),
        "{}",
        r.stderr
    );
    let latin = write("latin", "Échantillon");
    let r = run(&["render", latin.to_str().unwrap(), "-o", png_s]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    for p in [rare, latin, png] {
        let _ = fs::remove_file(p);
    }
}

#[test]
fn a_sheet_imports_and_exports_and_its_problems_name_their_cells() {
    let dir = std::env::temp_dir().join(format!("it-sheet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("bury.tsv");
    let json = dir.join("bury.json");
    let (tsv_s, json_s) = (tsv.to_str().unwrap(), json.to_str().unwrap());
    let out = run(&[
        "export",
        "www/data/bury-childrens-services.json",
        "-o",
        tsv_s,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let sheet = std::fs::read_to_string(&tsv).unwrap();
    assert!(
        sheet.contains("id\tsubject\tkind\ttitle"),
        "a .tsv name writes tabs"
    );
    let out = run(&["import", tsv_s, "-o", json_s]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back = std::fs::read_to_string(&json).unwrap();
    let original =
        std::fs::read_to_string(root().join("www/data/bury-childrens-services.json")).unwrap();
    assert_eq!(
        inspection_timeline::parse(&back).unwrap(),
        inspection_timeline::parse(&original).unwrap()
    );
    // A bad cell: FILE:ROW:COLUMN: CELL (column): message, on standard error, exit 1.
    std::fs::write(&tsv, sheet.replacen("\t2023-02\t", "\tFeb 2023\t", 1)).unwrap();
    let out = run(&["import", tsv_s]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    let line = out.stderr.lines().next().unwrap();
    let expected = format!("{tsv_s}:13:5: E13 (date): \"Feb 2023\" is not a date; write 2023-02");
    assert_eq!(line, expected);
    // validate checks a sheet as import reads it.
    let out = run(&["validate", tsv_s]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout.lines().next().unwrap(), expected);
    let out = run(&["validate", "www/data/bury-childrens-services.csv"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(
        out.stdout.trim(),
        "www/data/bury-childrens-services.csv: valid, 6 events"
    );
    // Export refuses data with problems, naming them as validate does.
    let out = run(&["export", "tests/fixtures/invalid/date-shape.json"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("date-shape.json:9:15: events[0].date:"),
        "{}",
        out.stderr
    );
    // A CSV saved by Excel in Windows-1252 is read, with a warning that says so.
    let excel = dir.join("excel.csv");
    std::fs::write(
        &excel,
        b"title,Caf\xe9\n\nid,kind,title,date\nv,other,A,2023\n",
    )
    .unwrap();
    let out = run(&["import", excel.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("warning: the file is not UTF-8, so it was read as Windows-1252"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("\"title\": \"Café\""), "{}", out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_not_saved_as_utf8_is_pointed_at_with_how_to_save_it() {
    let dir = std::env::temp_dir().join(format!("it-cli-encoding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // "Café £5" as Windows-1252 writes it, on the second line.
    let latin = dir.join("latin.json");
    std::fs::write(
        &latin,
        b"{\"version\": 1,\r\n \"title\": \"Caf\xe9 \xa35\",\n \"events\": []}",
    )
    .unwrap();
    let unicode = dir.join("unicode.json");
    std::fs::write(&unicode, b"\xff\xfe{\0}\0").unwrap();
    // UTF-16 without its byte-order mark, big-endian.
    let bare = dir.join("bare.json");
    std::fs::write(&bare, b"\0{\0}").unwrap();
    let (latin_s, unicode_s) = (latin.to_str().unwrap(), unicode.to_str().unwrap());
    let bare_s = bare.to_str().unwrap();
    let r = run(&["validate", latin_s, unicode_s, bare_s]);
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{latin_s}:2:15: this character is not UTF-8")),
        "{}",
        r.stderr
    );
    assert!(
        lines[0].ends_with("save it as UTF-8 (in most editors, Save As, then the encoding UTF-8)")
    );
    assert!(
        lines[1].starts_with(&format!(
            "{unicode_s}: cannot read the file: it is saved as UTF-16"
        )),
        "{}",
        r.stderr
    );
    assert!(
        lines[2].starts_with(&format!(
            "{bare_s}: cannot read the file: it is saved as UTF-16"
        )),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_after_a_command_prints_the_usage() {
    let r = run(&["validate", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("usage:"), "{}", r.stdout);
}

/// Excel saves tab-separated text as `.txt`: `validate` reads it as the sheet it is, and
/// `import` given a JSON data file says what it is and which command it wants.
#[test]
fn a_txt_sheet_validates_and_a_json_file_is_not_imported() {
    let dir = std::env::temp_dir().join(format!("it-txt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let txt = dir.join("bury.txt");
    let txt_s = txt.to_str().unwrap();
    let out = run(&[
        "export",
        "www/data/bury-childrens-services.json",
        "-o",
        &format!("{txt_s}.tsv"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::rename(format!("{txt_s}.tsv"), &txt).unwrap();
    let out = run(&["validate", txt_s]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("valid, 6 events"), "{}", out.stdout);
    let out = run(&["import", "www/data/bury-childrens-services.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "is a JSON data file, not a sheet: check it with `inspection-timeline validate"
        ),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_workbook_is_refused_with_how_to_save_it_as_a_sheet_by_validate_and_import_alike() {
    // A workbook is a zip archive: its first bytes are enough to know it.
    let mut bytes = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    bytes.extend((0u8..=255).cycle().take(600));
    for name in ["book.xlsx", "book.ods", "book.csv", "book.json"] {
        let path = std::env::temp_dir().join(format!("it-workbook-{}-{name}", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let file = path.to_str().unwrap();
        for command in ["validate", "import"] {
            let r = run(&[command, file]);
            let said = format!("{}{}", r.stdout, r.stderr);
            assert!(
                said.contains(
                    "this is a spreadsheet workbook (.xlsx or .ods), not a sheet saved as text"
                ),
                "{command} {name}: {said}"
            );
            assert!(!said.contains("Windows-1252"), "{command} {name}: {said}");
            assert_ne!(r.code, 0);
        }
        std::fs::remove_file(&path).unwrap();
    }
}

/// An event that took place, or a report, dated after today is warned about, and so is an
/// event written twice under two ids; the day is the one the command is run on.
#[test]
fn a_done_event_after_today_and_an_event_written_twice_are_warned_about() {
    let file = temp("future.json");
    fs::write(
        &file,
        r#"{"version": 1, "title": "T", "events": [
  {"id": "mv-1", "kind": "monitoring-visit", "title": "Visit", "date": "2026-09-01"},
  {"id": "mv-1-copy", "kind": "monitoring-visit", "title": "Visit", "date": "2026-09-01"},
  {"id": "mv-2", "kind": "monitoring-visit", "title": "Second", "date": "2025-03", "published": "2026-10"},
  {"id": "next", "kind": "reinspection", "title": "Next", "status": "expected", "date": "2027"}
]}"#,
    )
    .unwrap();
    let name = file.to_str().unwrap();
    // 1 June 2026: the visit of September 2026 and the report of October have not happened.
    let r = run_on(JUNE_2026, &["validate", name]);
    let _ = fs::remove_file(&file);
    let lines: Vec<&str> = r.stdout.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    assert!(lines[0].contains("events[0].date: 2026-09-01 is after today (2026-06-01), but the event is not marked expected"), "{}", lines[0]);
    assert!(
        lines[1].contains(
            "events[1]: this event has the same kind, title and dates as events[0] (\"mv-1\")"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("events[1].date: 2026-09-01 is after today"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].contains("events[2].published: the report is dated 2026-10, after today"),
        "{}",
        lines[3]
    );
    assert_eq!(r.code, 0, "warnings leave the file valid");
}

/// A sheet is warned about a date after today at its cell, by validate and import, and render
/// says each warning once, at its cell.
#[test]
fn a_sheets_warnings_name_their_cells_once() {
    let file = temp("future.csv");
    fs::write(
        &file,
        "title,T\n\nid,kind,title,date\nv1,monitoring-visit,Visit,2025-02\nv2,monitoring-visit,Next visit,2026-09-01\n",
    )
    .unwrap();
    let name = file.to_str().unwrap();
    let svg = temp("future.svg");
    let on = JUNE_2026;
    let validated = run_on(on, &["validate", name]);
    let imported = run_on(on, &["import", name]);
    let rendered = run_on(on, &["render", name, "-o", svg.to_str().unwrap()]);
    let _ = (fs::remove_file(&file), fs::remove_file(&svg));
    let cell = "D5 (date): 2026-09-01 is after today (2026-06-01)";
    assert!(validated.stdout.contains(cell), "{}", validated.stdout);
    assert!(imported.stderr.contains(cell), "{}", imported.stderr);
    assert_eq!(rendered.code, 0, "{}", rendered.stderr);
    assert_eq!(rendered.stderr.lines().count(), 1, "{}", rendered.stderr);
    assert!(rendered.stderr.contains(cell), "{}", rendered.stderr);
}
