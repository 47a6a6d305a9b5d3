#!/usr/bin/env bash
# End-to-end checks of the motcua command: help, a real build, a failing build that
# leaves the previous site untouched, and positioned errors on stderr. The output folder
# rules and unreadable content are in cli_files_test.sh.
set -u
motcua=$1
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

"$motcua" --help >"$work/help.txt" 2>&1
check "--help names the commands" grep -q "build" "$work/help.txt"
"$motcua" build --help >"$work/build-help.txt" 2>&1
check "build --help documents --base-url" grep -q -- "--base-url" "$work/build-help.txt"
check "build --help documents --content" grep -q -- "--content" "$work/build-help.txt"
check "build --help documents --out" grep -q -- "--out" "$work/build-help.txt"
check "build --help documents --keep" grep -q -- "--keep" "$work/build-help.txt"
check "build --help documents --force" grep -q -- "--force" "$work/build-help.txt"
check "build --help says the output folder is motcua's alone" grep -q "motcua's alone" "$work/build-help.txt"

cp -r "$src/tests/sites/basic/content" "$work/content"
"$motcua" build --content "$work/content" --out "$work/site" --base-url https://example.gov.vn/tthc >"$work/out.txt" 2>&1
check "a valid build exits 0" test $? -eq 0
check "the site has a home page" test -f "$work/site/index.html"
check "the base URL gets its trailing slash" grep -q "https://example.gov.vn/tthc/thu-tuc/" "$work/site/sitemap.xml"
check "no staging folder is left behind" test -z "$(ls -A "$work" | grep -E '^\.site\.' | grep -v '^\.site\.lock$')"
cp "$work/site/index.html" "$work/index-before.html"

# Break the content: a missing comma, and an unknown field in another file.
sed -i 's/"levels": \["xa"\],/"levels": ["xa"]/' "$work/content/procedures/1.000001/procedure.json"
sed -i 's/"field": "dat-dai"/"field": "dat"/' "$work/content/procedures/2.000002/procedure.json"
"$motcua" build --content "$work/content" --out "$work/site" >"$work/out.txt" 2>"$work/err.txt"
status=$?
check "a broken build exits 1" test $status -eq 1
check "the syntax error is positioned" grep -q "content/procedures/1.000001/procedure.json:6:3: error: expected ',' or '}' after object member" "$work/err.txt"
check "the semantic error names the pointer" grep -q "content/procedures/2.000002/procedure.json:6:12: error: /field: unknown field \"dat\"" "$work/err.txt"
check "the error shows the source line and a caret" grep -q '^  \^$\|^ *\^$' "$work/err.txt"
check "both errors are reported in one run" grep -q "2 errors" "$work/err.txt"
check "the previous site is untouched" cmp -s "$work/site/index.html" "$work/index-before.html"

"$motcua" check --content "$work/content" >/dev/null 2>&1
check "check exits 1 on errors" test $? -eq 1

# calc on broken content still answers in JSON on stdout, naming the first content error;
# the diagnostics stay on stderr.
echo '{"received_at": "2026-03-13T16:00:00+07:00", "duration": {"value": 2, "unit": "working_days"}}' |
  "$motcua" calc deadline --content "$work/content" >"$work/broken.json" 2>"$work/broken-err.txt"
check "calc on broken content exits 1" test $? -eq 1
check "calc on broken content prints the error object on stdout" \
  grep -q '^{"error":{"field":"/","message":"[^"]*content/procedures/1.000001/procedure.json:6:3: error: expected' \
  "$work/broken.json"
check "calc on broken content lists every error" grep -q '"errors":\[.*2.000002/procedure.json' "$work/broken.json"
check "calc on broken content gives the position as numbers" grep -q '"line":6' "$work/broken.json"
check "calc on broken content keeps the diagnostics on stderr" grep -q "1.000001/procedure.json:6:3: error" \
  "$work/broken-err.txt"
mkfifo "$work/content/pipe"
echo '{}' | "$motcua" calc fee --content "$work/content" >"$work/unreadable.json" 2>/dev/null
check "calc on unreadable content exits 2" test $? -eq 2
check "calc on unreadable content prints a JSON error naming the file" \
  grep -q '"message":"cannot read the content: .*content/pipe: a named pipe' "$work/unreadable.json"
rm "$work/content/pipe"

