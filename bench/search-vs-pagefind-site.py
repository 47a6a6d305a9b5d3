#!/usr/bin/env python3
"""Write a plain static site of the catalog for Pagefind: one page per procedure.

What a plain Hugo site built from content/procedures/ would give Pagefind to index:
<html lang="vi">, the procedure's name as <title> and <h1>, and inside <main data-pagefind-body>
the name, summary, field name, the names of the dossier papers, the steps (steps.md as text)
and the names of the results. Each page is at thu-tuc/<code>/index.html, so Pagefind's result
URLs are /thu-tuc/<code>/ (the code is read back from them).

Usage: search-vs-pagefind-site.py CONTENT_DIR OUT_DIR
"""
import html
import os
import sys

import plain_procedure


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: search-vs-pagefind-site.py CONTENT_DIR OUT_DIR")
    content, out = sys.argv[1], sys.argv[2]
    fields = plain_procedure.fields(content)
    codes = plain_procedure.codes(content)
    e = html.escape
    links = []
    for code in codes:
        p = plain_procedure.read(content, fields, code)
        name, steps, results, dossier = p["name"], p["steps"], p["results"], p["dossier"]
        parts = [f"<h1>{e(name)}</h1>"]
        if p["summary"]:
            parts.append(f"<p>{e(p['summary'])}</p>")
        parts.append(f"<p>Lĩnh vực: {e(p['field'])}</p>")
        if dossier:
            parts.append("<h2>Thành phần hồ sơ</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in dossier) + "</ul>")
        if steps.strip():
            paras = [x.strip() for x in steps.split("\n\n") if x.strip()]
            parts.append("<h2>Trình tự thực hiện</h2>" + "".join(f"<p>{e(x)}</p>" for x in paras))
        if results:
            parts.append("<h2>Kết quả</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in results) + "</ul>")

        page = (
            '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(name)}</title></head>\n<body>\n"
            '<header><a href="/">Thủ tục hành chính</a></header>\n'
            f"<main data-pagefind-body>\n{''.join(parts)}\n</main>\n</body>\n</html>\n"
        )
        page_dir = os.path.join(out, "thu-tuc", code)
        os.makedirs(page_dir, exist_ok=True)
        with open(os.path.join(page_dir, "index.html"), "w", encoding="utf-8") as f:
            f.write(page)
        links.append(f'<li><a href="/thu-tuc/{e(code)}/">{e(name)}</a></li>')

    # The home page is not indexed (no data-pagefind-body), as a Hugo list page would be left out.
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(
            '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>Thủ tục hành chính</title></head>\n<body>\n<h1>Thủ tục hành chính</h1>\n"
            f"<ul>{''.join(links)}</ul>\n</body>\n</html>\n"
        )
    print(f"{len(codes)} pages in {out}")


if __name__ == "__main__":
    main()
