#!/usr/bin/env bash
# `motcua import portal` end to end, on real records (tests/import/records): content written and
# valid, the same records giving the same bytes, a changed record reported part by part, a
# procedure marked by hand never written (its disagreements reported), and nothing written
# when a record is broken.
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
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

cp -r "$src/tests/sites/basic/content" "$work/content"
cp -r "$src/tests/import/records" "$work/records"
# A record for the fixture's own procedure 1.000001, which no import wrote: it must stay as it is.
mkdir -p "$work/records/test"
sed 's/"ma_thu_tuc": "[^"]*"/"ma_thu_tuc": "1.000001"/' "$src/tests/import/records/bo-cong-an/1.000771.json" \
  >"$work/records/test/1.000001.json"
n_records=$(find "$work/records" -name '*.json' | wc -l)
sums "$work/content/procedures/1.000001" >"$work/reviewed-before.txt"

"$motcua" import portal "$work/records" --content "$work/content" --date 2026-12-01 \
  --report "$work/report.json" --rates "$work/rates.md" >"$work/out1.txt" 2>&1
status=$?
check "the first import exits 0" test $status -eq 0
check "it says how many records it imported" grep -q "Imported $n_records records" "$work/out1.txt"
check "every other record became a procedure" \
  test "$(find "$work/content/procedures" -name procedure.json | xargs grep -l '"status": "imported"' | wc -l)" -eq $((n_records - 1))
check "the procedure nobody imported is byte for byte the same" \
  diff <(sums "$work/content/procedures/1.000001") "$work/reviewed-before.txt"
check "its disagreement with the record is reported" grep -q "Reviewed 1.000001 disagrees with its record" "$work/out1.txt"
check "the disagreement names the part" grep -q "^  /name: content" "$work/out1.txt"
check "the parse-rate table ends the report" grep -q "^  deadline " "$work/out1.txt"
check "flags are counted by reason" grep -q "^  deadline_no_unit: " "$work/out1.txt"
check "the rates page is written" grep -q "| Deadline (thời hạn giải quyết) | channel |" "$work/rates.md"
check "the JSON report lists every flag with its procedure" \
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert any(f['reason']=='deadline_no_unit' and f['procedure']=='1.000005' for f in r['flags']); assert '1.000001' in r['drift']" "$work/report.json"
check "fields found in the records are added with their Vietnamese name" grep -q '"name": "Hải quan"' "$work/content/fields.json"
check "the fixture's own fields are kept" grep -q '"slug": "dat-dai"' "$work/content/fields.json"
check "the source's words are kept for a flagged part" grep -q '"reason": "deadline_no_unit"' "$work/content/procedures/1.000005/procedure.json"
check "the import date is recorded" grep -q '"date": "2026-12-01"' "$work/content/procedures/1.000005/procedure.json"

"$motcua" check --content "$work/content" >"$work/check.txt" 2>&1
check "the imported content passes motcua check" test $? -eq 0
"$motcua" build --content "$work/content" --out "$work/site" --wasm "" >"$work/build.txt" 2>&1
check "the imported content builds" test $? -eq 0
page="$work/site/thu-tuc/1.000005/index.html"
check "an imported page says it was not reviewed" grep -q "Nhập tự động từ Cổng Dịch vụ công quốc gia" "$page"
check "a flagged deadline shows the source's words" grep -q "Nguồn ghi: “1”" "$page"
check "a flagged deadline is marked Chưa rà soát" grep -q 'class="unreviewed-badge">Chưa rà soát' "$page"
check "a flagged deadline is never stated as a fact" bash -c "! grep -q '1 ngày làm việc' '$page'"

# The same records again, another day: nothing changes, not even the dates.
sums "$work/content" >"$work/content-1.txt"
"$motcua" import portal "$work/records" --content "$work/content" --date 2026-12-05 >"$work/out2.txt" 2>&1
check "a second import exits 0" test $? -eq 0
check "a second import changes nothing" grep -q "0 new, 0 updated, $((n_records - 1)) unchanged" "$work/out2.txt"
check "a second import leaves every byte as it was" diff <(sums "$work/content") "$work/content-1.txt"

# A newer record: the procedure is rewritten with the new date, the change reported part by part.
sed -i 's/5 Ngày làm việc/7 Ngày làm việc/g' "$work/records/bo-cong-an/1.000771.json"
"$motcua" import portal "$work/records" --content "$work/content" --date 2026-12-06 >"$work/out3.txt" 2>&1
check "an import of a changed record exits 0" test $? -eq 0
check "one procedure is updated" grep -q "0 new, 1 updated" "$work/out3.txt"
check "the change is reported part by part" grep -q "^  /channels/0/deadline/value: 5 → 7" "$work/out3.txt"
check "the updated procedure has the new date" grep -q '"date": "2026-12-06"' "$work/content/procedures/1.000771/procedure.json"
check "other procedures keep their date" grep -q '"date": "2026-12-01"' "$work/content/procedures/1.000005/procedure.json"

