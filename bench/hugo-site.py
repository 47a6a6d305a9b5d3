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

import plain_procedure

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


def page(content, fields, code):
    p = plain_procedure.read(content, fields, code)
    front = {"title": p["name"], "code": p["code"]}
    body = []
    if p["summary"]:
        body.append(p["summary"])
    body.append("Lĩnh vực: " + p["field"])
    if p["dossier"]:
        body.append("## Thành phần hồ sơ\n\n" + "\n".join("- " + " ".join(x.split()) for x in p["dossier"]))
    if p["steps"].strip():
        body.append("## Trình tự thực hiện\n\n" + p["steps"].strip())
    if p["results"]:
        body.append("## Kết quả\n\n" + "\n".join("- " + " ".join(x.split()) for x in p["results"]))
    return json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + "\n\n".join(body) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[-1])
    content, site, only = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    fields = plain_procedure.fields(content)
    if only:
        for code in only:
            write(os.path.join(site, "content", "thu-tuc", code + ".md"), page(content, fields, code))
        return
    codes = plain_procedure.codes(content)
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
