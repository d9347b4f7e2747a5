#!/usr/bin/env bash
# Sets up what the tests need and runs the whole suite (fast tests + browser tests).
# Works on a fresh Debian/Ubuntu machine with only the .NET SDK: installs Chromium when missing.
# Prints "N passed, N failed" as its last line; exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -x "${PAPERARCHIVE_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium (Debian package)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium; browser tests will fail" >&2; }
fi
export PAPERARCHIVE_CHROMIUM="${PAPERARCHIVE_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"

echo "==> restore and build"
dotnet restore PaperArchive.sln --nologo -v quiet || exit 1
dotnet build PaperArchive.sln -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

echo "==> test"
log="$(mktemp)"
dotnet test PaperArchive.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -E '^(Passed!|Failed!)' "$log" | sed -E 's/.*Passed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed!|Failed!)' "$log" | sed -E 's/.*Failed: +([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
