#!/usr/bin/env python3
"""changes_check.py - the rules of `tabled changes` checked against `tabled rollup`.

  changes_check.py TABLED PLAN AS_AT DAYS_BACK...

For P = AS_AT minus each DAYS_BACK: the completion, overdue and cancelled rows of
`tabled changes PLAN --since P --as-at AS_AT` are exactly the actions in that status
as at AS_AT and not as at P (among those in the plan at both dates), the added rows
exactly the actions in the plan at AS_AT and not at P, every overdue action is in
`tabled exceptions` as at AS_AT, and the CSV has a row per JSON row. Prints one TAP
line per P (numbered from $N + 1, N given in the environment) and nothing else.
"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys


def run(*args):
    p = subprocess.run(list(args), capture_output=True, text=True)
    return p.returncode, p.stdout


def main():
    tabled, plan, as_at = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
    n = int(os.environ.get("N", "0"))
    for back in sys.argv[4:]:
        since = (as_at - datetime.timedelta(days=int(back))).isoformat()
        t = as_at.isoformat()
        problems = []
        rc1, rt = run(tabled, "rollup", plan, "--as-at", t, "--format", "json")
        rc2, rp = run(tabled, "rollup", plan, "--as-at", since, "--format", "json")
        rc3, ch = run(tabled, "changes", plan, "--since", since, "--as-at", t, "--format", "json")
        rc4, ex = run(tabled, "exceptions", plan, "--as-at", t, "--format", "json")
        rc5, cs = run(tabled, "changes", plan, "--since", since, "--as-at", t, "--format", "csv")
        if rc1 or rc2 or rc3 or rc4 or rc5:
            problems.append("exit %d %d %d %d %d" % (rc1, rc2, rc3, rc4, rc5))
        else:
            at_t = {a["ref"]: a["status"] for a in json.loads(rt)["actions"]}
            at_p = {a["ref"]: a["status"] for a in json.loads(rp)["actions"]}
            rows = json.loads(ch)["changes"]
            both = set(at_t) & set(at_p)
            for kind, status in (("completed", "complete"), ("overdue", "overdue"),
                                 ("cancelled", "cancelled")):
                want = {r for r in both if at_t[r] == status and at_p[r] != status}
                got = {c["ref"] for c in rows if c["kind"] == kind}
                if got != want:
                    problems.append("%s: got %s want %s" % (kind, sorted(got), sorted(want)))
            added = set(at_t) - set(at_p)
            got = {c["ref"] for c in rows if c["kind"] == "added"}
            if got != added:
                problems.append("added: got %s want %s" % (sorted(got), sorted(added)))
            listed = {r["ref"] for th in json.loads(ex)["themes"] for r in th["rows"]}
            missing = {r for r, s in at_t.items() if s == "overdue"} - listed
            if missing:
                problems.append("overdue but not in the exceptions: %s" % sorted(missing))
            csv_rows = list(csv.reader(io.StringIO(cs.lstrip("\ufeff"))))
            if csv_rows[0][:3] != ["Kind", "Theme", "Ref"] or len(csv_rows) - 1 != len(rows):
                problems.append("csv: %d rows for %d changes" % (len(csv_rows) - 1, len(rows)))
        n += 1
        name = "%s: changes %s -> %s: completed, overdue, cancelled and added rows are the set differences" % (plan, since, t)
        if problems:
            print("not ok %d - %s" % (n, name))
            for p in problems:
                print("#   " + p)
        else:
            print("ok %d - %s" % (n, name))


if __name__ == "__main__":
    main()
