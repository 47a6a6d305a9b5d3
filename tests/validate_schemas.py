#!/usr/bin/env python3
"""Checks the JSON Schemas in docs/schema/ against the content they describe.

Usage: python3 tests/validate_schemas.py [<repo root>]

1. Every docs/schema/*.schema.json must be a valid JSON Schema of the draft it declares.
2. Every JSON file under content/ and tests/sites/basic/content/ is validated against the
   schema its path calls for (procedures/<code>/procedure.json -> procedure.schema.json, ...).
   A "$schema" key in the file must point to that same schema file.
3. Self-checks, so that the run cannot pass vacuously: enough procedures were validated,
   and deliberately broken in-memory copies of real content are rejected where expected.

Each problem is printed as "<file>: <JSON Pointer>: <message>", then a one-line summary.
Exit status: 0 when everything validates, 1 otherwise, 2 on a usage error.

Needs only the `jsonschema` package (Debian: python3-jsonschema, 4.10 on Debian 12; newer
versions work too). "$ref" between schema files is resolved locally: nothing is fetched.
"""

import copy
import json
import re
import sys
import warnings
from pathlib import Path

try:
    import jsonschema
    from jsonschema import validators
    from jsonschema.exceptions import SchemaError
except ImportError:  # pragma: no cover - depends on the machine
    print("validate_schemas: the Python package jsonschema is missing "
          "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

# Content roots checked, relative to the repository root.
CONTENT_ROOTS = ["content", "tests/sites/basic/content"]
MIN_PROCEDURES = 40  # content/procedures/*/procedure.json validated, at least
MIN_SCHEMAS = 11

# Path inside a content root -> schema file name.
FIXED_PATHS = {
    "site.json": "site.schema.json",
    "fields.json": "fields.schema.json",
    "life-events.json": "life-events.schema.json",
    "hotlines.json": "hotlines.schema.json",
    "provinces.json": "provinces.schema.json",
    "applicant-categories.json": "applicant-categories.schema.json",
    "citizen-id.json": "citizen-id.schema.json",
    "replaced-documents.json": "replaced-documents.schema.json",
    "essential-services.json": "essential-services.schema.json",
    "search/synonyms.json": "search-synonyms.schema.json",
    "search/ranking.json": "search-ranking.schema.json",
    "calendar/rules.json": "calendar-rules.schema.json",
}
PATTERNS = [
    (re.compile(r"^calendar/[0-9]{4}\.json$"), "calendar-year.schema.json"),
    (re.compile(r"^procedures/[^/]+/procedure\.json$"), "procedure.schema.json"),
    (re.compile(r"^provinces/[^/]+/province\.json$"), "province.schema.json"),
    (re.compile(r"^provinces/[^/]+/communes/[^/]+\.json$"), "commune.schema.json"),
    (re.compile(r"^forms/[^/]+\.json$"), "form.schema.json"),
]


def schema_for(rel):
    """The schema file name for a path relative to a content root, or None."""
    if rel in FIXED_PATHS:
        return FIXED_PATHS[rel]
    for pattern, name in PATTERNS:
        if pattern.match(rel):
            return name
    return None


def pointer(path):
    """RFC 6901 JSON Pointer of a jsonschema error path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path) or "/"


def path_key(path):
    """Sort key of an error path: array indexes in numeric order."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


class Schemas:
    """All docs/schema files, with "$ref" resolved among them and nowhere else."""

    def __init__(self, schema_dir):
        self.dir = schema_dir
        self.by_name = {}  # file name -> schema as written
        self.store = {}  # URI (file URI and "$id") -> schema, for "$ref"
        self.validators = {}
        self.resolvers = {}
        self.problems = []  # (file, pointer, message)
        for path in sorted(schema_dir.glob("*.schema.json")):
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                self.problems.append((str(path), "/", "cannot read the schema: %s" % e))
                continue
            self.by_name[path.name] = schema
            # A schema without "$id" has its file URI as base, as in an editor: relative
            # "$ref"s such as "procedure.schema.json#/$defs/fee_rule" then resolve locally.
            self.store[path.resolve().as_uri()] = schema
            if isinstance(schema, dict) and isinstance(schema.get("$id"), str):
                self.store[schema["$id"].rstrip("#")] = schema
        for name, schema in self.by_name.items():
            path = schema_dir / name
            cls = validators.validator_for(schema, default=validators.Draft202012Validator)
            try:
                cls.check_schema(schema)
            except SchemaError as e:
                self.problems.append((str(path), pointer(e.absolute_path), "not a valid schema: %s" % e.message))
                continue
            self.validators[name], self.resolvers[name] = self._validator(cls, schema, path.resolve().as_uri())
        for name, schema in self.by_name.items():
            # Every "$ref" must resolve to a schema of this folder.
            for ref_pointer, ref in self._refs(schema, ""):
                if name in self.validators and not self._resolves(name, ref):
                    self.problems.append((str(schema_dir / name), ref_pointer, "unresolvable $ref \"%s\"" % ref))

    def _validator(self, cls, schema, uri):
        """A validator of `schema` and a function resolving a "$ref" written in it."""
        if "$id" not in schema:
            schema = dict(schema, **{"$id": uri})
        base = schema["$id"]
        # Only "date" is asserted: the loader rejects impossible dates such as 2025-02-30;
        # other formats ("uri", "email") stay annotations, as in the loader.
        format_checker = jsonschema.FormatChecker(formats=["date"])
        try:  # jsonschema >= 4.18 resolves through the "referencing" library
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012

            registry = Registry().with_resources(
                (u, Resource.from_contents(s, default_specification=DRAFT202012)) for u, s in self.store.items())
            validator = cls(schema, registry=registry, format_checker=format_checker)
            return validator, lambda ref: registry.resolver(base_uri=base).lookup(ref)
        except (ImportError, TypeError):
            pass
        with warnings.catch_warnings():  # jsonschema 4.10 (Debian 12): RefResolver
            warnings.simplefilter("ignore", DeprecationWarning)
            resolver = validators.RefResolver.from_schema(schema, store=self.store)
            validator = cls(schema, resolver=resolver, format_checker=format_checker)
        return validator, resolver.resolve

    def _refs(self, node, at):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str):
                    yield at + "/$ref", v
                else:
                    yield from self._refs(v, at + "/" + k.replace("~", "~0").replace("/", "~1"))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from self._refs(v, "%s/%d" % (at, i))

    def _resolves(self, name, ref):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                self.resolvers[name](ref)
            return True
        except Exception:  # noqa: BLE001 - whatever the library raises, it does not resolve
            return False

    @staticmethod
    def _forbidden_key(instance, e):
        """Pointer and message of a key that a false schema forbids (e.g. "amount" of a "free" rule).

        jsonschema >= 4.18 reports such an error at the enclosing object, without the key:
        find the key whose value is the very object rejected."""
        path = list(e.absolute_path)
        key = None
        if e.schema_path and e.schema_path[-1] == "properties":
            parent = instance
            for step in path:
                parent = parent[step]
            keys = [k for k, v in parent.items() if v is e.instance] if isinstance(parent, dict) else []
            if len(keys) == 1:
                key = keys[0]
                path.append(key)
            elif keys:  # equal values (e.g. "input" and "per" both "pages"): cannot tell which
                return pointer(path), "one of %s is not allowed here (%s)" % (
                    ", ".join('"%s"' % k for k in keys), e.message)
        elif path and isinstance(path[-1], str):
            key = path[-1]
        if key is None:
            return pointer(path), e.message
        return pointer(path), "\"%s\" is not allowed here (see the schema's description of \"%s\")" % (key, key)

    def errors(self, name, instance):
        """(pointer, message) of every error of `instance` against schema `name`."""
        out = []
        try:
            for e in sorted(self.validators[name].iter_errors(instance), key=lambda e: path_key(e.absolute_path)):
                at, message = pointer(e.absolute_path), e.message
                if e.validator is None and e.schema is False:
                    at, message = self._forbidden_key(instance, e)
                if e.context:
                    # oneOf/anyOf: name the deepest failure among the alternatives, which is
                    # usually inside the alternative the author meant.
                    best = e
                    while best.context:
                        best = max(best.context, key=lambda c: len(c.relative_path))
                    deeper = pointer(best.absolute_path)
                    message += " (closest alternative: %s%s)" % (deeper + ": " if deeper != at else "", best.message)
                if (at, message) not in out:  # "then" may repeat a "properties" error
                    out.append((at, message))
        except Exception as e:  # noqa: BLE001 - an unresolvable "$ref" (its class depends on the version)
            text = str(e).split("\n")[0]
            out.append(("/", "cannot validate against %s: %s: %s" % (
                name, type(e).__name__, text if len(text) <= 200 else text[:200] + "…")))
        return out


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validate_content(root, schemas, report):
    """Validates the content roots; returns {schema name: number of files validated}."""
    counts = {}
    for content_root in CONTENT_ROOTS:
        base = root / content_root
        if not base.is_dir():
            report(content_root, "/", "content folder is missing")
            continue
        for path in sorted(base.rglob("*.json")):
            rel = path.relative_to(base).as_posix()
            shown = path.relative_to(root).as_posix()
            try:
                doc = load_json(path)
            except (OSError, ValueError) as e:
                report(shown, "/", "invalid JSON: %s" % e)
                continue
            name = schema_for(rel)
            declared = doc.get("$schema") if isinstance(doc, dict) else None
            if declared is not None:
                target = (path.parent / str(declared)).resolve()
                if not target.is_file():
                    report(shown, "/$schema", "\"%s\" does not point to an existing file" % declared)
                elif target.parent != schemas.dir.resolve():
                    report(shown, "/$schema", "\"%s\" is not a schema of docs/schema/" % declared)
                elif name is None:
                    name = target.name
                elif target.name != name:
                    report(shown, "/$schema", "\"%s\" names %s, but this file is read as %s" % (declared, target.name, name))
            if name is None:
                report(shown, "/", "no schema in docs/schema/ describes this file; "
                                   "add one (and its path to tests/validate_schemas.py)")
                continue
            if name not in schemas.validators:
                report(shown, "/", "schema docs/schema/%s is missing or invalid" % name)
                continue
            for at, message in schemas.errors(name, doc):
                report(shown, at, message)
            key = name if content_root == "content" else "(tests) " + name
            counts[key] = counts.get(key, 0) + 1
    return counts


