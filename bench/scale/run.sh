#!/usr/bin/env bash
# Whole-build benchmark: `paperarchive build` vs Hugo on the same scaled archive (run by hand, not in CI).
#
#   bench/scale/run.sh            20k and 100k papers, 3 runs each (medians)
#   bench/scale/run.sh --quick    20k papers, 1 run
#   bench/scale/run.sh --sizes "20000" --runs 5
#
# For each size: a deterministic input folder (bench/scale/Generator: raw API listings, one per weekday,
# scaled from tests/fixtures; the newest day held back), imported once (not timed), and the same archive
# exported as Hugo content with the minimal theme in bench/scale/hugo/. Then, each timed as a whole
# process with /usr/bin/time -v:
#   ours full         `paperarchive build` into an empty output folder (import skips: archive up to date)
#   ours incremental  the held-back day added to input/listings, then `paperarchive build` over the
#                     published site of the previous day (import, topics, search index, and only the
#                     pages that changed)
#   hugo full         `hugo` into an empty folder (same page kinds: home, days/weeks/months, papers,
#                     paged topic/author/organisation/keyword lists, RSS for home/topics/authors, sitemap;
#                     what the peer renders and why the theme avoids some Hugo 0.111 calls: README.md)
#   hugo incremental  Hugo has no incremental build outside `hugo server`: a daily build is a full
#                     build, so its full time stands in.
# Prints a table (median wall, median CPU user+sys, median peak RSS; ratios ours/Hugo) with the
# machine and the load average before and after. Work files go to bench/out/scale/ (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes="20000 100000"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes="20000"; runs=1 ;;
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--sizes \"20000 100000\"] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
command -v hugo >/dev/null || { echo "hugo not found (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)" >&2; exit 1; }
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
work="$root/bench/out/scale"
mkdir -p "$work"
"$root/paperarchive" --help >/dev/null   # builds the CLI (Release) outside the timings
dotnet build "$root/bench/scale/Generator" -c Release -nologo -v quiet -clp:ErrorsOnly -nodeReuse:false >&2
gen=(dotnet "$root/bench/scale/Generator/bin/Release/net10.0/PaperArchive.Bench.Scale.dll")
cli=(dotnet "$root/src/PaperArchive.Cli/bin/Release/net10.0/PaperArchive.Cli.dll")
hugo_stamp="$(cd "$root/bench/scale" && cat Generator/*.cs $(find hugo -type f | sort) | sha1sum | cut -c1-16)"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before="$(load)"

# timed LABEL DIR CMD... → appends "label wall cpu rss_kb" to $work/times.txt
timed() {
  local label="$1" dir="$2"; shift 2
  local log="$work/time.log"
  (cd "$dir" && /usr/bin/time -v "$@" >"$work/last.out" 2>"$log") || { cat "$work/last.out" "$log" >&2; echo "$label failed" >&2; exit 1; }
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$log")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  echo "$label $wall $(echo "$user + $sys" | bc) $rss" >>"$work/times.txt"
  printf '  %-22s %8.1f s wall %8.1f s cpu %6d MB   (load %s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(load)" >&2
  grep -h '^build:\|^steps:' "$work/last.out" "$log" 2>/dev/null | sed 's/^/      /' >&2 || true
}

: >"$work/times.txt"
for n in $sizes; do
  per_day=$(( n >= 100000 ? 50 : 20 ))
  corpus="$work/$n"
  if [ ! -f "$corpus/.ready" ]; then
    echo "preparing $n papers (not timed)…" >&2
    rm -rf "$corpus"
    "${gen[@]}" listings "$n" "$per_day" "$corpus" >&2
    (cd "$corpus" && "${cli[@]}" import --input input --archive archive >/dev/null)
    cp -a "$corpus/archive" "$corpus/archive.base"
    touch "$corpus/.ready"
  fi
  # The Hugo site follows bench/scale/hugo/ and the exporter: re-exported (from the archive as imported) whenever
  # either changed since this corpus was prepared, so an old corpus is never timed with an old theme.
  if [ "$(cat "$corpus/hugo/.export" 2>/dev/null)" != "$hugo_stamp" ]; then
    echo "exporting $n papers as Hugo content (not timed)…" >&2
    rm -rf "$corpus/hugo"
    mkdir -p "$corpus/hugo"
    cp -r "$root/bench/scale/hugo/." "$corpus/hugo/"
    "${gen[@]}" hugo "$corpus/input" "$corpus/archive.base" "$corpus/hugo" >&2
    echo "$hugo_stamp" >"$corpus/hugo/.export"
  fi
  next="$(ls "$corpus/next")"
  echo "== $n papers" >&2
  for r in $(seq 1 "$runs"); do
    # ours, full: empty output, archive as imported (the day before).
    rm -rf "$corpus/archive" "$corpus/site" "$corpus/.site.building" "$corpus/input/listings/next"
    cp -a "$corpus/archive.base" "$corpus/archive"
    timed "ours-full-$n" "$corpus" "${cli[@]}" build --input input --archive archive --output site
    # ours, incremental: the next day arrives; build over the site just published.
    mkdir -p "$corpus/input/listings/next"
    cp "$corpus/next/$next" "$corpus/input/listings/next/"
    timed "ours-incr-$n" "$corpus" "${cli[@]}" build --input input --archive archive --output site
    rm -rf "$corpus/input/listings/next"
    # hugo, full.
    rm -rf "$corpus/hugo/public" "$corpus/hugo/resources"
    timed "hugo-full-$n" "$corpus/hugo" hugo --quiet -d public
  done
done

load_after="$(load)"
cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
mem="$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)"
echo
echo "Machine: $(nproc) cores ($cpu), $mem RAM, $(uname -sr); load average before $load_before, after $load_after; $runs run(s), medians"
echo
awk -v runs="$runs" '
  function median(arr, k,   tmp, i, j, t, m) {
    m = 0; for (i in arr) if (index(i, k SUBSEP) == 1) tmp[++m] = arr[i];
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (tmp[j] < tmp[i]) { t = tmp[i]; tmp[i] = tmp[j]; tmp[j] = t }
    return m ? tmp[int((m + 1) / 2)] : -1
  }
  { c[$1]++; wall[$1, c[$1]] = $2; cpu[$1, c[$1]] = $3; rss[$1, c[$1]] = $4; split($1, p, "-"); sizes[p[3]] = 1 }
  END {
    printf "| Papers | Build | Ours wall | Ours CPU | Ours peak RSS | Hugo wall | Hugo CPU | Hugo peak RSS | Wall ours/Hugo | RSS ours/Hugo |\n"
    printf "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for (n in sizes) {
      hw = median(wall, "hugo-full-" n); hc = median(cpu, "hugo-full-" n); hr = median(rss, "hugo-full-" n)
      fw = median(wall, "ours-full-" n)
      split("full incr", kinds, " ")
      for (k = 1; k <= 2; k++) {
        key = "ours-" kinds[k] "-" n
        ow = median(wall, key); oc = median(cpu, key); orss = median(rss, key)
        label = kinds[k] == "full" ? "full" : "incremental (+1 day)"
        hlabel = kinds[k] == "full" ? "" : " (full rebuild)"
        printf "| %d | %s | %.1f s | %.1f s | %.0f MB | %.1f s%s | %.1f s | %.0f MB | %.2f | %.2f |\n", n, label, ow, oc, orss / 1024, hw, hlabel, hc, hr / 1024, ow / hw, orss / hr
      }
      printf "| %d | incremental / full (ours) | %.0f%% of wall | | | | | | | |\n", n, 100 * median(wall, "ours-incr-" n) / fw
    }
  }' "$work/times.txt"
