#!/usr/bin/env python3
"""check_pages.py - pages a clerk would table, checked from the PDF as printed.

    check_pages.py [--json] [--margins TOP,BOTTOM] PAPER.pdf [PAPER.html]

Reads every page with `pdftotext -bbox-layout` (poppler) and, for what each text is,
the paper's HTML beside it (its headings, captions, lists and the rows of each
table). Nothing is taken from tabled's layout: the rules are checked on the words
where they were printed.

  fullness  no page but a section's last is less than a third full (a section ends
            at the document's end, at a change of orientation, and before a page
            that starts an appendix); fullness is how far down the text frame the
            page's last line reaches
  heading   no page but the last ends with a heading, or with a heading and a single
            line after it (a heading keeps with two lines of what follows, across a
            change of orientation too)
  caption   no page ends with a table's caption, and a captioned table has rows on
            the page its caption is on
  rows      no table (one with a reference in each row's first cell) leaves fewer
            than two of its rows on a page it breaks from or continues onto, and a
            table of three rows or fewer never breaks
  lists     a list of three items or fewer is on one page
  furniture the running head and footer are never cut: no ellipsis in them, and every
            word of the running head is a word of the paper's title (<title>)

Prints one line per page (fullness and what is on it) and one per problem; exits 1
when there are problems. With --json, a summary object instead. """
import html.parser
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

THIRD = 1 / 3
REF = re.compile(r"^[A-Z]{1,4}[0-9]+([./][0-9]+)*$")


def norm(s):
    s = s.replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def strip_marker(s):
    """Without a leading paragraph number, appendix label or bullet."""
    s = norm(s)
    s = re.sub(r"^(Appendix [A-Z]:? )", "", s)
    s = re.sub(r"^(\d+(\.\d+)*\.? )", "", s)
    s = re.sub(r"^[\u2022\u2013\u25e6\-\*] ", "", s)
    return s


