#!/usr/bin/env bash
# The reader's download, file by file (raw, gzip, brotli), and the wasm's largest items by
# name. Run after .ci/build.sh (make size does both). The names come from a second copy of the
# reader's wasm run through the same wasm-bindgen and wasm-opt steps with its names kept, so
# the items are those of the shipped file.
set -euo pipefail
cd "$(dirname "$0")/.."
OPT=tests/browser/node_modules/.bin/wasm-opt
TOP=${SIZE_TOP:-30}

node .ci/size.mjs pkg

# twiggy reads the names; it is installed once, like wasm-bindgen.
if ! command -v twiggy >/dev/null; then
  echo "[size] installing twiggy" >&2
  cargo install twiggy --version 0.8.0 --locked >&2
fi
# The reader's build as .ci/build.sh left it, before its names were removed.
raw=target/pkg-named.wasm
named=target/size
rm -rf "$named"
mkdir -p "$named"
wasm-bindgen --target web --out-dir "$named" --out-name inspection_timeline --remove-producers-section "$raw"
node .ci/short-imports.mjs "$named"
if [ -x "$OPT" ]; then
  # -g keeps the names through the same optimisation the shipped file gets.
  "$OPT" -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals -g \
    "$named/inspection_timeline_bg.wasm" -o "$named/inspection_timeline_bg.wasm"
fi
echo
echo "The wasm's $TOP largest items (raw bytes, with names kept; the shipped file has none):"
# Crate hashes in the names say nothing to a reader of this list.
twiggy top -n "$TOP" "$named/inspection_timeline_bg.wasm" | sed -E 's/\[[0-9a-f]+\]//g' | cut -c1-160
echo
echo "By crate (raw bytes of code and data, names excluded):"
twiggy top -n 100000 -f csv "$named/inspection_timeline_bg.wasm" | node .ci/size.mjs --crates
