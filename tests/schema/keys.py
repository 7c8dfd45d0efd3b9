#!/usr/bin/env python3
"""keys.py - the schemas allow exactly the keys tabled's loader allows.

For every kind of mapping (the plan and each of its parts, the house style and its
sections, a front-sheet variant and its fields, each variant's front block), an
unknown key is put into a small valid file; tabled's error lists the keys it knows
("unknown key 'zzzzzzzzzz' in ... (known keys: a, b, c)"), and that list must equal
the properties the schema gives for the same mapping. Prints TAP lines.

usage: keys.py TABLED SCHEMA_DIR WORK_DIR
"""
import json
import os
import re
import subprocess
import sys

import yaml

tabled, schemas, work = sys.argv[1:4]
tabled = os.path.abspath(tabled)
UNKNOWN = "zzzzzzzzzz"
n = 0


def tap(ok, name, detail=""):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
    if not ok and detail:
        for line in detail.splitlines():
            print("#   " + line)


def load_schema(name):
    with open(os.path.join(schemas, name)) as f:
        return json.load(f)


def at(root, pointer):
    """The schema at a JSON pointer, following $ref and anyOf to the object."""
    node = root
    for part in [p for p in pointer.split("/") if p]:
        node = node[part]
    for _ in range(8):
        if "$ref" in node:
            node = at(root, node["$ref"].lstrip("#"))
        elif "properties" not in node and "anyOf" in node:
            node = next(a for a in node["anyOf"] if "$ref" in a or "properties" in a)
        else:
            break
    return node


def known_keys(stderr):
    m = re.search(r"unknown key '%s' in .*?\(known keys: ([^)]*)\)" % UNKNOWN, stderr)
    return set(m.group(1).split(", ")) if m else None


def compare(name, stderr, schema, pointer):
    got = known_keys(stderr)
    want = set(at(schema, pointer)["properties"])
    if got is None:
        tap(False, name, "tabled did not list its known keys:\n" + stderr[:600])
    else:
        tap(got == want, name + " (%d keys)" % len(want),
            "only tabled: %s\nonly the schema: %s" % (sorted(got - want), sorted(want - got)))


def run(args, cwd=work):
    return subprocess.run([tabled] + args, cwd=cwd, capture_output=True, text=True).stderr


def dump(path, data):
    with open(path, "w") as f:
        yaml.safe_dump(data, f, sort_keys=False, allow_unicode=True)


os.makedirs(work, exist_ok=True)

# ---- the plan -----------------------------------------------------------------------
plan_schema = load_schema("plan.schema.json")


def base_plan():
    return {
        "plan": {"title": "T", "organisation": "O", "updated": "2010-06-30"},
        "people": [{"id": "ann"}],
        "sources": [{"id": "s1", "title": "S"}],
        "recommendations": [{"ref": "R1", "source": "s1"}],
        "themes": [{"ref": "A", "title": "Alpha"}],
        "actions": [{"ref": "A.1", "theme": "A", "description": "D",
                     "revisions": [{"date": "2010-05"}], "milestones": [{"ref": "M1", "title": "M"}],
                     "updates": [{"date": "2010-01-31", "status": "in-progress"}],
                     "resources": [{"post": "P", "percent": "50"}]}],
        "indicators": [{"code": "I1", "description": "D",
                        "baseline": {"period": "2009/10", "value": "1"},
                        "targets": {"2010/11": {"value": "2", "note": "N"}}}],
        "risks": [{"ref": "RK1", "description": "D",
                   "inherent": {"likelihood": "1", "impact": "1"},
                   "reviews": [{"date": "2010-01-31", "note": "N"}]}],
    }


plan_path = os.path.join(work, "plan.yaml")
dump(plan_path, base_plan())
err = run(["check", "plan.yaml"])
tap(err.strip() == "", "the base plan is clean", err)

plan_cases = [
    ("the plan's sections", lambda p: p, "/"),
    ("plan", lambda p: p["plan"], "/properties/plan"),
    ("a person", lambda p: p["people"][0], "/$defs/person"),
    ("a source", lambda p: p["sources"][0], "/$defs/source"),
    ("a recommendation", lambda p: p["recommendations"][0], "/$defs/recommendation"),
    ("a theme", lambda p: p["themes"][0], "/$defs/theme"),
    ("an action", lambda p: p["actions"][0], "/$defs/action"),
    ("a revision", lambda p: p["actions"][0]["revisions"][0], "/$defs/revision"),
    ("a milestone", lambda p: p["actions"][0]["milestones"][0], "/$defs/milestone"),
    ("a resource", lambda p: p["actions"][0]["resources"][0], "/$defs/resource"),
    ("an indicator", lambda p: p["indicators"][0], "/$defs/indicator"),
    ("a baseline", lambda p: p["indicators"][0]["baseline"], "/$defs/indicator/properties/baseline"),
    ("a value with a note", lambda p: p["indicators"][0]["targets"]["2010/11"], "/$defs/value-with-note"),
    ("a risk", lambda p: p["risks"][0], "/$defs/risk"),
    ("a risk score", lambda p: p["risks"][0]["inherent"], "/$defs/score"),
    ("an update", lambda p: p["actions"][0]["updates"][0], "/$defs/update"),
    ("a review", lambda p: p["risks"][0]["reviews"][0], "/$defs/review"),
]
for name, part, pointer in plan_cases:
    p = base_plan()
    part(p)[UNKNOWN] = "1"
    dump(plan_path, p)
    compare("plan.schema.json: the keys of " + name, run(["check", "plan.yaml"]), plan_schema, pointer)

