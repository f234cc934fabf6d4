#!/usr/bin/env bash
# Rapport: set up and build everything (`./build.sh`), run every test (`./build.sh test`),
# print the benchmarks (`./build.sh bench`) or fuzz the engine (`./build.sh fuzz [SECONDS]`).
# Idempotent; a second run skips what is done.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
SHARED_DATA=${RAPPORT_DATA:-$ROOT/../shared/data}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
# step NAME CMD...: runs CMD, stops everything with a clear message if it fails.
step() {
  local name=$1; shift
  say "$name"
  local t0=$SECONDS rc
  # A subshell that is not the left side of `||`, so `set -e` holds inside the step's
  # functions and their first failing command stops them.
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  [ "$rc" -eq 0 ] || fail "$name (exit status $rc)"
  printf '    (%s: %ss)\n' "$name" $((SECONDS - t0))
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "'$1' is not installed: $2"
}

# ---- set-up --------------------------------------------------------------------------------

BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$BINDGEN_VERSION" ] || fail "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=X.Y.Z\")"
BINDGEN_DIR=$ROOT/.tools/bindgen-$BINDGEN_VERSION
BINDGEN=$BINDGEN_DIR/release/rapport-bindgen

toolchain() {
  need cargo "install Rust with rustup (https://rustup.rs is not reachable here; use the machine's rustup)"
  need node "install Node.js 20.15 or newer"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=15)?0:1)' ||
    fail "Node.js $(node --version) is too old: the extension build needs 20.15 or newer"
  need npm "install npm (it comes with Node.js)"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  local pinned
  pinned=$(sed -n 's/^wasm-bindgen-cli-support = "=\([0-9.]*\)".*/\1/p' tools/bindgen/Cargo.toml)
  [ "$pinned" = "$BINDGEN_VERSION" ] ||
    fail "tools/bindgen pins wasm-bindgen-cli-support $pinned but Cargo.toml pins wasm-bindgen $BINDGEN_VERSION: make them equal"
  # Built once, and again (incrementally) when its source changes.
  if [ ! -x "$BINDGEN" ] || [ -n "$(find tools/bindgen/src tools/bindgen/Cargo.toml -newer "$BINDGEN" 2>/dev/null)" ]; then
    echo "building the wasm-bindgen $BINDGEN_VERSION glue generator into .tools/ (once, ~1.5 min)"
    cargo build --release --locked --quiet --manifest-path tools/bindgen/Cargo.toml --target-dir "$BINDGEN_DIR"
  fi
}

npm_deps() {
  # Reinstall only when the lockfile changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

engine() {
  cargo build --release --locked --quiet
  # `cargo rustc --crate-type cdylib` is what makes the profile's LTO apply to the wasm.
  cargo rustc --lib --locked --quiet --profile wasm --target wasm32-unknown-unknown --crate-type cdylib
  local wasm=target/wasm32-unknown-unknown/wasm/rapport.wasm
  if [ ! -f extension/pkg/rapport_bg.wasm ] || [ "$wasm" -nt extension/pkg/rapport_bg.wasm ] || [ "$BINDGEN" -nt extension/pkg/rapport_bg.wasm ]; then
    rm -rf extension/pkg.tmp
    "$BINDGEN" "$wasm" extension/pkg.tmp
    rm -rf extension/pkg && mv extension/pkg.tmp extension/pkg
  fi
}

build() {
  step "toolchain (rustup target, wasm-bindgen $BINDGEN_VERSION)" toolchain
  step "engine: CLI and wasm" engine
  step "npm packages (from package-lock.json)" npm_deps
  step "extension bundle and packages" npm run --silent build:ext
}

sizes() {
  local raw gz
  raw=$(wc -c <extension/pkg/rapport_bg.wasm)
  gz=$(gzip -9c extension/pkg/rapport_bg.wasm | wc -c)
  printf 'wasm: %s bytes raw, %s bytes gzipped\n' "$raw" "$gz"
}

# ---- tests ---------------------------------------------------------------------------------

browsers() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's ${missing[*]} (the end-to-end tests drive them; no browser is downloaded otherwise)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    fail "end-to-end tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}'"
  fi
}


