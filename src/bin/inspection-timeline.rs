//! Command-line tools for the newsroom: check a data file, or draw it as SVG.

use inspection_timeline::layout::{layout, LayoutConfig};
use inspection_timeline::render::{to_svg, Highlight, Theme};
use std::process::ExitCode;

const USAGE: &str = "usage:
  inspection-timeline validate FILE...
  inspection-timeline render FILE -o OUT.svg [--width PX]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("render") => render(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{path}: cannot read the file: {e}");
        ExitCode::from(2)
    })
}

fn validate(files: &[String]) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in files {
        let text = match read(path) {
            Ok(t) => t,
            Err(code) => return code,
        };
        if let Err(problems) = inspection_timeline::parse(&text) {
            for p in problems {
                println!("{path}:{}:{}: {p}", p.line, p.column);
            }
            status = ExitCode::from(1);
        }
    }
    status
}

fn render(args: &[String]) -> ExitCode {
    let mut input = None;
    let mut out = None;
    let mut width = 720.0;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" => out = it.next().cloned(),
            "--width" => match it.next().and_then(|w| w.parse::<f64>().ok()) {
                Some(w) if w >= 200.0 => width = w,
                _ => {
                    eprintln!("--width needs a number of pixels, at least 200");
                    return ExitCode::from(2);
                }
            },
            _ if input.is_none() => input = Some(a.clone()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(input), Some(out)) = (input, out) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match read(&input) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let timeline = match inspection_timeline::parse(&text) {
        Ok(t) => t,
        Err(problems) => {
            for p in problems {
                eprintln!("{input}:{}:{}: {p}", p.line, p.column);
            }
            return ExitCode::from(1);
        }
    };
    let scene = layout(
        &timeline,
        &LayoutConfig {
            width,
            ..LayoutConfig::default()
        },
    );
    let theme = Theme {
        background: Some(inspection_timeline::model::Rgb(255, 255, 255)),
        ..Theme::LIGHT
    };
    match to_svg(
        &scene,
        &theme,
        "Liberation Sans, Arial, sans-serif",
        Highlight::default(),
    ) {
        Ok(svg) => match std::fs::write(&out, svg) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{out}: cannot write the file: {e}");
                ExitCode::from(2)
            }
        },
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
