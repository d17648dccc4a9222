#!/usr/bin/env bash
# Started by Playwright's webServer (see playwright.config.ts): serves the demo shop from a
# fresh, throw-away data folder on 127.0.0.1:3100, so every run starts from the same state.
# The folder is removed when the server stops (set STOA_E2E_KEEP_DATA=1 to keep it).
set -euo pipefail
: "${STOA_BIN:?set STOA_BIN to the built stoa binary, e.g. STOA_BIN=\$CARGO_TARGET_DIR/debug/stoa}"
if [ ! -x "$STOA_BIN" ]; then
  echo "serve.sh: STOA_BIN=$STOA_BIN is not an executable file" >&2
  exit 1
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(mktemp -d "${TMPDIR:-/tmp}/stoa-e2e.XXXXXX")"
# As a user deploys it: the binary alone in an empty folder, started from there, its data in a
# folder of its own. (A release binary serves its embedded site files; a debug one reads them
# from the build's site folder.)
mkdir "$dir/bin" "$dir/data"
cp "$STOA_BIN" "$dir/bin/stoa"
cd "$dir/bin"
echo "serve.sh: $STOA_BIN copied alone into $dir/bin; data folder $dir/data"
# Warnings and errors only (plus the demo loader's summary): one log line per request would
# drown the test report. Set RUST_LOG to see more.
export RUST_LOG="${RUST_LOG:-warn,commerce=info}"

pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -z "${STOA_E2E_KEEP_DATA:-}" ]; then rm -rf "$dir"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# The demo draws random staff passwords and lists them in the data folder; the tests read them
# from end2end/.demo-accounts.txt (helpers.ts).
rm -f "$here/.demo-accounts.txt"
./stoa serve --demo --data "$dir/data" --addr 127.0.0.1:3100 &
pid=$!
for _ in $(seq 1 600); do
  if [ -s "$dir/data/demo-accounts.txt" ]; then
    cp "$dir/data/demo-accounts.txt" "$here/.demo-accounts.txt"
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
wait "$pid"
