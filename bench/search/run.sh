#!/usr/bin/env bash
# Search benchmark against Pagefind, by hand: bench/search/run.sh 10000 [50000 …]
# PAGEFIND=0 skips Pagefind (its 50k index takes ~10 min on a loaded machine).
# Needs: dotnet, node 20, /usr/bin/chromium, `npm install` in bench/search (pagefind, playwright-core).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# Published ReadyToRun, as ./paperarchive publishes the CLI: the index step's cold start is then what a build pays.
dotnet publish "$here/SearchBench" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o "$here/SearchBench/bin/r2r" -nodeReuse:false -v quiet -clp:ErrorsOnly
bench="dotnet $here/SearchBench/bin/r2r/SearchBench.dll"
# Old outputs are moved aside and deleted only at the end: on ext4 a file created within a minute or
# more of a mass delete pays a scan over the freed inodes (see RESULTS.md, session 5), which would
# bill our index step for the previous run's cleanup.
old=()
trap 'rm -rf "${old[@]}"' EXIT
for n in "$@"; do
  out="$repo/bench/out/search-$n"
  if [ -e "$out" ]; then mv "$out" "$out.old.$$"; old+=("$out.old.$$"); fi
  mkdir -p "$out"
  $bench site "$n" "$out" > "$out/site.log"
  # index build alone, time and peak memory (our index: corpus generation included in the process)
  /usr/bin/time -v $bench index "$n" "$out" > "$out/ours-index.log" 2> "$out/ours-time.log"
  # the same step split into analysis, rendering and writing (a second cold process)
  $bench phases "$n" "$out" > "$out/ours-phases.log"
  tools=ours
  if [ "${PAGEFIND:-1}" = 1 ]; then
    /usr/bin/time -v "$here/node_modules/.bin/pagefind" --site "$out/site" > "$out/pagefind-index.log" 2> "$out/pagefind-time.log"
    tools=ours,pagefind
  fi
  TOOLS=$tools node "$here/measure.js" "$out" > "$out/measure.json"
  echo "== $n (load average: $(cut -d' ' -f1-3 /proc/loadavg))"; cat "$out/ours-index.log" "$out/ours-phases.log"
  grep -E "Elapsed|Maximum resident|User time|System time" "$out/ours-time.log" $([ "${PAGEFIND:-1}" = 1 ] && echo "$out/pagefind-time.log"); cat "$out/measure.json"
done
