//! The JSON reader on any bytes: it must answer, never panic, and any position it gives must
//! lie in the text.
#![no_main]

use inspection_timeline::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = json::parse(text) {
        assert!(e.offset <= text.len());
        let _ = json::line_col(text, e.offset);
    }
});
