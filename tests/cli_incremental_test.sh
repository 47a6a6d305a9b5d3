#!/usr/bin/env bash
# Rebuilding, end to end, on the shipped content: a build from unchanged content touches no
# file of the site; a build after one procedure is edited writes exactly the files whose
# bytes differ from the previous site (judged against a fresh build of the edited content,
# not against a list kept here), and those are only the pages that show the procedure and
# the search parts whose bytes changed, never the rest of the site; builds on one thread and on several give the same bytes;
# every text file has .gz and .br copies that decompress to it.
set -u
motcua=$(realpath "$1")
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check "description" command...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what"; fi
}
# Every file with its inode and modification time: a file written again, even with the same
# bytes, shows up (a hard link keeps both).
touched() { (cd "$1" && find . -type f ! -name .motcua-site -printf '%p %i %T@\n' | LC_ALL=C sort); }
# Every file's SHA-256, by path.
sums() { (cd "$1" && find . -type f ! -name .motcua-site -exec sha256sum {} + | awk '{print $2, $1}' | LC_ALL=C sort); }
build() { "$motcua" build --wasm "" "$@"; }

cp -r "$src/content" "$work/content"
build --content "$work/content" --out "$work/site" --jobs 2 >/dev/null 2>"$work/err.txt"
check "a first build exits 0" test $? -eq 0 -a -f "$work/site/index.html"
touched "$work/site" >"$work/before.txt"

# The same content again: nothing is rendered, nothing written.
build --content "$work/content" --out "$work/site" >"$work/out.txt" 2>&1
check "an unchanged rebuild exits 0" test $? -eq 0
check "... says nothing changed" grep -q "Nothing changed" "$work/out.txt"
touched "$work/site" >"$work/after.txt"
check "... and touches no file" cmp -s "$work/before.txt" "$work/after.txt"

# The content saved again with the same bytes (a newer modification time): the whole site is
# rendered, and every file found the same, so none is written.
find "$work/content" -type f -exec touch {} +
build --content "$work/content" --out "$work/site" >"$work/out.txt" 2>&1
check "a rebuild of content saved unchanged exits 0" test $? -eq 0
check "... says the site is up to date" grep -q "is up to date" "$work/out.txt"
touched "$work/site" >"$work/after.txt"
check "... and touches no file" cmp -s "$work/before.txt" "$work/after.txt"

# The content unchanged, but a page of the site deleted and another cut short by hand: the
# rebuild does not take the site for up to date; it puts both back as they were (with their
# copies) and writes nothing else.
sums "$work/site" >"$work/sums-before.txt"
rm "$work/site/thu-tuc/1.001193/index.html"
: >"$work/site/tim-kiem/index.html"
build --content "$work/content" --out "$work/site" >"$work/out.txt" 2>&1
check "a rebuild after a page was deleted and another emptied exits 0" test $? -eq 0
check "... does not call the site unchanged" bash -c '! grep -q "Nothing changed" "$0"' "$work/out.txt"
sums "$work/site" >"$work/sums-after.txt"
check "... and both pages are back as they were" cmp -s "$work/sums-before.txt" "$work/sums-after.txt"
touched "$work/site" >"$work/after.txt"
LC_ALL=C comm -13 "$work/before.txt" "$work/after.txt" | cut -d' ' -f1 | sed 's/\.\(br\|gz\)$//' | LC_ALL=C sort -u >"$work/written.txt"
printf '%s\n' ./thu-tuc/1.001193/index.html ./tim-kiem/index.html >"$work/expected.txt"
check "... writing only those two (and their .br/.gz copies)" cmp -s "$work/written.txt" "$work/expected.txt" ||
  diff "$work/written.txt" "$work/expected.txt" | head
touched "$work/site" >"$work/before.txt"

