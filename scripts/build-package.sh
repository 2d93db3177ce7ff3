#!/usr/bin/env bash
# Builds the npm package in pkg/: the crate for wasm32, wasm-bindgen's `web`
# output into pkg/dist, then wasm-opt from npm's binaryen (never Debian's 108,
# which corrupts wasm-bindgen output), the glue minified; then the entries
# bundled and minified into pkg/dist (scripts/build-js.mjs). Skips the wasm
# part when nothing in it changed.
#
# PANIC_TEST=1 builds a copy of the package with the test-only panicking
# export into target/pkg-panic-test/ instead (for the panic-survival tests).
set -euo pipefail
cd "$(dirname "$0")/.."

# One build at a time: parallel test runs must not see a half-written package.
mkdir -p target
exec 9>target/.build-package.lock
flock 9

# linkedin-network/testing ships the emulator: a copy of tests/emulator's
# modules (its own tests and README stay in the repository).
if [ "${PANIC_TEST:-}" != 1 ]; then
  mkdir -p pkg/testing/emulator
  rm -f pkg/testing/emulator/*.mjs
  cp tests/emulator/*.mjs pkg/testing/emulator/
fi

features=()
root=pkg
if [ "${PANIC_TEST:-}" = 1 ]; then
  features=(--features panic-test)
  root=target/pkg-panic-test
  mkdir -p "$root"
  cp -r pkg/entry pkg/src pkg/package.json pkg/index.d.ts pkg/types "$root"/
fi
out="$root/dist"
wasm="$out/linkedin_network_bg.wasm"
inputs=$( (cat Cargo.toml Cargo.lock scripts/build-package.sh scripts/build-js.mjs scripts/wasm-sort-names.mjs $(find src -name '*.rs' | sort); echo "${features[*]}") | sha256sum | cut -d' ' -f1)
# The entries bundled with pkg/src and minified (scripts/build-js.mjs): cheap,
# so done on every build, after the wasm part if that has to run.
bundle_js() {
  node scripts/build-js.mjs "$out"
  local file
  for file in node default workerd; do
    printf '[build] %s: %s bytes (%s gzipped)\n' "$out/$file.js" "$(wc -c < "$out/$file.js")" "$(gzip -9 -n -c "$out/$file.js" | wc -c)"
  done
}
if [ -f "$wasm" ] && [ -f "$out/.inputs" ] && [ "$(cat "$out/.inputs")" = "$inputs" ]; then
  echo "[build] $out/linkedin_network_bg.wasm is up to date"
  bundle_js
  exit 0
fi

cargo build --lib --release --target wasm32-unknown-unknown "${features[@]}"
fresh=target/dist.new
rm -rf "$fresh"
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --experimental-reset-state-function \
  --out-dir "$fresh" --out-name linkedin_network \
  target/wasm32-unknown-unknown/release/linkedin_network.wasm
# wasm-bindgen's output before wasm-opt and minification, for the payload
# benchmark's table of what each step buys.
if [ "${PANIC_TEST:-}" != 1 ]; then
  mkdir -p target/pkg-raw
  cp "$fresh/linkedin_network_bg.wasm" "$fresh/linkedin_network.js" target/pkg-raw/
fi
# -O1's passes less those that renumber or merge locals (coalesce-locals,
# simplify-locals, local-cse, reorder-locals) and memory-packing, not -Oz:
# those make the module smaller raw but gzip worse (gzip -9 of this crate:
# -Oz 143,179 B, -O1 138,008 B, none 138,713 B before this list; on a later
# tree, sorted as below, this list 127,607 B, -O1 128,322 B; bench/FINDINGS.md).
passes=(--duplicate-function-elimination --once-reduction --dce --remove-unused-names
  --remove-unused-brs --optimize-instructions --pick-load-signs --simplify-locals-nostructure
  --vacuum --merge-blocks --remove-unused-brs --remove-unused-names --merge-blocks
  --optimize-instructions --rse --vacuum --duplicate-import-elimination
  --simplify-globals-optimizing --remove-unused-module-elements --reorder-globals --directize)
# Functions sorted by name first (so a generic's copies sit within gzip's
# 32 KB window of each other), which needs the name section: wasm-bindgen
# again with names kept, the names rewritten into sort keys that put a trait
# method's impls side by side (scripts/wasm-sort-names.mjs; -1.0 KB gz in
# all), then wasm-opt strips them (and the target_features section, read by
# no runtime).
named=target/dist.named
rm -rf "$named"
wasm-bindgen --target web --keep-debug --remove-producers-section \
  --experimental-reset-state-function \
  --out-dir "$named" --out-name linkedin_network \
  target/wasm32-unknown-unknown/release/linkedin_network.wasm
node scripts/wasm-sort-names.mjs "$named/linkedin_network_bg.wasm" "$named/sorted.wasm"
node_modules/.bin/wasm-opt "${passes[@]}" --reorder-functions-by-name --strip-debug --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$named/sorted.wasm" -o "$fresh/linkedin_network_bg.wasm"
rm -rf "$named"
node scripts/build-js.mjs "$fresh" --glue
echo "$inputs" > "$fresh/.inputs"
rm -rf "$out"
mv "$fresh" "$out"
printf '[build] %s: %s bytes (%s gzipped); glue %s bytes (%s gzipped)\n' "$wasm" \
  "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" \
  "$(wc -c < "$out/linkedin_network.js")" "$(gzip -9 -c "$out/linkedin_network.js" | wc -c)"
bundle_js
