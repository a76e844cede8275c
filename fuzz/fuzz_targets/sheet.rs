//! The sheet reader on any bytes: decoded in whatever encoding they are, read as CSV and TSV,
//! and imported. It must answer, never panic; every problem must name a cell of the sheet, and
//! what it reads must be data the validator takes.
#![no_main]

use inspection_timeline::sheet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = sheet::decode(data);
    for sep in [',', '\t'] {
        let rows = sheet::read(&text, sep).len();
        match sheet::import(&text, sep) {
            Ok((json, _)) => assert!(inspection_timeline::parse(&json).is_ok()),
            Err(problems) => {
                for p in problems {
                    assert!(p.row >= 1 && p.row <= rows.max(1) && p.column >= 1, "{p:?}");
                }
            }
        }
    }
});
