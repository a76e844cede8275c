//! What the integration tests share: the repository root and golden files.
//!
//! A golden file holds the expected output of a run. A mismatch writes `NAME.new` (or
//! `NAME.new.svg` for SVG) beside it to compare, and fails; `UPDATE_GOLDENS=1 cargo test`
//! rewrites the goldens instead.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDENS").is_some()
}

/// Where a mismatch is written: `a.svg` -> `a.new.svg`, `a.out` -> `a.out.new`.
fn new_path(path: &Path) -> PathBuf {
    match path.extension().and_then(|e| e.to_str()) {
        Some("svg") => path.with_extension("new.svg"),
        _ => PathBuf::from(format!("{}.new", path.display())),
    }
}

/// Compares `actual` with the golden file at `path`, or rewrites it when updating.
pub fn golden(path: &Path, actual: &str) -> Result<(), String> {
    let new = new_path(path);
    if updating() {
        fs::write(path, actual).unwrap();
        let _ = fs::remove_file(&new);
        return Ok(());
    }
    let expected = fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        let _ = fs::remove_file(&new);
        Ok(())
    } else {
        fs::write(&new, actual).unwrap();
        Err(format!(
            "{} differs from the golden; compare {}",
            path.display(),
            new.display()
        ))
    }
}
