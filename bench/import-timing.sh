#!/usr/bin/env bash
# Measures `paperarchive import` of every fixture together (run by hand, not in CI).
# Prints the wall clock of each run (process start-up included) and the in-process time the
# summary line reports: a fresh import, a forced re-import over the same archive, and a skipped one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/paperarchive" --help >/dev/null   # build once, outside the timings
run() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  summary="$("$root/paperarchive" import --input "$root/tests/fixtures" --archive "$out/archive" "$@" | tail -1)"
  end=$(date +%s.%N)
  printf '%-10s wall %.2f s | %s\n' "$label" "$(echo "$end - $start" | bc)" "$summary"
}
run fresh
run forced --force
run skipped
