#!/usr/bin/env python3
"""Write a bench content folder from the repository's content/ (Python 3, stdlib only).

Two shapes (docs in bench/README.md, "National scale: motcua vs Hugo"):

  make-dataset.py [--copies 4] [--out DIR]
      every national procedure replicated N times under new codes (copy r adds
      r * 200000 to the number after the dot: 1.001193 -> 1.201193, 1.401193, ...),
      the 4 shipped provinces and their communes; each province's catalog is its
      shipped catalog (overrides kept, repeated for every copy) plus every procedure
      whose levels include "tinh" or "xa" (about 60 % of all), in every copy.

  make-dataset.py --national [--copies 1] [--out DIR]
      all 34 provinces of content/provinces.json and 3,321 commune-level centers:
      the shipped provinces and communes keep their real names; the other provinces
      (real names from provinces.json) get a generated sample center, and communes are
      generated ("Xã mẫu 0123", "Phường mẫu 0456", "Đặc khu mẫu 0012") until the
      country has 3,321 (2,621 xã, 687 phường, 13 đặc khu, split as evenly as the
      shipped communes allow). Every province's catalog is built as above.

Every reference to a procedure code inside a copy is rewritten: "related" in
procedure.json, province catalog entries (and their local_code prefix), communes'
also_receives / does_not_receive, forms' "procedures" and essential-services'
"procedures". The result is checked for code collisions and the code pattern.
Bench data is never shipped: the default output is under /tmp.
"""

import argparse
import json
import os
import re
import shutil
import sys
import unicodedata

CODE_RE = re.compile(r"^[0-9]\.[0-9]{6}$")
COPY_STRIDE = 200000
LOCAL_LEVELS = {"tinh", "xa"}

