#!/usr/bin/python3
"""reading_order.py PDF... - a screen reader following the structure hears the same words
in the same order as pdftotext extracts from the page (domain.md section 11), checked
with three readers that share no code:

  poppler   pdftotext -raw (the content stream's order), and pdfinfo -struct-text (the
            structure tree walked, each element's text)
  pdf.js    page.getTextContent with marked content (which text is which MCID, which
            is an artifact) and page.getStructTree (struct_text.mjs, pdfjs-dist)
  pikepdf   the structure tree walked from the root, MCID by MCID (ua_check.py)

For each PDF, with S(x) the text of x with every space removed:
  1. on every page pdf.js and pdftotext see the same text in the same order;
  2. leaving the artifacts out (running heads, footers, repeated header rows, the
     exempt marking: pdf.js says which), the content in pdftotext's order is the
     structure's content in tree order, as pikepdf walks it, as pdf.js walks each
     page's tree and as poppler prints it: four equal strings;
  3. word for word, pdftotext's words (artifacts left out) are poppler's structure
     text's words: every word break a reader of the tree needs is in the file.
Prints one line per PDF and exits 1 when any differs, showing where."""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ua_check import Check  # noqa: E402


def squeeze(s):
    return re.sub(r"\s+", "", s)


def where(a, b, label_a, label_b):
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (f"{label_a} and {label_b} differ at character {i}: "
            f"...{a[max(0, i - 40):i]}[{a[i:i + 30]}] vs ...{b[max(0, i - 40):i]}[{b[i:i + 30]}]")


def struct_strings(out):
    """pdfinfo -struct-text's text strings in order, each with the line number of its
    nearest block element (an element poppler does not call inline, such as a Link)."""
    res, stack = [], []     # stack: (indent, line number, inline)
    for no, line in enumerate(out.split("\n")):
        body = line.lstrip(" ")
        if not body:
            continue
        indent = len(line) - len(body)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        m = re.fullmatch(r'"(.*)"\s*', body)
        if m:
            block = next((ln for ind, ln, inl in reversed(stack) if not inl), -1)
            res.append((m.group(1), block))
        elif not body.startswith("/") and not body.startswith("Object "):
            stack.append((indent, no, "(inline)" in body))
    return res


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, check=True, **kw)


def check(path, js):
    raw = run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"]).stdout.decode("utf-8")
    ptext = raw.split("\f")
    pages = js["pages"]

    # 1. pdf.js and pdftotext agree, page by page; pdftotext's text without artifacts
    content_pdftotext = []
    for pi, pg in enumerate(pages):
        mine = squeeze("".join(it["s"] for it in pg["items"]))
        theirs = ptext[pi] if pi < len(ptext) else ""
        if mine != squeeze(theirs):
            return f"page {pi + 1}: " + where(squeeze(theirs), mine, "pdftotext", "pdf.js")
        # label each non-space character of pdftotext's page with pdf.js's artifact flag
        flags = [it["a"] for it in pg["items"] for ch in it["s"] if not ch.isspace()]
        kept, k = [], 0
        for ch in theirs:
            if ch.isspace():
                kept.append(ch)
            else:
                if not flags[k]:
                    kept.append(ch)
                k += 1
        content_pdftotext.append("".join(kept))
    t_text = "\n".join(content_pdftotext)
    T = squeeze(t_text)

    # 2. the structure's order, three ways
    c = Check(path)
    c.run()
    if c.fail:
        return "the structure checker fails: " + "; ".join(f"{k}: {m}" for k, m in c.fail)
    by_mcid = {}
    for pi, pg in enumerate(pages):
        for it in pg["items"]:
            if it["m"] is not None and not it["a"]:
                by_mcid.setdefault((pi, it["m"]), []).append(it["s"])
    S_pike = squeeze("".join("".join(by_mcid.get(tuple(k), [])) for k in c.order))
    S_js = squeeze("".join("".join(by_mcid.get((pi, m), [])) for pi, pg in enumerate(pages)
                           for m in pg["tree"]))
    st = run(["pdfinfo", "-struct-text", path]).stdout.decode("utf-8")
    strings = struct_strings(st)
    S_pop = squeeze("".join(s for s, _ in strings))
    for label, s in (("the structure (pikepdf)", S_pike), ("the structure (pdf.js)", S_js),
                     ("the structure (poppler)", S_pop)):
        if s != T:
            return where(T, s, "pdftotext without artifacts", label)

    # 3. word for word
    w_text = t_text.split()
    # the strings of one block element run on; different blocks are different words
    joined, last = [], None
    for text, block in strings:
        if last is not None and block != last:
            joined.append(" ")
        joined.append(text)
        last = block
    w_struct = "".join(joined).split()
    if w_text != w_struct:
        i = 0
        while i < min(len(w_text), len(w_struct)) and w_text[i] == w_struct[i]:
            i += 1
        return (f"word {i + 1}: pdftotext has {' '.join(w_text[max(0, i - 5):i + 3])!r}, the "
                f"structure text {' '.join(w_struct[max(0, i - 5):i + 3])!r}")
    roles = sorted({r for pg in pages for r in pg["roles"]})
    return (None, f"{len(w_text)} words, {len(c.order)} marked-content items in the same order "
                  f"(pdftotext, pdf.js, poppler, pikepdf); pdf.js roles: {' '.join(roles)}")


def main(argv):
    paths = argv[1:]
    try:
        seen = json.loads(run(["node", os.path.join(HERE, "struct_text.mjs")] + paths).stdout)
    except subprocess.CalledProcessError as e:
        print(f"struct_text.mjs (pdf.js) failed: {e.stderr.decode('utf-8', 'replace')[:300]}")
        return 1
    rc = 0
    for path in paths:
        try:
            r = check(path, seen[path])
        except subprocess.CalledProcessError as e:
            r = f"{e.cmd[0]} failed: {e.stderr.decode('utf-8', 'replace')[:300]}"
        if isinstance(r, tuple):
            print(f"{path}: ok: {r[1]}")
        else:
            print(f"{path}: FAIL {r}")
            rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
