#!/usr/bin/env bash
# Runs cargo-mutants (installed here at a pinned version if missing) over
# $MUTANTS_FILES and writes the per-folder summary to tests/mutants/SUMMARY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -q "$VERSION"; then
  echo "[mutants] installing cargo-mutants $VERSION"
  cargo install --locked "cargo-mutants@$VERSION"
fi
args=()
for pattern in $MUTANTS_FILES; do args+=(-f "$pattern"); done
if [[ -n "${MUTANTS_SHARD:-}" ]]; then args+=(--shard "$MUTANTS_SHARD"); fi
out=target/mutants
mkdir -p "$out"
# cargo-mutants exits non-zero when a mutant survives: the summary says which.
set +e
cargo mutants -j "${MUTANTS_JOBS:-2}" --timeout 60 -o "$out" "${args[@]}"
status=$?
set -e
{
  echo "# Mutation testing: cargo-mutants $VERSION"
  echo
  echo "Files: \`$MUTANTS_FILES\`${MUTANTS_SHARD:+, shard $MUTANTS_SHARD}; run $(date -u +%Y-%m-%d)."
  echo
  node scripts/mutants-summary.mjs "$out/mutants.out/outcomes.json"
} > tests/mutants/SUMMARY.md
cat tests/mutants/SUMMARY.md
exit "$status"
