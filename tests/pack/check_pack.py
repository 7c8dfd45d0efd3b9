#!/usr/bin/env python3
"""check_pack.py - an agenda pack checked against its PDF, the way a clerk's app would.

For each pack in a page map (out/<folder>/<meeting>.json, or the private one):
  - the PDF has the pages the map says, and each page's footer is "Page N" (with the
    pack's prefix: "Page S3"), N its place in the PDF;
  - the agenda (pages 1 to agenda.last, read per page with pdftotext -layout) lists
    each item's number on a line that ends with the page the map gives, and the items
    without pages with no page;
  - each item's first page is where its report starts (its front sheet says "Item N"
    and is the first page of that report: the page before belongs to something else),
    and the items' pages and the agenda's follow each other with no gap and no overlap
    to the last page;
  - the bookmarks (qpdf --json) are "Agenda" then one per item, "N. Title", in order,
    each pointing at the item's first page, or (no report) at its agenda page; an
    item with a report has the report's headings beneath its bookmark;
  - qpdf --check finds nothing wrong.
With --secret WORD (repeatable) the public packs must not hold the word anywhere: not
in any stream decompressed by qpdf --qdf, the text, the metadata, the bookmarks, nor
(for a character given with --glyph) in the font subsets' ToUnicode maps; the private
packs must hold each and mark every page holding one NOT FOR PUBLICATION.

usage: check_pack.py PAGEMAP.json [--secret W]... [--glyph C]... [--private]
Prints TAP lines (without a plan line); exit 1 when one failed.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

args = sys.argv[1:]
pagemap = args.pop(0)
secrets, glyphs, private = [], [], False
while args:
    a = args.pop(0)
    if a == "--secret":
        secrets.append(args.pop(0))
    elif a == "--glyph":
        glyphs.append(args.pop(0))
    elif a == "--private":
        private = True
n = 0
failed = 0


def tap(ok, name, detail=""):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
    if not ok:
        failed += 1
        for line in str(detail).splitlines()[:12]:
            print("#   " + line)


def run(cmd):
    return subprocess.run(cmd, capture_output=True)


def page_text(pdf, p, layout=False):
    cmd = ["pdftotext", "-f", str(p), "-l", str(p)] + (["-layout"] if layout else []) + [pdf, "-"]
    return run(cmd).stdout.decode("utf-8", "replace")


with open(pagemap) as f:
    pm = json.load(f)
folder = os.path.dirname(pagemap)
meeting = pm["meeting"]["committee"] + " " + pm["meeting"]["date"]

private_text = []
for pack in pm["packs"]:
    pdf = os.path.join(folder, pack["pdf"])
    prefix = pack["page_prefix"]
    label = "%s, %s %s pack" % (meeting, pack["edition"], pack["kind"])
    pages = pack["pages"]
    info = run(["pdfinfo", pdf]).stdout.decode()
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    tap(m and int(m.group(1)) == pages, "%s: the PDF has the %d pages the map gives" % (label, pages), info)
    texts = [None] + [page_text(pdf, p) for p in range(1, pages + 1)]
    bad = [p for p in range(1, pages + 1)
           if not re.search(r"(^|\n)Page %s%d\s*(\n|$)" % (re.escape(prefix), p), texts[p])]
    tap(not bad, "%s: every page's footer is its number in the pack (Page %s1 ... Page %s%d)"
        % (label, prefix, prefix, pages), "pages without it: %s" % bad)
    bad = [p for p in range(1, pages + 1) if re.search(r"Page \d+ of \d+", texts[p])]
    tap(not bad, "%s: no page keeps its paper's own \"Page N of M\"" % label, bad)

    # The agenda: each item's line ends with the page it starts on.
    alast = pack["agenda"]["last"]
    agenda = "\n".join(page_text(pdf, p, layout=True) for p in range(1, alast + 1))
    lines = agenda.splitlines()
    # where each report really starts: the first page after the agenda whose masthead
    # says "Item N" (a report's front sheet, and only its first page, says so)
    starts = {}
    for p in range(alast + 1, pages + 1):
        for m in re.finditer(r"(?m)^Item (\S+)\s*$", texts[p]):
            starts.setdefault(m.group(1), p)
    problems = []
    for it in pack["items"]:
        num = re.escape(it["number"])
        at = [i for i, l in enumerate(lines) if re.match(r"^\s*%s\s{2,}\S" % num, l)]
        if not at:
            problems.append("item %s: no agenda row" % it["number"])
            continue
        m = re.search(r"\s(\S+)\s*$", lines[at[0]])
        end = m.group(1)
        # a page number sits in the Page column, right-aligned under its header (the
        # nearest above the row: pdftotext lays each page's columns out afresh): a title
        # that ends in a number ("... 9 February 2011") is not one
        header = [l for l in lines[:at[0]] if re.match(r"^\s*Item\s+Business\s", l)][-1:]
        if header and m.end(1) < header[0].rstrip().rfind(" ") + 1:
            end = ""
        real = starts.get(it["number"])
        if real:
            if end != "%s%d" % (prefix, real):
                problems.append("item %s: the agenda says %s, its report starts on page %s%d"
                                % (it["number"], end, prefix, real))
        elif re.fullmatch(r"%s\d+" % re.escape(prefix), end):
            problems.append("item %s has no report but the agenda gives it page %s" % (it["number"], end))
    missing = [it["number"] for it in pack["items"] if it["first"] and it["number"] not in starts]
    if missing:
        problems.append("reports the map has but the PDF does not: %s" % missing)
    tap(not problems, "%s: the agenda lists the page where each item starts (%d items)"
        % (label, len(pack["items"])), "\n".join(problems))

    # Where each item starts and ends.
    problems = []
    expect = alast + 1
    for it in pack["items"]:
        if not it["first"]:
            continue
        f, l = it["first"], it["last"]
        if f != expect:
            problems.append("item %s starts on page %d, after page %d" % (it["number"], f, expect - 1))
        if not re.search(r"(^|\n)Item %s\s*(\n|$)" % re.escape(it["number"]), texts[f]):
            problems.append("page %d does not say Item %s" % (f, it["number"]))
        if not (l >= f):
            problems.append("item %s ends before it starts" % it["number"])
        expect = l + 1
    if expect != pages + 1 and any(it["first"] for it in pack["items"]):
        problems.append("the last item ends on page %d of %d" % (expect - 1, pages))
    tap(not problems, "%s: the page map matches the PDF: each report starts where the map says, "
        "and the reports follow the agenda to the last page" % label, "\n".join(problems))

    # Bookmarks.
    js = json.loads(run(["qpdf", "--json", "--json-key=outlines", pdf]).stdout)
    outlines = js["outlines"]
    titles = [o["title"] for o in outlines]
    want = [("Agenda" if pack["kind"] == "agenda" else "Supplementary agenda")] + \
           ["%s. %s" % (it["number"], it["title"]) for it in pack["items"]]
    # the bookmarks are typeset as the agenda prints them (curly quotes, dashes); the
    # page map has the titles as written
    plain = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                           "\u2013": "-", "\u2014": "-"})
    typeset = all(" - " not in t and '"' not in t for t in titles)
    tap([t.translate(plain) for t in titles] == want and typeset,
        "%s: one bookmark per item, in order, after the agenda's, typeset as it prints them" % label,
        "got: %s\nwant: %s" % (titles, want))
    problems = []
    for o, it in zip(outlines[1:], pack["items"]):
        page = o.get("destpageposfrom1")
        target = it["first"] or it["agenda_page"]
        if page != target:
            problems.append("%s -> page %s, not %s" % (o["title"], page, target))
        if it["first"] and it["kind"] == "report" and not (it["exempt_paragraph"] and not private) \
                and not o["kids"]:
            problems.append("%s has no headings beneath it" % o["title"])
    if outlines and outlines[0].get("destpageposfrom1") != 1:
        problems.append("the agenda's bookmark is not page 1")
    tap(not problems, "%s: each item's bookmark opens its first page (or its agenda row), with "
        "the report's headings beneath" % label, "\n".join(problems))

    chk = run(["qpdf", "--check", pdf])
    tap(chk.returncode == 0, "%s: qpdf --check is clean" % label, chk.stdout.decode()[-400:])

    if not secrets:
        continue
    if pack["edition"] == "public":
        with tempfile.TemporaryDirectory() as tmp:
            qdf = os.path.join(tmp, "q.pdf")
            run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf])
            raw = open(qdf, "rb").read()
        everything = "\n".join(texts[1:]) + info + json.dumps(outlines, ensure_ascii=False)
        found = [s for s in secrets if s.encode() in raw or s in everything]
        tap(not found and len(raw) > 0, "%s: no exempt word in any stream, the text, the metadata "
            "or the bookmarks" % label, "found: %s" % found)
        # the font subsets: every code point a ToUnicode map gives
        cps = set()
        for m in re.finditer(rb"beginbfrange(.*?)endbfrange", raw, re.S):
            for a, b, c in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", m.group(1)):
                lo, hi, base = int(a, 16), int(b, 16), int(c, 16)
                cps.update(range(base, base + hi - lo + 1))
        for m in re.finditer(rb"beginbfchar(.*?)endbfchar", raw, re.S):
            for a, c in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", m.group(1)):
                cps.add(int(c, 16))
        found = [g for g in glyphs if ord(g) in cps]
        tap(cps and not found, "%s: no glyph only exempt text uses is in the font subsets (%d code "
            "points mapped)" % (label, len(cps)), "found: %s" % found)
    else:
        private_text.append("\n".join(texts[1:]))
        unmarked = [p for p in range(1, pages + 1)
                    if any(s in texts[p] for s in secrets) and "NOT FOR PUBLICATION" not in texts[p]]
        tap(not unmarked, "%s: every page with exempt information is marked NOT FOR PUBLICATION"
            % label, "unmarked pages: %s" % unmarked)

if secrets and private_text:
    missing = [s for s in secrets if not any(s in t for t in private_text)]
    tap(not missing, "%s: the private packs hold every exempt word" % meeting, missing)
sys.exit(1 if failed else 0)
