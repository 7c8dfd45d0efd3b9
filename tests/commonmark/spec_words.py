#!/usr/bin/env python3
"""spec_words.py SPEC.json OUTDIR PAPERDIR - the CommonMark spec examples as tabled
papers, and how much of them the PDFs say.

  make   SPEC.json PAPERDIR: writes PAPERDIR/ex-NNN.md, one paper per example (the
         example's Markdown after a front block), and PAPERDIR/plan.yaml.
  score  SPEC.json OUTDIR PLAN: for each example, the words of the expected HTML's text
         and how many of them pdftotext finds in OUTDIR/PLAN/ex-NNN.pdf (a multiset
         match). The share counts the examples tabled built, less those whose expected
         output is raw HTML (left out of papers by design); it exits 1 below 95% or
         when more than MAX_REFUSED examples were refused. The share over every
         example is printed too.
"""
import html
import json
import os
import re
import subprocess
import sys
from collections import Counter

THRESHOLD = 95.0

FRONT = """---
variant: exception
as-at: 2010/11 Q3
committee: Audit Committee
meeting: 2011-01-26
subject: CommonMark spec example {n}
lead-officer: L
report-author: A
summary: S
recommendation: R
numbering: none
---

"""


def examples(spec):
    with open(spec, encoding="utf-8") as f:
        tests = json.load(f)
    for t in tests:
        SECTIONS[t["number"]] = t["section"]
        yield t["number"], t["markdown"].replace("\u2192", "\t"), t["html"].replace("\u2192", "\t")


BLOCK_TAGS = re.compile(r"</?(p|li|ul|ol|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|hr|br|div)\b[^>]*>")


def words_of_html(h):
    """The words a reader sees: block tags end a word, inline tags do not (foo<em>bar</em>
    reads "foobar"), image alt text is kept, entities are decoded."""
    h = re.sub(r'<img [^>]*alt="([^"]*)"[^>]*>', r"\1", h)
    h = BLOCK_TAGS.sub(" ", h)
    h = re.sub(r"<[^>]+>", "", h)
    return html.unescape(h).split()


def make(spec, paperdir):
    os.makedirs(paperdir, exist_ok=True)
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plans",
                       "copeland-shap", "plan.yaml")
    with open(src, encoding="utf-8") as f, open(os.path.join(paperdir, "plan.yaml"), "w", encoding="utf-8") as g:
        g.write(f.read())
    for n, md, _ in examples(spec):
        with open(os.path.join(paperdir, "ex-%03d.md" % n), "w", encoding="utf-8") as f:
            f.write(FRONT.format(n=n) + md)


# Raw HTML is left out of a paper by design (it would be active content), so the words
# of examples whose expected output is raw HTML passed through are not meant to print.
RAW_HTML_SECTIONS = ("HTML blocks", "Raw HTML")
# Examples tabled may refuse with a positioned error: images whose files are not there
# (the spec points at /url, train.jpg ...). More than this many means a regression.
MAX_REFUSED = 30


def score(spec, outdir, plan):
    total = found = refused = 0
    all_total = all_found = 0
    worst = []
    count = 0
    for n, _, h in examples(spec):
        count += 1
        section = SECTIONS.get(n, "")
        want = Counter(words_of_html(h))
        pdf = os.path.join(outdir, plan, "ex-%03d.pdf" % n)
        if not os.path.exists(pdf):
            refused += 1
            all_total += sum(want.values())
            continue
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                              text=True).stdout
        got = Counter(text.split())
        k = sum(min(c, got[w]) for w, c in want.items())
        all_total += sum(want.values())
        all_found += k
        if section in RAW_HTML_SECTIONS:
            continue
        total += sum(want.values())
        found += k
        if sum(want.values()) - k > 0:
            worst.append((sum(want.values()) - k, n))
    share = 100.0 * found / total if total else 0.0
    worst.sort(reverse=True)
    print("# %d examples; %d refused with an error (at most %d allowed)" % (count, refused, MAX_REFUSED))
    print("# every example, raw HTML and refused ones included: %d of %d words (%.1f%%)"
          % (all_found, all_total, 100.0 * all_found / all_total if all_total else 0))
    print("# most words missing: " + ", ".join("example %d (%d)" % (e, m) for m, e in worst[:8]))
    print("# built examples, raw HTML left out: %d of %d words of the expected HTML found in the PDFs: %.1f%%"
          % (found, total, share))
    return share, refused


SECTIONS = {}


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        share, refused = score(sys.argv[2], sys.argv[3], sys.argv[4])
        sys.exit(0 if share >= THRESHOLD and refused <= MAX_REFUSED else 1)