# A file name with a newline or an escape sequence stays on its one line of the report.
evil="$work/content/procedures/9.000009"$'\nfake.json:1:1: error: injected\e[2J'
mkdir "$evil"
printf '{\n  "code": \n}\n' >"$evil/procedure.json"
"$motcua" check --content "$work/content" >/dev/null 2>"$work/err.txt"
check "a newline in a file name is printed as \\n" grep -qF '9.000009\nfake.json:1:1: error: injected\x1B[2J/procedure.json:3:1: error:' "$work/err.txt"
check "... so no line of the report starts with the injected text" test -z "$(grep '^fake' "$work/err.txt")"
check "... and no escape character reaches the terminal" test -z "$(grep -P '\x1b' "$work/err.txt")"
rm -r "$evil"

# "The previous site is unchanged" only when there was one.
cp -r "$src/templates" "$work/templates"
printf '{{#never-closed}}\n' >>"$work/templates/layout.mustache"
cp -r "$src/tests/sites/basic/content" "$work/good-content"
"$motcua" build --content "$work/good-content" --templates "$work/templates" --wasm "" --out "$work/fresh" \
  >/dev/null 2>"$work/err.txt"
check "a render error exits 1" test $? -eq 1
check "... and, with no previous site, says nothing was written" grep -q "nothing was written to $work/fresh" "$work/err.txt"
check "... and does not speak of a previous site" test -z "$(grep "previous site" "$work/err.txt")"
check "... and creates no folder" test ! -e "$work/fresh"
"$motcua" build --content "$work/good-content" --templates "$work/templates" --wasm "" --out "$work/site" \
  >/dev/null 2>"$work/err.txt"
check "with a previous site, it says it is unchanged" grep -q "the previous site in $work/site is unchanged" "$work/err.txt"
check "... and it is" cmp -s "$work/site/index.html" "$work/index-before.html"
"$motcua" build --content "$work/missing" --out "$work/site2" >/dev/null 2>&1
check "a missing content folder exits 2" test $? -eq 2
"$motcua" build --content "$src/tests/sites/basic/content" --out "$work/site3" --base-url "ftp://x" >/dev/null 2>&1
check "a bad base URL exits 2" test $? -eq 2

# motcua calc deadline: JSON in on stdin, JSON out on stdout, exit 1 with a JSON error.
echo '{"received_at": "2026-03-13T16:00:00+07:00", "duration": {"value": 2, "unit": "working_days"}}' |
  "$motcua" calc deadline --content "$src/tests/sites/basic/content" >"$work/due.json" 2>"$work/due-err.txt"
check "calc deadline exits 0" test $? -eq 0
check "calc deadline prints the due time" grep -q '"due_at": *"2026-03-17T17:00:00+07:00"' "$work/due.json"
check "calc deadline names the skipped weekend" grep -q '"reason": *"Chủ nhật"' "$work/due.json"
echo '{"received_at": "tomorrow", "duration": {"value": 2, "unit": "working_days"}}' |
  "$motcua" calc deadline --content "$src/tests/sites/basic/content" >"$work/bad.json" 2>/dev/null
check "a bad deadline request exits 1" test $? -eq 1
check "the error names the field" grep -q '"field": *"/received_at"' "$work/bad.json"

# motcua calc fee / checklist: the issue's own request shapes, on the shipped content.
echo '{"procedure": "2.000815", "province": "lai-chau", "channel": "direct", "date": "2026-03-02",
       "inputs": {"pages": 7, "copies": 2}, "applicant": {"categories": []}}' |
  "$motcua" calc fee --content "$src/content" >"$work/fee.json" 2>/dev/null
check "calc fee exits 0" test $? -eq 0
check "calc fee totals 7 pages × 2 copies" grep -q '"total": *18000' "$work/fee.json"
check "calc fee formats the Vietnamese way" grep -q '"total_text": *"18.000 đồng"' "$work/fee.json"
check "calc fee names the source of each line" grep -q '"source": *"Thông tư 226/2016/TT-BTC, Điều 4' "$work/fee.json"
echo '{"procedure": "2.000815", "date": "2026-03-02", "inputs": {"pages": -1}}' |
  "$motcua" calc fee --content "$src/content" >"$work/fee-bad.json" 2>/dev/null
