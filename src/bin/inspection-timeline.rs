//! `inspection-timeline`: check data files, draw them as SVG or PNG, turn a spreadsheet into
//! a data file and back, print the JSON Schema.
//!
//! It shares the validator, layout and drawing code with the widget, so its messages and
//! pictures are the ones readers get.

use inspection_timeline::layout::{frame, Frame, LayoutConfig};
use inspection_timeline::model::Rgb;
use inspection_timeline::model::{more_problems, more_warnings, SHOWN_PROBLEMS};
use inspection_timeline::render::frame_to_svg;
use inspection_timeline::subjects::select;
use inspection_timeline::theme::{Palette, Theme};
use inspection_timeline::validate::parse_with_warnings_on;
use inspection_timeline::Chronology;
use inspection_timeline::{Problem, Timeline};
use std::process::ExitCode;

const USAGE: &str = "usage:
  inspection-timeline validate [--format text|json] [--strict] FILE...  (data files, or sheets as .csv/.tsv/.txt)
  inspection-timeline render FILE -o OUT.svg|OUT.png [--width PX] [--height PX] [--preset social|print]
                             [--subjects ID,ID...]
  inspection-timeline import SHEET.csv|SHEET.tsv [-o DATA.json]
  inspection-timeline export DATA.json [-o SHEET.csv|SHEET.tsv]
  inspection-timeline schema
  inspection-timeline --help | --version

validate  checks each file and prints every problem as FILE:LINE:COL: PATH: message, and
          what looks wrong though allowed (such as an event dated after today, from the clock
          or SOURCE_DATE_EPOCH) as FILE:LINE:COL: warning: PATH: message; a workbook is named,
          with how to save it as a sheet;
          exit status 0 when all are valid, 1 when any is not (or, with --strict, has a
          warning), 2 for usage or file errors
render    draws the chart of a data file or a sheet with its title and credit, as the widget
          would; --subjects draws only those subjects of a file that lists several, in that
          order (every one without it); --height shrinks the chart to fit, warning when its
          text gets small
import    reads a spreadsheet saved as CSV or TSV (docs/DATA.md, The sheet) and writes the data
          file (to standard output without -o); each problem is printed as
          FILE:ROW:COLUMN: D7 (date): message, and the exit status is 1
export    writes a data file as such a sheet (CSV, or TSV for a .tsv name; standard output
          without -o), so that importing it gives the same data back
schema    prints the JSON Schema of the data format";

/// The font bundled for PNG output, so images are identical on every machine.
const FONT_REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");
const FONT_FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";
const SCHEMA: &str = include_str!("../schema.json");

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so writing to a closed pipe (`validate FILE | head`) would panic;
    // with the default action restored the tool ends quietly, as command-line tools do.
    #[cfg(unix)]
    // SAFETY: called before any other thread exists; resets one signal to its default action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `validate --help` asks for help as much as `--help` does.
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        println!("inspection-timeline {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let result = match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("export") => export(&args[1..]),
        Some("schema") if args.len() == 1 => {
            print!("{SCHEMA}");
            Ok(ExitCode::SUCCESS)
        }
        Some("help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(String::new()),
    };
    result.unwrap_or_else(|message| {
        // A message says what went wrong on its own; the whole help would bury it.
        if message.is_empty() {
            eprintln!("{USAGE}");
        } else {
            eprintln!("inspection-timeline: {message}");
            let synopsis = USAGE.split("\n\n").next().unwrap_or(USAGE);
            eprintln!("{synopsis}\n(--help says what each command does)");
        }
        ExitCode::from(2)
    })
}

fn problem_line(file: &str, p: &Problem) -> String {
    format!("{file}:{}:{}: {p}", p.line, p.column)
}

fn warning_line(file: &str, w: &Problem) -> String {
    format!("{file}:{}:{}: warning: {w}", w.line, w.column)
}