# The 2025 reorganisation: 3,321 commune-level units (2,621 xã, 687 phường, 13 đặc khu).
NATIONAL_COMMUNES = 3321
NATIONAL_KINDS = [("xa", 2621), ("phuong", 687), ("dac-khu", 13)]
KIND_WORD = {"xa": "Xã", "phuong": "Phường", "dac-khu": "Đặc khu"}
KIND_SLUG = {"xa": "xa", "phuong": "phuong", "dac-khu": "dac-khu"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def dump(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def copy_code(code, r):
    """The code of copy r of procedure `code` (copy 0 is the original)."""
    if r == 0:
        return code
    head, num = code.split(".")
    n = int(num) + r * COPY_STRIDE
    if n >= 1000000:
        raise SystemExit(f"make-dataset: copy {r} of {code} overflows six digits; use fewer copies")
    return f"{head}.{n:06d}"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def sample_center(name, number):
    return {
        "name": name,
        "address": f"Trụ sở {name} (địa chỉ minh họa)",
        "opening_hours": [
            {"days": ["mon", "tue", "wed", "thu", "fri"], "sessions": [["07:30", "11:30"], ["13:30", "17:00"]]}
        ],
        "hotlines": [{"number": number, "label": "Đường dây nóng", "hours": "24/7"}],
        "sample": True,
        "source": "Dữ liệu minh họa cho đo hiệu năng (bench): chưa có nguồn đã kiểm chứng",
    }


def phone(area, n):
    # A landline as dialled: 11 digits starting with 02 ("0213 000 0003").
    return f"02{area:02d} {n // 10000:03d} {n % 10000:04d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content"),
                    help="the repository's content folder (default: ../content next to this script)")
    ap.add_argument("--copies", type=int, default=None,
                    help="copies of every procedure (default 4; 1 with --national)")
    ap.add_argument("--national", action="store_true", help="all 34 provinces and 3,321 communes")
    ap.add_argument("--out", default=None,
                    help="output content folder, replaced if it exists (default /tmp/motcua-bench/content-4x "
                         "or /tmp/motcua-bench/content-national)")
    args = ap.parse_args()

    copies = args.copies if args.copies is not None else (1 if args.national else 4)
    if copies < 1:
        ap.error("--copies must be at least 1")
    out = args.out or ("/tmp/motcua-bench/content-national" if args.national else f"/tmp/motcua-bench/content-{copies}x")
    src = os.path.abspath(args.content)
    out = os.path.abspath(out)
    if out == src or out.startswith(src + os.sep) or src.startswith(out + os.sep):
        ap.error("--out must not be the content folder or hold it")
    if os.path.exists(out):
        if not os.path.exists(os.path.join(out, "site.json")):
            ap.error(f"{out} exists and is not a content folder: refusing to replace it")
        shutil.rmtree(out)
    os.makedirs(out)

    # Everything that names no procedure is copied as it is.
    rewritten = {"procedures", "provinces", "forms", "essential-services.json"}
    for entry in sorted(os.listdir(src)):
        if entry in rewritten:
            continue
        s, d = os.path.join(src, entry), os.path.join(out, entry)
        if os.path.isdir(s):
            shutil.copytree(s, d)
        else:
            shutil.copyfile(s, d)

    # Procedures.
    proc_dir = os.path.join(src, "procedures")
    codes = sorted(c for c in os.listdir(proc_dir) if os.path.exists(os.path.join(proc_dir, c, "procedure.json")))
    levels = {}
    seen = set()
    for code in codes:
        p = load(os.path.join(proc_dir, code, "procedure.json"))
        levels[code] = p.get("levels", [])
        for r in range(copies):
            c = copy_code(code, r)
            if not CODE_RE.match(c):
                raise SystemExit(f"make-dataset: {c} (copy {r} of {code}) does not match d.dddddd")
            if c in seen:
                raise SystemExit(f"make-dataset: code collision: {c} (copy {r} of {code})")
            seen.add(c)
            q = dict(p)
            q["code"] = c
            if "related" in q:
                q["related"] = [copy_code(x, r) for x in q["related"]]
            d = os.path.join(out, "procedures", c)
            dump(os.path.join(d, "procedure.json"), q)
            for f in sorted(os.listdir(os.path.join(proc_dir, code))):
                if f != "procedure.json":
                    shutil.copyfile(os.path.join(proc_dir, code, f), os.path.join(d, f))
    local = [c for c in codes if LOCAL_LEVELS & set(levels[c])]

    def all_copies(code_list):
        return [copy_code(c, r) for r in range(copies) for c in code_list]

    # Forms and essential services: the copies join the same form and service as their original.
    if os.path.isdir(os.path.join(src, "forms")):
        for f in sorted(os.listdir(os.path.join(src, "forms"))):
            form = load(os.path.join(src, "forms", f))
            if f.endswith(".json") and isinstance(form.get("procedures"), list):
                form["procedures"] = all_copies(form["procedures"])
            dump(os.path.join(out, "forms", f), form)
    es_path = os.path.join(src, "essential-services.json")
    if os.path.exists(es_path):
        es = load(es_path)
        for s in es.get("services", []):
            s["procedures"] = all_copies(s["procedures"])
        dump(os.path.join(out, "essential-services.json"), es)

    def catalog_for(shipped):
        """The shipped entries in every copy, then every local-level procedure not yet listed, in every copy."""
        entries = []
        listed = set()
        for r in range(copies):
            for e in shipped:
                e2 = json.loads(json.dumps(e))
                e2["procedure"] = copy_code(e["procedure"], r)
                lc = e2.get("local_code")
                if isinstance(lc, str) and lc.startswith(e["procedure"]):
                    e2["local_code"] = e2["procedure"] + lc[len(e["procedure"]):]
                entries.append(e2)
                listed.add(e["procedure"])
        rest = [c for c in local if c not in listed]
        entries += [{"procedure": c} for c in all_copies(rest)]
        return entries

    # Shipped provinces and communes.
    prov_src = os.path.join(src, "provinces")
    shipped_provinces = sorted(d for d in os.listdir(prov_src) if os.path.exists(os.path.join(prov_src, d, "province.json")))
    communes_by_province = {}
    for slug in shipped_provinces:
        prov = load(os.path.join(prov_src, slug, "province.json"))
        prov["catalog"] = catalog_for(prov["catalog"])
        dump(os.path.join(out, "provinces", slug, "province.json"), prov)
        cdir = os.path.join(prov_src, slug, "communes")
        communes_by_province[slug] = []
        for f in sorted(os.listdir(cdir)) if os.path.isdir(cdir) else []:
            if not f.endswith(".json"):
                continue
            com = load(os.path.join(cdir, f))
            for k in ("also_receives", "does_not_receive"):
                if k in com:
                    com[k] = all_copies(com[k])
            communes_by_province[slug].append(com.get("kind", "xa"))
            dump(os.path.join(out, "provinces", slug, "communes", f), com)

    n_communes = sum(len(v) for v in communes_by_province.values())
    n_provinces = len(shipped_provinces)
    n_generated = 0
    if args.national:
        provinces = load(os.path.join(src, "provinces.json"))["provinces"]
        slugs = [p["slug"] for p in provinces]
        # Kinds still to generate, so that the country has 2,621 xã, 687 phường, 13 đặc khu.
        remaining = {k: n for k, n in NATIONAL_KINDS}
        for kinds in communes_by_province.values():
            for k in kinds:
                remaining[k] = remaining.get(k, 0) - 1
        # Interleave the kinds (largest deficit first) so every province gets a mix.
        want = {k: max(0, n) for k, n in remaining.items()}
        total = sum(want.values())
        got = {k: 0 for k in want}
        pool = []
        for i in range(total):
            kind = max(want, key=lambda k: (want[k] * (i + 1) / total - got[k], want[k]))
            got[kind] += 1
            pool.append(kind)
        # Even split of 3,321 among the provinces; shipped communes count towards their province.
        base, extra = divmod(NATIONAL_COMMUNES, len(slugs))
        quota = {s: base + (1 if i < extra else 0) for i, s in enumerate(slugs)}
        missing = sum(max(0, quota[s] - len(communes_by_province.get(s, []))) for s in slugs)
        if missing != len(pool):
            # The shipped provinces are below their quota, so the pool fills exactly; if not, say so.
            raise SystemExit(f"make-dataset: cannot split {NATIONAL_COMMUNES} communes evenly ({missing} != {len(pool)})")
        serial = 0
        for i, p in enumerate(provinces):
            slug = p["slug"]
            area = 10 + i  # a distinct (sample) area code per province for the sample numbers
            pdir = os.path.join(out, "provinces", slug)
            if slug not in communes_by_province:
                word = "thành phố" if p.get("kind") == "thanh-pho" else "tỉnh"
                prov = {
                    "slug": slug,
                    "center": sample_center(nfc(f"Trung tâm Phục vụ hành chính công {word} {p['name']}"), phone(area, 1)),
                    "catalog": catalog_for([]),
                }
                dump(os.path.join(pdir, "province.json"), prov)
                communes_by_province[slug] = []
                n_provinces += 1
            used = {f[:-5] for f in os.listdir(os.path.join(pdir, "communes"))} if os.path.isdir(os.path.join(pdir, "communes")) else set()
            for _ in range(quota[slug] - len(communes_by_province[slug])):
                kind = pool[serial]
                serial += 1
                name = nfc(f"{KIND_WORD[kind]} mẫu {serial:04d}")
                cslug = f"{KIND_SLUG[kind]}-mau-{serial:04d}"
                assert cslug not in used
                com = {
                    "slug": cslug,
                    "name": name,
                    "kind": kind,
                    "center": sample_center(nfc(f"Trung tâm Phục vụ hành chính công {KIND_WORD[kind].lower()} mẫu {serial:04d}"),
                                            phone(area, 100 + serial)),
                }
                dump(os.path.join(pdir, "communes", cslug + ".json"), com)
                communes_by_province[slug].append(kind)
                n_generated += 1
        n_communes = sum(len(v) for v in communes_by_province.values())

    n_entries = len(catalog_for([])) if copies else 0
    print(f"make-dataset: {out}: {len(seen)} procedures ({len(codes)} x {copies}), "
          f"{n_provinces} provinces, {n_communes} communes ({n_generated} generated), "
          f"{len(local)} x {copies} = {n_entries} local-level procedures in every province's catalog",
          file=sys.stderr)


if __name__ == "__main__":
    main()
