#!/usr/bin/python3
"""ua_break.py GOOD.pdf... DIR - negative controls for the tagged-PDF checks: copies of a
good tagged PDF each broken in one way that PDF/UA-1 forbids (the first of the GOOD
PDFs that has what the control breaks), written to DIR, and a
list on stdout of "file condition" (the condition ua_check.py must report for it; the
condition "order" is for reading_order.py). A checker that passes any of them checks
nothing there. Between them the GOOD PDFs must have a Figure, a Link, a TH, bookmarks
(tests/pdf/tagged.md) and a table with a header over two pages (a generated paper).
Exits 1 when a control cannot be made."""
import os
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name


def elements(pdf):
    """Every structure element, in tree order."""
    out = []

    def walk(el):
        out.append(el)
        k = el.get("/K")
        for kid in (k if isinstance(k, Array) else [k] if k is not None else []):
            if isinstance(kid, Dictionary) and "/S" in kid:
                walk(kid)

    k = pdf.Root.StructTreeRoot.K
    for el in (k if isinstance(k, Array) else [k]):
        walk(el)
    return out


def first(pdf, typ):
    return next(e for e in elements(pdf) if e.S == Name(typ))


def first_font(pdf):
    for page in pdf.pages:
        for _, f in page.Resources.Font.items():
            return f
    raise LookupError("no font")


def link_annot(pdf):
    for page in pdf.pages:
        for a in page.obj.get("/Annots", []):
            if a.Subtype == Name.Link:
                return page, a
    raise LookupError("no link annotation")


def add_content(pdf, data):
    page = pdf.pages[0]
    page.contents_add(pikepdf.Stream(pdf, data), prepend=False)


