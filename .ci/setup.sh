# Sourced by .ci/serve and .ci/test: installs what the build and the tests need,
# idempotently — each step checks first and skips what is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $* (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)" >&2; exit 1; }
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
}

ensure_trunk() {
  # 0.22 needs a newer rustc than these machines have.
  trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.' && return
  say "installing trunk 0.21 (takes about 10 minutes, once)"
  cargo install trunk --version '^0.21' --locked
}

ensure_wasm_bindgen() {
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version" && return
  say "installing wasm-bindgen-cli $version (about 4 minutes, once)"
  # Not --locked: one of its locked dependencies is not on the registry here.
  cargo install wasm-bindgen-cli --version "$version"
}

ensure_wasm_split() {
  # Splits the module per page (.ci/wasm.mjs): the 0.2 line, as wasm_split_helpers 0.2
  # in Cargo.lock (the split points' runtime) expects.
  command -v wasm-split-cli >/dev/null && cargo install --list | grep -q '^wasm_split_cli_support v0\.2\.4:' && return
  say "installing wasm-split-cli 0.2.4 (about 3 minutes, once)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked
}

ensure_leptosfmt() {
  # Formats what rustfmt does not: the bodies of `view!` macros (checked by .ci/test).
  leptosfmt --version 2>/dev/null | grep -q '0\.1\.33' && return
  say "installing leptosfmt 0.1.33 (about 2 minutes, once)"
  cargo install leptosfmt --version 0.1.33 --locked
}

ensure_node_packages() {
  command -v npm >/dev/null || apt_install nodejs npm
  local modules="$ROOT/end2end/node_modules" lock="$ROOT/end2end/package-lock.json"
  # The stamp is the lockfile that was installed: a changed lockfile installs again.
  if [ -x "$modules/.bin/wasm-opt" ] && [ -x "$modules/.bin/playwright" ] \
    && cmp -s "$lock" "$modules/.installed-package-lock.json"; then
    return
  fi
  # binaryen brings wasm-opt 132 (Debian's 108 produces modules Chromium rejects).
  say "installing npm packages (Playwright, binaryen)"
  (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
  cp "$lock" "$modules/.installed-package-lock.json"
}

ensure_chromium() {
  [ -x "$CHROMIUM_PATH" ] && return
  apt_install chromium
}

ensure_build_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_node_packages
}
