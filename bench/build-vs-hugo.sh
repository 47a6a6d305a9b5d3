#!/usr/bin/env bash
# motcua build vs Hugo on the same records, side by side in one run (measurements only; nothing
# here passes or fails). See bench/README.md, "National scale: motcua vs Hugo".
#
#   bench/build-vs-hugo.sh [--national]
#
# Without --national: the repository's procedures replicated COPIES times (default 4: 10,568
# procedures) with the 4 shipped provinces. With --national: all 34 provinces and 3,321
# communes (COPIES default 1). The dataset comes from bench/make-dataset.py, the Hugo site from
# bench/hugo-site.py (one minimal page per procedure).
#
# Environment: MOTCUA (default build/generator/motcua), TEMPLATES (default templates/), WASM
# (folder with motcua.js/motcua.wasm/motcua-search.wasm; default build/wasm; "" for none), HUGO
# (default hugo), WORK (scratch folder, default /tmp/motcua-bench), COPIES, TIMEOUT (seconds per
# build, default 900), EDIT (the procedure whose name is edited, default 1.001193).
#
# REBUILDS=0 skips runs 3-6 (full builds only).
#
# Runs, each under /usr/bin/time -v and `timeout $TIMEOUT`:
#   1. motcua full build into an empty folder; 2. Hugo full build into an empty folder;
#   3. motcua again, same --out, nothing changed; 4. Hugo again, nothing changed;
#   5. EDIT's name changed in the dataset (and in its Hugo page), motcua rebuilt;
#   6. Hugo rebuilt after the same edit.
# After each: HTML pages, files and apparent bytes (the sum of file sizes, as du --apparent-size counts) in the output, HTML pages over
# 100 KB gzip and JSON files over 200 KB gzip (gzip -9), and for 3-6 how many files were
# written (new inode, or new mtime or size) or removed, from `find -printf '%i %T@ %s %p'`
# before and after.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
national=0
case "${1:-}" in
  --national) national=1 ;;
  "") ;;
  *) echo "usage: bench/build-vs-hugo.sh [--national]" >&2; exit 2 ;;
esac
motcua=${MOTCUA:-$repo/build/generator/motcua}
templates=${TEMPLATES:-$repo/templates}
wasm=${WASM-$repo/build/wasm}
hugo=${HUGO:-hugo}
work=${WORK:-/tmp/motcua-bench}
timeout_s=${TIMEOUT:-900}
edit=${EDIT:-1.001193}
if [ "$national" = 1 ]; then copies=${COPIES:-1}; name=national; else copies=${COPIES:-4}; name=${copies}x; fi

die() { echo "build-vs-hugo: $*" >&2; exit 2; }
[ -x "$motcua" ] || die "$motcua: no motcua binary; build it (cmake --build build --target motcua) or set MOTCUA"
command -v "$hugo" >/dev/null || die "$hugo: no Hugo; install Debian's hugo or set HUGO"
[ -x /usr/bin/time ] || die "/usr/bin/time missing: install GNU time (Debian package \"time\")"
case "$work" in /|"$HOME"|"$repo"|"$repo"/*) die "WORK=$work: give a scratch folder outside the repository";; esac
mkdir -p "$work"
motcua=$(cd "$(dirname "$motcua")" && pwd)/$(basename "$motcua")

data=$work/content-$name
hugo_src=$work/hugo-src-$name
m_out=$work/out-motcua-$name
h_out=$work/out-hugo-$name
logs=$work/logs-$name
rm -rf "$logs" "$m_out" "$h_out"
mkdir -p "$logs"

echo "== dataset ($name) into $data"
if [ "$national" = 1 ]; then
  python3 "$repo/bench/make-dataset.py" --content "$repo/content" --national --copies "$copies" --out "$data"
else
  python3 "$repo/bench/make-dataset.py" --content "$repo/content" --copies "$copies" --out "$data"
fi
[ -f "$data/procedures/$edit/procedure.json" ] || die "EDIT=$edit: no such procedure in $data"
echo "== the same procedures as a minimal Hugo site in $hugo_src"
python3 "$repo/bench/hugo-site.py" "$data" "$hugo_src"

wasm_args=(--wasm "$wasm")
[ -n "$wasm" ] && [ ! -f "$wasm/motcua.wasm" ] && die "WASM=$wasm: no motcua.wasm there; set WASM to the build's wasm folder or WASM= for none"
m_cmd=("$motcua" build --content "$data" --out "$m_out" --templates "$templates" "${wasm_args[@]}")
h_cmd=("$hugo" --quiet --source "$hugo_src" --destination "$h_out")

snap() { # snap DIR FILE: one line per file, inode, mtime, size and path
  if [ -d "$1" ]; then find "$1" -type f -printf '%i %T@ %s %p\n' | sort -k4 >"$2"; else : >"$2"; fi
}

run() { # run LABEL OUT CMD...: time CMD, snapshot OUT before and after
  local label=$1 out=$2; shift 2
  echo "== $label: $*"
  snap "$out" "$logs/$label.before"
  local rc=0
  cut -d' ' -f1 /proc/loadavg >"$logs/$label.load"
  timeout "$timeout_s" /usr/bin/time -v -o "$logs/$label.time" "$@" >"$logs/$label.log" 2>&1 || rc=$?
  echo "$rc" >"$logs/$label.rc"
  snap "$out" "$logs/$label.after"
  if [ "$rc" != 0 ]; then
    echo "   exit $rc$([ "$rc" = 124 ] && echo " (killed by timeout ${timeout_s}s)"); last lines of $logs/$label.log:"
    tail -n 5 "$logs/$label.log" | sed 's/^/   /'
  fi
  grep -E 'Elapsed|Maximum resident' "$logs/$label.time" | sed 's/^\s*/   /' || true
}

