#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target in fuzz/ for SECONDS (default 60), seeded with every JSON
# file of the fixtures and the demo (the sheet reader with the sheets). Installs cargo-fuzz
# (from crates.io) if it is missing.
# libFuzzer needs no nightly toolchain here: the targets are built without a sanitizer
# (`--sanitizer none`; the crate has no unsafe code for one to check), and RUSTC_BOOTSTRAP
# lets the stable compiler take cargo-fuzz's instrumentation flags.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
SECONDS_EACH=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in json pipeline sheet; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  # The sheet reader starts from the sheets; the others from every JSON file.
  if [ "$target" = sheet ]; then
    cp www/data/*.csv docs/*.csv "$corpus"/
  else
    cp tests/fixtures/*/*.json www/data/*.json "$corpus"/
  fi
  echo "[fuzz] $target for ${SECONDS_EACH} s"
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -O "$target" "corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -max_len=200000 -print_final_stats=1 2>&1 | tail -12)
done
