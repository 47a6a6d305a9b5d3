#!/usr/bin/env bash
# `motcua diff`, end to end: two folders or two git revisions, the three reports, exit codes
# (0 same, 1 changed, 2 a side that cannot be read or has errors).
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
has() { grep -qF -- "$2" "$1"; }

repo=$work/repo
mkdir -p "$repo"
cp -r "$src/content" "$repo/content"
git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@example.invalid add -A
git -C "$repo" -c user.name=t -c user.email=t@example.invalid commit -qm "the catalog as published"
# The draft: Đăng ký thường trú costs more at the counter.
python3 - "$repo/content/procedures/1.004222/procedure.json" <<'PY'
import json, sys
path = sys.argv[1]
p = json.load(open(path, encoding="utf-8"))
for c in p["channels"]:
    if c["kind"] == "direct":
        c["fee"]["amount"] = 25000
open(path, "w", encoding="utf-8").write(json.dumps(p, ensure_ascii=False, indent=2) + "\n")
PY

cd "$repo"
"$motcua" diff HEAD content >"$work/out.txt" 2>"$work/err.txt"
check "a revision against the working folder: exit 1 (changed)" test $? -eq 1
check "the change in words" has "$work/out.txt" "Lệ phí trực tiếp: 20.000 → 25.000 đồng/lần đăng ký"
check "the procedure is named" has "$work/out.txt" "1.004222  Đăng ký thường trú"
check "the summary" has "$work/out.txt" "Thủ tục mới: 0; bãi bỏ: 0; sửa đổi: 1"

git -C "$repo" -c user.name=t -c user.email=t@example.invalid commit -qam "draft decision"
"$motcua" diff HEAD~1 HEAD --json --html "$work/report.html" >"$work/out.json" 2>"$work/err.txt"
check "two revisions: exit 1" test $? -eq 1
check "--json is JSON with the change" python3 -c '
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["changed"] is True and r["summary"]["amended"] == 1, r["summary"]
p = r["procedures"][0]
assert p["code"] == "1.004222" and p["change"] == "amended", p
c = p["changes"][0]
assert (c["field"], c["before"], c["after"]) == ("channels/direct/fee", "20.000 đồng/lần đăng ký", "25.000 đồng/lần đăng ký"), c
' "$work/out.json"
check "--html writes the report" has "$work/report.html" "Lệ phí trực tiếp: 20.000 → 25.000 đồng/lần đăng ký"
check "the report is a page in Vietnamese" has "$work/report.html" '<html lang="vi">'

"$motcua" diff HEAD HEAD >"$work/out.txt" 2>&1
check "the same revision twice: exit 0" test $? -eq 0
check "says there is no change" has "$work/out.txt" "Không có thay đổi."
cd "$work"

cp -r "$src/content" "$work/a"
"$motcua" diff "$work/a" "$repo/content" >"$work/out.txt" 2>&1
check "two folders: exit 1" test $? -eq 1
check "two folders: the change" has "$work/out.txt" "20.000 → 25.000 đồng/lần đăng ký"
"$motcua" diff "$work/a" "$src/content" >/dev/null 2>&1
check "two identical folders: exit 0" test $? -eq 0

"$motcua" diff "$work/a" no-such-revision --content "$repo/content" >"$work/out.txt" 2>&1
check "an unknown revision: exit 2" test $? -eq 2
check "an unknown revision is named" has "$work/out.txt" '"no-such-revision" is neither a folder nor a revision'
"$motcua" diff "$work/a" "$work/missing" --content "$work/a" >"$work/out.txt" 2>&1
check "a missing folder outside git: exit 2" test $? -eq 2
check "says why" has "$work/out.txt" "is not in a git repository"

sed -i '0,/"code": "1.004222"/s//"code": 1004222/' "$work/a/procedures/1.004222/procedure.json"
"$motcua" diff "$work/a" "$src/content" >"$work/out.txt" 2>&1
check "a side with errors: exit 2" test $? -eq 2
check "its error is shown with its position" grep -qE 'a/procedures/1\.004222/procedure\.json:[0-9]+:[0-9]+: error' "$work/out.txt"
check "and what to do" has "$work/out.txt" "motcua check"

echo "cli diff: $passed passed, $failed failed"
exit $((failed > 0))
