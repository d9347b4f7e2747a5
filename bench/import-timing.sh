#!/usr/bin/env bash
# Measures `paperarchive import` of every fixture together (run by hand, not in CI): a fresh import,
# a forced re-import over the same archive, and a skipped one (nothing changed), each as a whole
# process, RUNS times (default 7). Prints the medians of the in-process time (the summary line's),
# the wall time and the CPU time (user + sys, process start-up included), with the load average:
# on a shared machine wall times swing with the load, CPU time much less.
# Usage: bench/import-timing.sh [RUNS] [CLI command...]   (default command: ./paperarchive)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
shift || true
cli=("$@")
[ ${#cli[@]} -gt 0 ] || cli=("$root/paperarchive")
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/paperarchive" --help >/dev/null   # build once, outside the timings

# one MODE → appends "mode inprocess wall cpu load1" to $out/times
one() {
  local mode="$1" extra=()
  case "$mode" in
    fresh) rm -rf "$out/archive" ;;
    forced) extra=(--force) ;;
  esac
  /usr/bin/time -o "$out/time" -f "%e %U %S" "${cli[@]}" import --input "$root/tests/fixtures" --archive "$out/archive" "${extra[@]}" >"$out/log" 2>&1 ||
    { cat "$out/log" >&2; exit 1; }
  local inproc
  inproc="$(tail -1 "$out/log" | grep -o '[0-9.]* s$' | cut -d' ' -f1)"
  read -r wall user sys <"$out/time"
  echo "$mode $inproc $wall $(echo "$user + $sys" | bc) $(cut -d' ' -f1 /proc/loadavg)" >>"$out/times"
}
for ((i = 0; i < runs; i++)); do
  one fresh; one forced; one skipped
done
printf '%-8s %5s %12s %9s %9s %6s\n' mode runs in-process wall cpu load
for mode in fresh forced skipped; do
  awk -v m="$mode" '$1 == m' "$out/times" | awk -v m="$mode" '
    { a[NR] = $2; b[NR] = $3; c[NR] = $4; d[NR] = $5 }
    function med(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
                                    return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
    END { printf "%-8s %5d %10.2f s %7.2f s %7.2f s %6.1f\n", m, NR, med(a, NR), med(b, NR), med(c, NR), med(d, NR) }'
done
echo "($(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
