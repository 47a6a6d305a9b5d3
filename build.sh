#!/usr/bin/env bash
# One entry point for newcomers and CI on Debian 12:
#   ./build.sh        install what is missing, build, and generate site/ from content/
#   ./build.sh test   the same build, then the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake nodejs emscripten libcmark-dev nlohmann-json3-dev catch2
          libkainjow-mustache-dev libcli11-dev)
# The browser tests run in Debian's Chromium, driven by playwright-core from npm.
if [[ "${1:-site}" == test ]]; then
  packages+=(chromium fonts-dejavu-core python3-jsonschema)
  command -v npm >/dev/null 2>&1 || packages+=(npm)  # Node from NodeSource ships its own npm
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
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"

case "${1:-site}" in
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
    echo "usage: ./build.sh [test]" >&2
    exit 2
    ;;
esac
