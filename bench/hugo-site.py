#!/usr/bin/env python3
"""Write the procedures of a content folder as a minimal Hugo site (Python 3, stdlib only).

One page per procedure, content/thu-tuc/<code>.md: JSON front matter with title = the
procedure's name (and its code), and a Markdown body with the summary, the field, the dossier
papers, the steps (steps.md, or the inline "steps") and the results. Minimal layouts:
_default/baseof.html, single.html and list.html (the section page lists every procedure).
Taxonomies and RSS are disabled; Hugo still writes its sitemap.xml and 404 page.

Then build it with: hugo --quiet --source SITE --destination OUT

Usage: hugo-site.py CONTENT_DIR SITE_DIR            write the whole Hugo source (SITE_DIR is replaced)
       hugo-site.py CONTENT_DIR SITE_DIR CODE...    rewrite only those procedures' pages
"""
import json
import os
import shutil
import sys
import unicodedata

CONFIG = """baseURL = "http://localhost:8000/"
languageCode = "vi"
title = "Thủ tục hành chính"
disableKinds = ["taxonomy", "term", "RSS"]
"""

BASEOF = """<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">Thủ tục hành chính</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>Mã thủ tục: {{ .Params.code }}</p>
{{ .Content }}{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def nfc(text):
    return unicodedata.normalize("NFC", text)


def page(content, fields, code):
    folder = os.path.join(content, "procedures", code)
    with open(os.path.join(folder, "procedure.json"), encoding="utf-8") as f:
        p = json.load(f)
    steps = p.get("steps", "")
    if os.path.isfile(os.path.join(folder, "steps.md")):
        with open(os.path.join(folder, "steps.md"), encoding="utf-8") as f:
            steps = f.read()
    results = []
    if isinstance(p.get("result"), dict) and p["result"].get("name"):
        results.append(p["result"]["name"])
    results += [r["name"] for r in p.get("results", []) if r.get("name")]
    dossier = [d["name"] for d in p.get("dossier", []) if d.get("name")]

    front = {"title": nfc(p["name"]), "code": p["code"]}
    body = []
    if p.get("summary"):
        body.append(nfc(p["summary"]))
    body.append("Lĩnh vực: " + nfc(fields.get(p.get("field", ""), p.get("field", ""))))
    if dossier:
        body.append("## Thành phần hồ sơ\n\n" + "\n".join("- " + nfc(" ".join(x.split())) for x in dossier))
    if steps.strip():
        body.append("## Trình tự thực hiện\n\n" + nfc(steps.strip()))
    if results:
        body.append("## Kết quả\n\n" + "\n".join("- " + nfc(" ".join(x.split())) for x in results))
    return json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + "\n\n".join(body) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[-1])
    content, site, only = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    with open(os.path.join(content, "fields.json"), encoding="utf-8") as f:
        fields = {x["slug"]: x["name"] for x in json.load(f)["fields"]}
    if only:
        for code in only:
            write(os.path.join(site, "content", "thu-tuc", code + ".md"), page(content, fields, code))
        return
    proc_root = os.path.join(content, "procedures")
    codes = sorted(d for d in os.listdir(proc_root) if os.path.isfile(os.path.join(proc_root, d, "procedure.json")))
    if not codes:
        sys.exit(f"{proc_root}: no <code>/procedure.json found; give a content folder (see docs/content.md)")
    if os.path.exists(site):
        if not os.path.exists(os.path.join(site, "hugo.toml")):
            sys.exit(f"{site} exists and is not a Hugo site this script wrote: refusing to replace it")
        shutil.rmtree(site)
    write(os.path.join(site, "hugo.toml"), CONFIG)
    write(os.path.join(site, "layouts", "_default", "baseof.html"), BASEOF)
    write(os.path.join(site, "layouts", "_default", "single.html"), SINGLE)
    write(os.path.join(site, "layouts", "_default", "list.html"), LIST)
    write(os.path.join(site, "content", "_index.md"), '{"title": "Thủ tục hành chính"}\n')
    write(os.path.join(site, "content", "thu-tuc", "_index.md"), '{"title": "Danh sách thủ tục"}\n')
    for code in codes:
        write(os.path.join(site, "content", "thu-tuc", code + ".md"), page(content, fields, code))
    print(f"hugo-site: {len(codes)} procedure pages in {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
