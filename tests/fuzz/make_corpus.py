#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

Seeds come from the golden cases (tests/data/**), the test fixtures (tests/sites/**) and
the shipped content (content/**); those of calc_data are the data files a build of the
fixture and of the content publishes, so they need the motcua command (MOTCUA=path, or
the first of build*/generator/motcua). Only files named seed-* are rewritten; inputs the
fuzzers found and run.sh --merge added (named by their SHA-1) are kept.

    python3 tests/fuzz/make_corpus.py
"""
import glob
import json
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"

# The kinds of content_files.cpp, in its order (the first byte of an input picks one).
KINDS = [
    "site.json",
    "fields.json",
    "life-events.json",
    "provinces.json",
    "applicant-categories.json",
    "hotlines.json",
    "procedures/2.000002/procedure.json",
    "procedures/1.000001/procedure.json",
    "procedures/1.000001/steps.md",
    "procedures/1.000001/conditions.md",
    "provinces/tinh-mau/province.json",
    "provinces/tinh-mau/communes/doan-ket.json",
    "calendar/rules.json",
    "calendar/2026.json",
    "citizen-id.json",
    "forms/to-khai-mau.json",
]

# Shipped procedures with different features: tiered and per-copy fees (2.000815),
# exemptions and channel reductions (1.004222, 1.004873), conditional dossiers (1.001193),
# conditions.md (2.000908, 1.002755), the smallest ones.
SHIPPED_PROCEDURES = ["2.000815", "1.004222", "1.004873", "1.001193", "3.000333", "2.000908", "1.002755",
                      "1.013967", "1.012812"]


def kind_of(rel):
    """The content kind a fixture or content path stands for, or None."""
    if rel in KINDS:
        return KINDS.index(rel)
    parts = rel.split("/")
    if parts[0] == "procedures" and len(parts) == 3:
        name = parts[2]
        if name == "procedure.json":
            return KINDS.index("procedures/2.000002/procedure.json")
        if name in ("steps.md", "conditions.md"):
            return KINDS.index("procedures/1.000001/" + name)
    if parts[0] == "provinces" and len(parts) == 3 and parts[2] == "province.json":
        return KINDS.index("provinces/tinh-mau/province.json")
    if parts[0] == "provinces" and len(parts) == 4 and parts[2] == "communes":
        return KINDS.index("provinces/tinh-mau/communes/doan-ket.json")
    if parts[0] == "calendar" and len(parts) == 2:
        return KINDS.index("calendar/rules.json" if parts[1] == "rules.json" else "calendar/2026.json")
    if parts[0] == "forms" and len(parts) == 2:
        return KINDS.index("forms/to-khai-mau.json")
    return None


def slug(text):
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


class Writer:
    def __init__(self):
        self.seen = {}

    def clear(self, target):
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        for f in folder.iterdir():
            if f.name.startswith("seed-"):
                f.unlink()

    def add(self, target, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        key = (target, data)
        if key in self.seen:
            return
        self.seen[key] = name
        path = CORPUS / target / ("seed-" + slug(name))
        n = 2
        while path.exists():
            path = CORPUS / target / ("seed-" + slug(name) + "-" + str(n))
            n += 1
        path.write_bytes(data)


def files_under(rel):
    base = ROOT / rel
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            p = pathlib.Path(dirpath) / name
            yield p.relative_to(base).as_posix(), p


def shipped_content():
    """The shipped files kept as seeds: every top-level and calendar file, a few of the rest."""
    for rel, path in files_under("content"):
        parts = rel.split("/")
        if parts[0] == "procedures" and parts[1] not in SHIPPED_PROCEDURES:
            continue
        if parts[0] == "provinces" and parts[1] not in ("lai-chau", "hai-phong"):
            continue
        if parts[0] == "provinces" and len(parts) == 4 and parts[3] not in ("doan-ket.json", "le-chan.json", "ta-leng.json"):
            continue
        yield rel, path


def golden_requests(engine_folder):
    for rel, path in files_under("tests/data/" + engine_folder):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc.get("cases", [])):
            if "request" in case:
                yield f"{pathlib.Path(rel).stem}-{i:02d}", case["request"]


def json_words(value, words):
    """Keys and short string values of a JSON document (names, slugs, enum values)."""
    if isinstance(value, dict):
        for k, v in value.items():
            words.add(k)
            json_words(v, words)
    elif isinstance(value, list):
        for v in value:
            json_words(v, words)
    elif isinstance(value, str) and 0 < len(value) <= 24 and value.isascii() and " " not in value:
        words.add(value)


def dict_entry(word):
    """One libFuzzer dictionary line: the UTF-8 bytes, quoted, with \\xNN escapes."""
    data = word.encode("utf-8") if isinstance(word, str) else word
    return '"' + "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else "\\x%02X" % b for b in data) + '"'


def write_dictionaries():
    """json.dict: JSON syntax, then every key and short value of the content model and the
    requests, quoted; markdown.dict: CommonMark syntax and what safe mode must neutralise."""
    words = set()
    for folder in ("content", "tests/sites", "tests/data"):
        for rel, path in files_under(folder):
            if rel.endswith(".json"):
                try:
                    json_words(json.loads(path.read_text(encoding="utf-8")), words)
                except ValueError:
                    pass  # the invalid fixtures
    syntax = ["{", "}", "[", "]", ":", ",", '""', "true", "false", "null", "-0", "1e400", "0.5", "\\u00e9",
              "\\ud83d\\ude00", "\\n", b"\xef\xbb\xbf", "2026-02-13T10:00:00+07:00", "2026-03-02"]
    lines = ["# JSON syntax, then keys and values of the content model and the calc requests.",
             "# Written by make_corpus.py."]
    lines += [dict_entry(s) for s in syntax]
    lines += [dict_entry('"' + w + '"') for w in sorted(words)]
    (ROOT / "tests/fuzz/json.dict").write_text("\n".join(lines) + "\n", encoding="ascii")

    markdown = ["**", "_", "`", "```", "~~~", "\n\n", "# ", "## ", "> ", "- ", "* ", "1. ", "1) ", "---", "[", "](",
                "![", "]: ", "<", ">", "<!--", "-->", "<script>", "</script>", "<a href=", "javascript:", "JaVaScRiPt:",
                "vbscript:", "file:", "data:text/html,", "data:image/png;base64,", "&#x3c;", "&lt;", "&amp;", "&#0;",
                "\\", "  \n", "\t", "<https://", "www."]
    lines = ["# CommonMark syntax and the URLs and HTML safe mode must neutralise. Written by make_corpus.py."]
    lines += [dict_entry(m) for m in markdown]
    (ROOT / "tests/fuzz/markdown.dict").write_text("\n".join(lines) + "\n", encoding="ascii")


def motcua_command():
    if os.environ.get("MOTCUA"):
        return os.environ["MOTCUA"]
    found = sorted(glob.glob(str(ROOT / "build*/generator/motcua")), key=os.path.getmtime, reverse=True)
    return found[0] if found else None


def calc_data_seeds(w):
    """calc_data: engine byte, a published data file, NUL, a golden request for it (one each)."""
    motcua = motcua_command()
    if motcua is None:
        print("calc_data: no motcua command built (set MOTCUA=...): its seeds are left as they are")
        return
    w.clear("calc_data")
    engines = {"deadline": 0, "fee": 1, "checklist": 2, "form": 3}
    with tempfile.TemporaryDirectory() as tmp:
        sites = []
        for name, content in [("basic", "tests/sites/basic/content"), ("content", "content")]:
            out = pathlib.Path(tmp) / name
            subprocess.run([motcua, "build", "--content", str(ROOT / content), "--out", str(out)], check=True,
                           stdout=subprocess.DEVNULL)
            sites.append((name, out))
        for name, out in sites:
            calendar = (out / "api/lich-lam-viec.json").read_bytes()
            for i, (case, request) in enumerate(list(golden_requests("deadline"))[:: 40 if name == "content" else 10]):
                w.add("calc_data", f"deadline-{name}-{case}",
                      bytes([engines["deadline"]]) + calendar + b"\0" + json.dumps(request).encode())
        used = set()
        for engine, folder in [("fee", "fees"), ("checklist", "checklist"), ("form", "forms")]:
            for case, request in golden_requests(folder):
                if engine == "form":
                    rel = f"bieu-mau/{request.get('form', '')}/du-lieu.json"
                else:
                    province = request.get("province")
                    rel = (f"{province}/" if isinstance(province, str) else "") + \
                        f"thu-tuc/{request.get('procedure', '')}/du-lieu.json"
                for name, out in sites:
                    if (out / rel).is_file() and (engine, name, rel) not in used:
                        used.add((engine, name, rel))
                        w.add("calc_data", f"{engine}-{name}-{case}", bytes([engines[engine]]) + (out / rel).read_bytes() +
                              b"\0" + json.dumps(request, ensure_ascii=False).encode())


def main():
    w = Writer()
    for target in ["json_reader", "content_files", "calc_deadline", "calc_fee", "calc_checklist", "calc_form",
                   "markdown"]:  # calc_data: in calc_data_seeds()
        w.clear(target)

    # json_reader: fixtures (valid and invalid), shipped files, golden case files, edge cases.
    for rel, path in files_under("tests/sites"):
        if rel.endswith(".json"):
            w.add("json_reader", "sites-" + rel, path.read_bytes())
    for rel, path in shipped_content():
        if rel.endswith(".json") and path.stat().st_size <= 4096:
            w.add("json_reader", "content-" + rel, path.read_bytes())
    for rel, path in files_under("tests/data"):
        if path.stat().st_size <= 4096:
            w.add("json_reader", "data-" + rel, path.read_bytes())
    edge = {
        "bom": b"\xef\xbb\xbf{\"a\": 1}",
        "escapes": rb'["\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t", "Th\u1ee7 t\u1ee5c"]',
        "numbers": b"[0, -0, 1.5e3, -2E-2, 9223372036854775807, -9223372036854775808, 0.1]",
        "nested": b"[" * 64 + b"1" + b"]" * 64,
        "keys": b'{"a/b": {"~c": [1, {"": null}]}, "d": [true, false]}',
        "lines": "{\n  \"tên\": \"Lai Châu\",\n\t\"x\": [\r\n 1 ]\n}\n".encode("utf-8"),
    }
    for name, data in edge.items():
        w.add("json_reader", "edge-" + name, data)

    # content_files: one kind byte, then the file.
    for rel, path in files_under("tests/sites/basic/content"):
        k = kind_of(rel)
        if k is not None:
            w.add("content_files", "basic-" + rel, bytes([k]) + path.read_bytes())
    for rel, path in files_under("tests/sites/invalid"):
        parts = rel.split("/", 2)
        if len(parts) == 3 and parts[1] == "overlay":
            k = kind_of(parts[2])
            if k is not None:
                w.add("content_files", "invalid-" + parts[0] + "-" + parts[2], bytes([k]) + path.read_bytes())
    for rel, path in shipped_content():
        k = kind_of(rel)
        if k is not None:
            w.add("content_files", "content-" + rel, bytes([k]) + path.read_bytes())

    # calc_<engine>: the requests of the golden cases, as the tests send them.
    for engine, folder in [("deadline", "deadline"), ("fee", "fees"), ("checklist", "checklist"), ("form", "forms")]:
        for name, request in golden_requests(folder):
            w.add("calc_" + engine, name, json.dumps(request, ensure_ascii=False))

    calc_data_seeds(w)

    # markdown: the steps and conditions of fixtures and shipped procedures, and the
    # constructs safe mode must neutralise.
    for rel, path in list(files_under("tests/sites")) + list(shipped_content()):
        if rel.endswith(".md"):
            w.add("markdown", rel, path.read_bytes())
    for rel, path in files_under("tests/sites/basic/content/procedures"):
        if rel.endswith("procedure.json"):
            doc = json.loads(path.read_text(encoding="utf-8"))
            for key in ("steps", "conditions"):
                if isinstance(doc.get(key), str):
                    w.add("markdown", rel + "-" + key, doc[key])
    markdown_edge = {
        "raw-html": "<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> <!-- c -->\n",
        "links": "[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](vbscript:x) [d](file:///etc/passwd) "
                 "[e](data:text/html,<b>) ![f](data:image/png;base64,AA==) <javascript:x> <https://a.vn/?q=\"'<>>\n",
        "blocks": "# Tiêu đề\n\n> trích *dẫn* **đậm**\n\n3. ba\n4. bốn\n\n- a\n- b\n\n```js\ncode <b>\n```\n\n---\n"
                  "dòng  \nmới `mã` &amp; &#x3c; &lt;\n\n[ref]: https://dichvucong.gov.vn \"tiêu đề\"\n\n[ref]\n",
        "image-title": "![alt \"q\"](https://a.vn/x.png \"t<i>\")\n",
    }
    for name, text in markdown_edge.items():
        w.add("markdown", "edge-" + name, text)

    write_dictionaries()

    total = 0
    for target in sorted(os.listdir(CORPUS)):
        files = list((CORPUS / target).iterdir())
        size = sum(f.stat().st_size for f in files)
        total += size
        print(f"{target:16} {len(files):4} files {size // 1024:5} KB")
    print(f"{'total':16}            {total // 1024:5} KB")


if __name__ == "__main__":
    main()
