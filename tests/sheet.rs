//! Spreadsheets: a sheet read into the JSON contract and written back, the usual spreadsheet
//! mess read as a journalist means it, and every problem pointed at its cell.

mod common;

use common::{data_files, root, Rng};
use inspection_timeline::parse;
use inspection_timeline::sheet::{
    cell_name, export, import, read, separator, write, SheetProblem, COLUMNS, SETTINGS,
};
use inspection_timeline::validate::{EVENT_FIELDS, FINDING_FIELDS, SOURCE_FIELDS, TOP_FIELDS};
use std::fs;

/// The problems of importing `csv`, as "D7 (date): message" lines.
fn problems(csv: &str) -> Vec<String> {
    match import(csv, ',') {
        Ok((json, _)) => panic!("the sheet was read:\n{json}"),
        Err(p) => p.iter().map(SheetProblem::to_string).collect(),
    }
}

/// A sheet with the settings a file needs and `events` under the header `header`.
fn sheet(header: &str, events: &[&str]) -> String {
    format!("title,A chart\n\n{header}\n{}\n", events.join("\n"))
}

const HEADER: &str = "id,kind,title,date,finding,tone,quote,source,url";

#[test]
fn export_then_import_gives_back_every_valid_file() {
    let mut n = 0;
    for (name, text) in data_files() {
        let Ok(original) = parse(&text) else { continue };
        for sep in [',', '\t'] {
            let sheet = export(&text, sep).unwrap_or_else(|p| panic!("{name}: {p:?}"));
            let (json, _) = import(&sheet, sep).unwrap_or_else(|p| {
                panic!(
                    "{name} did not read back:\n{}\n{sheet}",
                    p.iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
            assert_eq!(parse(&json).unwrap(), original, "{name} ({sep:?})");
        }
        n += 1;
    }
    assert!(n >= 8, "only {n} valid files were round-tripped");
}

#[test]
fn the_bury_sheet_gives_the_bury_chart() {
    let json = fs::read_to_string(root().join("www/data/bury-childrens-services.json")).unwrap();
    let csv = fs::read_to_string(root().join("www/data/bury-childrens-services.csv")).unwrap();
    let (from_sheet, warnings) = import(&csv, separator(Some("x.csv"), &csv)).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(parse(&from_sheet).unwrap(), parse(&json).unwrap());
    // And the file in the repository is what export writes, so the two never drift apart.
    assert_eq!(export(&json, ',').unwrap(), csv);
}

#[test]
fn the_template_has_every_setting_and_column() {
    let template = fs::read_to_string(root().join("docs/sheet-template.csv")).unwrap();
    let rows = read(&template, ',');
    let names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.first().map(String::as_str))
        .collect();
    // Every setting a journalist fills in; the file's version and schema address are not.
    for s in SETTINGS
        .iter()
        .filter(|s| !["version", "$schema"].contains(s))
    {
        assert!(names.contains(s), "the template has no {s} row");
    }
    let header = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "id"))
        .unwrap();
    assert_eq!(header, inspection_timeline::sheet::COLUMNS);
    // Filled in with a title and one event, it is a chart.
    let filled = template.replacen("title,", "title,Filled in", 1)
        + "visit-1,,monitoring-visit,First visit,2023-02,,,,,,,Inspectors found progress,positive,yes,Ofsted report,https://example.org\r\n";
    let (json, _) = import(&filled, ',').unwrap();
    let t = parse(&json).unwrap();
    assert_eq!(t.events[0].findings[0].text, "Inspectors found progress");
    assert_eq!(
        t.events[0].sources[0].url.as_deref(),
        Some("https://example.org")
    );
}