fn validate(args: &[String]) -> Result<ExitCode, String> {
    let mut json = false;
    let mut strict = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return Err("--format takes text or json".into()),
            },
            "--strict" => strict = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err("name at least one file to validate".into());
    }
    let mut status = 0u8;
    let mut report = Vec::new();
    for file in &files {
        // A sheet is checked as `import` reads it, each problem at its cell.
        if is_sheet(file) {
            let (entry, code) = validate_sheet(file, json, strict);
            status = status.max(code);
            report.push(entry);
            continue;
        }
        let entry = match read_text(file) {
            Err(e) => {
                status = 2;
                if !json {
                    eprintln!("{file}:{e}");
                }
                serde_json::json!({ "file": file, "valid": false, "error": e.trim() })
            }
            Ok(text) => match parse_with_warnings_on(&text, today()) {
                Ok(inspection_timeline::validate::Checked {
                    timeline: t,
                    warnings,
                    ..
                }) => {
                    if strict && !warnings.is_empty() {
                        status = status.max(1);
                    }
                    if !json {
                        let n = t.events.len();
                        println!("{file}: valid, {n} event{}", if n == 1 { "" } else { "s" });
                        for w in warnings.iter().take(SHOWN_PROBLEMS) {
                            println!("{}", warning_line(file, w));
                        }
                        if let Some(more) = more_warnings(warnings.len()) {
                            println!("{file}: {more}; --format json lists every one");
                        }
                    }
                    serde_json::json!({ "file": file, "valid": true, "events": t.events.len(), "problems": [], "warnings": warnings })
                }
                Err(problems) => {
                    status = status.max(1);
                    if !json {
                        for p in problems.iter().take(SHOWN_PROBLEMS) {
                            println!("{}", problem_line(file, p));
                        }
                        if let Some(more) = more_problems(problems.len()) {
                            println!("{file}: {more}; --format json lists every one");
                        }
                    }
                    serde_json::json!({ "file": file, "valid": false, "problems": problems, "warnings": [] })
                }
            },
        };
        report.push(entry);
    }
    if json {
        let doc = serde_json::json!({ "files": report });
        println!(
            "{}",
            serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?
        );
    }
    Ok(ExitCode::from(status))
}

/// Whether `file` is a spreadsheet saved as CSV or TSV, by its name.
/// The text of the data file `path`, or why it cannot be read, said so that a journalist can
/// act on it: "cannot read the file: …", after the line and column of the first character that
/// is not UTF-8 when the file was saved in another encoding.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => {
                "there is no such file; check its name and folder".to_string()
            }
            std::io::ErrorKind::PermissionDenied => {
                "this computer does not allow reading it".to_string()
            }
            _ if std::path::Path::new(path).is_dir() => "this is a folder, not a file".to_string(),
            _ => e.to_string(),
        };
        format!(" cannot read the file: {why}")
    })?;
    inspection_timeline::text::data_text(bytes).map_err(|e| match e.at {
        Some((line, column)) => format!("{line}:{column}: {}", e.message),
        None => format!(" cannot read the file: {}", e.message),
    })
}

/// Today, in days since 1970-01-01, for the warning about events dated after it: from
/// `SOURCE_DATE_EPOCH` (seconds) when it is set, as for reproducible builds and tests, else
/// the clock.
fn today() -> Option<i64> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s.trim().parse::<i64>().ok()? as f64,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs_f64(),
    };
    Some(inspection_timeline::date::day_of(seconds))
}

/// Whether `file` is a sheet: by its name, or, for a `.txt` file (Excel's "Text (Tab
/// delimited)" and "Unicode Text"), by its content not being JSON.
fn is_sheet(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    // A workbook, whatever its name, goes to the sheet reader, which says how to save it as
    // a sheet; read as JSON it would only be "not UTF-8".
    let workbook =
        || std::fs::read(file).is_ok_and(|b| b.starts_with(inspection_timeline::sheet::WORKBOOK));
    if [".xlsx", ".xls", ".ods"].iter().any(|e| lower.ends_with(e)) || workbook() {
        return true;
    }
    if lower.ends_with(".txt") {
        return std::fs::read(file)
            .is_ok_and(|bytes| !is_json(&inspection_timeline::sheet::decode(&bytes).0));
    }
    lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".tab")
}

/// Whether text starts as a JSON data file does, with an object or a list.
fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '['])
}

