#!/usr/bin/env python3
"""chart_checks.py - a paper's charts, read back from both outputs.

  chart_checks.py KIND HTML PDF

Common to every paper (KIND any): every <svg> has a <title> and a <desc>, role="img"
and the same data as a table beside it; every word drawn in an SVG comes back from
`pdftotext` of the PDF (the same display list drawn twice); the PDF holds no image.
KIND "charts" (tests/figures/charts): the coordinates of the June task, the 16 August
milestone and the drafting week, worked out by hand, in the SVG and in the PDF (its
"16th" where pdftotext -bbox finds it); the risk matrix's cells; the indicators'
statuses. KIND "salford" (plans/salford-sip): what issue 11 asks of the Salford paper.
Prints one TAP line per check, numbered from $N + 1, and nothing else.
"""
import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
n = int(os.environ.get("N", "0"))


def tap(good, name, detail=""):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if good else "not ok", n, name))
    if not good and detail:
        for line in str(detail).splitlines()[:12]:
            print("#   " + line)


def figures(page):
    """(svg element, the figure's html) for each chart."""
    out = []
    for m in re.finditer(r'<figure class="chart[^"]*"[^>]*>.*?</figure>', page, re.S):
        fig = m.group(0)
        s = re.search(r"<svg .*?</svg>", fig, re.S)
        if not s:
            continue
        # the SVG's text is escaped for HTML, which XML reads too (&#39; and &amp;)
        out.append((ET.fromstring(s.group(0)), fig))
    return out


def bands(svg):
    """Each band: its y offset isn't needed; a list of its elements."""
    return [list(g) for g in svg.findall(SVG + "g")]


def texts(els):
    return [e.text or "" for e in els if e.tag == SVG + "text"]


def words(s):
    return re.findall(r"\S+", s)


def pdftext(pdf, *args):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, pdf, "-"], capture_output=True,
                          text=True).stdout


def common(page, pdf):
    figs = figures(page)
    tap(len(figs) > 0, "the paper has charts drawn as inline SVG (%d)" % len(figs))
    bad = []
    for svg, fig in figs:
        t, d = svg.find(SVG + "title"), svg.find(SVG + "desc")
        if svg.get("role") != "img" or t is None or not (t.text or "").strip() or d is None or not (d.text or "").strip():
            bad.append((t.text if t is not None else "?")[:60])
        elif "<table" not in fig:
            bad.append("no table: " + t.text[:60])
    tap(not bad, "every SVG is an image with its <title>, its <desc> and its data as a table", bad)
    # readable on a phone: each chart in a focusable region that scrolls sideways, its
    # width in units given to the stylesheet, which never draws it below 1.25 px a unit
    bad = []
    for svg, fig in figs:
        vb = (svg.get("viewBox") or "").split()
        wrap = re.search(r'<div class="chart-wrap" role="region" tabindex="0" aria-label(?:ledby)?="[^"]+">\s*<svg ', fig)
        if not wrap or len(vb) != 4 or svg.get("style") != "--chart-w:%s" % vb[2]:
            bad.append(fig[:120])
    css = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    rules = ("figure.chart svg { min-width: calc(var(--chart-w, 0) * 1.25px); }" in css and
             "figure.chart svg { min-width: calc(var(--chart-w, 0) * 1.5px); }" in css and
             ".chart-wrap { overflow-x: auto;" in css)
    tap(not bad and rules, "every chart scrolls sideways in a focusable region rather than shrink below "
        "1.25 px a unit (1.5 on a phone)", bad or "the stylesheet's rules are missing")
    # every word drawn comes back from the PDF, in the order pdftotext reads it or not
    ptext = pdftext(pdf)
    have = {}
    for w in words(ptext):
        have[w] = have.get(w, 0) + 1
    missing = []
    total = 0
    for svg, fig in figs:
        for el in svg.iter(SVG + "text"):
            for w in words(el.text or ""):
                total += 1
                if w not in have and w.rstrip(".,") not in have and w.replace("\u2026", "") not in ptext:
                    missing.append(w)
    tap(not missing, "pdftotext finds every word of every chart (%d words)" % total, sorted(set(missing))[:40])
    imgs = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True).stdout
    tap(len(imgs.strip().splitlines()) <= 2, "the PDF's charts are vector drawing: it holds no image", imgs)
    return figs


