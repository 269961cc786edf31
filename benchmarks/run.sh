#!/usr/bin/env bash
# Prints benchmark figures (Release build, BenchmarkDotNet). Usage: bash benchmarks/run.sh [--filter '*Workshop*'] [--job short]
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*' --job short)
dotnet run -c Release --project benchmarks/NuMeng.Recognition.Benchmarks -- "${args[@]}" --exporters markdown --artifacts /tmp/numeng-benchmarks
echo
echo "Results (markdown): /tmp/numeng-benchmarks/results/"