def first(root, pattern, test):
    for path in sorted((root / "content").glob(pattern)):
        try:
            doc = load_json(path)
        except (OSError, ValueError):
            continue
        if test(doc):
            return doc
    return None


def self_checks(root, schemas, report):
    """Broken copies of real content that the schemas must reject; returns how many ran."""
    procedure = first(root, "procedures/*/procedure.json",
                      lambda d: isinstance(d.get("fees"), dict) and d["fees"].get("rules"))
    province = first(root, "provinces/*/province.json", lambda d: d.get("catalog"))
    categories_path = root / "content" / "applicant-categories.json"
    categories = load_json(categories_path) if categories_path.is_file() else None
    fee_rule = {"id": "phi", "label": "Phí", "kind": "monthly", "amount": 1000,
                "source": {"document": "Văn bản kiểm thử"}}

    def set_kind(d, kind):
        d["fees"]["rules"][0] = dict(d["fees"]["rules"][0], kind=kind)

    def flat_with_tiers(d):
        d["fees"]["rules"][0] = {"id": "phi", "label": "Phí", "kind": "flat", "amount": 1000,
                                 "tiers": [{"from": 1, "amount": 1000}], "source": {"document": "Văn bản"}}

    def one_condition_all(d):
        d["dossier"][0]["if"] = {"all": [{"channel": "direct"}]}

    def province_fee_rule(d):
        d["catalog"][0]["overrides"] = {"fee_rules": [fee_rule]}

    # (what, schema, document, mutation, pointer the error must be at)
    cases = [
        ("a fee rule of kind \"monthly\"", "procedure.schema.json", procedure,
         lambda d: set_kind(d, "monthly"), "/fees/rules/0/kind"),
        ("a flat fee rule with \"tiers\"", "procedure.schema.json", procedure, flat_with_tiers, "/fees/rules/0"),
        ("a dossier condition \"all\" with one condition", "procedure.schema.json", procedure,
         one_condition_all, "/dossier/0/if"),
        ("a province's fee rule of kind \"monthly\" (a $ref into procedure.schema.json)", "province.schema.json",
         province, province_fee_rule, "/catalog/0/overrides/fee_rules/0"),
        ("an applicant category without \"name\"", "applicant-categories.schema.json", categories,
         lambda d: d["categories"][0].pop("name"), "/categories/0"),
    ]
    ran = 0
    for what, name, doc, mutate, expected in cases:
        where = "self-check (%s)" % name
        if doc is None:
            report(where, "/", "no content to build the case \"%s\" from" % what)
            continue
        if name not in schemas.validators:
            report(where, "/", "schema docs/schema/%s is missing or invalid" % name)
            continue
        if schemas.errors(name, doc):
            report(where, "/", "the unmodified content for \"%s\" does not validate" % what)
            continue
        broken = copy.deepcopy(doc)
        mutate(broken)
        errors = schemas.errors(name, broken)
        if not any(at == expected or at.startswith(expected + "/") for at, _ in errors):
            report(where, expected, "%s was accepted; the schema must reject it%s" %
                   (what, " (errors elsewhere: %s)" % errors if errors else ""))
        ran += 1
    return ran


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2
    root = Path(argv[1]) if len(argv) == 2 else Path(__file__).resolve().parent.parent
    if not (root / "docs" / "schema").is_dir():
        print("validate_schemas: %s has no docs/schema/ folder; give the repository root" % root, file=sys.stderr)
        return 2
    problems = []

    def report(file, at, message):
        problems.append((file, at, message))
        print("%s: %s: %s" % (file, at, message))

    schemas = Schemas(root / "docs" / "schema")
    for file, at, message in schemas.problems:
        report(Path(file).resolve().relative_to(root.resolve()).as_posix(), at, message)
    if len(schemas.by_name) < MIN_SCHEMAS:
        report("docs/schema", "/", "found %d schemas, expected at least %d" % (len(schemas.by_name), MIN_SCHEMAS))

    counts = validate_content(root, schemas, report)
    procedures = counts.get("procedure.schema.json", 0)
    if procedures < MIN_PROCEDURES:
        report("content/procedures", "/", "validated %d procedures, expected at least %d" % (procedures, MIN_PROCEDURES))
    checks = self_checks(root, schemas, report)

    files = sum(counts.values())
    print("validate_schemas: %d schemas, %d files (%d procedures), %d self-checks: %s" %
          (len(schemas.validators), files, procedures, checks,
           "%d error%s" % (len(problems), "" if len(problems) == 1 else "s") if problems else "no errors"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
