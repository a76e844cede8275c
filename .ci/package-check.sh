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