check "a bad fee request exits 1" test $? -eq 1
check "the fee error names the field" grep -q '"field": *"/inputs/pages"' "$work/fee-bad.json"
echo '{"procedure": "1.001193", "channel": "online", "answers": {}}' |
  "$motcua" calc checklist --content "$src/content" >"$work/list.json" 2>/dev/null
check "calc checklist exits 0" test $? -eq 0
check "calc checklist lists the items with their status" grep -q '"status": *"required"' "$work/list.json"
check "calc checklist gives the reasons" grep -q '"reason"' "$work/list.json"
echo '{"procedure": "9.999999"}' | "$motcua" calc checklist --content "$src/content" >"$work/list-bad.json" 2>/dev/null
check "an unknown procedure exits 1" test $? -eq 1
check "the checklist error names the field" grep -q '"field": *"/procedure"' "$work/list-bad.json"
"$motcua" calc weather --content "$src/tests/sites/basic/content" </dev/null >/dev/null 2>&1
check "an unknown engine exits 2" test $? -eq 2

# Content from many hands: a link to a file outside the content folder is never read.
cp -r "$src/tests/sites/basic/content" "$work/linked"
printf 'SECRET_TOKEN=abc123\n' >"$work/secret.txt"
ln -sf "$work/secret.txt" "$work/linked/procedures/1.000001/steps.md"
"$motcua" build --content "$work/linked" --out "$work/linked-site" >"$work/link-out.txt" 2>&1
check "a link out of the content folder stops the build (exit 2)" test $? -eq 2
check "the message names the link and says why" grep -q "steps.md: a symbolic link to .*outside the folder being read" "$work/link-out.txt"
check "nothing from outside is published" test ! -e "$work/linked-site"
check "the secret is not echoed" bash -c "! grep -q SECRET_TOKEN '$work/link-out.txt'"
ln -sf steps-inside.md "$work/linked/procedures/1.000001/steps.md"
cp "$src/tests/sites/basic/content/procedures/1.000001/steps.md" "$work/linked/procedures/1.000001/steps-inside.md" 2>/dev/null
# A link inside the folder is read like the file (here an extra .md the loader warns about).
"$motcua" check --content "$work/linked" >/dev/null 2>&1
check "a link inside the content folder is followed" test $? -eq 0

# calc reads at most one byte past the request limit: gigabytes are not held in memory.
head -c 3000000 /dev/zero | "$motcua" calc deadline --content "$src/tests/sites/basic/content" >"$work/big.json" 2>/dev/null
check "an oversized calc request exits 1" test $? -eq 1
check "an oversized calc request names the limit" grep -q "the limit is 1048576 bytes" "$work/big.json"

# import csv: a province's published list into its catalog (docs/import.md), all or nothing.
cp -r "$src/tests/sites/basic/content" "$work/csv"
csv_province="$work/csv/provinces/tinh-mau/province.json"
cp "$csv_province" "$work/province-before.json"
"$motcua" import csv "$src/tests/import/csv/errors.csv" --province tinh-mau --content "$work/csv" >"$work/csv-out.txt" 2>"$work/csv-err.txt"
check "a list with errors exits 1" test $? -eq 1
check "every error of the list is reported" test "$(grep -c ': error: ' "$work/csv-err.txt")" -eq 14
check "a list error names file:line:column" grep -q "errors.csv:3:22: error: column \"Cấp thực hiện\"" "$work/csv-err.txt"
check "a list with errors writes nothing" cmp -s "$csv_province" "$work/province-before.json"
check "nothing but the province file is left beside it" test "$(ls -A "$work/csv/provinces/tinh-mau")" = "$(printf 'communes\nprovince.json')"
"$motcua" import csv "$src/tests/import/csv/list-semicolon-bom.csv" --province tinh-mau --content "$work/csv" >"$work/csv-out.txt" 2>"$work/csv-err.txt"
check "a good list exits 0" test $? -eq 0
check "import csv reports added and changed entries" grep -q "1 added, 0 removed, 2 changed, 0 unchanged; written" "$work/csv-out.txt"
check "the written catalog is the expected one" cmp -s "$csv_province" "$src/tests/import/csv/list.province.json"
check "the content stays valid" bash -c "'$motcua' check --content '$work/csv' >/dev/null 2>&1"
cp "$csv_province" "$work/province-first.json"
"$motcua" import csv "$src/tests/import/csv/list-comma.csv" --province tinh-mau --content "$work/csv" >"$work/csv-out.txt" 2>&1
check "the same list again (',' instead of ';') changes no byte" cmp -s "$csv_province" "$work/province-first.json"
check "the same list again says so" grep -q "3 unchanged; the file was already up to date" "$work/csv-out.txt"
"$motcua" import csv "$src/tests/import/csv/list-one-row.csv" --province tinh-mau --content "$work/csv" >"$work/csv-out.txt" 2>&1
check "entries the list drops are reported" grep -q "^  - 2.000002" "$work/csv-out.txt"
# A commune naming a procedure the list drops: the result would be invalid, so nothing is written.
cp "$work/province-first.json" "$csv_province"
sed -i 's/"does_not_receive": \["1.000001"\]/"does_not_receive": ["2.000002"]/' "$work/csv/provinces/tinh-mau/communes/"*.json
"$motcua" import csv "$src/tests/import/csv/list-one-row.csv" --province tinh-mau --content "$work/csv" >"$work/csv-out.txt" 2>"$work/csv-err.txt"
check "a list that would break the content exits 1" test $? -eq 1
check "it names the file that would break" grep -q 'does_not_receive/0: procedure "2.000002" is not in the catalog' "$work/csv-err.txt"
check "and writes nothing" cmp -s "$csv_province" "$work/province-first.json"
"$motcua" import csv "$src/tests/import/csv/list-comma.csv" --province khong-co --content "$work/csv" >/dev/null 2>&1
check "an unknown province exits 2" test $? -eq 2
"$motcua" import csv "$work/no-such.csv" --province tinh-mau --content "$work/csv" >/dev/null 2>&1
check "a missing list exits 2" test $? -eq 2