#[test]
fn quoted_cells_keep_commas_line_ends_and_quotes() {
    let text =
        "\u{feff}a,\"b, with comma\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\nx,y\r\n\r\n,,\r\n";
    assert_eq!(
        read(text, ','),
        vec![
            vec!["a", "b, with comma", "two\r\nlines", "say \"hi\""],
            vec!["x", "y"],
        ]
    );
    // CR alone ends a row too, and a last row needs no line end.
    assert_eq!(read("a,b\rc,d", ','), vec![vec!["a", "b"], vec!["c", "d"]]);
    // Cells copied from a spreadsheet are separated by tabs.
    assert_eq!(separator(None, "id\ttitle\n"), '\t');
    assert_eq!(separator(Some("sheet.TSV"), ""), '\t');
    assert_eq!(separator(Some("sheet.csv"), "a\tb"), ',');
    // Whatever the file is called, the header row decides: a European Excel's semicolons, or
    // Excel's "Unicode text" (tabs) saved with a .csv name.
    assert_eq!(
        separator(Some("sheet.csv"), "title;Bury\n\nid;kind;title;date\n"),
        ';'
    );
    assert_eq!(separator(Some("sheet.csv"), "\"id\"\t\"Title\"\n"), '\t');
    assert_eq!(separator(Some("sheet.tsv"), "ID, title\n"), ',');
}

/// A quote mark typed at the start of a cell runs the cells after it together: the problem is
/// named at that cell, alone, rather than as a date made of the next cells' text.
#[test]
fn a_stray_quote_mark_is_named_at_its_cell() {
    let closed_early = sheet(
        HEADER,
        &[
            "v1,monitoring-visit,Visit,2023-02",
            "v2,monitoring-visit,\"Second visit,2023-09,\"Some progress\",positive",
        ],
    );
    let p = problems(&closed_early);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with(
            "C5: a quote mark (\") opens this cell's text and closes before the cell ends"
        ),
        "{p:?}"
    );
    let unclosed = sheet(
        HEADER,
        &[
            "v1,monitoring-visit,\"Visit,2023-02",
            "v2,monitoring-visit,Visit,2023-09",
        ],
    );
    let p = problems(&unclosed);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("C4: a quote mark (\") opens this cell's text and is never closed"),
        "{p:?}"
    );
    // Spaces after a closing quote, as some programs write, are no slip.
    assert!(import(
        &sheet(HEADER, &["v1,monitoring-visit,\"Visit\" ,2023-02"]),
        ','
    )
    .is_ok());
    // Cells copied from a spreadsheet quote only what holds a line end: a cell that starts
    // with a quote mark is read as written, closed or not.
    assert_eq!(
        read(
            "a\t\"Serious failures\" were found\tb\n\"half\tc\n\"two\nlines\"\td\n",
            '\t'
        ),
        vec![
            vec!["a", "\"Serious failures\" were found", "b"],
            vec!["\"half", "c"],
            vec!["two\nlines", "d"],
        ]
    );
}

#[test]
fn a_semicolon_sheet_reads_as_the_comma_sheet_does() {
    let csv = include_str!("../www/data/bury-childrens-services.csv");
    let (json, _) = import(csv, separator(Some("x.csv"), csv)).unwrap();
    // The same cells with semicolons, as a European Excel saves "CSV": every cell quoted, so
    // that commas and semicolons inside cells stay text.
    let rows = read(csv, ',');
    let semicolons: String = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect();
            cells.join(";") + "\r\n"
        })
        .collect();
    let (again, _) = import(&semicolons, separator(Some("x.csv"), &semicolons)).unwrap();
    assert_eq!(again, json);
}

#[test]
fn a_workbook_or_a_web_page_is_named_for_what_it_is() {
    let said = |text: &str| {
        import(text, separator(Some("x.csv"), text)).unwrap_err()[0]
            .message
            .clone()
    };
    assert!(said("PK\u{3}\u{4}\u{14}\0\u{6}\0[Content_Types].xml")
        .starts_with("this is a spreadsheet workbook"));
    assert!(said("<!DOCTYPE html>\n<html><head><title>Sign in</title>")
        .starts_with("this is a web page, not the sheet"));
    assert!(said("a,b\nc,d\n").starts_with("no row names the columns"));
}

#[test]
fn writing_then_reading_gives_back_any_cells() {
    let mut rng = Rng(7);
    let alphabet = [
        'a', 'B', ',', '"', '\n', '\r', '\t', ' ', 'é', '😀', ';', '=', '+', '-', '@', '\'',
    ];
    for _ in 0..300 {
        let rows: Vec<Vec<String>> = (0..1 + rng.below(5))
            .map(|_| {
                (0..1 + rng.below(5))
                    .map(|_| {
                        (0..rng.below(6))
                            .map(|_| alphabet[rng.pick(alphabet.len())])
                            .collect()
                    })
                    .collect()
            })
            .collect();
        // What reading drops: empty cells at the end of a row, and empty rows at the end.
        let mut expected = rows.clone();
        for r in &mut expected {
            while r.last().is_some_and(|c: &String| c.trim().is_empty()) {
                r.pop();
            }
        }
        while expected.last().is_some_and(Vec::is_empty) {
            expected.pop();
        }
        for sep in [',', '\t'] {
            assert_eq!(read(&write(&rows, sep), sep), expected, "{rows:?}");
        }
    }
}

