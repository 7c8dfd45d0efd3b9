#!/usr/bin/python3
"""ua_check.py [--order FILE] PDF... - the machine-checkable conditions of PDF/UA-1
(ISO 14289-1) that apply to tabled's PDFs, checked with pikepdf (Debian's
python3-pikepdf, on libqpdf). veraPDF cannot be installed here; this checks what it
would for our kind of file, each condition named after the clause it comes from:

  catalog    PDF 1.7 declared; /MarkInfo /Marked true and not /Suspects; /Lang a
             language tag; /ViewerPreferences /DisplayDocTitle true (7.1)
  title      the Info /Title and the XMP dc:title present and equal (7.1)
  xmp        a /Metadata XMP stream with pdfuaid:part 1 (5)
  tree       a StructTreeRoot with a ParentTree; every element of a standard type
             (or role-mapped to one), its /P its real parent, and its kids MCIDs,
             marked-content references, object references or elements (7.1)
  nesting    Table/THead/TBody/TR/TH/TD and L/LI/Lbl/LBody where ISO 32000-1 puts
             them (7.2)
  th-scope   every TH has a /Scope (Row, Column or Both) (7.5)
  figure-alt every Figure has a non-empty /Alt or /ActualText (7.3)
  headings   the first heading is H1 and no heading is more than one level deeper
             than the one before (7.4.2); not H and Hn together (7.4.4)
  content    every painting operator (text, path painting, images, shadings) is in
             real content (a marked-content sequence with an MCID) or an artifact,
             never both nested in each other; sequences balanced per page (7.1)
  mcid       MCIDs unique on each page; each resolves through the ParentTree (the
             page's /StructParents array) to the element that holds it, and each
             MCID the tree names is on its page (7.1, ISO 32000-1 14.7.4.4)
  annots     every annotation has a /StructParent resolving to the element that holds
             it by an OBJR; link annotations inside a Link element and with
             /Contents; /Tabs /S on every page with annotations (7.18)
  thead      a table's header rows are content once: a THead's marked content is on
             one page, its repeats on later pages artifacts (7.5, 7.8: content that
             repeats for layout is not content again)
  outline    bookmarks for the headings (ISO 14289-1 7.4 notes, domain.md section 11):
             every heading but a document's title (its first H1) has one, in tree
             order, with the heading's words (letters and digits compared), pointing
             at the page where the heading's content is, nested as the headings are
             (a bookmark's depth is its heading's level less the first's); no
             bookmark names no heading, but in a pack (several Parts) a top-level
             bookmark of the agenda or an item, the headings beneath it one deeper
  fonts      every font embedded (FontFile/2/3), a ToUnicode CMap mapping every code
             drawn to text (not U+0000, U+FEFF or U+FFFE, 7.21.7), no code drawn
             with glyph 0 (.notdef); a CIDFontType2 has a CIDToGIDMap; a composite
             font's CMap is Identity-H/V or embedded (7.21)

Prints one line per PDF ("ok: ..." or the failures, each "condition: detail") and
exits 1 when any PDF fails. --order FILE writes, for the last PDF, the structure's
content in reading order as JSON: [[page index, mcid], ...] (used by
reading_order.py)."""
import json
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
    "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L",
    "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span",
    "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT",
    "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"}
# where ISO 32000-1 (14.8.4.3) puts table and list elements: child -> allowed parents
PARENTS = {
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"}, "TD": {"TR"},
    "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
    "LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"},
}
KIDS = {
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"},
    "TR": {"TH", "TD"},
    "L": {"LI", "L", "Caption"},
    "LI": {"Lbl", "LBody"},
}
PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
         "BI", "INLINE IMAGE"}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


def og(obj):
    """The object number and generation of an indirect object, or None."""
    try:
        return obj.objgen if obj.is_indirect else None
    except AttributeError:
        return None


def text_of(s):
    return str(s) if s is not None else ""


def number_tree(node, out, depth=0):
    """Flattens a number tree into out {key: value}."""
    if depth > 32:
        raise ValueError("number tree too deep")
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out, depth + 1)