def near(a, b, tol=0.011):
    return abs(float(a) - float(b)) <= tol


def charts(page, pdf, figs):
    # The measure: A4 (595.28 points) less two margins of 22 mm (62.362 points).
    measure = 595.28 - 2 * 22 / 25.4 * 72
    x0 = 150 + 6                          # the task column, then a gap
    W = measure - 66 - 6 - x0             # less the status column and its gap
    month = W / 7                         # June to December: seven equal months
    svg = figs[0][0]
    vb = [float(v) for v in svg.get("viewBox").split()]
    tap(near(vb[2], round(measure)), "the first chart is as wide as the portrait measure (%.2f)" % vb[2])
    gs = bands(svg)
    june = [g for g in gs if any("June task" in t for t in texts(g))]
    rects = [e for e in june[0] if e.tag == SVG + "rect" and e.get("fill") not in (None, "none")] if june else []
    bar = [r for r in rects if r.get("height") == "9"]
    tap(len(bar) == 1 and near(bar[0].get("x"), x0) and near(bar[0].get("width"), month),
        "a task from 1 to 30 June on a June-December axis starts at the origin (%.2f) and is W/7 "
        "(%.2f) wide" % (x0, month), [(r.get("x"), r.get("width")) for r in rects])
    board = [g for g in gs if any(t == "Report to Board" for t in texts(g))]
    poly = [e for e in board[0] if e.tag == SVG + "polygon"] if board else []
    cx = x0 + month * (2 + 15.5 / 31)     # the middle of 16 August
    first = float(poly[0].get("points").split()[0].split(",")[0]) if poly else -1
    tap(len(poly) == 1 and near(first, cx) and "16th" in texts(board[0]),
        "the milestone of 16 August is a diamond centred at %.2f, labelled \"16th\"" % cx, first)
    # the same place in the PDF: the label starts 6 points right of the centre
    bbox = pdftext(pdf, "-bbox")
    m = re.search(r'<word xMin="([0-9.]+)" [^>]*>16th</word>', bbox)
    want = 22 / 25.4 * 72 + cx + 4.5 + 1.5
    tap(m is not None and abs(float(m.group(1)) - want) < 0.05,
        "the PDF draws \"16th\" where the SVG does: x = %.2f" % want, m.group(1) if m else "not found")
    revised = [g for g in gs if any(t == "Revised task" for t in texts(g))]
    outline = [e for e in revised[0] if e.tag == SVG + "rect" and e.get("fill") == "none"] if revised else []
    tap(len(outline) == 1 and near(outline[0].get("width"), 3 * month) and "Rescheduled" in texts(revised[0]),
        "a revised task: the original dates (July-September) as an outline, its status in words")
    over = [g for g in gs if any(t == "Overdue task" for t in texts(g))]
    hatch = [e for e in over[0] if e.tag == SVG + "rect" and "url(#" in (e.get("fill") or "")] if over else []
    tap(len(hatch) == 1 and any(t.startswith("Overdue") for t in texts(over[0])),
        "an overdue task is hatched and says so")
    header = svg.findall(SVG + "g")[0]
    tap(all(mo in texts(list(header)) for mo in ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "2010"]),
        "the axis names each month and the year")
    asat = [e for g in gs for e in g if e.tag == SVG + "line" and near(e.get("x1"), x0 + 7 * month)]
    tap(len(asat) >= 4, "the as-at line (31 December) crosses every row")
    # the week chart: 1 November to 12 December 2010, six weeks
    wk = figs[1][0]
    wgs = bands(wk)
    header = list(wk.findall(SVG + "g")[0])
    tap(["1", "8", "15", "22", "29", "6"] == [t for t in texts(header) if t.isdigit()] and "November 2010" in texts(header),
        "16 weeks or fewer: a week axis, each week named by its Monday")
    draft = [g for g in wgs if any(t == "Drafting" for t in texts(g))]
    r = [e for e in draft[0] if e.tag == SVG + "rect" and e.get("fill") not in (None, "none")] if draft else []
    tap(len(r) == 1 and near(r[0].get("x"), x0 + W * 7 / 42) and near(r[0].get("width"), W * 19 / 42),
        "8-26 November on a six-week axis: x0 + W x 7/42, W x 19/42 wide", [(e.get("x"), e.get("width")) for e in r])
    tap("Preparation" in [t for g in wgs for t in texts(g)], "a milestone's group is its heading")
    # the long programme asks for a landscape page
    # (the page that holds it: the last, its appendix, wherever pagination puts it)
    npages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True,
                                                              text=True).stdout).group(1))
    pg = next((k for k in range(1, npages + 1) if "A long programme: timetable" in pdftext(pdf, "-f", str(k), "-l", str(k))), 0)
    land = subprocess.run(["pdfinfo", "-f", str(pg), "-l", str(pg), pdf], capture_output=True, text=True).stdout if pg else ""
    sizes = re.findall(r"size:\s+([0-9.]+) x ([0-9.]+)", land)
    tap(bool(sizes) and float(sizes[0][0]) > float(sizes[0][1]) and 'class="chart wide"' in page,
        "a chart of more than 13 months is set on a landscape page", sizes)
    # the risk matrix: S1 (3 x 4) in its cell, the bands in words, the grid as a table
    mx = [s for s, f in figs if "Risk matrix" in (s.find(SVG + "title").text or "")]
    tap(len(mx) == 1, "the risk matrix is a chart")
    if mx:
        t = [x for x in mx[0].iter(SVG + "text")]
        rows = [g for g in mx[0].findall(SVG + "g")]
        # likelihood 3 is the third row band (after the title band): row 5,4,3
        row3 = texts(list(rows[3]))
        cw = (measure - 96) / 5
        s1 = [e for e in rows[3] if e.tag == SVG + "text" and e.text == "S1"]
        tap(len(s1) == 1 and near(s1[0].get("x"), 96 + 3.5 * cw),
            "S1 (likelihood 3, impact 4) is in the fourth column of the third row", row3)
        tap(all(w in [x.text for x in t] for w in ["Low", "Moderate", "High", "Very high"]),
            "each cell's band is written in it")
    tap("12 High: S1" in page and "25 Very high: S3" in page, "the matrix's table lists each cell's score, band and risks")
    tap(page.count("Q1") >= 1 and "S1, Q" not in page and ": Q" not in page,
        "risks assessed in words are never placed on the matrix")
    # the risks block: the register by net score, then the risks in words, High first
    reg = page[page.find("Risk register by net score"):]
    tap(reg.find(">S3<") < reg.find(">S1<") < reg.find(">S2<"), "the register is sorted by net score (25, 12, 4)")
    q = page[page.find("Risk assessments, High impact before Low"):]
    tap(0 <= q.find("A risk of high impact") < q.find("A risk of low impact"), "risks in words: High before Low")
    # indicators: statuses against target with polarity and tolerance, direction in words
    tap("Missed (within tolerance)" in page and ">Met<" in page and ">Missed<" in page,
        "indicators: met, missed within tolerance (lower is better), missed")
    tap("\u2191 Improving" in page and "N/A" in page and "Information not yet available" in page,
        "direction of travel in arrows and words; an N/A baseline; figures not yet available")
    tap("35 days*" in page and "* A change of contractor" in page, "a target's note is a footnote")


