#!/usr/bin/env bash
# Installs, only where missing, what building and testing the widget needs on Debian 12:
#   - the wasm32-unknown-unknown target (rustup; Debian's rustc-web with build-std as fallback),
#   - wasm-bindgen-cli at exactly the version Cargo.lock pins for the wasm-bindgen crate,
#   - with `--browser`: Debian's chromium, chromium-driver and fonts, Python's jsonschema, plus the npm tools of
#     tests/browser (playwright-core drives that chromium; binaryen's wasm-opt shrinks the wasm).
# It then writes .wasm-toolchain.env, which the build sources. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
BROWSER=0
NPM=0
for a in "$@"; do
  case "$a" in
    --browser) BROWSER=1; NPM=1 ;;
    --npm) NPM=1 ;;
  esac
done
log() { printf '[setup] %s\n' "$*" >&2; }
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
APT=($SUDO apt-get -y -q -o DPkg::Lock::Timeout=900)
APT_UPDATED=
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
apt_install() {
  local missing=() p
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then "${APT[@]}" update; APT_UPDATED=1; fi
  log "apt: installing ${missing[*]}"
  # One retry: a concurrent apt run can remove downloaded packages under our feet.
  "${APT[@]}" install --no-install-recommends "${missing[@]}" ||
    { $SUDO dpkg --configure -a || true; "${APT[@]}" install --no-install-recommends "${missing[@]}"; }
}

# --- Rust for wasm32
MODE=${FORCE_MODE:-}
if [ -z "$MODE" ]; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    MODE=rustup
  elif command -v rustup >/dev/null && timeout 120 rustup target add wasm32-unknown-unknown; then
    MODE=rustup
  else
    log "rustup could not add the wasm32 target; using Debian's rustc-web and building std"
    MODE=debian
  fi
fi
if [ "$MODE" = debian ]; then
  # /usr/bin/rust-lld points into lld-22, which nothing depends on, so it is named here.
  apt_install rustc-web cargo-web rust-web-src lld-22
fi
# rust-src lets the build recompile std for a smaller wasm; without it the build still works.
for c in rustfmt clippy rust-src; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || timeout 300 rustup component add "$c" || true
done

# --- wasm-bindgen-cli, pinned to the crate
WB=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  log "installing wasm-bindgen-cli $WB (a few minutes)"
  # --locked fails when the registry lacks a locked dependency; then resolve afresh.
  cargo install wasm-bindgen-cli --version "$WB" --locked --force ||
    cargo install wasm-bindgen-cli --version "$WB" --force
fi

# --- browser and npm tools
if [ "$BROWSER" = 1 ]; then
  apt_install chromium chromium-driver fonts-liberation
  # Python's jsonschema reads the data's JSON Schema in the browser tests' schema check.
  python3 -c 'import jsonschema' 2>/dev/null ||
    python3 -m pip install --user --quiet jsonschema ||
    python3 -m pip install --user --quiet --break-system-packages jsonschema ||
    apt_install python3-jsonschema
fi
if [ "$NPM" = 1 ]; then
  command -v npm >/dev/null || apt_install nodejs npm
  # npm ci again whenever package-lock.json changed since the last install.
  (cd tests/browser && { cmp -s package-lock.json node_modules/.package-lock.stamp ||
    { npm ci --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.stamp; }; })
fi

{
  echo "export WASM_TOOLCHAIN_MODE=$MODE"
  echo "export PATH=\"${CARGO_HOME:-$HOME/.cargo}/bin:\$PATH\""
} > .wasm-toolchain.env
log "ready ($MODE)"
