#!/usr/bin/env bash
# What a phone downloads on its first visit of a page, before any tool is used: the HTML,
# the style sheet and every script the page loads (<link rel="stylesheet">, <script src>),
# each as gzip -9 bytes (what a static host compressing by type sends). Not counted: the
# icons, the manifest, and the WebAssembly modules (fetched when a tool is used or when the
# browser is idle, then kept by the service worker), nor what the service worker precaches
# after the page has loaded.
#   bench/first-visit.sh [site] [page ...]    default: site/, the home page and thu-tuc/1.001193/
set -euo pipefail
site=${1:-site}
shift || true
pages=("$@")
((${#pages[@]})) || pages=("index.html" "thu-tuc/1.001193/index.html")
gz() { gzip -9 -c "$1" | wc -c; }
for page in "${pages[@]}"; do
  html="$site/$page"
  dir=$(dirname "$html")
  echo "$page"
  printf '  %-34s %8s %8s\n' file bytes gzip
  total=0
  # The page itself, then what it links, resolved against its folder.
  files=("$html")
  while IFS= read -r ref; do files+=("$dir/$ref"); done < <(
    grep -oE '<link rel="stylesheet" href="[^"]+"|<script src="[^"]+"' "$html" | sed -E 's/.*(href|src)="([^"]+)"/\2/')
  for f in "${files[@]}"; do
    raw=$(wc -c <"$f")
    g=$(gz "$f")
    total=$((total + g))
    name=$(realpath --relative-to="$site" "$f")
    printf '  %-34s %8d %8d\n' "$name" "$raw" "$g"
  done
  printf '  %-34s %8s %8d\n' total '' "$total"
done
