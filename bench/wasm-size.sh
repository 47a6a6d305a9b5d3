#!/usr/bin/env bash
# Size of what a phone downloads for the offline tools: each page's WebAssembly core and the
# JS loader they share, raw, gzip -9 (what a static host typically serves) and brotli -q 11
# (when brotli is installed). A procedure page loads motcua.wasm (deadline, fee, checklist),
# a declaration form motcua-forms.wasm (the form engine). Run after a build:
#   bench/wasm-size.sh [build/wasm]
set -euo pipefail
dir=${1:-build/wasm}
br() { if command -v brotli >/dev/null; then brotli -c -q 11 "$1" | wc -c; else echo -; fi; }
printf '%-18s %10s %10s %10s\n' file bytes gzip brotli
declare -A gz_of br_of
for f in motcua.wasm motcua-forms.wasm motcua.js; do
  raw=$(wc -c <"$dir/$f")
  gz_of[$f]=$(gzip -9 -c "$dir/$f" | wc -c)
  br_of[$f]=$(br "$dir/$f")
  printf '%-18s %10d %10d %10s\n' "$f" "$raw" "${gz_of[$f]}" "${br_of[$f]}"
done
total() { # module: the module's and the loader's sizes added, gzip and brotli
  local b=-
  [ "${br_of[$1]}" != - ] && b=$((br_of[$1] + br_of[motcua.js]))
  printf '%-18s %10s %10d %10s\n' "$2" '' $((gz_of[$1] + gz_of[motcua.js])) "$b"
}
total motcua.wasm 'procedure page'
total motcua-forms.wasm 'form page'