/// Text a spreadsheet would take for a formula is written with a `'` before it, so that it
/// shows as text; reading takes the `'` off again.
#[test]
fn text_that_starts_like_a_formula_is_written_as_text() {
    let cells = [
        "=HYPERLINK(\"http://x\")",
        "-3 social workers left",
        "+1 more",
        "@council said",
        "'quoted",
        "plain",
    ];
    let rows = vec![cells.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    let csv = write(&rows, ',');
    assert_eq!(
        csv,
        "\"'=HYPERLINK(\"\"http://x\"\")\",'-3 social workers left,'+1 more,'@council said,''quoted,plain\r\n"
    );
    assert_eq!(read(&csv, ','), rows);
    // A sheet's own apostrophe before other text is the journalist's: it stays.
    assert_eq!(
        read("'Tis the season\n", ','),
        vec![vec!["'Tis the season".to_string()]]
    );
}

#[test]
fn headers_are_read_in_any_case_with_spaces_and_trailing_columns() {
    let csv = "Title , A chart ,,\n\n ID ,KIND,Title,Date, Source_Date ,,\nv1,monitoring-visit,Visit,2023-02,,,\n,,,,,,\n";
    let (json, _) = import(csv, ',').unwrap();
    let t = parse(&json).unwrap();
    assert_eq!(t.title, "A chart");
    assert_eq!(t.events.len(), 1);
}

#[test]
fn cells_are_named_as_spreadsheets_name_them() {
    assert_eq!(cell_name(7, 4), "D7");
    assert_eq!(cell_name(1, 26), "Z1");
    assert_eq!(cell_name(10, 27), "AA10");
    assert_eq!(cell_name(3, 53), "BA3");
}

/// Another event a message names is named by its row in the sheet, not by its place in the
/// JSON the sheet is read into.
#[test]
fn another_event_is_named_by_its_row() {
    let csv = sheet(
        HEADER,
        &[
            "v1,monitoring-visit,Visit,2023-02",
            "v2,monitoring-visit,Visit,2023-06",
            "v1,monitoring-visit,Third,2023-09",
        ],
    );
    assert_eq!(
        problems(&csv),
        ["A6 (id): \"v1\" is already used by the event on row 4; give each event its own id"]
    );
}

/// Every date column of a sheet whose whole dates are all firsts of months is warned about,
/// not only the first such column.
#[test]
fn each_date_column_of_months_made_days_is_warned_about() {
    let csv = sheet(
        "id,kind,title,date,published",
        &[
            "v1,monitoring-visit,Visit,2023-02-01,2023-04-01",
            "v2,monitoring-visit,Second,2023-06-01,2023-08-01",
        ],
    );
    let (_, warnings) = import(&csv, ',').unwrap();
    let cells: Vec<String> = warnings
        .iter()
        .map(|w| format!("{}{}", w.field, w.row))
        .collect();
    assert_eq!(cells, ["date4", "published4"]);
}

#[test]
fn a_date_typed_by_hand_is_pointed_at_with_the_contracts_form() {
    let csv = sheet(
        HEADER,
        &[
            "v1,monitoring-visit,Visit,Feb 2023",
            "v2,monitoring-visit,Visit,03/05/2024",
        ],
    );
    assert_eq!(
        problems(&csv),
        [
            "D4 (date): \"Feb 2023\" is not a date; write 2023-02",
            "D5 (date): \"03/05/2024\" is not a date; it could be 3 May 2024 or 5 March 2024: write 2024-05-03 for the first or 2024-03-05 for the second",
        ]
    );
}

#[test]
fn each_kind_of_problem_names_its_cell() {
    let cases: &[(&[&str], &str)] = &[
        // The validator's own messages, at the cell the value came from.
        (&["v1,visit,Visit,2023"], "B4 (kind): "),
        (&["v1,monitoring-visit,,2023"], "C4 (title): `title` is missing: fill it in"),
        (&["v1,monitoring-visit,A,2023", "v1b,monitoring-visit,B,2023", "v1,other,C,2024"], "A6 (id): "),
        (&["v1,monitoring-visit,A,2023,Found,great"], "F4 (tone): "),
        // The sheet's own.
        (&["v1,monitoring-visit,A,2023,,positive"], "F4 (tone): a tone needs a finding in the same row"),
        (&["v1,monitoring-visit,A,2023,Found,,maybe"], "G4 (quote): \"maybe\": write yes when the finding is the regulator's own words, or leave it empty"),
        (&["v1,monitoring-visit,A,2023", ",,B"], "C5 (title): this row adds to the event on row 4"),
        (&[",monitoring-visit,A,2023"], "A4 (id): this row has no id and no event above it"),
        (&["v1,monitoring-visit,A,2023,,,,,https://x.org"], "I4 (url): a source's url needs the source's title"),
    ];
    for (events, start) in cases {
        let found = problems(&sheet(HEADER, events));
        assert!(
            found.iter().any(|p| p.starts_with(start)),
            "{events:?}: {found:?} has no {start}"
        );
    }
}

#[test]
fn settings_and_headers_that_do_not_exist_are_named_with_the_nearest() {
    let found = problems("titel,A chart\ncredit,Me\n\nid,kind,title,dates\nv1,other,A\n");
    assert!(
        found[0].starts_with("A1: `titel` is not a setting; did you mean `title`?"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("D4: `dates` is not a column; did you mean `date`?")),
        "{found:?}"
    );
    // Without a title row the chart has no title: the message says where it goes.
    assert!(
        found
            .iter()
            .any(|p| p.contains("`title` is missing: add a row above the events")),
        "{found:?}"
    );
    let found = problems("title,A\n\nkind,date\n");
    assert!(found[0].contains("no row names the columns"), "{found:?}");
    // A column's name inside a longer header is offered too.
    let found = problems("title,A\n\nid,kind,title,date,Published Date\nv1,other,A,2023\n");
    assert!(
        found[0].starts_with("E3: `Published Date` is not a column; did you mean `published`?"),
        "{found:?}"
    );
    // A title typed over the sheet, alone in its row, is told how to become the title; a
    // setting's value pushed out of column B is one problem, at the value.
    let found = problems(
        "Bury timeline (updated 3 Dec)\ntitle,,A chart\n\nid,kind,title,date\nv1,other,A,2023\n",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("A1: `Bury timeline (updated 3 Dec)` is not a setting; if it is the chart's title, write title in A1 and move this text to B1; else delete the row"),
        "{found:?}"
    );
    assert_eq!(
        found[1],
        "C2 (title): `title`'s value is in C2, but a setting's value goes in column B: move it to B2, or delete the empty column B"
    );
    // No events under the header, and the JSON a message would have written, said in a
    // sheet's words.
    assert_eq!(
        problems("title,T\n\nid,kind,title,date\n"),
        ["A3: there are no events: add a row under the header for each event"]
    );
    let found = problems("title,T\n\nid,kind,title,date,status\nv1,other,A,,\n");
    assert!(
        found[0].ends_with("or write expected in the event's status cell"),
        "{found:?}"
    );
    // Headers newsrooms often write are offered the column they mean, not the nearest name
    // ("source date") or a name inside them ("date").
    for (header, meant) in [
        ("Source title", "source"),
        ("End date", "end"),
        ("Link", "url"),
    ] {
        let found = problems(&format!(
            "title,A\n\nid,kind,title,date,{header}\nv1,other,A,2023\n"
        ));
        assert!(
            found[0].starts_with(&format!(
                "E3: `{header}` is not a column; did you mean `{meant}`?"
            )),
            "{found:?}"
        );
    }
}

#[test]
fn a_subjects_own_scale_comes_from_grade_rows_naming_it() {
    let csv = "title,Councils\nsubjects,bury,Bury\ngrade,red,Red,#b00020,bury\ngrade,green,Green,#2e7d32,bury\ngrade,blue,Blue,#1f4e9c,nowhere\n\nid,subject,kind,title,date,rating\nv1,bury,inspection,A,2023,red\n";
    let found = problems(csv);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("E5 (grade): no subjects row above has the id \"nowhere\""),
        "{found:?}"
    );
    let (json, _) = import(&csv.replace(",nowhere", ",bury"), ',').unwrap();
    let t = parse(&json).unwrap();
    assert_eq!(t.subjects[0].scale.len(), 3);
}