class Paper(html.parser.HTMLParser):
    """Headings, captions, lists and table rows of the paper's HTML, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.captions, self.lists, self.tables = [], [], [], []
        self.stack = []          # open elements we collect text for
        self.list_stack = []     # open lists: [items]
        self.table = None
        self.row = None
        self.cell = None
        self.in_table = 0
        self.in_figure = 0
        self.groups = set()
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption"):
            self.stack.append([tag, ""])
        elif tag in ("ul", "ol") and not self.in_table:
            self.list_stack.append([])
        elif tag == "li" and self.list_stack and not self.in_table:
            self.list_stack[-1].append("")
            self.stack.append(["li", ""])
        elif tag == "figure":
            self.in_figure += 1
        elif tag == "table":
            self.in_table += 1
            if self.in_table == 1:
                self.table = {"caption": None, "rows": [], "figure": self.in_figure > 0}
        elif tag == "tr" and self.in_table == 1:
            self.row = {"group": "group" in (a.get("class") or ""), "key": None, "header": False,
                        "cells": []}
        elif tag in ("th", "td") and self.in_table == 1 and self.row is not None:
            first = self.cell is None and self.row["key"] is None
            if tag == "th" and a.get("scope") == "col":
                self.row["header"] = True
            self.cell = ["", first and tag == "th" and a.get("scope") == "row"]

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.stack and self.stack[-1][0] == tag:
            t, text = self.stack.pop()
            text = norm(text)
            if t.startswith("h"):
                self.headings.append(text)
            elif t in ("caption", "figcaption"):
                self.captions.append(text)
                if t == "caption" and self.table is not None:
                    self.table["caption"] = text
            elif t == "li" and self.list_stack:
                self.list_stack[-1][-1] = text
        elif tag in ("ul", "ol") and self.list_stack and not self.in_table:
            items = self.list_stack.pop()
            if not self.list_stack:     # top-level lists only
                self.lists.append(items)
        elif tag in ("th", "td") and self.in_table == 1 and self.cell is not None:
            text, is_key = self.cell
            if self.row is not None:
                self.row["cells"].append(norm(text))
            if is_key and self.row is not None and self.row["key"] is None:
                self.row["key"] = norm(text)
            self.cell = None
            if self.row is not None and self.row["key"] is None:
                self.row["key"] = ""     # the first cell is not a row header
        elif tag == "tr" and self.in_table == 1 and self.row is not None:
            if self.row["group"]:
                self.groups.add(" ".join(self.row["cells"]))
            if not self.row["header"] and not self.row["group"]:
                cells = self.row["cells"]
                key = self.row["key"]
                if not key and cells and REF.match(cells[0]):
                    key = self.row["key"] = cells[0]     # a reference in an ordinary cell
                self.table["rows"].append(key or "")
                self.table.setdefault("second", {})[self.row["key"] or ""] = cells[1] if len(cells) > 1 else ""
            self.row = None
        elif tag == "figure":
            self.in_figure -= 1
        elif tag == "table":
            if self.in_table == 1 and self.table is not None and not self.table["figure"]:
                self.tables.append(self.table)
                self.table = None
            self.in_table -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        for e in self.stack:
            e[1] += data
        if self.cell is not None:
            self.cell[0] += data


def pdf_pages(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for p in root.iter("{http://www.w3.org/1999/xhtml}page"):
        w, h = float(p.get("width")), float(p.get("height"))
        lines = []
        for ln in p.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [wd.text or "" for wd in ln.findall("x:word", ns)]
            lines.append({"x": float(ln.get("xMin")), "y0": float(ln.get("yMin")),
                          "y1": float(ln.get("yMax")), "text": norm(" ".join(words)),
                          "first": words[0] if words else ""})
        pages.append({"w": w, "h": h, "lines": lines})
    return pages


def main(argv):
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    top = bottom = 62.36
    if "--margins" in argv:
        i = argv.index("--margins")
        top, bottom = (float(v) for v in argv[i + 1].split(","))
        del argv[i:i + 2]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    pdf = argv[0]
    html_path = argv[1] if len(argv) > 1 else re.sub(r"\.pdf$", ".html", pdf)
    paper = Paper()
    with open(html_path, encoding="utf-8") as f:
        paper.feed(f.read())
    pages = pdf_pages(pdf)
    n = len(pages)
    heads = [strip_marker(h) for h in paper.headings if strip_marker(h)]
    caps = [norm(c) for c in paper.captions if norm(c)]
    items = set(strip_marker(i) for l in paper.lists for i in l)

    # each page's content lines, top to bottom (running head and footer left out)
    for p in pages:
        lo, hi = top - 3, p["h"] - bottom + 3
        p["content"] = sorted((l for l in p["lines"] if l["y0"] >= lo and l["y1"] <= hi),
                              key=lambda l: (round(l["y0"], 1), l["x"]))
        frame = p["h"] - bottom - top
        p["full"] = (max((l["y1"] for l in p["content"]), default=top) - top) / frame
        p["landscape"] = p["w"] > p["h"]

    def starts_appendix(p):
        c = p["content"]
        return bool(c) and re.match(r"^Appendix\b", c[0]["text"]) is not None

    for i, p in enumerate(pages):
        p["last"] = (i == n - 1 or pages[i + 1]["landscape"] != p["landscape"]
                     or starts_appendix(pages[i + 1]))

    def is_heading(text):
        if re.match(r"^[\u2022\u2013\u25e6*-] ", norm(text)):
            return False    # a list item, even one that repeats a heading's words
        t = strip_marker(text)
        if len(t) < 3 or t in items:
            return False    # (a list item, its bullet not in the text layer)
        for h in heads:
            if t == h or (len(t) >= 12 and t in h):
                return True
        return False

    def is_caption(text):
        t = norm(text)
        t = re.sub(r" \(continued\)$", "", t)
        return any(t == c or (len(t) >= 12 and t in c) for c in caps)

    problems = []
    # visual rows: lines at the same height (table cells) count as one line
    for i, p in enumerate(pages):
        rows = []
        for l in p["content"]:
            if rows and abs(rows[-1][0]["y0"] - l["y0"]) < 2:
                rows[-1].append(l)
            else:
                rows.append([l])
        p["vrows"] = rows
        if not p["last"] and p["full"] < THIRD:
            problems.append(("fullness", i + 1, "%.0f%% full" % (100 * p["full"])))
        # a heading or caption ends no page but the document's last: not even before a
        # change of orientation (it goes with what it heads)
        # (a heading stands alone at the left of the text: a line of a table cell that
        # repeats a heading's words, further right, is not one)
        left = min((l["x"] for l in p["content"]), default=0)
        def heading_row(row):
            return len(row) == 1 and row[0]["x"] <= left + 3 and is_heading(row[0]["text"])
        if rows and i < n - 1:
            last = " ".join(l["text"] for l in rows[-1])
            if heading_row(rows[-1]):
                problems.append(("heading", i + 1, "ends with the heading '%s'" % last[:60]))
            elif not p["last"] and len(rows) >= 2 \
                    and heading_row(rows[-2]) and len(rows[-1]) == 1:
                # (on a section's last page the line may be all the heading has)
                problems.append(("heading", i + 1, "a heading with one line after it at the foot"))
            if is_caption(last):
                problems.append(("caption", i + 1, "ends with the caption '%s'" % last[:60]))

    # Table rows by their references (the first cell, a row header). The pages are read
    # in order; a reference belongs to the table whose caption (or "(continued)"
    # caption) came last, or else to the one table that has it.
    tabs = []
    for t in paper.tables:
        keys = [k for k in t["rows"] if k]
        if len(keys) != len(t["rows"]) or len(set(keys)) != len(keys) or paper.groups & set(keys):
            continue    # rows not identified by a reference of their own
        tabs.append({"t": t, "keys": set(keys), "n": len(keys), "second": t.get("second", {}),
                     "cap": norm(t["caption"] or ""), "per_page": {}, "seen": set(),
                     "cap_pages": []})

    def key_of(tb, text):
        t = text[:-len(" (cont.)")] if text.endswith(" (cont.)") else text
        keys, second = tb["keys"], tb["second"]
        if t in keys:
            return t
        k = t.split(" ")[0]     # the reference and the start of the next cell, on one line
        if k in keys and second.get(k) and second[k].startswith(t[len(k) + 1:]):
            return k
        if len(t) >= 3:         # a reference wrapped over two lines: its first
            pre = [k for k in keys if k.startswith(t + " ")]
            if len(pre) == 1:
                return pre[0]
        return None

    current = None
    for i, p in enumerate(pages):
        lines = p["content"]
        hits = []
        for l in lines:
            text = norm(l["text"])
            base = text[:-len(" (continued)")] if text.endswith(" (continued)") else text
            capped = [tb for tb in tabs if tb["cap"] and tb["cap"] == base]
            if capped:
                if text.endswith(" (continued)") and current in capped:
                    pass
                else:   # the first of them not yet begun
                    fresh = [tb for tb in capped if not tb["seen"] and not tb["cap_pages"]]
                    current = fresh[0] if fresh else capped[-1]
                    current["cap_pages"].append(i)
                continue
            # (a captioned table's rows come after its caption: a reference met before
            # it, in a summary or a chart's labels, is not one of its rows)
            cands = [tb for tb in ([current] if current else []) + tabs
                     if key_of(tb, text) and (tb["cap_pages"] or not tb["cap"])]
            if not cands:
                continue
            tb = cands[0] if current in cands else (cands[0] if len(cands) == 1 else None)
            if tb is not None:
                hits.append((l, tb, key_of(tb, text)))
        # the references of a table stand in one column, its first, at the left of the
        # page's text (a reference cited in a later column is not a row)
        left = min((l["x"] for l in lines), default=0)
        hits = [h for h in hits if h[0]["x"] <= left + 12]
        for tb in {id(h[1]): h[1] for h in hits}.values():
            mine = [h for h in hits if h[1] is tb]
            x0 = min(h[0]["x"] for h in mine)
            for l, _, k in mine:
                if abs(l["x"] - x0) <= 3 and (k, i) not in tb["seen"]:
                    tb["seen"].add((k, i))
                    tb["per_page"][i] = tb["per_page"].get(i, 0) + 1

    row_pages = []
    for tb in tabs:
        per_page, name = tb["per_page"], (tb["t"]["caption"] or sorted(tb["keys"])[0])[:40]
        pgs = sorted(per_page)
        if pgs:
            row_pages.append((name, tb["n"], {i + 1: per_page[i] for i in pgs}))
        # A table that starts a page (its caption first) and fills it is taller than a
        # page: it must break, and rows a page holds only two of leave one over.
        first = pgs[0] if pgs else None
        forced = (first is not None and first in tb["cap_pages"] and pages[first]["content"]
                  and norm(pages[first]["content"][0]["text"]) == tb["cap"]
                  and pages[first]["full"] >= 0.85)
        if len(pgs) > 1 and not forced:
            if tb["n"] <= 3:
                problems.append(("rows", pgs[0] + 1, "table '%s' of %d rows breaks" % (name, tb["n"])))
            for j, i in enumerate(pgs):
                if per_page[i] < 2 and (j == 0 or j == len(pgs) - 1):
                    problems.append(("rows", i + 1, "table '%s': %d row on the page it %s"
                                     % (name, per_page[i], "breaks from" if j == 0 else "continues onto")))
        for i in tb["cap_pages"]:
            if i not in per_page:
                problems.append(("caption", i + 1, "caption '%s' without a row under it" % name))

    # the running head and footer, whole
    title_words = set(norm(paper.title).split())
    for i, p in enumerate(pages):
        lo, hi = top - 3, p["h"] - bottom + 3
        head = [l for l in p["lines"] if l["y1"] < lo]
        foot = [l for l in p["lines"] if l["y0"] > hi]
        for l in head + foot:
            if "\u2026" in l["text"]:
                problems.append(("furniture", i + 1, "cut: '%s'" % l["text"][:60]))
        if i > 0 and head and title_words:
            left = [w for l in head if l["x"] < p["w"] / 3 for w in l["text"].split()]
            stray = [w for w in left if w not in title_words]
            if stray:
                problems.append(("furniture", i + 1, "running head words not in the title: %s"
                                 % " ".join(stray[:5])))

    # lists of three items or fewer on one page
    for items in paper.lists:
        if not 2 <= len(items) <= 3:
            continue
        where = []
        for it in items:
            key = strip_marker(it)[:30]
            if len(key) < 8:
                where = []
                break
            found = [i for i, p in enumerate(pages)
                     if any(strip_marker(l["text"]).startswith(key) for l in p["content"])]
            if len(found) != 1:
                where = []
                break
            where.append(found[0])
        if where and len(set(where)) > 1:
            problems.append(("lists", where[0] + 1, "a list of %d items split over pages %s"
                             % (len(items), sorted(set(i + 1 for i in where)))))

    fullness = [p["full"] for p in pages if not p["last"]]
    summary = {
        "pages": n,
        "landscape": sum(p["landscape"] for p in pages),
        "min_fullness": round(min(fullness), 3) if fullness else None,
        "below_third": sum(f < THIRD for f in fullness),
        "problems": [{"rule": r, "page": pg, "what": w} for r, pg, w in problems],
    }
    if as_json:
        print(json.dumps(summary))
    else:
        for i, p in enumerate(pages):
            print("page %d%s: %3.0f%% full%s" % (i + 1, " (landscape)" if p["landscape"] else "",
                                                   100 * p["full"], ", a section's last" if p["last"] else ""))
        for cap, nrows, pp in row_pages:
            if len(pp) > 1:
                print("table '%s' (%d rows): rows by page %s" % (cap[:40], nrows, pp))
        for r, pg, w in problems:
            print("problem: page %d: %s: %s" % (pg, r, w))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
