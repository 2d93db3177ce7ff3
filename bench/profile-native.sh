#!/usr/bin/env bash
# Where native parse time goes: perf samples of the criterion benchmark on
# one fixture, flat by symbol. Needs perf (Debian: linux-perf) and a built
# bench (`cargo bench --bench parse --no-run`). Usage:
#   bench/profile-native.sh [criterion filter, default linkup-v2/sentInvitations/json_api] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-linkup-v2/sentInvitations/json_api}"
seconds="${2:-6}"
binary=$(cargo bench --bench parse --no-run --message-format=json 2>/dev/null \
  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
[ -x "$binary" ] || { echo "no bench binary: cargo bench --bench parse --no-run" >&2; exit 1; }
data=$(mktemp -d)/perf.data
perf record -q -e cpu-clock -F 2000 -o "$data" "$binary" --bench --profile-time "$seconds" "^${filter}\$" >/dev/null 2>&1
perf report -i "$data" --no-children -g none --sort symbol --stdio 2>/dev/null \
  | grep -v '^#' | grep '%' | head -30 | sed 's/ *$//'
rm -rf "$(dirname "$data")"
