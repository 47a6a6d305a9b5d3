#!/usr/bin/env bash
# Size of what a phone downloads for the offline tools: the WebAssembly core and its
# JS loader, raw and gzip -9 (what a static host typically serves). Run after a build:
#   bench/wasm-size.sh [build/wasm]
set -euo pipefail
dir=${1:-build/wasm}
printf '%-14s %10s %10s\n' file bytes gzip
total=0
for f in motcua.wasm motcua.js; do
  raw=$(wc -c <"$dir/$f")
  gz=$(gzip -9 -c "$dir/$f" | wc -c)
  total=$((total + gz))
  printf '%-14s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-14s %10s %10d\n' total '' "$total"