/// Checks the sheet `file` for `validate`: its report entry and exit status. Problems are
/// printed as `FILE:ROW:COLUMN: D7 (date): message`, and listed in JSON with the cell as path.
fn validate_sheet(file: &str, json: bool, strict: bool) -> (serde_json::Value, u8) {
    use inspection_timeline::sheet;
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let message = format!("cannot read the file: {e}");
            if !json {
                eprintln!("{file}: {message}");
            }
            return (
                serde_json::json!({ "file": file, "valid": false, "error": message }),
                2,
            );
        }
    };
    let (text, note) = sheet::decode(&bytes);
    if let (Some(note), false) = (&note, json) {
        println!("{file}: warning: {note}");
    }
    let listed = |found: &[sheet::SheetProblem]| -> Vec<serde_json::Value> {
        found
            .iter()
            .map(|p| {
                let path = if p.field.is_empty() { p.cell() } else { format!("{} ({})", p.cell(), p.field) };
                serde_json::json!({ "path": path, "message": p.message, "line": p.row, "column": p.column })
            })
            .collect()
    };
    match sheet::import_on(&text, sheet::separator(Some(file), &text), today()) {
        Ok((data, warnings)) => {
            let n = inspection_timeline::parse(&data).map_or(0, |t| t.events.len());
            if !json {
                println!("{file}: valid, {n} event{}", if n == 1 { "" } else { "s" });
                for w in warnings.iter().take(SHOWN_PROBLEMS) {
                    println!("{file}:{}:{}: warning: {w}", w.row, w.column);
                }
                if let Some(more) = more_warnings(warnings.len()) {
                    println!("{file}: {more}; --format json lists every one");
                }
            }
            let code = u8::from(strict && (!warnings.is_empty() || note.is_some()));
            let entry = serde_json::json!({ "file": file, "valid": true, "events": n, "problems": [], "warnings": listed(&warnings) });
            (entry, code)
        }
        Err(problems) => {
            if !json {
                for p in problems.iter().take(SHOWN_PROBLEMS) {
                    println!("{file}:{}:{}: {p}", p.row, p.column);
                }
                if let Some(more) = more_problems(problems.len()) {
                    println!("{file}: {more}; --format json lists every one");
                }
            }
            let entry = serde_json::json!({ "file": file, "valid": false, "problems": listed(&problems), "warnings": [] });
            (entry, 1)
        }
    }
}

/// The one file named in `args` and the `-o` output, if any.
fn file_and_output(args: &[String], what: &str) -> Result<(String, Option<String>), String> {
    let (mut file, mut out) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" => out = Some(it.next().ok_or("-o needs a file name")?.clone()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ if file.is_some() => return Err(format!("name one {what}")),
            _ => file = Some(a.clone()),
        }
    }
    Ok((file.ok_or(format!("name the {what}"))?, out))
}