# One procedure edited: its name and its fee.
edited="$work/content/procedures/1.001193/procedure.json"
sed -i 's/"name": "Đăng ký khai sinh"/"name": "Đăng ký khai sinh cho trẻ em"/' "$edited"
check "the edit applies" grep -q "Đăng ký khai sinh cho trẻ em" "$edited"
sums "$work/site" >"$work/old-sums.txt"
# The pages that show the procedure (its own, the lists it is in) name its code or its name
# (a list's pager names the first and last of each page), before or after the edit.
shows() { (cd "$1" && grep -rlE --include='*.html' "1\.001193|>$2<|– $2…?<" .); }
shows "$work/site" "Đăng ký khai sinh" >"$work/shows-old.txt"
(cd "$work/site" && find search -name '*.txt' | LC_ALL=C sort) >"$work/old-parts.txt"
build --content "$work/content" --out "$work/site" >"$work/out.txt" 2>&1
check "a rebuild after one edit exits 0" test $? -eq 0
touched "$work/site" >"$work/after.txt"
# What was written: files new or with another inode or time.
LC_ALL=C comm -13 "$work/before.txt" "$work/after.txt" | cut -d' ' -f1 | LC_ALL=C sort -u >"$work/written.txt"
# What had to be: a fresh build of the edited content, compared with the previous site.
build --content "$work/content" --out "$work/fresh" --jobs 1 >/dev/null 2>&1
sums "$work/fresh" >"$work/new-sums.txt"
LC_ALL=C comm -13 "$work/old-sums.txt" "$work/new-sums.txt" | cut -d' ' -f1 | LC_ALL=C sort -u >"$work/differ.txt"
check "... writes exactly the files whose bytes changed" cmp -s "$work/written.txt" "$work/differ.txt" ||
  diff "$work/written.txt" "$work/differ.txt" | head -20
check "... among them the procedure's page" grep -qx "./thu-tuc/1.001193/index.html" "$work/written.txt"
shows "$work/site" "Đăng ký khai sinh cho trẻ em" | cat - "$work/shows-old.txt" | LC_ALL=C sort -u >"$work/shows.txt"
# No page changes because the search index did: every HTML page written shows the procedure,
# and another procedure's page, in another field, is neither rewritten nor changed.
LC_ALL=C comm -23 <(grep '\.html$' "$work/differ.txt") "$work/shows.txt" >"$work/unrelated.txt"
check "... and no HTML page that does not show the procedure ($(wc -l <"$work/unrelated.txt") do)" \
  test ! -s "$work/unrelated.txt"
head -5 "$work/unrelated.txt"
check "... (the pages that show it: $(wc -l <"$work/shows.txt"), $(grep -c '\.html$' "$work/differ.txt") changed)" \
  test "$(grep -c '\.html$' "$work/differ.txt")" -gt 0
check "... another procedure's page is not in that list" test "$(grep -c '^./thu-tuc/1.000005/' "$work/shows.txt")" -eq 0
check "... and is not written" test "$(grep -c '^./thu-tuc/1.000005/' "$work/written.txt")" -eq 0
check "... nor changed" cmp -s "$work/fresh/thu-tuc/1.000005/index.html" "$work/site/thu-tuc/1.000005/index.html"
# The search index: the head keeps its name; of the parts (each named by its bytes' hash), the
# edit renames a few and leaves the rest where they were.
(cd "$work/site" && find search -name '*.txt' | LC_ALL=C sort) >"$work/new-parts.txt"
parts=$(grep -vc '^search/head\.txt$' "$work/old-parts.txt")
renamed=$(LC_ALL=C comm -13 "$work/old-parts.txt" "$work/new-parts.txt" | wc -l)
check "... the search head keeps its name" grep -qx "search/head.txt" "$work/new-parts.txt"
check "... and is rewritten" grep -qx "./search/head.txt" "$work/written.txt"
check "... pages name it by that name" grep -q 'data-search-head="../../search/head.txt"' "$work/site/thu-tuc/1.000005/index.html"
check "... the edit renames some search parts ($renamed of $parts)" test "$renamed" -gt 0
check "... but not a tenth of them" test $((renamed * 10)) -lt "$parts"
check "... and the parts it renamed are gone" \
  test "$(LC_ALL=C comm -23 "$work/old-parts.txt" "$work/new-parts.txt" | wc -l)" -eq "$renamed"
echo "(the edit changed $(grep -c '\.html$' "$work/differ.txt") HTML pages, all showing the procedure, and renamed $renamed of $parts search parts)"
all=$(wc -l <"$work/after.txt")
changed=$(wc -l <"$work/written.txt")
echo "(one edit wrote $changed of $all files)"
check "... which is then the same as a fresh build" cmp -s <(sums "$work/site") "$work/new-sums.txt"
own=$(grep -cv '\.\(gz\|br\)$' "$work/written.txt")
check "... and says what it wrote ($own files)" grep -q " $own new or changed" "$work/out.txt"