# ---- update files ------------------------------------------------------------------------
updates_schema = load_schema("updates.schema.json")
updir = os.path.join(work, "updates")
os.makedirs(updir, exist_ok=True)


def base_updates():
    return {
        "date": "2010-06-30",
        "actions": [{"ref": "A.1", "progress": "P", "revisions": [{"date": "2011-01"}],
                     "milestones": [{"ref": "M1", "progress": "P"}]}],
        "risks": [{"ref": "RK1", "note": "N"}],
        "indicators": [{"code": "I1", "actuals": {"2009/10": "1"}}],
    }


dump(plan_path, base_plan())
dump(os.path.join(updir, "2010-06-30.yaml"), base_updates())
err = run(["check", "plan.yaml"])
tap(err.strip() == "", "the base plan with an update file is clean", err)
update_cases = [
    ("an update file", lambda u: u, "/"),
    ("an action's entry", lambda u: u["actions"][0], "/$defs/action-entry"),
    ("a milestone's entry", lambda u: u["actions"][0]["milestones"][0], "/$defs/milestone-entry"),
    ("a revision in an update file", lambda u: u["actions"][0]["revisions"][0], "/$defs/revision"),
    ("a risk's entry", lambda u: u["risks"][0], "/$defs/risk-entry"),
    ("an indicator's entry", lambda u: u["indicators"][0], "/$defs/indicator-entry"),
]
for name, part, pointer in update_cases:
    u = base_updates()
    part(u)[UNKNOWN] = "1"
    dump(os.path.join(updir, "2010-06-30.yaml"), u)
    compare("updates.schema.json: the keys of " + name, run(["check", "plan.yaml"]), updates_schema, pointer)
os.remove(os.path.join(updir, "2010-06-30.yaml"))
os.rmdir(updir)

# ---- the house style --------------------------------------------------------------------
house_schema = load_schema("house.schema.json")
tpl = os.path.join(work, "tpl")
os.makedirs(tpl, exist_ok=True)
house_cases = [
    ("the house style", None, "/"),
    ("page", "page", "/properties/page"),
    ("type", "type", "/properties/type"),
    ("colours", "colours", "/properties/colours"),
    ("fonts", "fonts", "/properties/fonts"),
    ("rag", "rag", "/properties/rag"),
    ("a RAG colour", "rag.red", "/$defs/rag-entry"),
    ("theme-rag", "theme-rag", "/properties/theme-rag"),
]
dump(plan_path, base_plan())
for name, where, pointer in house_cases:
    h = {"page": {}, "type": {}, "colours": {}, "fonts": {}, "rag": {"red": {}}, "theme-rag": {}}
    target = h
    for part in (where.split(".") if where else []):
        target = target[part]
    target[UNKNOWN] = "1"
    dump(os.path.join(tpl, "house.yaml"), h)
    compare("house.schema.json: the keys of " + name,
            run(["rollup", "plan.yaml", "--as-at", "2010-06-30", "--templates", "tpl"]),
            house_schema, pointer)

# ---- front-sheet variants -------------------------------------------------------------------
variant_schema = load_schema("variant.schema.json")
vdir = os.path.join(work, "vtpl", "variants")
os.makedirs(vdir, exist_ok=True)
for name, field, pointer in [("a variant", False, "/"), ("a field", True, "/properties/fields/items")]:
    v = {"name": "v", "fields": [{"key": "k", "label": "K"}]}
    (v["fields"][0] if field else v)[UNKNOWN] = "1"
    dump(os.path.join(vdir, "v.yaml"), v)
    compare("variant.schema.json: the keys of " + name,
            run(["schema", "--templates", "vtpl"]), variant_schema, pointer)

# ---- meeting files ------------------------------------------------------------------------------
meeting_schema = load_schema("meeting.schema.json")


def base_meeting():
    return {
        "meeting": {"council": "C", "committee": "Cabinet", "date": "2011-02-15",
                    "clerk": {"name": "Jane Clerk"}},
        "items": [{"standard": "apologies"}],
    }


dump(os.path.join(work, "meeting.yaml"), base_meeting())
err = run(["pack", "--dry-run", "meeting.yaml"])
tap(err.strip() == "", "the base meeting file is clean", err)
for name, part, pointer in [("a meeting file", lambda m: m, "/"),
                            ("the meeting", lambda m: m["meeting"], "/$defs/meeting"),
                            ("the clerk", lambda m: m["meeting"]["clerk"], "/$defs/meeting/properties/clerk"),
                            ("an item", lambda m: m["items"][0], "/$defs/item")]:
    m = base_meeting()
    part(m)[UNKNOWN] = "1"
    dump(os.path.join(work, "meeting.yaml"), m)
    compare("meeting.schema.json: the keys of " + name, run(["pack", "--dry-run", "meeting.yaml"]),
            meeting_schema, pointer)

# ---- each variant's front block ----------------------------------------------------------------
paper_schema = load_schema("paper.schema.json")
dump(plan_path, base_plan())
for var in paper_schema["properties"]["variant"]["enum"]:
    front = {"variant": var, "as-at": "2010-06-30", "subject": "S", UNKNOWN: "1"}
    with open(os.path.join(work, "paper.md"), "w") as f:
        f.write("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\nText.\n")
    compare("paper.schema.json: the front-block keys of the %s variant" % var,
            run(["check", "paper.md"]), paper_schema, "/$defs/variant-" + var)

print("1..%d" % n)