#[test]
fn files_from_excel_are_read_in_their_encodings() {
    use inspection_timeline::sheet::decode;
    // UTF-8, with its byte-order mark left for the reader to skip.
    assert_eq!(
        decode("\u{feff}café".as_bytes()),
        ("\u{feff}café".to_string(), None)
    );
    // Excel's "Unicode text": UTF-16 with a byte-order mark, little- or big-endian.
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("id\tcafé".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain("id\tcafé".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(decode(&le).0, "id\tcafé");
    assert_eq!(decode(&be).0, "id\tcafé");
    // Excel's "CSV (Comma delimited)" on Windows: Windows-1252, said to be a guess.
    let (text, note) = decode(b"title,Caf\xe9 \x93open\x94 \x96 \x80 5\n");
    assert_eq!(text, "title,Café “open” – € 5\n");
    assert!(note.unwrap().contains("Windows-1252"));
    // Such a file imports like any other.
    let sheet = "title,Caf\u{e9}\n\nid,kind,title,date\nv,other,Caf\u{e9},2023\n";
    let bytes: Vec<u8> = sheet.chars().map(|c| c as u32 as u8).collect();
    let (json, _) = import(&decode(&bytes).0, ',').unwrap();
    assert_eq!(parse(&json).unwrap().title, "Café");
}

#[test]
fn any_sheet_gets_an_answer_and_every_problem_a_cell_of_it() {
    // Sheets made of the pieces a real one has, in any order: the reader must never panic,
    // and whatever it reads must be valid data.
    let pieces = [
        ",",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\"",
        "\"\"",
        " ",
        "id",
        "title",
        "kind",
        "date",
        "end",
        "finding",
        "tone",
        "quote",
        "source",
        "url",
        "grade",
        "subjects",
        "subject",
        "version",
        "monitoring-visit",
        "inspection",
        "other",
        "2023",
        "2023-02",
        "Feb 2023",
        "03/05/2024",
        "yes",
        "maybe",
        "positive",
        "v1",
        "é",
        "😀",
        "\u{feff}",
        "Q1 2023",
        "x",
    ];
    let mut rng = Rng(11);
    for _ in 0..3000 {
        let text: String = (0..rng.below(60))
            .map(|_| pieces[rng.pick(pieces.len())])
            .collect();
        for sep in [',', '\t'] {
            let rows = read(&text, sep).len();
            match import(&text, sep) {
                Ok((json, _)) => assert!(parse(&json).is_ok(), "{text:?}"),
                Err(problems) => {
                    for p in problems {
                        assert!(
                            p.row >= 1 && p.row <= rows.max(1) && p.column >= 1,
                            "{text:?}: {p:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_sheet_has_a_place_for_every_field_of_the_contract() {
    // A field added to the contract without a column or a setting would be lost on export.
    for f in TOP_FIELDS
        .iter()
        .filter(|f| !["scale", "subjects", "events"].contains(f))
    {
        assert!(SETTINGS.contains(f), "no setting for the file's `{f}`");
    }
    for s in SETTINGS {
        assert!(
            TOP_FIELDS.contains(s),
            "the setting `{s}` is not a field of the file"
        );
    }
    for f in EVENT_FIELDS
        .iter()
        .filter(|f| !["findings", "sources"].contains(f))
    {
        assert!(COLUMNS.contains(f), "no column for an event's `{f}`");
    }
    // A finding's text and a source's title and date have columns of their own names.
    let named = |f: &str, renamed: &[(&str, &str)]| {
        renamed
            .iter()
            .find(|(k, _)| *k == f)
            .map_or(f.to_string(), |(_, c)| c.to_string())
    };
    for f in FINDING_FIELDS {
        assert!(
            COLUMNS.contains(&named(f, &[("text", "finding")]).as_str()),
            "no column for a finding's `{f}`"
        );
    }
    for f in SOURCE_FIELDS {
        let column = named(f, &[("title", "source"), ("date", "source date")]);
        assert!(
            COLUMNS.contains(&column.as_str()),
            "no column for a source's `{f}`"
        );
    }
}

#[test]
fn a_slip_in_a_repeated_id_is_reported_once_with_the_id_meant() {
    let csv = include_str!("../www/data/bury-childrens-services.csv");
    let lines: Vec<&str> = csv.split_inclusive('\n').collect();
    let row = lines
        .iter()
        .position(|l| l.starts_with("monitoring-visit-3,,,,"))
        .expect("a row that adds a finding to the third visit");
    let first = lines
        .iter()
        .position(|l| l.starts_with("monitoring-visit-3,"))
        .unwrap();
    let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    edited[row] = edited[row].replacen("monitoring-visit-3", "monitoring-visit3", 1);
    let text = edited.concat();
    let problems = import(&text, ',').unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!((problems[0].row, problems[0].column), (row + 1, 1));
    assert!(
        problems[0].message.starts_with(&format!(
            "\"monitoring-visit3\" starts no event (this row has no kind, title or date): did you mean monitoring-visit-3, the event on row {}?",
            first + 1
        )),
        "{}",
        problems[0].message
    );
}

#[test]
fn months_a_spreadsheet_turned_into_first_days_are_warned_of_once() {
    let sheet = |d1: &str, d2: &str| {
        format!("title,T\n\nid,kind,title,date\na,other,A,{d1}\nb,other,B,{d2}\nc,other,C,2023\n")
    };
    let (_, warnings) = import(&sheet("2023-02-01", "2023-05-01"), ',').unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(
        (warnings[0].cell(), warnings[0].field.as_str()),
        ("D4".to_string(), "date")
    );
    assert!(
        warnings[0].message.contains("write 2023-02 and the like"),
        "{}",
        warnings[0].message
    );
    // One real day among them, or a single first of the month, is no such sign.
    for (d1, d2) in [("2023-02-01", "2023-05-17"), ("2023-02-01", "2023-05")] {
        let (_, warnings) = import(&sheet(d1, d2), ',').unwrap();
        assert!(warnings.is_empty(), "{d1}, {d2}: {warnings:#?}");
    }
}

/// Text in a column the header does not name is left out of the data, and said so, once.
#[test]
fn text_in_an_unnamed_column_is_warned_of() {
    let text = sheet(
        HEADER,
        &[
            "v1,monitoring-visit,Visit,2023-02,,,,,,check this",
            "v2,monitoring-visit,Visit,2023-09,,,,,,and this",
        ],
    );
    let (_, warnings) = import(&text, ',').expect("still read");
    let said: Vec<String> = warnings.iter().map(SheetProblem::to_string).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(
            "J4: this cell has text, but its column has no name in the header (row 3)"
        ),
        "{said:?}"
    );
    let (_, none) = import(&sheet(HEADER, &["v1,monitoring-visit,Visit,2023-02"]), ',').unwrap();
    assert!(none.is_empty(), "{none:?}");
}

/// A finding row that repeats an earlier event's id below another event is in the wrong
/// place, and is told so, not asked whether it meant the id it has.
#[test]
fn a_row_below_another_event_is_told_to_move_up() {
    let p = problems(&sheet(
        HEADER,
        &[
            "v1,monitoring-visit,Visit,2023-02,Some progress,positive",
            "v2,monitoring-visit,Visit,2023-09",
            "v1,,,,Still slow,negative",
        ],
    ));
    assert_eq!(
        p,
        ["A6 (id): this row adds to \"v1\", the event on row 4, but other events come between them: move the row up to join that event's rows"]
    );
}

/// A setting whose row is there but whose value is not is told to be written in its cell; a
/// setting with no row at all is told where its row goes.
#[test]
fn an_empty_setting_and_a_missing_one_are_told_apart() {
    let empty = format!("title,\n\n{HEADER}\nv1,monitoring-visit,Visit,2023-02\n");
    assert_eq!(
        problems(&empty),
        ["B1 (title): `title` is empty: write it in this cell"]
    );
    let missing = format!("{HEADER}\nv1,monitoring-visit,Visit,2023-02\n");
    let p = problems(&missing);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("`title` is missing: add a row above the events with title in column A"),
        "{p:?}"
    );
}
