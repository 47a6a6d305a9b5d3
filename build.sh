#!/usr/bin/env bash
# One entry point for newcomers and CI on Debian 12:
#   ./build.sh        install what is missing, build, and generate site/ from content/
#   ./build.sh test   the same build, then the whole test suite
#   ./build.sh asan   the test suite (but the browser tests) under ASan+UBSan, in build-asan/
#   ./build.sh fuzz [SECONDS] [TARGET...]   the fuzz targets under ASan+UBSan, in build-fuzz/
#                     (tests/fuzz/run.sh; SECONDS per target, default 600)
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-site}
packages=(build-essential cmake nodejs emscripten libcmark-dev nlohmann-json3-dev catch2
          libkainjow-mustache-dev libcli11-dev zlib1g-dev libbrotli-dev pkg-config libcpp-httplib-dev
          libqrcodegencpp-dev)
# The browser tests run in Debian's Chromium, driven by playwright-core from npm.
if [[ $mode == test ]]; then
  packages+=(chromium fonts-dejavu-core python3-jsonschema brotli)
  command -v npm >/dev/null 2>&1 || packages+=(npm)  # Node from NodeSource ships its own npm
fi
# Sanitizers and libFuzzer come with Debian's clang; llvm brings llvm-symbolizer for stack traces.
if [[ $mode == asan || $mode == fuzz ]]; then
  packages+=(clang libclang-rt-14-dev llvm python3-jsonschema)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
case "$mode" in
  asan)
    # Everything built with -fsanitize=address,undefined: the Catch2 tests, the command line
    # end to end, the schemas and the fuzz regressions. Not the wasm module nor the browser.
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
          -DMOTCUA_SANITIZE=ON -DMOTCUA_BUILD_WASM=OFF
    cmake --build build-asan -j "$jobs"
    cd build-asan
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
      ctest --output-on-failure -j "$jobs" -E '^browser[.]'
    exit
    ;;
  fuzz)
    shift
    exec tests/fuzz/run.sh "$@"
    ;;
esac

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"

case "$mode" in
  test)
    npm ci --no-audit --no-fund --loglevel=error
    cmake -S . -B build >/dev/null  # registers the browser tests now that they can run
    cd build
    ctest --output-on-failure -j "$jobs"
    ;;
  site)
    # --force: a site/ built before the .motcua-site mark is replaced once (never anything else)
    ./build/generator/motcua build --content content --out site --force
    cat <<'MSG'

The site is in site/. To look at it, serve the folder and open the address it prints:
    python3 -m http.server 8000 --directory site      # then open http://localhost:8000/
To publish it, upload the contents of site/ to any static host, under any folder. Build with
    ./build/generator/motcua build --base-url https://your.portal.gov.vn/thu-tuc/
so that canonical links, sharing previews and sitemap.xml carry the real address.
MSG
    ;;
  *)
    echo "usage: ./build.sh [test | asan | fuzz [SECONDS] [TARGET...]]" >&2
    exit 2
    ;;
esac
