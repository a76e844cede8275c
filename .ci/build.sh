#!/usr/bin/env bash
# Builds pkg/: the wasm module, its JavaScript bindings, the custom element, types and
# package.json. Run .ci/setup.sh first (make does).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .wasm-toolchain.env ] && . ./.wasm-toolchain.env
MODE=${WASM_TOOLCHAIN_MODE:-rustup}
OPT=tests/browser/node_modules/.bin/wasm-opt

# wasm FEATURES OUT_DIR: builds the crate for the browser and writes its bindings to OUT_DIR.
wasm() {
  local features=$1 out=$2 target_dir wasm_file
  local args=(--release --lib --target wasm32-unknown-unknown)
  [ -n "$features" ] && args+=(--features "$features")
  target_dir=target
  if [ "$MODE" = debian ]; then
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build "${args[@]}" \
      -Z build-std=std,panic_abort
  elif [ "${SMALL_WASM:-1}" = 1 ] && rustup component list --installed 2>/dev/null | grep -q '^rust-src' &&
    # Rebuilding std with our size settings and aborting without panic messages saves about
    # 15% of the gzipped wasm every reader downloads; std's smaller algorithms
    # (`optimize_for_size`) 2.2 KB more, and dropping source locations and `{:?}` output,
    # which no reader sees, 0.4 KB. All are unstable options, so when this toolchain refuses
    # them the ordinary build below is used instead.
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo build "${args[@]}" -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --target-dir target/small; then
    target_dir=target/small
  else
    [ "$MODE" = rustup ] && echo "[build] building without the size-optimised std" >&2
    cargo build "${args[@]}"
  fi
  wasm_file=$target_dir/wasm32-unknown-unknown/release/inspection_timeline.wasm
  mkdir -p "$out"
  # The build before its names are removed, for `make size` to name what takes the room.
  cp "$wasm_file" "target/$(basename "$out")-named.wasm"
  wasm-bindgen --target web --out-dir "$out" --remove-name-section --remove-producers-section "$wasm_file"
  # One or two letters for each name the wasm imports its bindings by, in both files.
  node .ci/short-imports.mjs "$out"
  # Debian's wasm-opt (binaryen 108) breaks wasm-bindgen's output, so only the pinned npm one is used.
  if [ -x "$OPT" ]; then
    "$OPT" -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-reference-types --enable-multivalue --enable-mutable-globals \
      "$out/inspection_timeline_bg.wasm" -o "$out/inspection_timeline_bg.wasm"
  else
    echo "[build] wasm-opt not installed (make setup adds it); the wasm is a little larger" >&2
  fi
}

# What readers download: the widget alone.
wasm "" pkg
# What the newsroom's editor page adds: SVG and PNG export. Kept out of the readers' package,
# where it would cost every reader about 9 KB of gzip.
wasm editor pkg/editor
# What a page whose `src` is a sheet published as CSV loads, only then: the sheet reader alone.
wasm sheet pkg/sheet
cp src/js/inspection-timeline.js src/js/inspection-timeline.d.ts src/js/inspection-timeline-frame.js \
  src/js/inspection-timeline-frame.d.ts pkg/
cp src/schema.json pkg/inspection-timeline.schema.json
# The iframe page, for CMSs that forbid scripts, ships in the package too, beside the element it
# imports; its no-script note loses the demo's link to the Bury data.
rm -rf pkg/embed
mkdir -p pkg/embed
cp www/embed.css pkg/embed/embed.css
node -e 'const fs = require("fs");
  const swap = (from, to, [a, b]) => { const s = fs.readFileSync(from, "utf8");
    if (!s.includes(a)) { console.error(`[build] ${from} no longer has: ${a}`); process.exit(1); }
    fs.writeFileSync(to, s.replace(a, b)); };
  swap("www/embed.js", "pkg/embed/embed.js", ["import \x27../pkg/inspection-timeline.js\x27;", "import \x27../inspection-timeline.js\x27;"]);
  swap("www/embed.html", "pkg/embed/embed.html", [" <a href=\"data/bury-childrens-services.json\">Its data</a> can be read without.", ""]);'
