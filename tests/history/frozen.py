#!/usr/bin/env python3
"""frozen.py - append history dated after a paper's as-at date to a copy of its plan.

Used by run-frozen.sh (domain rules, section 3a: "adding entries dated after T never
changes any output of a paper as at T"). Given a plan file, whatever council wrote it,
and a day D (the day after the paper's as-at date), it writes into the plan and into a
new update file entries of every kind tabled knows, all dated D or later:
  - in the plan: an `updates:` entry for every action and milestone that has no such
    list yet (status, RAG, progress), a revision agreed on D, a `reviews:` entry for
    every risk without one, actuals for every target period that ends after the as-at
    date, a new action and a new risk added on D;
  - in a new update file dated D+1: a status, RAG, progress note and revision for every
    action and milestone, a review and a closure for every risk, an actual for every
    period of every indicator (restating old periods too: reported after T, they must
    stay invisible as at T).

  frozen.py PLAN AS_AT_ISO [--at-as-at] [--dump-only]

--dump-only rewrites the plan through the YAML library without changing it (to show
that the rewriting alone changes no output); --at-as-at dates everything on the as-at
day itself instead (a control: then the outputs must change). Every scalar is read as
text, as tabled reads it, so references such as 1.10 stay as written.
"""
import datetime
import os
import re
import sys

import yaml


def last_day(text):
    """The last day of a tabled date (day, month, quarter, financial year), or None."""
    s = str(text).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    m = re.fullmatch(r"(?:(\d{4})/(\d{2})\s*Q([1-4])|Q([1-4])\s*(\d{4})/(\d{2}))", s)
    if m:
        y = int(m[1] or m[5])
        q = int(m[3] or m[4])
        end_month = {1: (y, 6), 2: (y, 9), 3: (y, 12), 4: (y + 1, 3)}[q]
        return last_day("%04d-%02d" % end_month)
    m = re.fullmatch(r"(\d{4})/(\d{2})", s)
    if m:
        return datetime.date(int(m[1]) + 1, 3, 31)
    return None


class Str(str):
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def dump(data, path):
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(data, f, sort_keys=False, allow_unicode=True, width=100000,
                       default_flow_style=False)


def known_days(plan, folder):
    """Every day an existing entry is known from, so new entries never fall on one."""
    days = set()
    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in ("date", "agreed", "reviewed", "updated", "closed", "added") and isinstance(v, str):
                    d = last_day(v)
                    if d:
                        days.add(d)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(plan)
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                walk(load(os.path.join(folder, name)))
    return days


def updates_folder(plan_path):
    d, base = os.path.split(plan_path)
    stem = re.sub(r"\.ya?ml$", "", base)
    return os.path.join(d, "updates" if stem == "plan" else stem + "-updates")


STATUSES = ["complete", "cancelled", "in-progress", "not-started"]
RAGS = ["red", "green", "amber", "complete"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    plan_path, as_at = args[0], datetime.date.fromisoformat(args[1])
    plan = load(plan_path)
    if "--dump-only" in flags:
        dump(plan, plan_path)
        return
    folder = updates_folder(plan_path)
    taken = known_days(plan, folder)
    if "--at-as-at" in flags:
        d1 = d2 = as_at
    else:
        d1 = as_at + datetime.timedelta(days=1)
        while d1 in taken:
            d1 += datetime.timedelta(days=1)
        d2 = d1 + datetime.timedelta(days=1)
        while d2 in taken:
            d2 += datetime.timedelta(days=1)
    D1, D2 = d1.isoformat(), d2.isoformat()
    note = "Frozen-history test: reported after the paper's as-at date."
    file_actions, file_risks, file_indicators = [], [], []

    def entry(i, date):
        e = {"date": date, "status": STATUSES[i % 4], "rag": RAGS[i % 4], "progress": note}
        if e["status"] in ("in-progress", "not-started"):
            e["reopened"] = "Frozen-history test."
        return e

    actions = plan.get("actions") or []
    themes = plan.get("themes") or []
    for i, a in enumerate(actions):
        if not isinstance(a, dict):
            continue
        if "updates" not in a and "--at-as-at" not in flags:
            a["updates"] = [entry(i, D1)]
        a.setdefault("revisions", [])
        if not isinstance(a["revisions"], list):
            a["revisions"] = []
        a["revisions"].append({"date": "2099-12", "agreed": D1, "reason": note})
        fa = {"ref": a.get("ref"), "status": STATUSES[(i + 1) % 4], "rag": RAGS[(i + 1) % 4],
              "progress": note, "reopened": "Frozen-history test.",
              "revisions": [{"date": "2099-06", "agreed": D2, "reason": note}]}
        ms = []
        for j, m in enumerate(a.get("milestones") or []):
            if not isinstance(m, dict):
                continue
            if "updates" not in m and "--at-as-at" not in flags:
                m["updates"] = [entry(i + j + 1, D1)]
            titles = [x.get("title") for x in a.get("milestones") or [] if isinstance(x, dict)]
            if m.get("ref"):
                ms.append({"ref": m["ref"], "status": "complete", "progress": note})
            elif m.get("title") and titles.count(m["title"]) > 1:
                # a title others share (seed 003's "Amendments"): named by its place
                ms.append({"number": j + 1, "title": m["title"], "status": "complete", "progress": note})
            elif m.get("title"):
                ms.append({"title": m["title"], "status": "complete", "progress": note})
        if ms:
            fa["milestones"] = ms
        file_actions.append(fa)
    if themes and isinstance(themes[0], dict):
        actions.append({"ref": "FROZEN.TEST.1", "theme": themes[0].get("ref"),
                        "description": "An action added after the paper's as-at date.",
                        "added": D1, "due": "2099-12", "status": "in-progress", "rag": "red"})
        plan["actions"] = actions

    risks = plan.get("risks") or []
    for r in risks:
        if not isinstance(r, dict):
            continue
        if "reviews" not in r:
            r["reviews"] = [{"date": D1, "inherent": {"likelihood": "5", "impact": "5"},
                             "net": {"likelihood": "5", "impact": "5"}, "note": note}]
        fr = {"ref": r.get("ref"), "net": {"likelihood": "1", "impact": "1"}, "note": note}
        if "added" not in r and "closed" not in r:
            fr["closed"] = D2
        file_risks.append(fr)
    if isinstance(plan.get("risks"), list) or "risks" not in plan:
        risks.append({"ref": "FROZEN-RK", "description": "A risk added after the paper's as-at date.",
                      "added": D1, "net": {"likelihood": "5", "impact": "5"}, "reviewed": D1})
        plan["risks"] = risks

    for ind in plan.get("indicators") or []:
        if not isinstance(ind, dict):
            continue
        targets = ind.get("targets") or {}
        actuals = ind.get("actuals")
        if not isinstance(actuals, dict):
            actuals = {}
        for period in targets:
            end = last_day(period)
            if end and end > as_at and period not in actuals:
                actuals[period] = "1234"
        if actuals:
            ind["actuals"] = actuals
        periods = set(targets) | set(actuals)
        if periods:
            file_indicators.append({"code": ind.get("code"),
                                    "actuals": {p: "4321" for p in sorted(periods)}})

    dump(plan, plan_path)
    os.makedirs(folder, exist_ok=True)
    update = {"date": D2}
    if file_actions:
        update["actions"] = file_actions
    if file_risks:
        update["risks"] = file_risks
    if file_indicators:
        update["indicators"] = file_indicators
    dump(update, os.path.join(folder, "zz-frozen-history-test.yaml"))
    print(D1, D2)


if __name__ == "__main__":
    main()