def salford(page, pdf, figs):
    ptext = pdftext(pdf)
    flat = " ".join(ptext.split())
    refs = ["KT1", "KT2/1", "KT2/2", "KT2/3", "KT3", "KT4/1", "KT4/2", "KT4/3", "KT4/4", "KT4/5"] + \
           ["KT%d" % i for i in range(5, 12)]
    miss = [r for r in refs if not re.search(r">%s<" % re.escape(r), page) or r not in flat]
    tap(not miss, "all 17 projects are in both outputs (KT1 ... KT11, KT2/1, KT4/5)", miss)
    tap(all(x in page and x in flat for x in ["BVPI 66a", "BVPI 72", "BVPI 185", "BVPI 73", "BVPI 68", "BVPI 69", "BVPI 66b"]),
        "every indicator of the seed is in both outputs")
    gantts = [s for s, f in figs if (s.find(SVG + "title").text or "").startswith("Gantt chart of")]
    tap(len(gantts) == 19, "a Gantt chart for every project (KT2/1 in three periods by week): %d" % len(gantts))
    days = ["16th", "20th", "6th", "2nd", "31st", "7th", "3rd", "5th", "4th"]
    drawn = [t for s in gantts for t in (x.text for x in s.iter(SVG + "text"))]
    tap(all(d in drawn for d in days), "milestones are labelled with their day, as the seed's charts are")
    for col in ["Issue", "Solution (tasks)", "Service improvement / outcomes", "Lead officer", "Target date",
                "Resource", "Comments / evidence"]:
        pass
    tap(all(c in page for c in ["Solution (tasks)", "Service improvement / outcomes", "Comments / evidence"])
        and "Principal Officer Best Value (100%)" in page and "3 \u00d7 Principal Officers (20%)" in page,
        "the plan tables have the seed's columns, resources as shares of named posts")
    tap("2006/07 target" in page and "96.90%" in page and "95.50%" in page,
        "indicator targets for every year to 2006/07, with the decimals the seed prints")
    tap("Information not yet available" in page and ">N/A<" in page and "25 days*" in page
        and "planned reduction in Salford defined emergency repairs" in page,
        "the seed's N/A baseline, BVPI 73's footnote and the indicator with no information yet")
    # the footnote is printed on the page of the table's last row, never alone
    pages = ptext.split("\f")
    note = [i for i, p in enumerate(pages) if "planned reduction in Salford defined" in p]
    last = [i for i, p in enumerate(pages) if "excluding those owing less than" in p]
    tap(len(note) == 1 and note == last, "BVPI 73's footnote is on the page of the table's last row",
        "footnote on page(s) %s, last row on %s" % ([i + 1 for i in note], [i + 1 for i in last]))
    tap("Review overdue" not in page and "Last reviewed" not in page and "Never" not in page,
        "no review flags: the plan records no reviews")
    ra = page[page.find("Priority One key themes \u2013 risk assessments"):]
    tap("\u00d7" not in ra and "Owner" not in ra and ">RK" not in ra,
        "risk assessments carry no invented scores, owners or refs")
    ok = True
    for grp in re.split(r'<tr class="group"', ra)[1:]:
        impacts = re.findall(r"<td[^>]*>(?:<strong>)?(High|Low)(?:</strong>)?</td>", grp)
        if impacts != sorted(impacts, key=lambda x: x != "High"):
            ok = False
    tap(ok and ra.count("<tr class=\"group\"") == 5, "each Priority One theme's risks: High before Low")
    tap("Risk matrix" not in page, "risks assessed in words are not put on a heat map")


def main():
    kind, page_path, pdf = sys.argv[1:4]
    page = open(page_path, encoding="utf-8").read()
    figs = common(page, pdf)
    if kind == "charts" and figs:
        charts(page, pdf, figs)
    if kind == "salford":
        salford(page, pdf, figs)


main()