quality() {
  if compgen -G "$SHARED_DATA/*.tsv" >/dev/null; then
    target/release/rapport eval "$SHARED_DATA"/*.tsv tests/sets/*.tsv tests/drafts/*.jsonl tests/holdout/*.jsonl --gate
  else
    echo "skipped: no evaluation sets at $SHARED_DATA (they sit beside the repository in CI)"
    target/release/rapport eval tests/sets/*.tsv tests/drafts/*.jsonl tests/holdout/*.jsonl --gate
  fi
}

# Formatting and clippy's default lints, as errors: the Rust stays in one style and lint-free.
lint() {
  if ! rustup component list --installed 2>/dev/null | grep -q '^clippy' ||
    ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then
    rustup component add clippy rustfmt
  fi
  cargo fmt --check
  cargo clippy --all-targets --locked --quiet -- -D warnings
}

run_tests() {
  local t0=$SECONDS
  build
  step "rustfmt and clippy" lint
  step "cargo test" cargo test --release --locked --quiet
  step "cargo-fuzz $CARGO_FUZZ_VERSION" fuzz_tool
  step "fuzz smoke (30 s; ./build.sh fuzz runs longer)" fuzz_run 30
  step "quality gates on ../shared/data" quality
  step "wasm in Node matches native; JS modules (node --test)" npm run --silent test:js
  step "JavaScript types (tsc --noEmit)" npm run --silent typecheck
  step "web-ext lint (Firefox build)" npm run --silent lint:firefox
  step "browser for end-to-end tests" browsers
  step "end-to-end (Chromium, extension loaded)" npm run --silent test:e2e
  say "all tests passed in $((SECONDS - t0))s"
}

# ---- fuzzing --------------------------------------------------------------------------------

# cargo-fuzz (libFuzzer), pinned, built into .tools/ once. Without a sanitizer it runs on stable
# Rust: coverage comes from LLVM's sanitizer-coverage passes, which stable rustc accepts.
CARGO_FUZZ_VERSION=0.13.2
CARGO_FUZZ=$ROOT/.tools/cargo-fuzz-$CARGO_FUZZ_VERSION/bin/cargo-fuzz

fuzz_tool() {
  need cargo "install Rust with rustup"
  need c++ "install a C++ compiler (Debian: g++); libFuzzer is built from source"
  if [ ! -x "$CARGO_FUZZ" ]; then
    echo "building cargo-fuzz $CARGO_FUZZ_VERSION into .tools/ (once, ~40 s)"
    cargo install cargo-fuzz --locked --quiet --version "$CARGO_FUZZ_VERSION" --root "${CARGO_FUZZ%/bin/cargo-fuzz}"
  fi
}

# fuzz_run SECONDS: the `engine` target (fuzz/fuzz_targets/engine.rs) over (settings, draft,
# options), from the seeds in fuzz/seeds/engine and the corpus it grows in fuzz/corpus/engine
# (not kept in git). A crash stops it with the input in fuzz/artifacts/engine/.
fuzz_run() {
  mkdir -p fuzz/corpus/engine
  "$CARGO_FUZZ" run --fuzz-dir fuzz --sanitizer none engine fuzz/corpus/engine fuzz/seeds/engine -- \
    -max_total_time="$1" -max_len=4096 -timeout=10 -dict=fuzz/engine.dict -print_final_stats=1 2>&1 |
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)' || return 1
}

fuzz() {
  local seconds=${1:-600}
  case $seconds in '' | *[!0-9]*) fail "./build.sh fuzz takes a number of seconds, not '$seconds'" ;; esac
  step "cargo-fuzz $CARGO_FUZZ_VERSION" fuzz_tool
  step "fuzz the engine for ${seconds}s" fuzz_run "$seconds"
}

# The bench's reference in wasm: vader_sentiment behind one function (tools/vader-wasm), so the
# wasm bench compares both engines under the same Node.
vader_wasm() {
  cargo build --release --locked --quiet --target wasm32-unknown-unknown \
    --manifest-path tools/vader-wasm/Cargo.toml --target-dir tools/vader-wasm/target
  local out="${CARGO_TARGET_DIR:-target}/bench/vader-pkg"
  rm -rf "$out" && mkdir -p "$out"
  "$BINDGEN" tools/vader-wasm/target/wasm32-unknown-unknown/release/vader_wasm.wasm "$out"
}

bench() {
  build
  step "native bench" cargo bench --locked --bench engine
  step "vader_sentiment in wasm (the wasm bench's reference)" vader_wasm
  step "wasm bench (Node)" node tests/bench/wasm.mjs
  step "the report's way to the content script (Node and the e2e bench)" node tests/bench/boundary.mjs --runs 3
  sizes
}

case "${1:-build}" in
  build)
    build
    say "built"
    sizes
    cat <<'MSG'

Load the extension:
  Chrome/Chromium: chrome://extensions → Developer mode → "Load unpacked" → choose extension/
  Firefox:         about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → dist/firefox/manifest.json
Packages:          dist/rapport-chrome.zip, dist/rapport-firefox.zip

A sample post through the CLI (target/release/rapport check "…"):
MSG
    target/release/rapport check "We are thrilled to announce our new product! Buy now, 50% off, link in bio!!!"
    ;;
  test) run_tests ;;
  bench) bench ;;
  fuzz) fuzz "${2:-600}" ;;
  -h | --help | help) echo "usage: ./build.sh [build|test|bench|fuzz [SECONDS]]" ;;
  *) fail "unknown command '$1' (usage: ./build.sh [build|test|bench|fuzz [SECONDS]])" ;;
esac
