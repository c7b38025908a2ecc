#!/usr/bin/env bash
# Imports 100,000 legacy complaints into a fresh SQLite platform, twice (the second run must import nothing),
# with the progress display and the rejected-rows report. Usage: bash bench/legacy-import/run.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-100000}"
work=$(mktemp -d /tmp/chikaya-import-bench.XXXXXX)
python3 bench/legacy-import/make-csv.py "$rows" "$work/legacy.csv"
dotnet build -c Release src/Chikaya.Web -v quiet -nologo >/dev/null
export Chikaya__DataDirectory="$work/data" Chikaya__Demo=true Chikaya__DemoComplaints=0 ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
dll=src/Chikaya.Web/bin/Release/net10.0/Chikaya.Web.dll
for run in first second; do
    echo "== $run run"
    start=$(date +%s%N)
    dotnet "$dll" import-complaints "$work/legacy.csv" || true
    echo "$run run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
echo "rejected rows: $(($(wc -l < "$work/legacy.csv.rejected.csv") - 1)) (report: $work/legacy.csv.rejected.csv)"
