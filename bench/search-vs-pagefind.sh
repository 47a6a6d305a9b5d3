#!/usr/bin/env bash
# Search vs Pagefind on the same catalog, side by side in one run (measurements only; nothing
# here passes or fails). See bench/README.md.
#
#   bench/search-vs-pagefind.sh [QUERIES_JSON]
#
# QUERIES_JSON defaults to tests/search/queries.json ({"queries": [{"q", "expect", "kind"}]}).
# Environment: MOTCUA (the motcua binary; default build/generator/motcua), WASM (the folder with
# motcua-search.wasm, the standalone search module built by the CMake target motcua-search_wasm,
# and motcua.js/motcua.wasm for the calculators; default: the build's wasm folder, the one the
# binary was built with), WORK (scratch folder;
# default /tmp/motcua-bench), PAGEFIND_VERSION (npm version spec; default 1), CHROMIUM
# (default /usr/bin/chromium), REPEAT (warm passes over the set; default 3).
#
# Steps: install Pagefind from npm into $WORK/pagefind (never into the repository's
# package.json); write a plain static site of content/procedures for it (one page per procedure,
# <main data-pagefind-body>); index it with `pagefind --site`; build our site with `motcua
# build` (the whole site with its search index); both builds under /usr/bin/time -v, and one
# `motcua search` (load the content, build the index in memory, answer one query) too; then
# bench/search-vs-pagefind.mjs queries both in Debian's Chromium and `motcua search` natively,
# and prints the table.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
queries=${1:-$repo/tests/search/queries.json}
motcua=${MOTCUA:-$repo/build/generator/motcua}
work=${WORK:-/tmp/motcua-bench}
pf_version=${PAGEFIND_VERSION:-1}

die() { echo "search-vs-pagefind: $*" >&2; exit 2; }
[ -f "$queries" ] || die "$queries: no query set; give a JSON file {\"queries\": [{\"q\", \"expect\", \"kind\"}]}"
[ -x "$motcua" ] || die "$motcua: no motcua binary; build it (cmake --build build --target motcua motcua-search_wasm) or set MOTCUA"
[ -x /usr/bin/time ] || die "/usr/bin/time missing: install GNU time (Debian package \"time\")"
command -v npm >/dev/null || die "npm missing: install Node.js and npm"
[ -d "$repo/node_modules/playwright-core" ] || die "playwright-core missing: run npm ci in $repo"
case "$work" in /|"$HOME"|"$repo"|"$repo"/*) die "WORK=$work: give a scratch folder outside the repository";; esac
mkdir -p "$work"

echo "== Pagefind $pf_version from npm into $work/pagefind"
npm install --silent --no-audit --no-fund --prefix "$work/pagefind" "pagefind@$pf_version" >/dev/null
# The npm package fetches its platform binary as an optional dependency (@pagefind/<platform>),
# from the npm registry only. Run that binary directly so the Node wrapper is not measured.
pagefind=$(cd "$work/pagefind" && node -e '
  import("./node_modules/pagefind/lib/resolveBinary.js")
    .then((m) => console.log(m.resolveBinaryPath(["pagefind_extended", "pagefind"])))')
echo "$("$pagefind" --version) at $pagefind"

echo "== the catalog as a plain static site for Pagefind"
rm -rf "$work/pf-site"
python3 "$repo/bench/search-vs-pagefind-site.py" "$repo/content" "$work/pf-site"

echo "== pagefind --site (indexing only)"
/usr/bin/time -v -o "$work/pagefind.time" "$pagefind" --site "$work/pf-site" >"$work/pagefind.log"
tail -n 1 "$work/pagefind.log"

echo "== motcua build (the whole site, search index included)"
wasm_args=()
[ -n "${WASM:-}" ] && wasm_args=(--wasm "$WASM")
/usr/bin/time -v -o "$work/motcua.time" \
  "$motcua" build --content "$repo/content" --out "$work/site" "${wasm_args[@]}" >"$work/motcua.log" 2>&1 ||
  { cat "$work/motcua.log" >&2; die "motcua build failed"; }
# Without the search module the site's search boxes only lead to the A–Z lists: say so, and the
# Chromium column reads n/a.
if grep -q "no search module" "$work/motcua.log"; then
  echo "search-vs-pagefind: warning: $(grep "no search module" "$work/motcua.log" | head -n 1)" >&2
  echo "  build it: cmake --build <build> --target motcua-search_wasm (or set WASM)" >&2
fi

echo "== motcua search natively, once (load the content, build the index in memory, one query)"
first_q=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).queries[0].q)' "$queries")
/usr/bin/time -v -o "$work/motcua-search.time" \
  "$motcua" search --content "$repo/content" --limit 3 "$first_q" >"$work/motcua-search.log" 2>&1 ||
  echo "search-vs-pagefind: warning: motcua search \"$first_q\" failed (see $work/motcua-search.log)" >&2

echo "== querying both in Chromium, and motcua search natively"
node "$repo/bench/search-vs-pagefind.mjs" \
  --pagefind-site "$work/pf-site" --motcua-site "$work/site" --queries "$queries" \
  --pagefind-time "$work/pagefind.time" --motcua-time "$work/motcua.time" \
  --search-time "$work/motcua-search.time" \
  --motcua "$motcua" --content "$repo/content" --repeat "${REPEAT:-3}" --json "$work/result.json"
echo "(details: $work/result.json)"