# The widget's words: one module per language, which the element imports (British English) or
# loads when the page is in that language (the others).
rm -rf pkg/strings
mkdir -p pkg/strings
for table in src/strings/*.json; do
  node -e 'const fs = require("fs"); const [src, out] = process.argv.slice(1);
    fs.writeFileSync(out, `export default ${JSON.stringify(JSON.parse(fs.readFileSync(src, "utf8")))};\n`);' \
    "$table" "pkg/strings/$(basename "$table" .json).js"
done
# The British table is written into the element, which every page needs anyway: one request
# fewer before the first chart. Its module stays in strings/ for anyone who imports it.
node -e 'const fs = require("fs"); const [element, table] = process.argv.slice(1);
  const line = "import enGB from \x27./strings/en-GB.js\x27;";
  const source = fs.readFileSync(element, "utf8");
  if (!source.includes(line)) { console.error(`[build] ${element} no longer has: ${line}`); process.exit(1); }
  fs.writeFileSync(element, source.replace(line, () =>
    `const enGB = ${JSON.stringify(JSON.parse(fs.readFileSync(table, "utf8")))};`));' \
  pkg/inspection-timeline.js src/strings/en-GB.json
if [ -d tests/browser/node_modules/terser ]; then
  node .ci/minify.mjs pkg/inspection-timeline.js pkg/inspection_timeline.js pkg/inspection-timeline-frame.js
else
  echo "[build] terser not installed (make setup adds it); the JavaScript is not minified" >&2
fi
VERSION=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
# A repository address, once Cargo.toml has one, goes into package.json too.
REPOSITORY=$(awk -F'"' '/^repository = /{print $2; exit}' Cargo.toml)
REPOSITORY_FIELD=
[ -n "$REPOSITORY" ] && REPOSITORY_FIELD="
  \"repository\": { \"type\": \"git\", \"url\": \"$REPOSITORY\" },"
cp LICENSE pkg/LICENSE
cat > pkg/package.json <<JSON
{
  "name": "inspection-timeline",
  "version": "$VERSION",
  "description": "An embeddable, interactive timeline of inspection ratings and monitoring visits, drawn by Rust/WebAssembly on a canvas.",
  "keywords": ["timeline", "custom-element", "web-component", "webassembly", "news", "ofsted", "accessibility"],
  "license": "MIT",$REPOSITORY_FIELD
  "type": "module",
  "main": "./inspection-timeline.js",
  "module": "./inspection-timeline.js",
  "types": "./inspection-timeline.d.ts",
  "exports": {
    ".": {
      "types": "./inspection-timeline.d.ts",
      "default": "./inspection-timeline.js"
    },
    "./frame": {
      "types": "./inspection-timeline-frame.d.ts",
      "default": "./inspection-timeline-frame.js"
    },
    "./inspection-timeline-frame.js": {
      "types": "./inspection-timeline-frame.d.ts",
      "default": "./inspection-timeline-frame.js"
    },
    "./schema.json": "./inspection-timeline.schema.json",
    "./inspection-timeline.schema.json": "./inspection-timeline.schema.json",
    "./inspection_timeline_bg.wasm": "./inspection_timeline_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": [
    "inspection-timeline.js",
    "inspection-timeline.d.ts",
    "inspection-timeline-frame.js",
    "inspection-timeline-frame.d.ts",
    "inspection_timeline.js",
    "inspection_timeline.d.ts",
    "inspection_timeline_bg.wasm",
    "inspection_timeline_bg.wasm.d.ts",
    "inspection-timeline.schema.json",
    "strings/",
    "sheet/inspection_timeline.js",
    "sheet/inspection_timeline_bg.wasm",
    "embed/",
    "LICENSE"
  ],
  "sideEffects": ["./inspection-timeline.js", "./inspection-timeline-frame.js"]
}
JSON
ls -l pkg >&2
