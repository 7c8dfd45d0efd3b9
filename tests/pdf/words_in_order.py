#!/usr/bin/env python3
"""words_in_order.py PAPER.html PAPER.pdf - every word of the paper's body, tables and
appendices (as the HTML shows them) comes back from the PDF with pdftotext, in the same
order. Running heads, footers and repeated table headers may come in between; past a
row continued onto the next page ("(cont.)"), every word is checked, not its order.
Prints the first missing word and its context; exits 1 if any is missing."""
import html.parser
import re
import subprocess
import sys


class Body(html.parser.HTMLParser):
    """Text of <main> and the appendix <section>s, in document order; not a chart's text
    alternative (the SVG's <title> and <desc>) nor the data table the web page offers
    under it (<details>): the PDF prints the chart itself."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "main" or (tag == "section" and self.depth == 0 and
                             any(k == "aria-labelledby" for k, _ in attrs)):
            self.depth += 1
        elif self.depth:
            if tag in ("style", "script", "title", "desc", "details"):
                self.skip += 1
            self.depth += 0
        if tag in ("main", "section") and self.depth:
            pass

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title", "desc", "details") and self.skip:
            self.skip -= 1
        if tag == "main" and self.depth:
            self.depth -= 1
        elif tag == "section" and self.depth == 1:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def words(text):
    return re.findall(r"[A-Za-z0-9£éÉ’'\u2013]+", text)


def main():
    page, pdf = sys.argv[1], sys.argv[2]
    b = Body()
    b.feed(open(page, encoding="utf-8").read())
    want = [w for w in words(" ".join(b.parts)) if len(w) > 1]
    got = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    # Lines broken inside a long word (URLs) are joined back.
    have = words(got.replace("-\n", "-"))
    # A row split at a page's foot prints its other cells with its first part and its
    # long cell's rest, marked "(cont.)", on the next page: those cells' words come back
    # before the rest, so a PDF with continued rows is checked for every word, as many
    # times as the HTML has it, and in order up to its first continued row.
    cont = len(words(got[:got.index("(cont.)")].replace("-\n", "-"))) if "(cont.)" in got else None
    if cont is not None:
        from collections import Counter
        need, found = Counter(want), Counter(have)
        short = [w for w in need if found[w] < need[w]]
        if short:
            print(f"missing: {short[:10]} ({len(short)} words fewer times than in the HTML)")
            return 1
    i = 0
    for n, w in enumerate(want):
        j = i
        while j < len(have) and have[j] != w:
            j += 1
        if j == len(have) and cont is not None and i >= cont - 400:
            # (the first continued row's page: its first part is within a page's words)
            print(f"{n} words in order up to the first continued row, every word present")
            return 0
        if j == len(have):
            ctx = " ".join(want[max(0, n - 6):n + 6])
            print(f"missing or out of order: {w!r} (word {n + 1} of {len(want)}) near: {ctx}")
            return 1
        i = j + 1
    print(f"{len(want)} words in order")
    return 0


sys.exit(main())