/// Writes `text` to `out`, or to standard output.
fn emit(text: &str, out: Option<&str>) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn import(args: &[String]) -> Result<ExitCode, String> {
    let (file, out) = file_and_output(args, "spreadsheet (CSV or TSV) to import")?;
    match read_sheet(&file)? {
        Ok(json) => {
            emit(&json, out.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

/// The data of the sheet `file`, as JSON, with its warnings printed; or, with its problems
/// printed by cell (`FILE:ROW:COLUMN: D7 (date): message`), the exit status to end with.
fn read_sheet(file: &str) -> Result<Result<String, ExitCode>, String> {
    use inspection_timeline::sheet;
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let (text, note) = sheet::decode(&bytes);
    if is_json(&text) {
        return Err(format!("{file} is a JSON data file, not a sheet: check it with `inspection-timeline validate {file}`, or write it as a sheet with `inspection-timeline export {file} -o SHEET.csv`"));
    }
    if let Some(note) = note {
        eprintln!("{file}: warning: {note}");
    }
    let cell_line = |p: &sheet::SheetProblem| format!("{file}:{}:{}: {p}", p.row, p.column);
    match sheet::import_on(&text, sheet::separator(Some(file), &text), today()) {
        Ok((json, warnings)) => {
            for w in warnings.iter().take(SHOWN_PROBLEMS) {
                let line = format!("{file}:{}:{}: warning: {w}", w.row, w.column);
                eprintln!("{line}");
            }
            if let Some(more) = more_warnings(warnings.len()) {
                eprintln!("{file}: {more}");
            }
            Ok(Ok(json))
        }
        Err(problems) => {
            for p in problems.iter().take(SHOWN_PROBLEMS) {
                eprintln!("{}", cell_line(p));
            }
            if let Some(more) = more_problems(problems.len()) {
                eprintln!("{file}: {more}");
            }
            Ok(Err(ExitCode::from(1)))
        }
    }
}

fn export(args: &[String]) -> Result<ExitCode, String> {
    let (file, out) = file_and_output(args, "data file to export")?;
    let text = read_text(&file).map_err(|e| format!("{file}:{e}"))?;
    if is_sheet(&file) && !is_json(&text) {
        return Err(format!("{file} is a sheet already, not a JSON data file: check it with `inspection-timeline validate {file}`, or turn it into JSON with `inspection-timeline import {file} -o DATA.json`"));
    }
    let sep = inspection_timeline::sheet::separator(out.as_deref().or(Some(".csv")), "");
    match inspection_timeline::sheet::export(&text, sep) {
        Ok(sheet) => {
            emit(&sheet, out.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for p in problems.iter().take(SHOWN_PROBLEMS) {
                eprintln!("{}", problem_line(&file, p));
            }
            if let Some(more) = more_problems(problems.len()) {
                eprintln!("{file}: {more}; `validate --format json` lists every one");
            }
            Ok(ExitCode::from(1))
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Preset {
    Plain,
    Social,
    Print,
}

fn number(flag: &str, value: Option<&String>) -> Result<u32, String> {
    value
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|v| (200..=10_000).contains(v))
        .ok_or_else(|| format!("{flag} takes a number of pixels from 200 to 10000"))
}

/// What `render` was asked for.
struct RenderArgs {
    input: String,
    out: String,
    png: bool,
    width: Option<u32>,
    height: Option<u32>,
    preset: Preset,
    /// The subjects to draw, as the element's `subjects` attribute names them.
    subjects: Option<Vec<String>>,
}

/// Reads `render`'s arguments: the data file, `-o OUT.svg|OUT.png`, and the size options.
fn render_args(args: &[String]) -> Result<RenderArgs, String> {
    let (mut input, mut out) = (None, None);
    let (mut width, mut height) = (None, None);
    let mut preset = Preset::Plain;
    let mut subjects = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => out = it.next().cloned(),
            "--width" => width = Some(number("--width", it.next())?),
            "--height" => height = Some(number("--height", it.next())?),
            "--subjects" => {
                let ids: Vec<String> = it
                    .next()
                    .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
                    .unwrap_or_default();
                if ids.iter().all(String::is_empty) {
                    return Err(
                        "--subjects takes subject ids separated by commas, such as bury,rochdale"
                            .into(),
                    );
                }
                subjects = Some(ids);
            }
            "--preset" => {
                preset = match it.next().map(String::as_str) {
                    Some("social") => Preset::Social,
                    Some("print") => Preset::Print,
                    _ => return Err("--preset takes social or print".into()),
                }
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if input.is_none() => input = Some(a.clone()),
            _ => return Err("render draws one file at a time".into()),
        }
    }
    let input = input.ok_or("name the data file to render")?;
    let out = out.ok_or("name the output file with -o OUT.svg or -o OUT.png")?;
    let png = match out
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => true,
        Some("svg") => false,
        _ => return Err(format!("{out}: the output must end in .svg or .png")),
    };
    Ok(RenderArgs {
        input,
        out,
        png,
        width,
        height,
        preset,
        subjects,
    })
}

fn render(args: &[String]) -> Result<ExitCode, String> {
    let RenderArgs {
        input,
        out,
        png,
        width,
        height,
        preset,
        subjects,
    } = render_args(args)?;
    // A sheet is drawn as the data it imports to; its problems and warnings are named by
    // cell as it is read, so they are not printed again at places in that data.
    let sheet = is_sheet(&input);
    let text = if sheet {
        match read_sheet(&input)? {
            Ok(json) => json,
            Err(code) => return Ok(code),
        }
    } else {
        match read_text(&input) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{input}:{e}");
                return Ok(ExitCode::from(2));
            }
        }
    };
    let checked = match parse_with_warnings_on(&text, today()) {
        Ok(checked) => {
            // Drawn all the same; said so that a slip is caught before the image is used.
            if !sheet {
                for w in checked.warnings.iter().take(SHOWN_PROBLEMS) {
                    eprintln!("{}", warning_line(&input, w));
                }
                if let Some(more) = more_warnings(checked.warnings.len()) {
                    eprintln!("{input}: {more}; `validate --format json` lists every one");
                }
            }
            checked
        }
        Err(problems) => {
            for p in problems.iter().take(SHOWN_PROBLEMS) {
                eprintln!("{}", problem_line(&input, p));
            }
            if let Some(more) = more_problems(problems.len()) {
                eprintln!("{input}: {more}; `validate --format json` lists every one");
            }
            return Ok(ExitCode::from(1));
        }
    };
    // An image shows every subject chosen: it has no button to show the rest. Unlike the
    // widget, which draws what it can for readers, the command line stops at an unknown id,
    // so that a slip is fixed before an image is published.
    let timeline = checked.timeline;
    let chosen = select(&timeline, subjects.as_deref(), true);
    if !chosen.problems.is_empty() {
        for p in &chosen.problems {
            eprintln!("{input}: {p}");
        }
        return Ok(ExitCode::from(1));
    }
    // The chronology worked out while checking is the one drawn, unless subjects were chosen.
    let (timeline, chronology) = match chosen.timeline {
        Some(t) => {
            let c = Chronology::new(&t);
            (t, c)
        }
        None => (timeline, checked.chronology),
    };

    let (fr, scale, (out_w, out_h), shrunk) =
        sized_frame(&timeline, &chronology, preset, width, height);
    if shrunk < 0.75 {
        eprintln!(
            "{out}: warning: the chart is drawn at {}% of its size to fit --height {out_h}; its text may be too small to read. Leave --height out, or give it more height",
            (shrunk * 100.0).round()
        );
    }
    let theme = Theme {
        background: Some(Rgb(255, 255, 255)),
        ..Theme::LIGHT
    };
    let palette = Palette::new(&theme, &timeline.grades);
    let svg = frame_to_svg(&fr, &palette, FONT_FAMILY, scale, (out_w, out_h))
        .map_err(|e| e.to_string())?;
    let bytes = if png {
        let mut text: Vec<char> = fr
            .labels
            .iter()
            .chain(&fr.scene.labels)
            .flat_map(|l| l.text.chars())
            .collect();
        text.sort_unstable();
        text.dedup();
        rasterise(&svg, &text, &out)?
    } else {
        svg.into_bytes()
    };
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("{out}: cannot write the file: {e}");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// The characters of `chars` that no font in `fonts` can draw.
fn without_glyph(fonts: &resvg::usvg::fontdb::Database, chars: &[char]) -> Vec<char> {
    use skrifa::MetadataProvider;
    let mut missing: Vec<char> = chars
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    for face in fonts.faces() {
        if missing.is_empty() {
            break;
        }
        fonts.with_face_data(face.id, |data, index| {
            if let Ok(font) = skrifa::FontRef::from_index(data, index) {
                let map = font.charmap();
                missing.retain(|&c| map.map(c).is_none());
            }
        });
    }
    missing
}

/// The framed chart laid out for `preset` and the size asked for: the frame, how many image
/// pixels make one CSS pixel, the image's size, and the share of the preset's own scale a
/// given height leaves it (1 when the chart fits).
fn sized_frame(
    timeline: &Timeline,
    chronology: &Chronology,
    preset: Preset,
    width: Option<u32>,
    height: Option<u32>,
) -> (Frame, f64, (u32, u32), f64) {
    // Each preset fixes the image size and how many image pixels make one CSS pixel of
    // layout, so text stays readable: a social card is 1200x630, print is 300 dpi.
    let (out_w, mut scale) = match preset {
        Preset::Plain => (width.unwrap_or(720), 1.0),
        Preset::Social => (width.unwrap_or(1200), 1.5),
        Preset::Print => (width.unwrap_or(2250), 300.0 / 96.0),
    };
    // A social card is 630 high; any other image is as tall as its chart unless given a height.
    let fit = height.or((preset == Preset::Social).then_some(630));
    let lay_out = |scale: f64| {
        frame(
            timeline,
            chronology,
            &LayoutConfig {
                width: f64::from(out_w) / scale,
                ..LayoutConfig::default()
            },
        )
    };
    let mut fr = lay_out(scale);
    // The preset's own size, for how much a given height shrinks the chart below it.
    let preset_h = (preset == Preset::Social).then_some(630.0);
    let natural = match preset_h.filter(|&h| fr.height * scale > h) {
        Some(h) => h / fr.height,
        None => scale,
    };
    if let Some(h) = fit.filter(|&h| fr.height * scale > f64::from(h)) {
        // Shrunk to fit the height rather than cut off at it; the layout then gets more room
        // across. Drawing at the smaller scale can only make the chart shorter again.
        scale = f64::from(h) / fr.height;
        fr = lay_out(scale);
    }
    let out_h = fit.unwrap_or_else(|| (fr.height * scale).ceil() as u32);
    (fr, scale, (out_w, out_h), scale / natural)
}

/// Turns the SVG into a PNG with the bundled font, and the machine's fonts for characters it
/// lacks (Arabic, Chinese, emoji…); warns, naming them, about characters no font can draw,
/// which would show as boxes.
fn rasterise(svg: &str, text: &[char], out: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(FONT_REGULAR.to_vec());
    fonts.load_font_data(FONT_BOLD.to_vec());
    fonts.load_system_fonts();
    fonts.set_sans_serif_family("Liberation Sans");
    let missing = without_glyph(&fonts, text);
    if !missing.is_empty() {
        let named: Vec<String> = missing
            .iter()
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect();
        eprintln!(
            "{out}: warning: no font on this machine can draw {}; they show as boxes in the PNG (the SVG leaves fonts to its viewer). Install a font that has them, such as one of the Noto fonts, and render again",
            named.join(", ")
        );
    }
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the drawing could not be read back: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the image is too large")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("the PNG could not be written: {e}"))
}
