#!/usr/bin/env python3
"""sheet_checks.py - checks on the CSV tabled writes, several per call (python is slow
to start), printed as "PASS|name" or "FAIL|name|why" lines for run-sheets.sh.

  sheet_checks.py export FILE ROWS     a sheet of tabled export (actions) with ROWS rows
  sheet_checks.py outputs FILE...      the --format csv of rollup, exceptions, changes
"""
import csv, io, re, sys

def rows_of(path):
    raw = open(path, "rb").read()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))

def report(name, ok, why=""):
    print("%s|%s%s" % ("PASS" if ok else "FAIL", name, "" if ok else "|" + why))

def export(path, nrows):
    raw, rows = rows_of(path)
    report("export: UTF-8 with a byte order mark", raw.startswith(b"\xef\xbb\xbf"))
    lines = raw.split(b"\n")[:-1]
    report("export: every row ends CRLF", all(l.endswith(b"\r") for l in lines))
    report("export: row 1 names the sheet, the plan and its date",
           rows[0][:4] == ["tabled export", "actions", "plan: copeland-shap", "as at: 31/12/2010"],
           repr(rows[0][:4]))
    want = ("Theme,Ref,Milestone,Action or milestone,Who,Start,Due,Position,Status,RAG,Progress,"
            "Completed,Revised due,Revision agreed,Reason for revision,Update date")
    report("export: one header style, in row 3, a column for each field an officer updates",
           rows[1] == [] and ",".join(rows[2]) == want, ",".join(rows[2]))
    report("export: a row per action and per milestone (%s)" % nrows, len(rows) - 3 == int(nrows),
           str(len(rows) - 3))
    head = rows[2]
    dates = [head.index(h) for h in ("Start", "Due", "Completed", "Revised due", "Revision agreed", "Update date")]
    bad = [r[i] for r in rows[3:] for i in dates
           if r[i] and r[i] != "ongoing" and not (r[i].startswith('="') and r[i].endswith('"'))]
    report('export: every date kept as text Excel does not reinterpret (="...", or ongoing)', not bad,
           repr(bad[:3]))
    cells = [c for r in rows for c in r]
    report("export: months stay months, days are day first",
           '="November 2010"' in cells and '="31/12/2010"' in cells)
    stray = [c for c in cells if c[:1] in ("'", "-")]
    report("export: no cell starts with a stray ' or -", not stray, repr(stray[:3]))
    multi = [c for c in cells if "\n" in c]
    quoted = all(('"' + c.replace('"', '""') + '"').encode() in raw for c in multi)
    report("export: cells with line breaks are quoted (%d)" % len(multi), quoted)

def outputs(paths):
    for path in paths:
        name = path.rsplit("/", 1)[-1].split(".")[0]
        raw, rows = rows_of(path)
        head = rows[0]
        style = [h for h in head if not (h == "RAG" or re.fullmatch(r"[A-Z][a-z]*( [a-z]+)*", h))]
        report("%s --format csv: a byte order mark, one header style (words, capital first)" % name,
               raw.startswith(b"\xef\xbb\xbf") and not style, repr(style))
        stray = [c for r in rows for c in r if c[:1] in ("'", "-")]
        report("%s --format csv: no cell starts with a stray ' or -" % name, not stray, repr(stray[:3]))

if sys.argv[1] == "export":
    export(sys.argv[2], sys.argv[3])
else:
    outputs(sys.argv[2:])