# --dry-run reports and writes nothing.
sed -i 's/7 Ngày làm việc/9 Ngày làm việc/g' "$work/records/bo-cong-an/1.000771.json"
sums "$work/content" >"$work/content-2.txt"
"$motcua" import portal "$work/records" --content "$work/content" --dry-run >"$work/out4.txt" 2>&1
check "--dry-run reports the change" grep -q "/channels/0/deadline/value: 7 → 9" "$work/out4.txt"
check "--dry-run writes nothing" diff <(sums "$work/content") "$work/content-2.txt"

# A broken record stops the import before anything is written.
printf '{"ma_thu_tuc": "1.999999", ' >"$work/records/test/broken.json"
"$motcua" import portal "$work/records" --content "$work/content" >"$work/out5.txt" 2>"$work/err5.txt"
status=$?
check "a broken record exits 1" test $status -eq 1
check "the error names the record" grep -q "records/test/broken.json: error: not a JSON object" "$work/err5.txt"
check "a broken record writes nothing" diff <(sums "$work/content") "$work/content-2.txt"
rm "$work/records/test/broken.json"

# A record without a national code, and one code twice.
printf '{"ma_thu_tuc": "abc", "ten_thu_tuc": "x", "linh_vuc": "y"}' >"$work/records/test/no-code.json"
cp "$work/records/bo-cong-an/1.000771.json" "$work/records/test/copy.json"
"$motcua" import portal "$work/records" --content "$work/content" >"$work/out6.txt" 2>"$work/err6.txt"
check "a record without a national code exits 1" test $? -eq 1
check "the missing code is named" grep -q 'no-code.json: error: "ma_thu_tuc" is "abc"' "$work/err6.txt"
check "a code given twice is named with both records" grep -q "procedure 1.000771 is also in" "$work/err6.txt"
check "bad records write nothing" diff <(sums "$work/content") "$work/content-2.txt"
rm "$work/records/test/no-code.json" "$work/records/test/copy.json"

# A record that disappeared: its procedure is kept and reported.
rm "$work/records/bo-cong-an/1.000771.json"
"$motcua" import portal "$work/records" --content "$work/content" --date 2026-12-07 >"$work/out7.txt" 2>&1
check "a vanished record is reported" grep -q "Imported 1.000771 is no longer in the records" "$work/out7.txt"
check "its procedure is kept" test -f "$work/content/procedures/1.000771/procedure.json"

# An official's dates survive a re-import: 1.000005 abolished after 2026-12-31, and a later
# version of it in its dated folder (not taken for a vanished record).
python3 - "$work/content/procedures/1.000005" <<'PY'
import json, os, sys
folder = sys.argv[1]
p = json.load(open(os.path.join(folder, "procedure.json")))
v = dict(p, effective_from="2027-01-01")
p["effective_until"] = "2026-12-31"
json.dump(p, open(os.path.join(folder, "procedure.json"), "w"), ensure_ascii=False, indent=2)
os.makedirs(os.path.join(folder, "2027-01-01"))
json.dump(v, open(os.path.join(folder, "2027-01-01", "procedure.json"), "w"), ensure_ascii=False, indent=2)
PY
"$motcua" import portal "$work/records" --content "$work/content" --date 2026-12-09 >"$work/out10.txt" 2>&1
check "a re-import with dated content exits 0" test $? -eq 0
check "a re-import keeps the official's effective_until" grep -q '"effective_until": "2026-12-31"' "$work/content/procedures/1.000005/procedure.json"
check "a re-import does not report the dated version as a vanished record" bash -c "! grep -q '1.000005/2027-01-01' '$work/out10.txt'"
check "a re-import leaves the dated version alone" test -f "$work/content/procedures/1.000005/2027-01-01/procedure.json"

# Wrong command lines.
"$motcua" import portal "$work/records" --content "$work/content" --date 2026-13-01 >/dev/null 2>"$work/err8.txt"
check "a wrong --date exits 2" test $? -eq 2
"$motcua" import portal "$work/nowhere" --content "$work/content" >/dev/null 2>"$work/err9.txt"
check "a missing records folder exits 2" test $? -eq 2
check "the missing folder is named" grep -q "cannot read the records" "$work/err9.txt"

echo "import portal: $passed passed, $failed failed"
test $failed -eq 0
