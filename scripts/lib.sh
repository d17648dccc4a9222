# Shared helpers for the scripts in this folder. Source it; don't run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_LEPTOS_VERSION=0.3.10
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Where cargo puts build outputs (respects CARGO_TARGET_DIR).
target_dir() {
  if [ -n "${CARGO_TARGET_DIR:-}" ]; then echo "$CARGO_TARGET_DIR"; else echo "$ROOT/target"; fi
}

# Installs what building the site needs, once: the wasm target, cargo-leptos and
# wasm-bindgen-cli at the versions this workspace pins.
ensure_tools() {
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION (once; takes ~15 minutes)"
    cargo install cargo-leptos@"$CARGO_LEPTOS_VERSION" --locked
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Licence, ban and source checks of the dependency tree (deny.toml).
CARGO_DENY_VERSION=0.20.2
ensure_cargo_deny() {
  if ! cargo deny --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
    log "installing cargo-deny $CARGO_DENY_VERSION (once; takes ~5 minutes)"
    cargo install cargo-deny@"$CARGO_DENY_VERSION" --locked
  fi
}

# Release builds shrink the wasm with wasm-opt (built from the Rust package registry; Debian's binaryen breaks
# hydration). cargo-leptos uses the one on PATH instead of downloading it.
ensure_wasm_opt() {
  if ! command -v wasm-opt >/dev/null; then
    log "installing wasm-opt (once; takes ~10 minutes)"
    cargo install wasm-opt --locked
  fi
}

# Installs Debian's Chromium for the browser tests if it is missing.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium for the browser tests"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# Where cargo-leptos writes the site files (`site-root` in Cargo.toml, below the workspace).
site_dir() { echo "$ROOT/target/site"; }

# Builds the site (wasm + CSS) and the server through cargo-leptos. Stops at the first half that
# fails, even when the caller runs it inside `if` or `||` (where `set -e` does not apply).
build_site() {
  log "building the shop (cargo leptos build $*)"
  if [[ " $* " == *" --release "* ]]; then
    # A release server embeds the site files, so build them first, then the server: cargo-leptos
    # would otherwise build both side by side and the server could embed a stale wasm. The old
    # bundle goes first, so a failed frontend build cannot leave it behind to be embedded.
    rm -f "$(site_dir)/pkg/stoa.wasm" "$(site_dir)/pkg/stoa.js"
    cargo leptos build "$@" --frontend-only || { log "the browser bundle did not build"; return 1; }
    local f
    for f in stoa.wasm stoa.js stoa.css; do
      [ -s "$(site_dir)/pkg/$f" ] || { log "the browser bundle lacks pkg/$f"; return 1; }
    done
    cargo leptos build "$@" --server-only || { log "the server did not build"; return 1; }
  else
    cargo leptos build "$@" || return 1
  fi
}
