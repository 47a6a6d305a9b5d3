#!/usr/bin/env python3
"""The open data under /api/ matches the JSON Schemas the site publishes beside it
(api/schema/, from templates/api/schema/, documented in docs/api.md): every file of a site
built from the shipped content (50 reviewed procedures, 2,592 imported portal records, four
provinces with overrides, local decisions and communes). A portal that renders the catalog
itself relies on these schemas; a change of the data that the schemas do not describe fails
here. Usage: validate_api.py MOTCUA REPO"""
import glob
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

motcua, repo = sys.argv[1], sys.argv[2]
failures = []
with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    subprocess.run([motcua, "build", "--content", os.path.join(repo, "content"), "--templates",
                    os.path.join(repo, "templates"), "--wasm", "", "--no-precompress", "--out", site,
                    "--base-url", "https://tthc.example.gov.vn/thu-tuc/"], check=True, stdout=subprocess.DEVNULL)
    api = os.path.join(site, "api")
    schemas = {}
    for name in ("catalog", "province", "procedure"):
        path = os.path.join(api, "schema", name + ".schema.json")
        if not os.path.exists(path):
            failures.append("the site does not publish api/schema/%s.schema.json" % name)
            continue
        with open(path, encoding="utf-8") as f:
            schemas[name] = json.load(f)
        Draft202012Validator.check_schema(schemas[name])
    if failures:
        print("\n".join(failures))
        sys.exit(1)

    def validate(name, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for e in Draft202012Validator(schemas[name]).iter_errors(data):
            failures.append("%s: /%s: %s" % (os.path.relpath(path, site), "/".join(map(str, e.absolute_path)), e.message[:300]))
        return data

    catalog = validate("catalog", os.path.join(api, "catalog.json"))
    provinces = [p for p in catalog["provinces"] if "data" in p]
    assert provinces, "the shipped content publishes province catalogs"
    for p in provinces:
        validate("province", os.path.join(api, p["data"]))
    procedures = glob.glob(os.path.join(api, "thu-tuc", "*.json"))
    # Every procedure of the catalog has its file, and every file is one of the catalog.
    listed = {p["data"] for p in catalog["procedures"]}
    found = {os.path.relpath(f, api) for f in procedures}
    if listed != found:
        failures.append("api/catalog.json and api/thu-tuc/ disagree: %s" % sorted(listed ^ found)[:5])
    for f in procedures:
        validate("procedure", f)
    print("checked api/catalog.json, %d province files and %d procedure files" % (len(provinces), len(procedures)))

if failures:
    print("%d problems, first ones:" % len(failures))
    print("\n".join(failures[:30]))
    sys.exit(1)