# Data-quality warnings: each on one line with its position and code, a count per code, exit 0;
# --json prints errors and warnings as data (tests/sites/quality/: the overlay and the exact lines).
mkdir -p "$work/quality"
motcua_abs="$(cd "$(dirname "$motcua")" && pwd)/$(basename "$motcua")"  # the checks below run inside $work/quality
cp -r "$src/tests/sites/basic/content" "$work/quality/content"
cp -r "$src/tests/sites/quality/overlay/." "$work/quality/content/"
(cd "$work/quality" && "$motcua_abs" check --content content >out.txt 2>err.txt)
check "warnings alone leave check at exit 0" test $? -eq 0
check "check prints every warning line exactly" bash -c "grep ': warning: ' '$work/quality/err.txt' | diff - '$src/tests/sites/quality/expected.txt'"
check "check counts the warnings per code" grep -q "^ *2  free_with_amount " "$work/quality/err.txt"
check "check says the content is valid, with the count" grep -q "Content is valid: 5 procedures, 1 province catalogs; 12 data-quality warnings." "$work/quality/out.txt"
(cd "$work/quality" && "$motcua_abs" check --content content --warnings=summary >/dev/null 2>sum.txt)
check "--warnings=summary prints only the counts" bash -c "! grep -q ': warning: ' '$work/quality/sum.txt' && grep -q '^ *1  missing_legal_basis ' '$work/quality/sum.txt'"
(cd "$work/quality" && "$motcua_abs" check --content content --warnings=none >/dev/null 2>none.txt)
check "--warnings=none prints no warning" test ! -s "$work/quality/none.txt"
"$motcua" check --content "$work/quality/content" --warnings=some >/dev/null 2>&1
check "an unknown --warnings value exits 2" test $? -eq 2
(cd "$work/quality" && "$motcua_abs" check --content content --json >check.json 2>json-err.txt)
check "check --json exits 0 with warnings" test $? -eq 0
check "check --json writes nothing on stderr" test ! -s "$work/quality/json-err.txt"
check "check --json lists the warnings with file, pointer, position and code" python3 -c "
import json, sys
r = json.load(open('$work/quality/check.json'))
w = [x for x in r['warnings'] if x['code'] == 'foreign_currency_fee']
assert r['valid'] is True and r['errors'] == [] and r['procedures'] == 5 and len(r['warnings']) == 12, r
assert w == [{'file': 'content/procedures/2.000005/procedure.json', 'pointer': '/channels/1/fee', 'line': 13,
              'column': 14, 'code': 'foreign_currency_fee', 'message': w[0]['message']}], w
