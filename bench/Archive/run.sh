#!/usr/bin/env bash
# bench/Archive/run.sh <corpus> [runs]: builds the bench ReadyToRun (as ./paperarchive builds the CLI) and runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/bin/publish"
dotnet publish "$here/PaperArchive.Bench.Archive.csproj" -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -o "$out" -nologo -v quiet -clp:ErrorsOnly -nodeReuse:false >/dev/null
exec dotnet "$out/PaperArchive.Bench.Archive.dll" "$@"