def breakers():
    def no_tree(pdf):
        del pdf.Root["/StructTreeRoot"]

    def no_markinfo(pdf):
        pdf.Root.MarkInfo.Marked = False

    def no_lang(pdf):
        del pdf.Root["/Lang"]

    def no_display_title(pdf):
        pdf.Root.ViewerPreferences.DisplayDocTitle = False

    def no_xmp_ua(pdf):
        md = pdf.Root.Metadata
        md.write(md.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b""))

    def no_title(pdf):
        del pdf.docinfo["/Title"]

    def th_no_scope(pdf):
        del first(pdf, "/TH")["/A"]

    def figure_no_alt(pdf):
        del first(pdf, "/Figure")["/Alt"]

    def heading_skips(pdf):
        first(pdf, "/H3").S = Name.H5

    def first_heading_h2(pdf):
        first(pdf, "/H1").S = Name.P

    def td_outside_tr(pdf):
        first(pdf, "/TR").S = Name.Div

    def not_standard(pdf):
        first(pdf, "/P").S = Name("/Paragraph")

    def untagged_text(pdf):
        f = next(iter(pdf.pages[0].Resources.Font.keys()))
        add_content(pdf, f"BT {f} 9 Tf 72 72 Td <0041> Tj ET".encode())

    def untagged_path(pdf):
        add_content(pdf, b"0 0 1 RG 10 10 m 20 20 l S")

    def artifact_in_tagged(pdf):
        add_content(pdf, b"/P <</MCID 9999>> BDC /Artifact BMC 0 0 5 5 re f EMC EMC")

    def mcid_unresolved(pdf):
        pt = pdf.Root.StructTreeRoot.ParentTree.Nums
        for i in range(0, len(pt), 2):
            arr = pt[i + 1]
            if isinstance(arr, Array) and len(arr) > 1:
                arr[0], arr[1] = arr[1], arr[0]
                return
        raise LookupError("no page array")

    def mcid_twice(pdf):
        page = pdf.pages[0]
        data = page.Contents.read_bytes() if not isinstance(page.Contents, Array) else page.Contents[0].read_bytes()
        data = data.replace(b"<</MCID 1>>", b"<</MCID 0>>", 1)
        s = pikepdf.Stream(pdf, data)
        if isinstance(page.Contents, Array):
            page.Contents[0] = s
        else:
            page.Contents = s

    def no_tounicode(pdf):
        del first_font(pdf)["/ToUnicode"]

    def tounicode_gap(pdf):
        # the ToUnicode CMap loses every range but its first: codes drawn lose their text
        f = first_font(pdf)
        data = f.ToUnicode.read_bytes().decode("latin-1")
        head, _, rest = data.partition("beginbfrange\n")
        ranges, _, tail = rest.partition("endbfrange")
        one = ranges.split("\n")[0]
        f.ToUnicode.write(f"{head}1 beginbfrange\n{one}\nendbfrange{tail}".encode("latin-1"))

    def notdef(pdf):
        # the glyph map sends the letter e to glyph 0 (.notdef)
        m = first_font(pdf).DescendantFonts[0].CIDToGIDMap
        raw = bytearray(m.read_bytes())
        raw[2 * ord("e")] = raw[2 * ord("e") + 1] = 0
        m.write(bytes(raw))

    def not_embedded(pdf):
        f = first_font(pdf)
        del f.DescendantFonts[0].FontDescriptor["/FontFile2"]

    def annot_untagged(pdf):
        _, a = link_annot(pdf)
        del a["/StructParent"]

    def link_no_contents(pdf):
        _, a = link_annot(pdf)
        del a["/Contents"]

    def no_tabs(pdf):
        page, _ = link_annot(pdf)
        del page.obj["/Tabs"]

    def wrong_parent(pdf):
        td = first(pdf, "/TD")
        td.P = pdf.Root.StructTreeRoot

    def no_outline(pdf):
        del pdf.Root["/Outlines"]

    def bookmark_renamed(pdf):
        pdf.Root.Outlines.First.Title = pikepdf.String("Something else")

    def bookmark_wrong_page(pdf):
        item = pdf.Root.Outlines.First
        dest = item.get("/Dest")
        if dest is None:
            dest = item.A.D
        last = pdf.pages[-1].obj
        dest[0] = last if dest[0].objgen != last.objgen else pdf.pages[0].obj

    def thead_repeated(pdf):
        # a body row on a later page moved into the table's THead: what the tree would
        # say if a header row repeated on that page were tagged again
        def kids(e):
            k = e.get("/K")
            return list(k) if isinstance(k, Array) else [k] if k is not None else []

        def pages_of(e, out):
            for kid in kids(e):
                if isinstance(kid, int) and "/Pg" in e:
                    out.add(e.Pg.objgen)
                elif isinstance(kid, Dictionary) and "/S" in kid:
                    pages_of(kid, out)
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    out.add(kid.get("/Pg", e.get("/Pg")).objgen)
            return out

        for table in elements(pdf):
            if table.S != Name.Table:
                continue
            heads = [k for k in kids(table) if isinstance(k, Dictionary) and k.get("/S") == Name.THead]
            if not heads:
                continue
            head, on = heads[0], pages_of(heads[0], set())
            for body in kids(table):
                if not (isinstance(body, Dictionary) and body.get("/S") == Name.TBody):
                    continue
                for row in kids(body):
                    if isinstance(row, Dictionary) and pages_of(row, set()) - on:
                        rest = [k for k in kids(body) if not (isinstance(k, Dictionary) and k.objgen == row.objgen)]
                        body.K = Array(rest)
                        head.K = Array(kids(head) + [row])
                        row.P = head
                        return
        raise LookupError("no table whose rows go over two pages")

    def order_swapped(pdf):
        # two paragraphs of the body swap places in the tree (not on the page)
        for el in elements(pdf):
            k = el.get("/K")
            if isinstance(k, Array):
                ps = [i for i, kid in enumerate(k) if isinstance(kid, Dictionary) and kid.get("/S") == Name.P]
                if len(ps) >= 2:
                    i, j = ps[0], ps[1]
                    k[i], k[j] = k[j], k[i]
                    return
        raise LookupError("no two paragraphs")

    return [
        ("no-tree", no_tree, "tree"), ("no-markinfo", no_markinfo, "catalog"),
        ("no-lang", no_lang, "catalog"), ("no-display-title", no_display_title, "catalog"),
        ("no-xmp-ua", no_xmp_ua, "xmp"), ("no-title", no_title, "title"),
        ("th-no-scope", th_no_scope, "th-scope"), ("figure-no-alt", figure_no_alt, "figure-alt"),
        ("heading-skips", heading_skips, "headings"), ("no-h1", first_heading_h2, "headings"),
        ("td-outside-tr", td_outside_tr, "nesting"), ("not-standard", not_standard, "tree"),
        ("untagged-text", untagged_text, "content"), ("untagged-path", untagged_path, "content"),
        ("artifact-in-tagged", artifact_in_tagged, "content"),
        ("mcid-unresolved", mcid_unresolved, "mcid"), ("mcid-twice", mcid_twice, "mcid"),
        ("no-tounicode", no_tounicode, "fonts"), ("tounicode-gap", tounicode_gap, "fonts"),
        ("notdef", notdef, "fonts"), ("not-embedded", not_embedded, "fonts"),
        ("annot-untagged", annot_untagged, "annots"), ("link-no-contents", link_no_contents, "annots"),
        ("no-tabs", no_tabs, "annots"), ("wrong-parent", wrong_parent, "tree"),
        ("no-outline", no_outline, "outline"), ("bookmark-renamed", bookmark_renamed, "outline"),
        ("bookmark-wrong-page", bookmark_wrong_page, "outline"),
        ("thead-repeated", thead_repeated, "thead"),
        ("order-swapped", order_swapped, "order"),
    ]


def main(argv):
    if len(argv) < 3:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    goods, out = argv[1:-1], argv[-1]
    os.makedirs(out, exist_ok=True)
    rc = 0
    for name, fn, cond in breakers():
        why = None
        for good in goods:
            with pikepdf.open(good) as pdf:
                try:
                    fn(pdf)
                except LookupError as e:
                    why = e     # this PDF lacks what the control breaks: the next
                    continue
                path = os.path.join(out, name + ".pdf")
                pdf.save(path)
                print(path, cond)
                break
        else:
            # no PDF has it: the run fails, the other controls are still made
            print(f"ua_break.py: {name}: {why}", file=sys.stderr)
            rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