edit_name() { # the same edit in the dataset and in the Hugo source
  python3 - "$data/procedures/$edit/procedure.json" <<'EOF'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    p = json.load(f)
p["name"] = p["name"] + " (đã sửa)"
with open(path, "w", encoding="utf-8") as f:
    json.dump(p, f, ensure_ascii=False, indent=1)
    f.write("\n")
EOF
  python3 "$repo/bench/hugo-site.py" "$data" "$hugo_src" "$edit"
}

run motcua-full "$m_out" "${m_cmd[@]}"
run hugo-full "$h_out" "${h_cmd[@]}"
if [ "${REBUILDS:-1}" != 0 ]; then
  run motcua-unchanged "$m_out" "${m_cmd[@]}"
  run hugo-unchanged "$h_out" "${h_cmd[@]}"
  echo "== edit: the name of $edit"
  edit_name
  run motcua-edit "$m_out" "${m_cmd[@]}"
  run hugo-edit "$h_out" "${h_cmd[@]}"
fi

echo "== measuring the output (gzip -9 of the large files)"
python3 - "$logs" "$m_out" "$h_out" "$name" "$copies" "$data" <<'EOF' | tee "$work/build-vs-hugo-$name.txt"
import gzip, os, re, sys

logs, m_out, h_out, name, copies, data = sys.argv[1:]
runs = [("motcua-full", "motcua", "full"), ("hugo-full", "Hugo", "full"),
        ("motcua-unchanged", "motcua", "unchanged"), ("hugo-unchanged", "Hugo", "unchanged"),
        ("motcua-edit", "motcua", "1 edit"), ("hugo-edit", "Hugo", "1 edit")]

def timing(label):
    t = {}
    with open(os.path.join(logs, label + ".time")) as f:
        for line in f:
            line = line.strip()
            if line.startswith("User time"): t["user"] = float(line.split(":")[-1])
            elif line.startswith("System time"): t["sys"] = float(line.split(":")[-1])
            elif line.startswith("Maximum resident"): t["rss"] = int(line.split(":")[-1]) / 1024
            elif line.startswith("Elapsed"):
                parts = line.split(": ")[-1].split(":")
                t["wall"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(parts)))
    with open(os.path.join(logs, label + ".rc")) as f:
        t["rc"] = int(f.read())
    with open(os.path.join(logs, label + ".load")) as f:
        t["load"] = f.read().strip()
    return t

def read_snap(path):
    files = {}
    with open(path) as f:
        for line in f:
            ino, mtime, size, p = line.rstrip("\n").split(" ", 3)
            files[p] = (ino, mtime, size)
    return files

def changed(label):
    before, after = read_snap(os.path.join(logs, label + ".before")), read_snap(os.path.join(logs, label + ".after"))
    written = sum(1 for p, v in after.items() if before.get(p) != v)
    removed = sum(1 for p in before if p not in after)
    return written, removed

