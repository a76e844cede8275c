# The two commands of the README: `make demo` and `make test`. Each installs what is missing.
SHELL := /bin/bash
PORT ?= 8000
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test build setup setup-test check fmt lint native-test package-check browser-test bench size fuzz clean

## Build and serve the demo article with the Bury data on 127.0.0.1.
demo: setup build
	@echo
	@echo "  Demo: http://127.0.0.1:$(PORT)/www/index.html"
	@echo "  (Ctrl-C stops the server)"
	@echo
	python3 -m http.server $(PORT) --bind 127.0.0.1

## Every check CI runs: format, lints (native and wasm32), native tests, wasm build, the packed
## npm package, browser tests.
test: setup-test fmt lint native-test build package-check browser-test

## Build pkg/ (wasm, bindings, the custom element, types, package.json), and the demo's static
## fallback image, drawn by the command line from the same data.
build: setup
	bash .ci/build.sh
	cargo run --release --quiet --bin inspection-timeline -- render \
	  www/data/bury-childrens-services.json -o www/data/bury-childrens-services.png --width 720

setup:
	bash .ci/setup.sh --npm

setup-test:
	bash .ci/setup.sh --browser

fmt:
	cargo fmt --all -- --check

lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features editor -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features sheet -- -D warnings
	@# Only the web shell may touch the browser; the core stays pure and natively testable.
	@if grep -rlE 'wasm_bindgen|web_sys|js_sys' src --include='*.rs' | grep -v '^src/web/'; then \
	  echo "error: only src/web/ may use wasm_bindgen, web_sys or js_sys"; exit 1; fi

## The npm package as it would be published: publint and arethetypeswrong on the packed tarball.
package-check: build
	bash .ci/package-check.sh

native-test:
	cargo test --all-targets
	cargo test --doc

browser-test:
	cd tests/browser && node --test --test-concurrency=1 *.test.mjs

## Validation time with 100,000 problems (natively); page weight, time to first chart and
## pointer-to-card latency, for the Bury data, generated data of 1,000 and 10,000 events, and
## 150 subjects.
bench: setup-test build
	cargo run --release --quiet --example bench_validate
	node tests/browser/bench.mjs

## The reader's download by file (raw, gzip, brotli) and the wasm's largest items by name.
size: setup build
	bash .ci/size.sh

## Each fuzz target (the JSON reader, the whole pipeline) for FUZZ_SECONDS (60) under libFuzzer.
FUZZ_SECONDS ?= 60
fuzz:
	bash .ci/fuzz.sh $(FUZZ_SECONDS)

clean:
	cargo clean
	rm -rf pkg/*.js pkg/*.ts pkg/*.wasm pkg/package.json pkg/strings pkg/embed tests/artifacts
