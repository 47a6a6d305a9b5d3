#!/usr/bin/env bash
# Compares every result of the lunar calendar (bench/lunar/lunar-dump.cpp) between the working
# tree and another commit (default HEAD), each built natively (g++ -O3) and to WebAssembly
# (emcc -Oz -flto, as the shipped modules): the calendar lines must be identical in all four.
# Also counts the doubles (new moons' JDE, solar longitudes) that differ from the other
# commit's native build. Needs g++, emcc and node; NODE_PATH=/usr/share/nodejs for emcc.
#   bench/lunar-compare.sh [commit] [work dir]
set -euo pipefail
rev=${1:-HEAD}
work=${2:-$(mktemp -d)}
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/other"
git -C "$repo" archive "$rev" core | tar -x -C "$work/other"
nlohmann=$(dirname "$(dirname "$(echo '#include <nlohmann/json.hpp>' | g++ -std=c++17 -x c++ -M - | tr ' ' '\n' | grep 'nlohmann/json.hpp$' | head -1)")")
mkdir -p "$work/include" && ln -sfn "$nlohmann/nlohmann" "$work/include/nlohmann"
for side in this other; do
  src=$repo/core; [ $side = other ] && src=$work/other/core
  # core/src has rooms since 2026-12-03 (calendar/, text/); older commits keep the files flat.
  room() { if [ -f "$src/src/$1/$2" ]; then echo "$src/src/$1/$2"; else echo "$src/src/$2"; fi; }
  files=("$repo/bench/lunar/lunar-dump.cpp" "$(room calendar lunar_calendar.cpp)" "$(room calendar civil_date.cpp)"
         "$(room text format.cpp)")
  g++ -std=c++17 -O3 -DNDEBUG -I"$src/include" "${files[@]}" -o "$work/$side-native"
  NODE_PATH=${NODE_PATH:-/usr/share/nodejs} emcc -std=c++17 -Oz -flto -fno-exceptions -DNDEBUG -sSINGLE_FILE=1 \
    -I"$src/include" -I"$work/include" "${files[@]}" -o "$work/$side-wasm.js"
  "$work/$side-native" >"$work/$side-native.txt" 2>/dev/null
  node "$work/$side-wasm.js" >"$work/$side-wasm.txt" 2>/dev/null
done
status=0
for f in this-native this-wasm other-wasm; do
  if cmp -s <(grep -v '^[JT]' "$work/other-native.txt") <(grep -v '^[JT]' "$work/$f.txt"); then
    echo "$f: calendar identical to $rev native ($(grep -c '^S' "$work/$f.txt") days, $(grep -c '^F' "$work/$f.txt") lunar dates)"
  else
    echo "$f: calendar DIFFERS from $rev native"; status=1
  fi
  echo "  doubles differing from $rev native: new moons $(diff <(grep '^J' "$work/other-native.txt") <(grep '^J' "$work/$f.txt") | grep -c '^<' || true)," \
       "solar longitudes $(diff <(grep '^T' "$work/other-native.txt") <(grep '^T' "$work/$f.txt") | grep -c '^<' || true)"
done
cmp -s "$work/this-native.txt" "$work/this-wasm.txt" && echo "this tree: native and WebAssembly print the same bytes, every double included"
exit $status