assert r['warning_counts']['copy_count_over_10'] == 2 and r['warning_counts']['hours_over_24'] == 2, r
"
sed -i 's/"levels": \["xa"\],/"levels": ["xa"]/' "$work/quality/content/procedures/1.000001/procedure.json"
"$motcua" check --content "$work/quality/content" --json >"$work/quality/broken.json" 2>/dev/null
check "check --json exits 1 on errors" test $? -eq 1
check "check --json lists the error with its position" python3 -c "
import json
r = json.load(open('$work/quality/broken.json'))
e = r['errors'][0]
assert r['valid'] is False and len(r['errors']) == 1 and r['warnings'] == [], r
assert e['file'].endswith('procedures/1.000001/procedure.json') and (e['line'], e['column']) == (6, 3), e
"

# Effective dates: a procedure abolished after 2026-12-31 and a new version of another from
# 2027-01-01. build --date shows each day's catalog; a wrong date is refused before anything.
mkdir -p "$work/dated"
cp -r "$src/tests/sites/basic/content" "$work/dated/content"
python3 - "$work/dated/content" <<'PY'
import json, os, sys
root = sys.argv[1]
def path(*p): return os.path.join(root, *p)
p = json.load(open(path("procedures", "2.000002", "procedure.json")))
p["effective_until"] = "2026-12-31"
json.dump(p, open(path("procedures", "2.000002", "procedure.json"), "w"), ensure_ascii=False)
v = json.load(open(path("procedures", "2.000003", "procedure.json")))
for c in v["channels"]:
    c["deadline"]["value"] = 2
v["effective_from"] = "2027-01-01"
os.makedirs(path("procedures", "2.000003", "2027-01-01"))
json.dump(v, open(path("procedures", "2.000003", "2027-01-01", "procedure.json"), "w"), ensure_ascii=False)
PY
"$motcua" build --content "$work/dated/content" --out "$work/dated/before" --date 2026-12-31 --wasm "" >/dev/null 2>&1
check "build --date on the day before exits 0" test $? -eq 0
check "the day before: the procedure to be abolished has its page" test -f "$work/dated/before/thu-tuc/2.000002/index.html"
check "the day before: its page says it is abolished from the day" grep -q "Từ ngày 01/01/2027, thủ tục này bị bãi bỏ" "$work/dated/before/thu-tuc/2.000002/index.html"
check "the day before: the amended procedure announces its change" grep -q "Thời hạn trực tiếp: 3 → 2 ngày làm việc" "$work/dated/before/thu-tuc/2.000003/index.html"
check "the day before: the feed lists the changes" grep -q "Từ 01/01/2027: Cấp đổi Giấy chứng nhận quyền sử dụng đất – Bãi bỏ" "$work/dated/before/thay-doi.xml"
"$motcua" build --content "$work/dated/content" --out "$work/dated/day" --date 2027-01-01 --wasm "" >/dev/null 2>&1
check "build --date on the day exits 0" test $? -eq 0
check "the day: the abolished procedure has no page" test ! -e "$work/dated/day/thu-tuc/2.000002"
check "the day: the new version is shown" grep -q "2 ngày làm việc" "$work/dated/day/thu-tuc/2.000003/index.html"
check "the day: the changes page has it as in force" grep -q "Đã có hiệu lực" "$work/dated/day/thay-doi/index.html"
"$motcua" build --content "$work/dated/content" --out "$work/dated/bad" --date 2027-02-30 >/dev/null 2>"$work/dated/err.txt"
check "build --date with no such day exits 2" test $? -eq 2
check "build --date with no such day says how to write it" grep -q "YYYY-MM-DD" "$work/dated/err.txt"
check "build --date with no such day writes nothing" test ! -e "$work/dated/bad"
"$motcua" diff "$src/tests/sites/basic/content" "$work/dated/content" >"$work/dated/diff.txt" 2>"$work/dated/diff-err.txt"
check "diff sees a change dated ahead (exit 1)" test $? -eq 1
check "diff reports the abolition dated ahead" grep -q "2.000002" "$work/dated/diff.txt"
check "diff says which day it compared" grep -q "2027-01-01" "$work/dated/diff-err.txt"
"$motcua" diff "$src/tests/sites/basic/content" "$work/dated/content" --date 2026-06-01 >/dev/null 2>&1
check "diff --date before the change: nothing changed (exit 0)" test $? -eq 0
"$motcua" build --help >"$work/dated/help.txt" 2>&1
check "build --help documents --date" grep -q -- "--date" "$work/dated/help.txt"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
