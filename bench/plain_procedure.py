"""The plain text of a procedure, for the bench's plain sites (Hugo, Pagefind): what a site
built from content/procedures/ with no knowledge of motcua would show. Python 3, stdlib only."""
import json
import os
import sys
import unicodedata


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fields(content):
    """Field slug -> name, from CONTENT/fields.json."""
    with open(os.path.join(content, "fields.json"), encoding="utf-8") as f:
        return {x["slug"]: x["name"] for x in json.load(f)["fields"]}


def codes(content):
    """Every procedure code of CONTENT/procedures/, sorted; exits when there is none."""
    root = os.path.join(content, "procedures")
    found = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "procedure.json")))
    if not found:
        sys.exit(f"{root}: no <code>/procedure.json found; give a content folder (see docs/content.md)")
    return found


def read(content, field_names, code):
    """{code, name, summary, field, dossier: [names], steps (steps.md, or the inline "steps"),
    results: [names]}, all NFC."""
    folder = os.path.join(content, "procedures", code)
    with open(os.path.join(folder, "procedure.json"), encoding="utf-8") as f:
        p = json.load(f)
    steps = p.get("steps", "") if isinstance(p.get("steps"), str) else ""
    if os.path.isfile(os.path.join(folder, "steps.md")):
        with open(os.path.join(folder, "steps.md"), encoding="utf-8") as f:
            steps = f.read()
    results = []
    if isinstance(p.get("result"), dict) and p["result"].get("name"):
        results.append(p["result"]["name"])
    results += [r["name"] for r in p.get("results", []) if r.get("name")]
    return {
        "code": p["code"],
        "name": nfc(p["name"]),
        "summary": nfc(p.get("summary", "")),
        "field": nfc(field_names.get(p.get("field", ""), p.get("field", ""))),
        "dossier": [nfc(d["name"]) for d in p.get("dossier", []) if d.get("name")],
        "steps": nfc(steps),
        "results": [nfc(r) for r in results],
    }