# Only the pages made from what changed are rendered again; the others come from the previous
# build. Whatever the edit, the rebuilt site must then be the one a fresh build of the edited
# content gives, byte for byte: a page not rendered again must not have changed.
rebuilt_as_fresh() {  # rebuilt_as_fresh "what" [build options]
  local what=$1
  shift
  build --content "$work/content" --out "$work/site" --verbose "$@" >"$work/out.txt" 2>&1
  check "$what: the rebuild exits 0" test $? -eq 0
  rm -rf "$work/fresh"
  build --content "$work/content" --out "$work/fresh" "$@" >/dev/null 2>&1
  check "$what: ... and gives, byte for byte, the site a fresh build gives" \
    diff -rq -x .motcua-site "$work/site" "$work/fresh"
}
# Of a procedure's pages (national, and each province's version), how many the rebuild took
# from the previous build, and of how many (--verbose: "… N of M procedure pages …").
reused() { sed -n 's/.* \([0-9]*\) of \([0-9]*\) procedure pages taken from the previous build.*/\1/p' "$work/out.txt"; }
keyed() { sed -n 's/.* \([0-9]*\) of \([0-9]*\) procedure pages taken from the previous build.*/\2/p' "$work/out.txt"; }
# How many such pages the site has for these procedures.
pages_of() { local n=0 c; for c in "$@"; do n=$((n + $(find "$work/site" -path "*thu-tuc/$c/index.html" | wc -l))); done; echo $n; }

# A procedure the edited one names as related: 1.001193's page shows its new name.
grep -q '"2.000986"' "$work/content/procedures/1.001193/procedure.json"
check "1.001193 names 2.000986 as related" test $? -eq 0
sed -i '0,/"name": "/s/"name": "/"name": "Thủ tục liên quan đã sửa: /' "$work/content/procedures/2.000986/procedure.json"
rebuilt_as_fresh "a related procedure renamed"
check "... 1.001193's page shows the new name" grep -q "Thủ tục liên quan đã sửa" "$work/site/thu-tuc/1.001193/index.html"
made=$(pages_of 1.001193 2.000986)
check "... and all other procedure pages come from the previous build ($(reused) of $(keyed), $made made)" \
  test "$(reused)" = $(($(keyed) - made))
check "... which are all of the procedures' pages ($(keyed) of $(find "$work/site" -path '*thu-tuc/[0-9]*.[0-9]*/index.html' | wc -l))" \
  test "$(keyed)" = "$(find "$work/site" -path '*thu-tuc/[0-9]*.[0-9]*/index.html' | wc -l)"

# site.json saved again, unchanged: the same site.
touch "$work/content/site.json"
rebuilt_as_fresh "site.json saved unchanged"
# site.json changed: every page shows its date, so every page is made again.
sed -i 's/"content_as_of": "[0-9-]*"/"content_as_of": "2026-11-30"/' "$work/content/site.json"
rebuilt_as_fresh "site.json's date changed"
check "... every procedure's page is made again ($(reused) taken)" test "$(reused)" = 0
check "... and shows the new date" grep -q "30/11/2026" "$work/site/thu-tuc/1.000005/index.html"

