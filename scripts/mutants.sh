#!/usr/bin/env bash
# Runs cargo-mutants (installed here at a pinned version if missing) batch by
# batch (tests/mutants/batches.txt; MUTANTS_BATCHES="json plan" picks some),
# each into target/mutants/<batch>/, then writes the per-folder summary of
# every batch that has a result to tests/mutants/SUMMARY.md.
# MUTANTS_SHARD=k/n splits each batch; MUTANTS_JOBS sets the parallel jobs;
# MUTANTS_TIMEOUT (default 20 s; a batch's tests take 1-3 s, 20 on a loaded
# machine; 60 s in a recheck) ends a mutant that loops.
# MUTANTS_RECHECK=1 runs again only the mutants each batch missed (after tests
# were added for them), into target/mutants/<batch>/recheck/; the summary
# counts a mutant caught there as caught, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -q "$VERSION"; then
  echo "[mutants] installing cargo-mutants $VERSION"
  cargo install --locked "cargo-mutants@$VERSION"
fi
# Property tests run fewer cases per mutant (tests/support/cases.rs).
export PROPTEST_CASES="${PROPTEST_CASES:-64}"
table=tests/mutants/batches.txt
wanted=${MUTANTS_BATCHES:-$(grep -v '^#' "$table" | cut -f1 | xargs)}
status=0
for batch in $wanted; do
  line=$(awk -F'\t' -v b="$batch" '$1 == b' "$table")
  if [[ -z "$line" ]]; then echo "[mutants] no batch '$batch' in $table" >&2; exit 2; fi
  files=$(cut -f2 <<<"$line")
  tests=$(cut -f3 <<<"$line")
  args=()
  timeout=
  for pattern in $files; do args+=(-f "$pattern"); done
  args+=(--cargo-arg=--lib)
  for target in $tests; do args+=("--cargo-arg=--test=$target"); done
  out=target/mutants/$batch
  if [[ "${MUTANTS_RECHECK:-}" == 1 ]]; then
    outcomes=$out/mutants.out/outcomes.json
    if [[ ! -f "$outcomes" ]]; then continue; fi
    mapfile -t patterns < <(node scripts/mutants-survivors.mjs "$outcomes")
    if [[ ${#patterns[@]} -eq 0 ]]; then continue; fi
    for pattern in "${patterns[@]}"; do args+=(--re "$pattern"); done
    out=$out/recheck
    timeout=${MUTANTS_TIMEOUT:-60}
  elif [[ -n "${MUTANTS_SHARD:-}" ]]; then
    args+=(--shard "$MUTANTS_SHARD")
  fi
  timeout=${timeout:-${MUTANTS_TIMEOUT:-20}}
  rm -rf "$out"
  mkdir -p "$out"
  echo "[mutants] batch $batch${MUTANTS_RECHECK:+ (recheck)}: $files (tests: --lib $tests)"
  # cargo-mutants exits non-zero when a mutant survives: the summary says which.
  set +e
  cargo mutants -j "${MUTANTS_JOBS:-2}" --timeout "$timeout" --profile mutants -o "$out" "${args[@]}"
  code=$?
  set -e
  printf '%s\t%s\t%s\t%s\n' "$batch" "$files" "$tests" "$(date -u +%Y-%m-%d)" > "$out/batch.tsv"
  if [[ $code -ne 0 ]]; then status=$code; fi
done
{
  echo "# Mutation testing: cargo-mutants $VERSION"
  echo
  node scripts/mutants-summary.mjs target/mutants/*/mutants.out/outcomes.json
  # What the table cannot say (the machine, what was run when): kept by hand.
  if [[ -f tests/mutants/notes.md ]]; then echo; cat tests/mutants/notes.md; fi
} > tests/mutants/SUMMARY.md
cat tests/mutants/SUMMARY.md
exit "$status"