def output_stats(root):
    s = {"html": 0, "files": 0, "bytes": 0, "bytes_plain": 0, "html_big": 0, "json_big": 0, "html_max": 0, "json_max": 0}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            size = os.path.getsize(p)
            s["files"] += 1
            s["bytes"] += size
            if not (n.endswith(".br") or n.endswith(".gz")):
                s["bytes_plain"] += size
            kind = "html" if n.endswith(".html") else "json" if n.endswith(".json") else None
            if kind == "html":
                s["html"] += 1
            if kind is None:
                continue
            limit = 100 * 1024 if kind == "html" else 200 * 1024
            if size <= limit // 2:  # text never compresses to more than its size; skip the small ones
                continue
            with open(p, "rb") as f:
                gz = len(gzip.compress(f.read(), 9))
            s[kind + "_max"] = max(s[kind + "_max"], gz)
            if gz > limit:
                s[kind + "_big"] += 1
    return s

out_stats = {"motcua": output_stats(m_out) if os.path.isdir(m_out) else None,
             "Hugo": output_stats(h_out) if os.path.isdir(h_out) else None}
procs = sum(1 for x in os.listdir(os.path.join(data, "procedures")))
provs = len(os.listdir(os.path.join(data, "provinces")))
communes = sum(len(os.listdir(os.path.join(data, "provinces", p, "communes")))
               for p in os.listdir(os.path.join(data, "provinces")) if os.path.isdir(os.path.join(data, "provinces", p, "communes")))

cols = []
for label, tool, kind in runs:
    if not os.path.exists(os.path.join(logs, label + ".rc")):
        continue
    t = timing(label)
    w, r = changed(label)
    cols.append((f"{tool} {kind}", t, w, r))

def fmt_s(x): return f"{x:.2f}" if x < 10 else f"{x:.1f}"
rows = [
    ("wall time (s)", lambda t, w, r: fmt_s(t["wall"])),
    ("CPU user+sys (s)", lambda t, w, r: f'{fmt_s(t["user"] + t["sys"])} ({fmt_s(t["user"])}+{fmt_s(t["sys"])})'),
    ("peak RSS (MiB)", lambda t, w, r: f'{t["rss"]:.0f}'),
    ("load average before (1 min)", lambda t, w, r: t["load"]),
    ("exit code", lambda t, w, r: str(t["rc"]) + (" timeout" if t["rc"] == 124 else "")),
    ("files written / removed", lambda t, w, r: f"{w} / {r}"),
]
print(f"\nbuild-vs-hugo ({name}): {procs} procedures, {provs} provinces, {communes} communes; "
      f"Hugo: one minimal page per procedure\n")
head = ["", *[c[0] for c in cols]]
table = [head] + [[lab, *[f(t, w, r) for _, t, w, r in cols]] for lab, f in rows]

def stat_row(lab, key, conv=str):
    # Output measures are of the final tree, after the edit (shown under each tool's full build).
    row = [lab]
    for c in cols:
        tool = c[0].split()[0]
        st = out_stats[tool]
        row.append(conv(st[key]) if st is not None and c[0].endswith("full") else "")
    return row

mb = lambda b: f"{b / 1e6:.1f}"
kb = lambda b: f"{b / 1024:.0f}"
table += [stat_row("HTML pages", "html"), stat_row("files", "files"),
          stat_row("MB (apparent size)", "bytes", mb), stat_row("MB without .br/.gz", "bytes_plain", mb),
          stat_row("HTML > 100 KB gzip", "html_big"), stat_row("largest HTML (KB gzip)", "html_max", kb),
          stat_row("JSON > 200 KB gzip", "json_big"), stat_row("largest JSON (KB gzip)", "json_max", kb)]
widths = [max(len(r[i]) for r in table) for i in range(len(head))]
for i, r in enumerate(table):
    print("  ".join(x.ljust(widths[j]) if j == 0 else x.rjust(widths[j]) for j, x in enumerate(r)))
    if i == 0:
        print("  ".join("-" * w for w in widths))
print("\nOutput measures are of each tool's output folder at the end (after the edit, if any); "
      "'files written' counts files with a new inode, mtime or size.")
EOF
echo "logs and /usr/bin/time -v reports: $logs"
