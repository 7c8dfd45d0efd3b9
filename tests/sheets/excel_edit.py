#!/usr/bin/env python3
"""excel_edit.py IN.csv OUT.csv [EDIT...] - a sheet from `tabled export` edited and saved
the way Excel saves "CSV UTF-8 (Comma delimited)": every cell as it is displayed (a
="..." formula saved as its text), a byte order mark, CRLF rows, every row padded to
the width of the sheet, and a cell quoted only when it holds a comma, a quote or a line
break. Each EDIT is REF[/MILESTONE]:COLUMN=VALUE (the row whose Ref and Milestone cells
are REF and MILESTONE; COLUMN is a header); VALUE is what the officer typed. Options:
  --blank-row N      insert an empty row before the Nth data row
  --add-row CELLS    append a row (comma-separated, in header order)
  --sort COLUMN      sort the data rows by that column (as Excel's Sort does)
  --lf / --cr        LF or CR row endings instead of CRLF
  --no-bom           no byte order mark
  --cp1252           saved as plain "CSV (Comma delimited)": Windows-1252
  --semicolon        semicolons between cells (Excel in much of Europe)
excel_edit.py --variants IN.csv... - each sheet saved, unedited, every way above:
IN.csv.excel.csv (CSV UTF-8: BOM, CRLF), .lf.csv, .cr.csv, .nobom.csv, .semicolon.csv,
.cp1252.csv (one call, as python is slow to start).
"""
import csv, io, sys

def unwrap(v):
    if v.startswith('="') and v.endswith('"') and len(v) >= 3:
        return v[2:-1].replace('""', '"')
    return v

VARIANTS = {"excel": [], "lf": ["--lf"], "cr": ["--cr"], "nobom": ["--no-bom"],
            "semicolon": ["--semicolon"], "cp1252": ["--cp1252"]}

def main():
    args = sys.argv[1:]
    if args[0] == "--variants":
        for src in args[1:]:
            for name, flags in VARIANTS.items():
                save(src, "%s.%s.csv" % (src, name), flags)
        return
    save(args[0], args[1], args[2:])

def save(src, dst, args):
    opts = {"eol": "\r\n", "bom": True, "enc": "utf-8", "sep": ","}
    edits, blank_rows, add_rows, sort_col = [], [], [], None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--blank-row": blank_rows.append(int(args[i + 1])); i += 2; continue
        if a == "--add-row": add_rows.append(args[i + 1].split(",")); i += 2; continue
        if a == "--sort": sort_col = args[i + 1]; i += 2; continue
        if a == "--lf": opts["eol"] = "\n"
        elif a == "--cr": opts["eol"] = "\r"
        elif a == "--no-bom": opts["bom"] = False
        elif a == "--cp1252": opts["enc"] = "cp1252"; opts["bom"] = False
        elif a == "--semicolon": opts["sep"] = ";"
        else: edits.append(a)
        i += 1
    text = open(src, encoding="utf-8-sig", newline="").read()
    rows = [[unwrap(c) for c in r] for r in csv.reader(io.StringIO(text))]
    head = rows[2]
    col = {h: k for k, h in enumerate(head)}
    for e in edits:
        target, value = e.split("=", 1)
        item, column = target.split(":", 1)
        ref, _, ms = item.partition("/")
        for r in rows[3:]:
            if r[col["Ref"] if "Ref" in col else col["Code"]] == ref and (
                    "Milestone" not in col and "Period" not in col or
                    r[col.get("Milestone", col.get("Period"))] == ms):
                r[col[column]] = value
                break
        else:
            sys.exit("excel_edit: no row %s" % item)
    body = rows[3:]
    if sort_col:
        body.sort(key=lambda r: r[col[sort_col]])
    for n in sorted(blank_rows, reverse=True):
        body.insert(n - 1, [])
    body += add_rows
    rows = rows[:3] + body
    width = max(len(r) for r in rows)
    out = io.StringIO()
    for r in rows:
        r = r + [""] * (width - len(r))
        cells = []
        for c in r:
            if any(ch in c for ch in (opts["sep"], '"', "\n", "\r")):
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.write(opts["sep"].join(cells) + opts["eol"])
    data = out.getvalue().encode(opts["enc"], errors="replace")
    if opts["bom"]:
        data = b"\xef\xbb\xbf" + data
    open(dst, "wb").write(data)

main()