class Check:
    def __init__(self, path):
        self.path = path
        self.fail = []
        self.order = []         # (page index, mcid) in structure order
        self.counts = {}
        self.text = {}          # (page objgen, mcid) -> the text drawn in it
        self.headings = []      # (level, element, [(page objgen, mcid)], doc objgen)
        self.thead = {}         # THead objgen -> set of page objgens of its content

    def bad(self, cond, msg):
        if sum(1 for c, _ in self.fail if c == cond) < 5:
            self.fail.append((cond, msg))
        else:
            self.counts["more " + cond] = self.counts.get("more " + cond, 0) + 1

    # ---- document level ----------------------------------------------------
    def catalog(self, pdf):
        root = pdf.Root
        if pdf.pdf_version < "1.7":
            self.bad("catalog", f"declares PDF {pdf.pdf_version}, not 1.7")
        mi = root.get("/MarkInfo")
        if not isinstance(mi, Dictionary) or mi.get("/Marked") is not True:
            self.bad("catalog", "no /MarkInfo <</Marked true>>")
        elif mi.get("/Suspects") is True:
            self.bad("catalog", "/MarkInfo /Suspects true")
        lang = text_of(root.get("/Lang"))
        if not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang):
            self.bad("catalog", f"no valid /Lang (got {lang!r})")
        vp = root.get("/ViewerPreferences")
        if not isinstance(vp, Dictionary) or vp.get("/DisplayDocTitle") is not True:
            self.bad("catalog", "no /ViewerPreferences <</DisplayDocTitle true>>")
        title = text_of(pdf.docinfo.get("/Title")) if pdf.trailer.get("/Info") is not None else ""
        if not title.strip():
            self.bad("title", "no document title in the Info dictionary")
        md = root.get("/Metadata")
        if not isinstance(md, Stream):
            self.bad("xmp", "no /Metadata stream")
            return
        try:
            x = ET.fromstring(md.read_bytes())
        except ET.ParseError as e:
            self.bad("xmp", f"the XMP does not parse: {e}")
            return
        part = [p.text for p in x.iter("{%s}part" % NS["pdfuaid"])]
        for d in x.iter("{%s}Description" % NS["rdf"]):
            v = d.get("{%s}part" % NS["pdfuaid"])
            if v is not None:
                part.append(v)
        if part != ["1"]:
            self.bad("xmp", f"pdfuaid:part is {part or 'missing'}, not 1")
        titles = [li.text or "" for t in x.iter("{%s}title" % NS["dc"]) for li in t.iter("{%s}li" % NS["rdf"])]
        if not titles or not titles[0].strip():
            self.bad("title", "no dc:title in the XMP")
        elif title and titles[0] != title:
            self.bad("title", f"dc:title {titles[0]!r} is not the Info title {title!r}")

    # ---- the structure tree ------------------------------------------------
    def tree(self, pdf, pages):
        root = pdf.Root.get("/StructTreeRoot")
        if not isinstance(root, Dictionary):
            self.bad("tree", "no StructTreeRoot")
            return None, {}, {}
        rolemap = root.get("/RoleMap", Dictionary())
        held = {}               # (page objgen, mcid) -> element objgen
        objr = {}               # annotation objgen -> element objgen
        types = {}              # element objgen -> standard type
        headings = []
        seen = set()
        page_index = {og(p.obj): i for i, p in enumerate(pages)}

        def std(s):
            for _ in range(10):
                if s in STANDARD:
                    return s
                m = rolemap.get("/" + s)
                if m is None:
                    return None
                s = str(m)[1:]
            return None

        def walk(el, parent, parent_type, depth, doc=None, thead=None, heading=None):
            if depth > 200:
                self.bad("tree", "structure nested too deep")
                return
            g = og(el)
            if g is None:
                self.bad("tree", "a structure element that is not an indirect object")
                return
            if g in seen:
                self.bad("tree", f"element {g} appears twice in the tree")
                return
            seen.add(g)
            s = el.get("/S")
            typ = std(str(s)[1:]) if isinstance(s, Name) else None
            if typ is None:
                self.bad("tree", f"element {g} has type {s}, neither standard nor role-mapped")
                typ = "?"
            types[g] = typ
            p = el.get("/P")
            if p is None or og(p) != og(parent):
                self.bad("tree", f"{typ} {g}: /P is not its parent")
            if typ in PARENTS and parent_type not in PARENTS[typ]:
                self.bad("nesting", f"{typ} {g} inside {parent_type}")
            if typ == "TH":
                scope = None
                for a in self.attrs(el):
                    if "/Scope" in a:
                        scope = str(a.Scope)
                if scope not in ("/Row", "/Column", "/Both"):
                    self.bad("th-scope", f"TH {g} has no /Scope")
            if typ == "Figure":
                alt = text_of(el.get("/Alt")) or text_of(el.get("/ActualText"))
                if not alt.strip():
                    self.bad("figure-alt", f"Figure {g} has no /Alt")
            if re.fullmatch(r"H[1-6]?", typ):
                headings.append(typ)
                if typ != "H":
                    heading = (int(typ[1]), g, [], doc)
                    self.headings.append(heading)
            if typ in ("Document", "Part"):
                doc = g
            if typ == "THead":
                thead = g
                self.thead[g] = set()
            self.counts[typ] = self.counts.get(typ, 0) + 1
            pg = el.get("/Pg")
            kids = el.get("/K")
            if kids is None:
                kids = []
            elif not isinstance(kids, Array):
                kids = [kids]
            has_objr = False
            for k in kids:
                if isinstance(k, int):
                    self.content(held, g, typ, og(pg), k, page_index, thead, heading)
                elif isinstance(k, Dictionary):
                    t = k.get("/Type")
                    if t == Name.MCR:
                        kp = k.get("/Pg", pg)
                        self.content(held, g, typ, og(kp), int(k.MCID), page_index, thead, heading)
                    elif t == Name.OBJR:
                        has_objr = True
                        objr[og(k.Obj)] = g
                    elif "/S" in k:
                        kt = std(str(k.S)[1:]) or "?"
                        if typ in KIDS and kt not in KIDS[typ]:
                            self.bad("nesting", f"{kt} inside {typ} {g}")
                        walk(k, el, typ, depth + 1, doc, thead, heading)
                    else:
                        self.bad("tree", f"{typ} {g} has a kid that is neither an element, an MCR nor an OBJR")
                else:
                    self.bad("tree", f"{typ} {g} has a kid of the wrong kind: {k!r}")
            if typ == "Link" and not has_objr:
                self.bad("annots", f"Link {g} holds no annotation")

        k = root.get("/K")
        top = k if isinstance(k, Array) else [k] if k is not None else []
        if not top:
            self.bad("tree", "the StructTreeRoot has no /K")
        for el in top:
            if isinstance(el, Dictionary):
                walk(el, root, "StructTreeRoot", 0)
        # headings (7.4.2, 7.4.4)
        if headings:
            if "H" in headings and any(h != "H" for h in headings):
                self.bad("headings", "both H and H1-H6 are used")
            levels = [int(h[1]) for h in headings if h != "H"]
            if levels and levels[0] != 1:
                self.bad("headings", f"the first heading is H{levels[0]}, not H1")
            for a, b in zip(levels, levels[1:]):
                if b > a + 1:
                    self.bad("headings", f"H{a} followed by H{b}: a level skipped")
                    break
        return root, held, objr

    def attrs(self, el):
        a = el.get("/A")
        if a is None:
            return []
        items = list(a) if isinstance(a, Array) else [a]
        return [x for x in items if isinstance(x, Dictionary)]

    def content(self, held, g, typ, page, mcid, page_index, thead=None, heading=None):
        if page is None or page not in page_index:
            self.bad("mcid", f"{typ} {g} holds MCID {mcid} on no page")
            return
        key = (page, mcid)
        if key in held:
            self.bad("mcid", f"MCID {mcid} of page {page_index[page] + 1} is held twice")
        held[key] = g
        self.order.append((page_index[page], mcid))
        if thead is not None:
            self.thead[thead].add(page)
        if heading is not None:
            heading[2].append(key)

    # ---- pages: content, parent tree, annotations, fonts --------------------
    def pages(self, pdf, root, held, objr):
        ptree = {}
        if root is not None:
            pt = root.get("/ParentTree")
            if not isinstance(pt, Dictionary):
                self.bad("tree", "no ParentTree")
            else:
                try:
                    number_tree(pt, ptree)
                except ValueError as e:
                    self.bad("tree", str(e))
        fonts_checked = {}
        found = set()
        for pi, page in enumerate(pdf.pages):
            p = page.obj
            n = pi + 1
            sp = p.get("/StructParents")
            arr = ptree.get(int(sp)) if sp is not None else None
            mcids = self.page_content(pdf, page, n, fonts_checked)
            if mcids and sp is None:
                self.bad("mcid", f"page {n} has marked content but no /StructParents")
            for m in mcids:
                found.add((og(p), m))
                el = arr[m] if isinstance(arr, Array) and m < len(arr) else None
                if el is None or og(el) is None:
                    self.bad("mcid", f"page {n}: MCID {m} does not resolve through the ParentTree")
                elif held.get((og(p), m)) != og(el):
                    self.bad("mcid", f"page {n}: MCID {m} resolves to {og(el)}, which does not hold it")
            annots = p.get("/Annots", [])
            if len(annots) and p.get("/Tabs") != Name.S:
                self.bad("annots", f"page {n} has annotations but no /Tabs /S")
            for a in annots:
                sub = a.get("/Subtype")
                if sub == Name.Popup:
                    continue
                key = a.get("/StructParent")
                el = ptree.get(int(key)) if key is not None else None
                if el is None:
                    self.bad("annots", f"page {n}: a {sub} annotation is not in the structure")
                    continue
                if objr.get(og(a)) != og(el):
                    self.bad("annots", f"page {n}: a {sub} annotation's element does not hold it by an OBJR")
                if sub == Name.Link:
                    if str(el.get("/S")) != "/Link":
                        self.bad("annots", f"page {n}: a link annotation is not inside a Link element")
                    if not text_of(a.get("/Contents")).strip():
                        self.bad("annots", f"page {n}: a link annotation without /Contents")
        for key in held:
            if key not in found:
                self.bad("mcid", f"the tree names MCID {key[1]} of a page whose content has none")

    def page_content(self, pdf, page, n, fonts_checked):
        """Walks a page's content: every painting operator inside real content or an
        artifact; MCIDs unique; the codes each font draws. Returns the MCIDs."""
        stack = []              # "tag" (MCID), "art", or "other"
        mcids = []
        current = []            # the MCID of each open sequence that has one
        font = None
        res = page.obj.get("/Resources", Dictionary())
        try:
            ops = pikepdf.parse_content_stream(page)
        except pikepdf.PdfError as e:
            self.bad("content", f"page {n}: content does not parse: {e}")
            return mcids
        for operands, op in ops:
            op = str(op)
            if op in ("BMC", "BDC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, Name):
                    props = res.get("/Properties", Dictionary()).get(str(props))
                mcid = props.get("/MCID") if isinstance(props, Dictionary) else None
                if tag == "/Artifact":
                    if "tag" in stack:
                        self.bad("content", f"page {n}: an artifact inside tagged content")
                    stack.append("art")
                elif mcid is not None:
                    if "art" in stack:
                        self.bad("content", f"page {n}: tagged content inside an artifact")
                    if "tag" in stack:
                        self.bad("content", f"page {n}: MCID {mcid} inside another tagged sequence")
                    if int(mcid) in mcids:
                        self.bad("mcid", f"page {n}: MCID {mcid} used twice")
                    mcids.append(int(mcid))
                    stack.append("tag")
                    current.append(int(mcid))
                else:
                    stack.append("other")
            elif op == "EMC":
                if not stack:
                    self.bad("content", f"page {n}: EMC without a sequence")
                elif stack.pop() == "tag":
                    current.pop()
            elif op == "Tf":
                font = res.get("/Font", Dictionary()).get(str(operands[0]))
            elif op in PAINT:
                if "tag" not in stack and "art" not in stack:
                    self.bad("content", f"page {n}: '{op}' outside real content and artifacts")
                if op in ("Tj", "'", '"', "TJ") and font is not None:
                    strings = [operands[-1]] if op != "TJ" else [x for x in operands[0] if isinstance(x, pikepdf.String)]
                    t = self.font_codes(font, strings, n, fonts_checked)
                    if current and t:
                        key = (og(page.obj), current[-1])
                        self.text[key] = self.text.get(key, "") + t
        if stack:
            self.bad("content", f"page {n}: {len(stack)} marked-content sequence(s) not closed")
        return mcids

    def font_codes(self, font, strings, n, fonts_checked):
        g = og(font)
        info = fonts_checked.get(g)
        if info is None:
            info = fonts_checked[g] = self.font_info(font)
        tounicode, gids, twobyte = info
        out = []
        for s in strings:
            b = bytes(s)
            codes = [b[i] << 8 | b[i + 1] for i in range(0, len(b) - 1, 2)] if twobyte else list(b)
            for c in codes:
                if tounicode is not None:
                    out.append(tounicode.get(c, ""))
                if tounicode is not None and c not in tounicode:
                    self.bad("fonts", f"page {n}: code {c:04X} of {font.get('/BaseFont')} has no Unicode mapping")
                elif tounicode is not None and (not tounicode[c] or set(tounicode[c]) & {"\0", "\ufeff", "\ufffe"}):
                    self.bad("fonts", f"page {n}: code {c:04X} of {font.get('/BaseFont')} maps to "
                             f"{tounicode[c]!r}, not to text (7.21.7)")
                if gids is not None and (c >= len(gids) or gids[c] == 0):
                    self.bad("fonts", f"page {n}: code {c:04X} of {font.get('/BaseFont')} draws .notdef")
        return "".join(out)

    def font_info(self, font):
        name = font.get("/BaseFont")
        sub = font.get("/Subtype")
        desc = font
        twobyte = sub == Name.Type0
        gids = None
        if twobyte:
            enc = font.get("/Encoding")
            if not (enc in (Name("/Identity-H"), Name("/Identity-V")) or isinstance(enc, Stream)):
                self.bad("fonts", f"{name}: CMap {enc} is neither Identity nor embedded")
            d = font.DescendantFonts[0]
            desc = d
            if d.get("/Subtype") == Name.CIDFontType2:
                m = d.get("/CIDToGIDMap")
                if isinstance(m, Stream):
                    raw = m.read_bytes()
                    gids = [raw[i] << 8 | raw[i + 1] for i in range(0, len(raw) - 1, 2)]
                elif m != Name.Identity:
                    self.bad("fonts", f"{name}: CIDFontType2 without a CIDToGIDMap")
        fd = desc.get("/FontDescriptor")
        if not isinstance(fd, Dictionary) or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            self.bad("fonts", f"{name}: not embedded")
        tu = font.get("/ToUnicode")
        if not isinstance(tu, Stream):
            self.bad("fonts", f"{name}: no ToUnicode CMap")
            return None, gids, twobyte
        return cmap_codes(tu.read_bytes()), gids, twobyte

    # ---- repeated header rows, bookmarks ---------------------------------------
    def tables(self, pages):
        number = {og(p.obj): i + 1 for i, p in enumerate(pages)}
        for g, on in self.thead.items():
            if len(on) > 1:
                self.bad("thead", f"THead {g} has content on pages "
                         f"{', '.join(str(number.get(p, '?')) for p in sorted(on, key=lambda p: number.get(p, 0)))}"
                         ": a repeated header row tagged again")

    def outline(self, pdf, pages):
        number = {og(p.obj): i + 1 for i, p in enumerate(pages)}
        marks = []              # (depth, title, page objgen)

        def walk(item, depth, guard):
            while isinstance(item, Dictionary) and len(marks) < 100000:
                if og(item) in guard:
                    self.bad("outline", "the bookmarks loop")
                    return
                guard.add(og(item))
                dest = item.get("/Dest")
                if dest is None and isinstance(item.get("/A"), Dictionary):
                    dest = item.A.get("/D")
                page = og(dest[0]) if isinstance(dest, Array) and len(dest) else None
                marks.append((depth, text_of(item.get("/Title")), page))
                walk(item.get("/First"), depth + 1, guard)
                item = item.get("/Next")

        ol = pdf.Root.get("/Outlines")
        if isinstance(ol, Dictionary):
            walk(ol.get("/First"), 0, set())

        def letters(s):
            return re.sub(r"[\W_]+", "", s).casefold()

        # A pack (several documents as Parts: an agenda and the reports it lists) has
        # bookmarks of its own at the top level, one for the agenda and one per item,
        # naming no heading; a report's headings are nested beneath its item's. Only
        # there, only at the top level, and only words no heading has: each is left
        # out, and the bookmarks beneath it are one level less deep.
        if len({doc for _, _, _, doc in self.headings}) > 1:
            known = {letters("".join(self.text.get(k, "") for k in keys))
                     for _, _, keys, _ in self.headings}
            kept, grouped = [], False
            for m in marks:
                if m[0] == 0 and letters(m[1]) not in known:
                    grouped = True
                    self.counts["pack bookmarks"] = self.counts.get("pack bookmarks", 0) + 1
                    continue
                kept.append((m[0] - 1 if grouped and m[0] > 0 else m[0],) + tuple(m[1:]))
            marks = kept

        i = 0
        base = {}               # document -> the level of its first bookmarked heading
        titled = set()          # documents whose title (first H1) has been passed
        for level, g, keys, doc in self.headings:
            words = "".join(self.text.get(k, "") for k in keys)
            page = keys[0][0] if keys else None
            m = marks[i] if i < len(marks) else None
            if m is not None and letters(m[1]) == letters(words) and words.strip():
                if m[2] != page:
                    self.bad("outline", f"the bookmark {m[1]!r} points at page {number.get(m[2], '?')}, "
                             f"its heading is on page {number.get(page, '?')}")
                want = level - base.setdefault(doc, level)
                if m[0] != want:
                    self.bad("outline", f"the bookmark {m[1]!r} is at depth {m[0]}, its heading H{level} "
                             f"at depth {want}")
                i += 1
            elif level == 1 and doc not in titled and doc not in base:
                pass            # the document's title: the window title, not a bookmark
            else:
                self.bad("outline", f"the heading H{level} {words.strip()[:60]!r} has no bookmark"
                         + (f" (the next is {m[1]!r})" if m else ""))
            if level == 1:
                titled.add(doc)
        for m in marks[i:]:
            self.bad("outline", f"the bookmark {m[1]!r} names no heading")
        self.counts["bookmarks"] = len(marks)

    def run(self):
        try:
            pdf = pikepdf.open(self.path)
        except pikepdf.PdfError as e:
            self.bad("file", f"does not open: {e}")
            return
        with pdf:
            pages = list(pdf.pages)
            self.catalog(pdf)
            root, held, objr = self.tree(pdf, pages)
            self.pages(pdf, root, held, objr)
            self.tables(pages)
            self.outline(pdf, pages)
            self.counts["pages"] = len(pages)
            self.counts["mcids"] = len(held)


def utf16(hexstr):
    try:
        return bytes.fromhex(hexstr).decode("utf-16-be", "replace")
    except ValueError:
        return ""


def cmap_codes(data):
    """The codes a ToUnicode CMap maps (bfchar and bfrange), each to its text."""
    text = data.decode("latin-1")
    codes = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            codes[int(src, 16)] = utf16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    if lo + i <= hi:
                        codes[lo + i] = utf16(d)
                continue
            d = dst[1:-1]
            if len(d) < 4:
                codes.update((c, "") for c in range(lo, hi + 1))
                continue
            # the last UTF-16 unit counts up through the range
            head, last = d[:-4], int(d[-4:], 16)
            for c in range(lo, hi + 1):
                codes[c] = utf16(head + f"{(last + c - lo) & 0xFFFF:04X}")
    return codes


def main(argv):
    order_file = None
    if len(argv) > 2 and argv[1] == "--order":
        order_file = argv[2]
        argv = argv[:1] + argv[3:]
    if len(argv) < 2:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    rc = 0
    for path in argv[1:]:
        c = Check(path)
        c.run()
        if c.fail:
            rc = 1
            extra = sum(v for k, v in c.counts.items() if k.startswith("more "))
            print(f"{path}: FAIL " + "; ".join(f"{k}: {m}" for k, m in c.fail) +
                  (f" (and {extra} more)" if extra else ""))
        else:
            kinds = ", ".join(f"{c.counts.get(k, 0)} {k}" for k in ("TD", "TH", "P", "Figure", "Link", "bookmarks"))
            print(f"{path}: ok: {c.counts.get('pages', 0)} pages, {len(c.order)} marked-content items, "
                  f"{sum(v for k, v in c.counts.items() if k in STANDARD)} elements ({kinds})")
        if order_file:
            with open(order_file, "w") as f:
                json.dump(c.order, f)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
