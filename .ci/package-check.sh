#!/usr/bin/env bash
# Checks the npm package as npm would publish it: packs pkg/ into a tarball, then runs publint
# (package.json conventions) and arethetypeswrong (types resolve for every entry point) on it.
# Run after .ci/build.sh; the tools are dev dependencies of tests/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=tests/browser/node_modules/.bin
rm -rf target/pack && mkdir -p target/pack
(cd pkg && npm pack --silent --pack-destination ../target/pack >/dev/null)
TARBALL=$(ls target/pack/*.tgz)
"$BIN/publint" --strict "$TARBALL"
# An ES module for browsers and bundlers: CommonJS resolution does not apply, and the wasm is a
# file to fetch, not a module with types.
"$BIN/attw" "$TARBALL" --profile esm-only --exclude-entrypoints ./inspection_timeline_bg.wasm

# What only the newsroom's tools need stays out of every reader's download, read from the names
# the reader's build keeps before they are removed: reading text as a float (core's dec2flt,
# 14 KB of gzip; its float type's helpers, which writing floats shares, are allowed) and the SVG
# backend of the editor's export.
NAMED=target/pkg-named.wasm
if grep -a -o 'dec2flt[0-9A-Za-z_]*' "$NAMED" | grep -v '^dec2flt5float8RawFloat' | grep -q . ||
  grep -a -q 'SVGBackend' "$NAMED"; then
  echo "error: the reader's wasm has code only the newsroom's tools need (float parsing or SVG export);" >&2
  echo "       'make size' names what it is. Check numbers from their text, and keep export behind the editor feature." >&2
  exit 1
fi
echo "[package-check] the reader's wasm has no float parsing and no SVG export"
