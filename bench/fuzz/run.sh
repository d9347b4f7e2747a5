#!/usr/bin/env bash
# Fuzzes every importer with AFL++ and SharpFuzz, one harness after another.
#   bench/fuzz/run.sh [seconds-per-harness] [harness...]
# Default: 180 s each, all harnesses (json listing-html paper-html page-text archive topics site).
# Needs afl-fuzz (Debian: apt-get install afl++) and installs SharpFuzz.CommandLine 2.3.0 into
# bench/fuzz/out/tools. Results: bench/fuzz/out/findings/<harness>/default/{crashes,hangs,fuzzer_stats};
# a summary line per harness goes to bench/fuzz/out/summary.tsv. Replay a finding without AFL:
#   dotnet bench/fuzz/out/bin/PaperArchive.Fuzz.dll <harness> --replay <file>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-180}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(json listing-html paper-html page-text archive topics site)
out="$here/out"
bin="$out/bin"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found (apt-get install afl++)" >&2; exit 1; }
if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$out/tools" >/dev/null
fi

echo "==> build and instrument"
dotnet build "$here/PaperArchive.Fuzz/PaperArchive.Fuzz.csproj" -c Release -o "$bin" -nodeReuse:false -nologo -v quiet -clp:ErrorsOnly
# Only our own assembly is instrumented: coverage of the parsers we wrote is what steers AFL.
# (YamlDotNet, AngleSharp and System.Text.Json run uninstrumented; their exceptions still count.)
"$out/tools/sharpfuzz" "$bin/PaperArchive.dll"

# AFL checks that the target binary is instrumented; `dotnet` is not (SharpFuzz reports coverage itself).
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_QUIET=1 AFL_SKIP_CRASHES=1
[ -f "$out/summary.tsv" ] || printf 'date\tharness\tseconds\texecs\tpaths\tcrashes\thangs\n' > "$out/summary.tsv"

for h in "${harnesses[@]}"; do
  echo "==> $h for ${seconds}s"
  findings="$out/findings/$h"
  rm -rf "$findings"
  mkdir -p "$findings"
  # -t 5000: a parser that needs more than 5 s for one input counts as a hang.
  afl-fuzz -i "$here/seeds/$h" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$bin/PaperArchive.Fuzz.dll" "$h" >"$findings/afl.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    get() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$h" "$seconds" "$(get execs_done)" "$(get corpus_count)" "$(get saved_crashes)" "$(get saved_hangs)" | tee -a "$out/summary.tsv"
  else
    echo "$h: afl-fuzz did not start; see $findings/afl.log" >&2
    tail -20 "$findings/afl.log" >&2
  fi
done
