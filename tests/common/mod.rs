//! What the integration tests share: the repository root, golden files, the data files to
//! read, and a seeded generator for property tests.
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

/// Every JSON data file of the repository, as `(name, text)`: the demo's and the editor's
/// (`www/data/NAME`), then the fixtures (`valid/NAME`, `invalid/NAME`, `multi/NAME`), each
/// folder in name order.
pub fn data_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (dir, prefix) in [
        ("www/data", "www/data/"),
        ("tests/fixtures/valid", "valid/"),
        ("tests/fixtures/invalid", "invalid/"),
        ("tests/fixtures/multi", "multi/"),
    ] {
        let mut names: Vec<String> = fs::read_dir(root().join(dir))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for n in names {
            let text = fs::read_to_string(root().join(dir).join(&n)).unwrap();
            out.push((format!("{prefix}{n}"), text));
        }
    }
    out
}

/// A small deterministic generator (xorshift), so property tests need no dependency and give
/// the same cases on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// An index below `n` (at least one).
    pub fn pick(&mut self, n: usize) -> usize {
        self.below(n.max(1) as u64) as usize
    }
}