# A province's fee changed in its catalog: its version of the procedure shows it.
province=$(grep -l '"amount": 5000' "$work/content/provinces"/*/province.json | head -1)
check "a province catalog with an amount of 5000 exists" test -n "$province"
sed -i '0,/"amount": 5000/s//"amount": 7000/' "$province"
rebuilt_as_fresh "a province's fee changed"

# A template changed: every page is made again.
cp -r "$src/templates" "$work/templates"
rebuilt_as_fresh "the templates copied" --templates "$work/templates"
sed -i 's|<h2 id="h-can-cu">Căn cứ pháp lý</h2>|<h2 id="h-can-cu">Căn cứ pháp lý của thủ tục</h2>|' "$work/templates/procedure.mustache"
rebuilt_as_fresh "the procedure template changed" --templates "$work/templates"
check "... every procedure's page is made again ($(reused) taken)" test "$(reused)" = 0
check "... and shows the change" grep -q "Căn cứ pháp lý của thủ tục" "$work/site/thu-tuc/1.000005/index.html"
rebuilt_as_fresh "nothing changed since" --templates "$work/templates"

# A procedure removed (one that no other content names), another added: the removed one's
# pages are gone, the new one's there.
gone=""
for d in "$work/content/procedures"/*/; do
  code=$(basename "$d")
  if ! grep -rqF "\"$code\"" --exclude-dir="$code" "$work/content"; then gone=$code; break; fi
done
check "a procedure no other content names exists ($gone)" test -n "$gone"
mv "$work/content/procedures/$gone" "$work/removed-procedure"
mkdir "$work/content/procedures/9.999001"
sed "s/\"$gone\"/\"9.999001\"/" "$work/removed-procedure/procedure.json" >"$work/content/procedures/9.999001/procedure.json"
for f in "$work/removed-procedure"/*; do
  [ "$(basename "$f")" = procedure.json ] || cp "$f" "$work/content/procedures/9.999001/"
done
rebuilt_as_fresh "a procedure removed and another added" --templates "$work/templates"
check "... the removed one's page is gone" test ! -e "$work/site/thu-tuc/$gone/index.html"
check "... the new one's page is there" test -f "$work/site/thu-tuc/9.999001/index.html"
check "... and all other procedure pages come from the previous build ($(reused) of $(keyed))" \
  test "$(reused)" = $(($(keyed) - $(pages_of 9.999001)))

# A page of the site deleted by hand since: made again, though its procedure did not change.
rm "$work/site/thu-tuc/1.001193/index.html"
rebuilt_as_fresh "a procedure page deleted by hand" --templates "$work/templates"
check "... it is back" test -f "$work/site/thu-tuc/1.001193/index.html"
check "... the only procedure page made again ($(reused) of $(keyed) taken)" test "$(reused)" = $(($(keyed) - 1))

# The mark's record of what each procedure page was made from, damaged by hand: a job that
# lists no file, a file twice, a file of the site's own, or less than it made (the checksum no
# longer matching) is not trusted. No page is taken from such a mark: all are made again, and
# the site is whole.
for damage in empty twice foreign fewer; do
  python3 - "$work/site/.motcua-site" "$damage" <<'PY'
import json, sys
path, damage = sys.argv[1], sys.argv[2]
with open(path, encoding='utf-8') as f:
    mark = json.load(f)
files = mark['jobs']['thu-tuc/1.001193/'][1]
if damage == 'empty':
    files.clear()
elif damage == 'twice':
    files.append(files[0])
elif damage == 'foreign':
    files.append('index.html')
else:
    files[:] = [f for f in files if not f.endswith('du-lieu.json')]
with open(path, 'w', encoding='utf-8') as f:
    json.dump(mark, f, ensure_ascii=False)
PY
  touch "$work/content/procedures/9.999001/procedure.json"  # a build, not "Nothing changed"
  rebuilt_as_fresh "the mark's job list damaged ($damage)" --templates "$work/templates"
  check "... no page is taken from it ($(reused) taken)" test "$(reused)" = 0
  check "... 1.001193's page and data are there" \
    test -f "$work/site/thu-tuc/1.001193/index.html" -a -f "$work/site/thu-tuc/1.001193/du-lieu.json"
done
rebuilt_as_fresh "a build after those" --templates "$work/templates"
touch "$work/content/procedures/9.999001/procedure.json"
rebuilt_as_fresh "and another" --templates "$work/templates"
check "... takes pages from the mark the previous build wrote ($(reused) of $(keyed))" \
  test "$(reused)" = $(($(keyed) - 1))

# One thread or several: the same bytes.
build --content "$work/content" --out "$work/one" --jobs 1 >/dev/null 2>&1
build --content "$work/content" --out "$work/four" --jobs 4 >/dev/null 2>&1
check "builds on 1 and 4 threads are identical" diff -rq "$work/one" "$work/four"

# Precompressed copies beside every text file, and only beside them.
missing=0
bad=0
while IFS= read -r f; do
  if [[ ! -f "$f.gz" || ! -f "$f.br" ]]; then missing=$((missing + 1)); continue; fi
  gzip -dc "$f.gz" | cmp -s - "$f" || bad=$((bad + 1))
  if command -v brotli >/dev/null 2>&1; then brotli -dc "$f.br" | cmp -s - "$f" || bad=$((bad + 1)); fi
done < <(find "$work/one" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.json' -o -name '*.xml' \
  -o -name '*.txt' -o -name '*.svg' -o -name '*.webmanifest' \) ! -name '.motcua-site')
check "every text file has .gz and .br copies ($missing missing)" test "$missing" -eq 0
check "... that decompress to it ($bad do not)" test "$bad" -eq 0
check "images have no compressed copies" test -z "$(find "$work/one" -name '*.png.gz' -o -name '*.png.br')"
build --content "$work/content" --out "$work/plain" --no-precompress >/dev/null 2>&1
check "--no-precompress writes none" test -z "$(find "$work/plain" -name '*.gz' -o -name '*.br')"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
