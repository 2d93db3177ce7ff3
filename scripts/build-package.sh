#!/usr/bin/env bash
# Builds the npm package in pkg/: the crate for wasm32, wasm-bindgen's `web`
# output into pkg/dist, then wasm-opt from npm's binaryen (never Debian's 108,
# which corrupts wasm-bindgen output). Skips all of it when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# One build at a time: parallel test runs must not see a half-written pkg/dist.
mkdir -p target
exec 9>target/.build-package.lock
flock 9

out=pkg/dist
wasm="$out/linkedin_network_bg.wasm"
stamp="$out/.inputs"
inputs=$(cat Cargo.toml Cargo.lock $(find src -name '*.rs' | sort) | sha256sum | cut -d' ' -f1)
if [ -f "$wasm" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
  echo "[build] pkg/dist is up to date"
  exit 0
fi

cargo build --lib --release --target wasm32-unknown-unknown
fresh=target/pkg-dist.new
rm -rf "$fresh"
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir "$fresh" --out-name linkedin_network \
  target/wasm32-unknown-unknown/release/linkedin_network.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$fresh/linkedin_network_bg.wasm" -o "$fresh/linkedin_network_bg.wasm"
echo "$inputs" > "$fresh/.inputs"
rm -rf "$out"
mv "$fresh" "$out"
printf '[build] %s: %s bytes (%s gzipped); glue %s bytes (%s gzipped)\n' "$wasm" \
  "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" \
  "$(wc -c < "$out/linkedin_network.js")" "$(gzip -9 -c "$out/linkedin_network.js" | wc -c)"
