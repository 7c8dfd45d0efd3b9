/* test_pdf.c - the PDF renderer: a hand-built paper rendered and checked with qpdf,
 * poppler's tools and the renderer's own line breaker. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/house.h"
#include "render/pdf/pdf_layout.h"
#include "render/pdf/pdf_ops.h"
#include "render/pdf/pdf_render.h"
#include "report/report.h"
#include "util/diag.h"
#include "util/strbuf.h"

static const char *font_dir(void)
{
    const char *d = getenv("TABLED_FONT_DIR");
    return d && *d ? d : "fonts";
}

static const char *tmpdir(void)
{
    static char dir[256];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/tabled-test-pdf-XXXXXX");
        if (!mkdtemp(dir)) snprintf(dir, sizeof dir, "/tmp");
    }
    return dir;
}

/* ---- building a paper by hand ------------------------------------------- */

static rnode *add(rdoc *d, rnode *parent, rnode_type t, int line)
{
    rnode *n = rnode_add(d, parent, t);
    d->file = "paper.md";
    rnode_set_pos(n, make_pos("paper.md", line, 1));
    return n;
}

static rnode *text(rdoc *d, rnode *parent, const char *s)
{
    rnode *n = rnode_add_text(d, parent, s);
    n->line = parent->line;
    n->col = parent->col;
    return n;
}

static rnode *para(rdoc *d, rnode *parent, const char *number, const char *s, int line)
{
    rnode *p = add(d, parent, RN_PARAGRAPH, line);
    p->number = number;
    text(d, p, s);
    return p;
}

static rnode *field(rdoc *d, rnode *fs, const char *label, const char *value, int line)
{
    rnode *f = add(d, fs, RN_FIELD, line);
    f->text = label;
    para(d, f, NULL, value, line);
    return f;
}

static const unsigned char png_bytes[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x10, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf8, 0x62, 0xea,
    0x0e, 0x00, 0x00, 0x00, 0x2a, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x78, 0xf2, 0xe2, 0x1d,
    0x56, 0x24, 0x6f, 0x15, 0x8f, 0x15, 0x91, 0xaa, 0x9e, 0x61, 0xd4, 0x82, 0x51, 0x0b, 0x86, 0x80,
    0x05, 0xd4, 0x32, 0x08, 0x97, 0xfa, 0x51, 0x0b, 0x46, 0x2d, 0x18, 0x02, 0x16, 0x00, 0x00, 0xe8,
    0xaf, 0x72, 0x2e, 0xc5, 0xb6, 0xf4, 0xca, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
};

static const char *png_path(void)
{
    static char path[300];
    if (!path[0]) {
        snprintf(path, sizeof path, "%s/chart.png", tmpdir());
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fwrite(png_bytes, 1, sizeof png_bytes, f);
        fclose(f);
    }
    return path;
}

static const char *const themes[] = {"Consultation, engagement and vision",
                                     "Customer access and care", "Repairs and maintenance",
                                     "Tenancy management", "Value for money", "Leadership"};

static rdoc *sample(int exempt, int missing_glyph, int rows)
{
    rdoc *d = rdoc_new();
    d->title = "Housing Improvement Plan \xE2\x80\x93 Update";
    d->subject = "Housing Improvement Plan \xE2\x80\x93 Update";
    d->committee = "Executive";
    d->meeting_date = "13 May 2009";
    d->item = "6";
    d->report_of = "Director of Regeneration & Development";
    d->organisation = "Norwich City Council";
    d->variant_title = "Report to Executive";
    d->lang = "en-GB";
    d->exempt_paragraph = exempt;

    rnode *fs = add(d, d->root, RN_FRONT_SHEET, 1);
    field(d, fs, "Report of", "Director of Regeneration & Development", 2);
    field(d, fs, "Subject", "Housing Improvement Plan \xE2\x80\x93 Update", 3)->key = "subject";
    field(d, fs, "Purpose",
          "To provide the Executive with an opportunity to comment on the emerging "
          "improvement plan for the housing service.", 4);
    field(d, fs, "Recommendations",
          "The Executive notes the draft improvement plan and refers this document to the "
          "Scrutiny Committee for comment.", 5);
    field(d, fs, "Financial Consequences",
          "The financial consequences of this report, about \xC2\xA3" "12,500, are met from "
          "existing resources.", 6);
    field(d, fs, "Ward", "All", 7);
    rnode *co = add(d, fs, RN_FIELD, 8);
    co->text = "Contact Officers";
    rnode *cl = add(d, co, RN_LIST, 8);
    cl->flags |= RF_TIGHT;
    para(d, add(d, cl, RN_ITEM, 8), NULL, "Jerry Massey 01603 212225", 8);
    para(d, add(d, cl, RN_ITEM, 9), NULL, "Nigel Andrews 01603 212572", 9);

    rnode *body = add(d, d->root, RN_BODY, 10);
    rnode *h1 = add(d, body, RN_HEADING, 11);
    h1->level = 1;
    h1->number = "1";
    h1->id = "s-1";
    text(d, h1, "Introduction");
    para(d, body, "1.1",
         "At the meeting of the Executive on 22 April 2009, the Executive considered a "
         "progress report on work to improve the housing service. Rent arrears stood at "
         "\xC2\xA3" "1,250,000 \xE2\x80\x93 the tenants\xE2\x80\x99 panel called this "
         "\xE2\x80\x9C" "a working document\xE2\x80\x9D; the caf\xC3\xA9 consultation "
         "scored \xE2\x88\x9A" "2 on the index.", 12);
    rnode *p = add(d, body, RN_PARAGRAPH, 13);
    p->number = "1.2";
    text(d, p, "The plan identifies ");
    rnode *st = add(d, p, RN_STRONG, 13);
    text(d, st, "60 action points");
    text(d, p, " and a number of these items include ");
    rnode *em = add(d, p, RN_EMPH, 13);
    text(d, em, "a range of ");
    text(d, add(d, em, RN_STRONG, 13), "additional");
    text(d, em, " actions");
    text(d, p, ". The data is in ");
    rnode *code = add(d, p, RN_CODE, 13);
    code->text = "plans/hip/plan.yaml";
    text(d, p, " and the guidance is at ");
    rnode *ln = add(d, p, RN_LINK, 13);
    ln->url = "https://www.gov.uk/government/publications/"
              "local-government-act-1972-schedule-12a-access-to-information-exempt-information";
    text(d, ln, "https://www.gov.uk/government/publications/"
                "local-government-act-1972-schedule-12a-access-to-information-exempt-information");
    text(d, p, ". Its status is ");
    rnode *badge = add(d, p, RN_BADGE, 13);
    badge->rag = LEVEL_AMBER;
    badge->text = "Rescheduled";
    text(d, p, " and the appendix is ");
    rnode *il = add(d, p, RN_LINK, 13);
    il->url = "#app-a";
    text(d, il, "Appendix A");
    text(d, p, ".");

    para(d, body, "1.3",
         "An officer improvement team has been established to deliver the improvement plan, "
         "and the work of the team will be monitored by the Housing Improvement Board and "
         "the Scrutiny Committee. It is envisaged that the improvement plan will remain a "
         "working document and will be updated on a regular basis. The purpose of the "
         "improvement plan is not only to address the key recommendations arising from the "
         "work of the Audit Commission, but also seeks to deliver a housing service that "
         "our residents want.", 14);
    rnode *list = add(d, body, RN_LIST, 15);
    list->flags |= RF_TIGHT;
    const char *bullets[] = {"engage tenants in shaping services;",
                             "improve access to services for vulnerable people;",
                             "deliver value for money in repairs."};
    for (int i = 0; i < 3; i++) {
        rnode *it = add(d, list, RN_ITEM, 15 + i);
        para(d, it, NULL, bullets[i], 15 + i);
        if (i == 1) {
            rnode *sub = add(d, it, RN_LIST, 16);
            sub->flags |= RF_ORDERED;
            sub->start = 1;
            sub->flags |= RF_TIGHT;
            para(d, add(d, sub, RN_ITEM, 16), NULL, "older people;", 16);
            para(d, add(d, sub, RN_ITEM, 17), NULL, "people with disabilities.", 17);
        }
    }
    rnode *bq = add(d, body, RN_BLOCKQUOTE, 20);
    para(d, bq, NULL,
         "\xE2\x80\x9CThe council is committed to delivering a housing service that residents "
         "want.\xE2\x80\x9D \xE2\x80\x94 Housing Improvement Board", 20);
    rnode *h2 = add(d, body, RN_HEADING, 21);
    h2->level = 1;
    h2->number = "2";
    h2->id = "s-2";
    text(d, h2, "Progress");
    for (int i = 1; i <= 6; i++) {
        char num[16], buf[600];
        snprintf(num, sizeof num, "2.%d", i);
        snprintf(buf, sizeof buf,
                 "Progress on theme %d (%s) has been reviewed by the Housing Improvement Board. "
                 "The board noted that most actions are on target, that some have been "
                 "rescheduled with the agreement of the lead officer, and that the remainder "
                 "will be reported by exception at the next meeting of the committee in the "
                 "autumn.",
                 i, themes[i - 1]);
        rnode *pp = para(d, body, arena_strdup(&d->arena, num), buf, 22 + i);
        (void)pp;
    }
    rnode *img = add(d, add(d, body, RN_PARAGRAPH, 30), RN_IMAGE, 30);
    img->url = png_path();
    rdoc_add_image(d, img->url, png_bytes, sizeof png_bytes);   /* as the builder does */
    img->text = "Chart of progress";
    if (missing_glyph) {
        rnode *mp = para(d, body, "2.7", "The Chinese word for middle is \xE4\xB8\xAD and a "
                                         "smile is \xF0\x9F\x98\x80.", 42);
        (void)mp;
    }

    rnode *ap = add(d, d->root, RN_APPENDIX, 50);
    ap->number = "A";
    ap->id = "app-a";
    ap->flags = RF_WIDE;
    rnode *aph = add(d, ap, RN_HEADING, 50);
    aph->level = 1;
    text(d, aph, "Housing Improvement Plan: actions");
    rnode *t = add(d, ap, RN_TABLE, 51);
    t->ncols = 6;
    t->flags = RF_COMPUTED;
    t->id = "t-actions";
    text(d, add(d, t, RN_CAPTION, 51), "Table 1: Actions by theme, as at 30 June 2010");
    rnode *hr = add(d, t, RN_ROW, 51);
    hr->flags = RF_HEADER;
    const char *hdr[] = {"Ref", "Action", "Officer lead", "Due", "Status", "Progress"};
    for (int i = 0; i < 6; i++) text(d, add(d, hr, RN_CELL, 51), hdr[i]);
    static const rag_level lv[] = {LEVEL_GREEN, LEVEL_AMBER, LEVEL_RED, LEVEL_COMPLETE,
                                   LEVEL_NOT_DUE};
    static const char *const words[] = {"On target", "Rescheduled", "Overdue: 40 days",
                                        "Complete", "Not yet due"};
    for (int i = 0; i < rows; i++) {
        if (i % 25 == 0) {
            rnode *g = add(d, t, RN_ROW, 52 + i);
            g->flags = RF_GROUP;
            rnode *gc = add(d, g, RN_CELL, 52 + i);
            gc->colspan = 6;
            char buf[128];
            snprintf(buf, sizeof buf, "%c. %s", 'A' + i / 25, themes[(i / 25) % 6]);
            text(d, gc, buf);
        }
        rnode *r = add(d, t, RN_ROW, 52 + i);
        char ref[16], act[300];
        snprintf(ref, sizeof ref, "%c.%d", 'A' + i / 25, i % 25 + 1);
        snprintf(act, sizeof act,
                 i % 7 == 3 ? "Review the allocations policy and publish the revised "
                              "scheme with an equality impact assessment (action %d)."
                            : "Develop programme of consultation and engagement (action %d).",
                 i + 1);
        rnode *c0 = add(d, r, RN_CELL, 52 + i);
        c0->flags = RF_ROW_HEADER;
        text(d, c0, arena_strdup(&d->arena, ref));
        text(d, add(d, r, RN_CELL, 52 + i), arena_strdup(&d->arena, act));
        text(d, add(d, r, RN_CELL, 52 + i), "Sandra Franklin");
        text(d, add(d, r, RN_CELL, 52 + i), "November 2009");
        rnode *sc = add(d, r, RN_CELL, 52 + i);
        sc->rag = lv[i % 5];
        text(d, sc, words[i % 5]);
        text(d, add(d, r, RN_CELL, 52 + i),
             i % 4 == 0 ? "Draft programme out for consultation with the tenants\xE2\x80\x99 "
                          "panel; report to the board in \xC2\xA3 terms."
                        : "In hand.");
    }

    rnode *bp = add(d, d->root, RN_APPENDIX, 300);
    bp->number = "B";
    bp->id = "app-b";
    rnode *bph = add(d, bp, RN_HEADING, 300);
    bph->level = 1;
    text(d, bph, "Summary by theme");
    rnode *h3 = add(d, bp, RN_HEADING, 301);
    h3->level = 2;
    text(d, h3, "Roll-up");
    rnode *t2 = add(d, bp, RN_TABLE, 302);
    t2->ncols = 3;
    rnode *r0 = add(d, t2, RN_ROW, 302);
    r0->flags = RF_HEADER;
    text(d, add(d, r0, RN_CELL, 302), "Theme");
    text(d, add(d, r0, RN_CELL, 302), "Actions");
    text(d, add(d, r0, RN_CELL, 302), "Complete");
    for (int i = 0; i < 6; i++) {
        rnode *r = add(d, t2, RN_ROW, 303 + i);
        text(d, add(d, r, RN_CELL, 303 + i), themes[i]);
        rnode *n1 = add(d, r, RN_CELL, 303 + i);
        n1->flags = RF_NUMERIC;
        char b1[16];
        snprintf(b1, sizeof b1, "%d", 10 + i * 3);
        text(d, n1, b1);
        rnode *n2 = add(d, r, RN_CELL, 303 + i);
        n2->flags = RF_NUMERIC;
        snprintf(b1, sizeof b1, "%d%%", 40 + i * 7);
        text(d, n2, b1);
    }
    return d;
}

/* ---- helpers ---------------------------------------------------------------- */

static char *run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) sb_putn(&sb, buf, n);
    pclose(p);
    if (!sb.data) sb_puts(&sb, "");
    return sb_detach(&sb);
}

static int have(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* The PDF/UA-1 checker of the test suite (tests/pdf/ua_check.py, on Debian's pikepdf):
 * 1 passed, 0 failed (its verdict printed). Without pikepdf (make test installs it) the
 * test fails, saying so: a tagging test must not pass unchecked. */
static int ua_check(const char *path)
{
    if (system("/usr/bin/python3 -c 'import pikepdf' >/dev/null 2>&1") != 0) {
        print_message("python3-pikepdf is not installed (make test-deps): the PDF/UA-1 checks cannot run\n");
        return 0;
    }
    char *o = run("/usr/bin/python3 tests/pdf/ua_check.py '%s' 2>&1", path);
    int ok = strstr(o, ": ok: ") != NULL;
    if (!ok) print_message("%s", o);
    free(o);
    return ok;
}

static void write_file(const char *path, const strbuf *sb)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(sb->data, 1, sb->len, f), sb->len);
    fclose(f);
}

/* The document finished (as the builder would), then rendered. */
static int render(rdoc *d, strbuf *out, diag_list *dl, pdf_stats *st)
{
    rdoc_finish(d);
    house_style h;
    house_style_default(&h);
    return pdf_render_ex(d, &h, font_dir(), out, dl, st);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

/* ---- tests ------------------------------------------------------------------------ */

static void test_widths_match_libharu(void **state)
{
    (void)state;
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    pfont f;
    assert_int_equal(pfont_load(&f, pdf, font_dir(), "LiberationSans-Regular.ttf"), 0);
    const char *s[] = {"Housing Improvement Plan", "\xC2\xA3" "1,250 \xE2\x80\x93 tenants\xE2\x80\x99",
                       "\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D \xE2\x88\x9A" "2", "WAVE iiii"};
    for (size_t i = 0; i < 4; i++) {
        HPDF_TextWidth tw = HPDF_Font_TextWidth(f.font, (const HPDF_BYTE *)s[i], (HPDF_UINT)strlen(s[i]));
        double mine = pfont_width(&f, s[i], strlen(s[i]), 1000);
        assert_true(mine == (double)tw.width);
    }
    assert_true(pfont_units(&f, 0x4E2D) < 0);
    assert_true(pfont_units(&f, 0x1F600) < 0);
    assert_true(pfont_units(&f, 0xA3) > 0);
    pfont_free(&f);
    HPDF_Free(pdf);
}

/* Fixed-width boxes: every line fits, and total fit beats first fit's ragged edge. */
static void test_knuth_plass(void **state)
{
    (void)state;
    itemlist l = {0};
    istyle st;
    memset(&st, 0, sizeof st);
    st.size = 10;
    static const double words[] = {30, 12, 40, 25, 8, 33, 50, 20, 18, 44, 9, 27, 31, 16,
                                   22, 38, 14, 29, 11, 35, 24, 19, 42, 13, 26};
    size_t nw = sizeof words / sizeof words[0];
    for (size_t i = 0; i < nw; i++) {
        if (i) {
            item *g = il_push(&l, IT_GLUE);
            g->style = il_style(&l, &st);
            g->w = 3;
        }
        item *b = il_push(&l, IT_BOX);
        b->style = il_style(&l, &st);
        b->w = words[i];
        b->s = "x";
        b->len = 1;
    }
    klines k = {0};
    assert_int_equal(kp_break(&l, 120, NULL, &k), 0);
    assert_true(k.len >= 5);
    size_t boxes = 0;
    double worst = 0;
    for (size_t i = 0; i < k.len; i++) {
        assert_true(k.v[i].width <= 120 + 1e-9);
        for (size_t j = k.v[i].start; j < k.v[i].end; j++) boxes += l.it[j].kind == IT_BOX;
        if (i + 1 < k.len && 120 - k.v[i].width > worst) worst = 120 - k.v[i].width;
    }
    assert_int_equal(boxes, nw);
    /* first fit on this input leaves a line 31 pt short; total fit does better */
    assert_true(worst < 31);
    klines_free(&k);
    il_free(&l);
}

static void test_render_sample(void **state)
{
    (void)state;
    unsetenv("SOURCE_DATE_EPOCH");
    rdoc *d = sample(0, 1, 150);
    strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    pdf_stats st;
    assert_int_equal(render(d, &a, &dl, &st), 0);
    assert_true(a.len > 1000);
    assert_memory_equal(a.data, "%PDF-1.7", 8);
    /* the trailer is a cross-reference stream's dictionary, with the /ID */
    assert_non_null(memmem(a.data, a.len, "/Type/XRef", 10));
    assert_non_null(memmem(a.data, a.len, "/ID[<", 5));
    assert_true(st.pages >= 6);

    /* the missing glyphs are warnings naming the paragraph's file and line */
    int found = 0, emoji = 0;
    for (size_t i = 0; i < dl.len; i++) {
        if (dl.items[i].level == DIAG_WARNING && dl.items[i].pos.line == 42 &&
            !strcmp(dl.items[i].pos.file, "paper.md")) {
            found |= strstr(dl.items[i].message, "U+4E2D") != NULL;
            emoji |= strstr(dl.items[i].message, "U+1F600") != NULL;
        }
    }
    assert_true(found);
    assert_true(emoji);
    assert_int_equal(dl.errors, 0);

    /* byte-identical on a second run */
    diag_list dl2;
    diag_init(&dl2);
    assert_int_equal(render(d, &b, &dl2, NULL), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    diag_free(&dl2);

    char path[400];
    snprintf(path, sizeof path, "%s/sample.pdf", tmpdir());
    write_file(path, &a);

    if (have("qpdf")) {
        char *o = run("qpdf --check '%s' 2>&1", path);
        assert_non_null(strstr(o, "No syntax or stream encoding errors"));
        free(o);
        o = run("qpdf --qdf --object-streams=disable '%s' - 2>/dev/null", path);
        assert_non_null(strstr(o, "/Lang (en-GB)"));
        assert_non_null(strstr(o, "/URI (https://www.gov.uk/government/publications/"));
        assert_non_null(strstr(o, "/Border [\n    0\n    0\n    0\n  ]"));
        assert_null(strstr(o, "/CreationDate"));
        free(o);
        o = run("qpdf --json --json-key=outlines '%s' 2>/dev/null", path);
        assert_non_null(strstr(o, "\"title\": \"1 Introduction\""));
        assert_non_null(strstr(o, "\"title\": \"2 Progress\""));
        assert_non_null(strstr(o, "\"title\": \"Appendix A: Housing Improvement Plan: actions\""));
        assert_non_null(strstr(o, "\"title\": \"Roll-up\""));
        free(o);
    }
    /* tagged PDF/UA-1: every condition the suite's checker knows */
    assert_int_equal(ua_check(path), 1);
    if (have("pdffonts")) {
        char *o = run("pdffonts '%s' 2>/dev/null | tail -n +3", path);
        assert_int_equal(count(o, "\n"), 4);
        /* columns: name type encoding emb sub uni object ID */
        char *line = o;
        for (int i = 0; i < 4; i++) {
            char *nl = strchr(line, '\n');
            *nl = 0;
            char name[128], type[64], t2[64], enc[64], emb[8];
            assert_int_equal(sscanf(line, "%127s %63s %63s %63s %7s", name, type, t2, enc, emb), 5);
            assert_string_equal(emb, "yes");
            line = nl + 1;
        }
        free(o);
    }
    if (have("pdfinfo") && have("pdftotext")) {
        char *o = run("pdfinfo '%s' 2>/dev/null", path);
        assert_non_null(strstr(o, "Title:           Housing Improvement Plan \xE2\x80\x93 Update"));
        assert_non_null(strstr(o, "Author:          Director of Regeneration & Development"));
        assert_non_null(strstr(o, "Creator:         tabled"));
        int pages = 0;
        const char *pp = strstr(o, "Pages:");
        assert_non_null(pp);
        pages = atoi(pp + 6);
        assert_int_equal((size_t)pages, st.pages);
        free(o);

        o = run("pdftotext -layout '%s' - 2>/dev/null", path);
        const char *want[] = {"\xC2\xA3" "1,250,000", "\xE2\x80\x93", "tenants\xE2\x80\x99",
                              "\xE2\x80\x9C" "a working document\xE2\x80\x9D",
                              "caf\xC3\xA9", "\xE2\x88\x9A" "2", "Report to Executive",
                              "Item 6", "Financial Consequences", "Rescheduled",
                              "Overdue: 40 days", "Appendix A", "is \?", "1.1", "2.6"};
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
            if (!strstr(o, want[i])) fail_msg("pdftotext lacks \"%s\"", want[i]);
        char pn[64];
        snprintf(pn, sizeof pn, "Page %d of %d", pages, pages);
        assert_non_null(strstr(o, pn));
        free(o);

        /* landscape pages: width > height; every page of the long table repeats the
         * header row; the first page has no running head */
        o = run("pdfinfo -f 1 -l 999 '%s' 2>/dev/null", path);
        int landscape = 0;
        for (int pg = 1; pg <= pages; pg++) {
            char key[64];
            snprintf(key, sizeof key, "Page %4d size:", pg);
            const char *s = strstr(o, key);
            assert_non_null(s);
            double w = 0, hh = 0;
            assert_int_equal(sscanf(s + strlen(key), " %lf x %lf", &w, &hh), 2);
            if (w > hh) {
                landscape++;
                char *t = run("pdftotext -layout -f %d -l %d '%s' - 2>/dev/null", pg, pg, path);
                if (!strstr(t, "Officer lead") || !strstr(t, "Progress"))
                    fail_msg("landscape page %d lacks the table header", pg);
                free(t);
            }
        }
        assert_true(landscape >= 3);
        free(o);
        o = run("pdftotext -layout -f 1 -l 1 '%s' - 2>/dev/null", path);
        assert_non_null(strstr(o, "Norwich City Council"));
        free(o);
    }
    if (have("pdftotext")) {
        /* no text outside the frame: nothing overfull, nothing in the margins */
        char *o = run("pdftotext -bbox '%s' - 2>/dev/null", path);
        const char *s = o;
        double pw = 0, ph = 0;
        int words = 0;
        while ((s = strstr(s, "<"))) {
            if (!strncmp(s, "<page ", 6)) {
                assert_int_equal(sscanf(s, "<page width=\"%lf\" height=\"%lf\"", &pw, &ph), 2);
            } else if (!strncmp(s, "<word ", 6)) {
                double x0, y0, x1, y1;
                assert_int_equal(sscanf(s, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                        &x0, &y0, &x1, &y1), 4);
                if (x0 < 62 - 0.5 || x1 > pw - 62 + 0.5 || y0 < 10 || y1 > ph - 10)
                    fail_msg("word outside the frame at %.1f,%.1f-%.1f,%.1f on a %.0fx%.0f page",
                             x0, y0, x1, y1, pw, ph);
                words++;
            }
            s++;
        }
        assert_true(words > 1000);
        free(o);
    }
    sb_free(&a);
    sb_free(&b);
    diag_free(&dl);
    rdoc_free(d);
}

static void test_exempt_and_dates(void **state)
{
    (void)state;
    rdoc *d = sample(3, 0, 40);
    d->epoch = "1262304000";   /* the build's time (2010-01-01 00:00:00 UTC), as the builder
                                * takes it from SOURCE_DATE_EPOCH */
    strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(render(d, &a, &dl, NULL), 0);
    assert_int_equal(dl.warnings, 0);
    assert_int_equal(render(d, &b, &dl, NULL), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    char path[400];
    snprintf(path, sizeof path, "%s/exempt.pdf", tmpdir());
    write_file(path, &a);
    if (have("pdfinfo") && have("pdftotext")) {
        char *o = run("pdfinfo -isodates '%s' 2>/dev/null", path);
        assert_non_null(strstr(o, "2010-01-01T00:00:00Z"));
        int pages = atoi(strstr(o, "Pages:") + 6);
        free(o);
        assert_true(pages >= 3);
        for (int pg = 1; pg <= pages; pg++) {
            char *t = run("pdftotext -f %d -l %d '%s' - 2>/dev/null", pg, pg, path);
            assert_non_null(strstr(t, "NOT FOR PUBLICATION"));
            assert_non_null(strstr(t, "by virtue of paragraph 3 of Part 1 of Schedule 12A to "
                                      "the Local Government Act 1972"));
            free(t);
        }
    }
    sb_free(&a);
    sb_free(&b);
    diag_free(&dl);
    rdoc_free(d);
}

static void test_missing_font_is_an_error(void **state)
{
    (void)state;
    rdoc *d = sample(0, 0, 3);
    rdoc_finish(d);
    house_style h;
    house_style_default(&h);
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(pdf_render(d, &h, "/nonexistent/fonts", &out, &dl), -1);
    assert_int_equal(out.len, 0);
    assert_true(dl.errors >= 1);
    assert_non_null(strstr(dl.items[0].message, "cannot load font"));
    diag_free(&dl);
    sb_free(&out);
    rdoc_free(d);
}

static void test_empty_document(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(render(d, &out, &dl, NULL), 0);
    assert_true(out.len > 0);
    diag_free(&dl);
    sb_free(&out);
    rdoc_free(d);
}

/* A title over libharu's limit is cut in the XMP packet as in the information
 * dictionary (PDF_TITLE_MAX, then an ellipsis), so the two say the same. */
static void test_long_title_capped_in_xmp(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    char *title = malloc(5001);
    assert_non_null(title);
    memset(title, 'x', 5000);
    title[5000] = 0;
    d->title = d->subject = d->report_of = title;
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(render(d, &out, &dl, NULL), 0);
    static const char open[] = "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    const char *p = memmem(out.data, out.len, open, sizeof open - 1);
    assert_non_null(p);
    p += sizeof open - 1;
    const char *e = memmem(p, out.len - (size_t)(p - out.data), "</rdf:li>", 9);
    assert_non_null(e);
    assert_true((size_t)(e - p) <= PDF_TITLE_MAX + 3);
    assert_true((size_t)(e - p) >= PDF_TITLE_MAX - 3);
    assert_memory_equal(e - 3, "\xE2\x80\xA6", 3);     /* cut with an ellipsis */
    assert_null(memmem(out.data, out.len, title, 2100));   /* nowhere whole */
    diag_free(&dl);
    sb_free(&out);
    rdoc_free(d);
    free(title);
}

/* A row taller than a page is split across pages; nothing is lost. */
static void test_tall_row(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    d->title = "Tall";
    rnode *body = add(d, d->root, RN_BODY, 1);
    rnode *t = add(d, body, RN_TABLE, 2);
    t->ncols = 2;
    rnode *hr = add(d, t, RN_ROW, 2);
    hr->flags = RF_HEADER;
    text(d, add(d, hr, RN_CELL, 2), "Ref");
    text(d, add(d, hr, RN_CELL, 2), "Narrative");
    rnode *r = add(d, t, RN_ROW, 3);
    text(d, add(d, r, RN_CELL, 3), "X.1");
    rnode *c = add(d, r, RN_CELL, 3);
    for (int i = 0; i < 120; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "Paragraph %d of a very long cell.", i + 1);
        para(d, c, NULL, buf, 3);
    }
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    pdf_stats st;
    assert_int_equal(render(d, &out, &dl, &st), 0);
    assert_true(st.pages >= 2);
    char path[400];
    snprintf(path, sizeof path, "%s/tall.pdf", tmpdir());
    write_file(path, &out);
    if (have("pdftotext")) {
        char *o = run("pdftotext '%s' - 2>/dev/null", path);
        assert_non_null(strstr(o, "Paragraph 1 of"));
        assert_non_null(strstr(o, "Paragraph 120 of"));
        free(o);
        o = run("pdftotext -f 2 -l 2 '%s' - 2>/dev/null", path);
        assert_non_null(strstr(o, "Narrative"));
        free(o);
    }
    diag_free(&dl);
    sb_free(&out);
    rdoc_free(d);
}

/* Lays d out in house style h, handing each page to fn(ctx, ...) as it completes (the
 * writer's drawing left out); returns the number of pages. */
static size_t layout_pages(rdoc *d, const house_style *h, page_fn fn, void *ctx)
{
    rdoc_finish(d);
    diag_list dl;
    diag_init(&dl);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    pfont fonts[FACE__COUNT];
    const char *files[] = {h->font_regular, h->font_bold, h->font_italic, h->font_bold_italic};
    for (int i = 0; i < FACE__COUNT; i++)
        assert_int_equal(pfont_load(&fonts[i], pdf, font_dir(), files[i]), 0);
    layout L;
    layout_init(&L, d, h, &dl, pdf, fonts);
    L.on_page = fn;     /* pages are handed over as they complete, then freed */
    L.on_page_ctx = ctx;
    layout_document(&L);
    size_t pages = L.npages;
    layout_free(&L);
    for (int i = 0; i < FACE__COUNT; i++) pfont_free(&fonts[i]);
    HPDF_Free(pdf);
    diag_free(&dl);
    return pages;
}

/* What test_keeps needs of each page the layout hands over. */
typedef struct {
    const rnode *src;
    double bottom;
} kept_item;

typedef struct {
    kept_item *pl;
    size_t len;
    double frame_bottom;
} kept_page;

typedef struct {
    kept_page *v;
    size_t n;
} kept_pages;

static void keep_page(void *ctx, layout *L, const lpage *pg)
{
    kept_pages *kp = ctx;
    kp->v = realloc(kp->v, (kp->n + 1) * sizeof *kp->v);
    assert_non_null(kp->v);
    kept_page *k = &kp->v[kp->n++];
    k->len = pg->len;
    k->frame_bottom = L->secs[pg->section].bottom;
    k->pl = calloc(pg->len ? pg->len : 1, sizeof *k->pl);
    assert_non_null(k->pl);
    for (size_t i = 0; i < pg->len; i++) {
        const vitem *v = lpage_item(L, pg, i);
        k->pl[i].src = v->box->src;
        k->pl[i].bottom = pg->pl[i].y + v->h;
    }
}

/* Pagination invariants over many page breaks: a heading is never the last thing on a
 * page, and no paragraph leaves a single line behind or carries one over. */
static void test_keeps(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    rnode *body = add(d, d->root, RN_BODY, 1);
    static const char *const words[] = {"housing", "improvement", "the", "board", "noted",
                                        "tenants", "and", "rescheduled", "of", "service"};
    unsigned seed = 7;
    for (int i = 0; i < 160; i++) {
        if (i % 7 == 0) {
            rnode *h = add(d, body, RN_HEADING, i + 1);
            h->level = 1 + (i / 7) % 2;
            text(d, h, "Heading kept with what follows");
        }
        strbuf sb = STRBUF_INIT;
        seed = seed * 1103515245u + 12345u;
        int n = 8 + (int)((seed >> 16) % 90);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            sb_printf(&sb, "%s%s", k ? " " : "", words[(seed >> 16) % 10]);
        }
        para(d, body, NULL, sb.data, i + 1);
        sb_free(&sb);
    }
    house_style h;
    house_style_default(&h);
    kept_pages kp = {0};
    size_t npages = layout_pages(d, &h, keep_page, &kp);
    assert_true(npages >= 8);
    assert_int_equal(kp.n, npages);
    int splits = 0;
    for (size_t p = 0; p + 1 < kp.n; p++) {
        const kept_page *a = &kp.v[p], *b = &kp.v[p + 1];
        const rnode *last = a->pl[a->len - 1].src, *next = b->pl[0].src;
        assert_true(last->type != RN_HEADING);
        if (last == next && last->type == RN_PARAGRAPH) {
            int before = 0, after = 0;
            for (size_t k = 0; k < a->len; k++) before += a->pl[k].src == last;
            for (size_t k = 0; k < b->len; k++) after += b->pl[k].src == last;
            assert_true(before >= 2);
            assert_true(after >= 2);
            splits++;
        }
        /* every line of a page lies inside the frame */
        for (size_t k = 0; k < a->len; k++) assert_true(a->pl[k].bottom <= a->frame_bottom + 0.01);
    }
    for (size_t p = 0; p < kp.n; p++) free(kp.v[p].pl);
    free(kp.v);
    assert_true(splits >= 2);   /* paragraphs did break across pages */
    rdoc_free(d);
}

/* The PDF draws a RAG word in the ink the report checked for contrast, not the house's
 * when that is too faint (white on amber). */
typedef struct {
    unsigned amber_text, other;
    int seen;
} ink_seen;

static void find_ink(const lbox *b, ink_seen *k)
{
    for (; b; b = b->next) {
        if (b->kind == LB_GROUP) find_ink(b->first, k);
        if (b->kind != LB_TEXT || !b->src) continue;
        const rnode *cell = b->src->parent;
        if (cell && cell->type == RN_CELL && cell->rag == LEVEL_AMBER) {
            k->amber_text = b->color;
            k->seen++;
        }
    }
}

static void ink_page(void *ctx, layout *L, const lpage *pg)
{
    for (size_t i = 0; i < pg->len; i++) find_ink(lpage_item(L, pg, i)->box, ctx);
}

static void test_rag_ink_checked(void **state)
{
    (void)state;
    house_style h;
    house_style_default(&h);
    h.rag[LEVEL_AMBER].ink = 0xFFFFFF;      /* about 2:1 on the amber fill */
    rdoc *d = sample(0, 0, 10);
    rdoc_set_palette(d, &h);
    ink_seen k = {0, 0, 0};
    layout_pages(d, &h, ink_page, &k);
    assert_true(k.seen > 0);
    assert_int_equal(k.amber_text, d->palette.rag[LEVEL_AMBER].ink);
    assert_int_equal(k.amber_text, 0x1A1A1A);
    rdoc_free(d);
}

/* ---- several PDFs at once, several documents in one ------------------------------ */

typedef struct {
    const rdoc *d;      /* finished */
    strbuf out;
    int rc;
} render_job;

static void *run_job(void *arg)
{
    render_job *j = arg;
    diag_list dl;
    diag_init(&dl);
    house_style h;
    house_style_default(&h);
    j->rc = pdf_render_ex(j->d, &h, font_dir(), &j->out, &dl, NULL);
    diag_free(&dl);
    return NULL;
}

static void assert_same_bytes(const strbuf *a, const strbuf *b)
{
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->data, b->data, a->len);
}

/* Each PDF owns its state (libharu document, fonts, compressors, the page thread): two
 * made at the same time in two threads, or interleaved in one, are byte for byte the
 * PDFs made one after the other. */
static void test_writers_are_independent(void **state)
{
    (void)state;
    rdoc *d1 = sample(0, 0, 120), *d2 = sample(3, 0, 30);
    d1->epoch = d2->epoch = "1262304000";
    strbuf ref1 = STRBUF_INIT, ref2 = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    assert_int_equal(render(d1, &ref1, &dl, NULL), 0);
    assert_int_equal(render(d2, &ref2, &dl, NULL), 0);
    assert_true(ref1.len != ref2.len);

    /* concurrently, in two threads, three rounds */
    for (int round = 0; round < 3; round++) {
        render_job j1 = {d1, STRBUF_INIT, -1}, j2 = {d2, STRBUF_INIT, -1};
        pthread_t t1, t2;
        assert_int_equal(pthread_create(&t1, NULL, run_job, &j1), 0);
        assert_int_equal(pthread_create(&t2, NULL, run_job, &j2), 0);
        pthread_join(t1, NULL);
        pthread_join(t2, NULL);
        assert_int_equal(j1.rc, 0);
        assert_int_equal(j2.rc, 0);
        assert_same_bytes(&j1.out, &ref1);
        assert_same_bytes(&j2.out, &ref2);
        sb_free(&j1.out);
        sb_free(&j2.out);
    }

    /* interleaved in one thread: both open, documents added in turn, finished in the
     * other order */
    house_style h;
    house_style_default(&h);
    pdf_writer *w1 = pdf_writer_new(&h, font_dir(), &dl);
    pdf_writer *w2 = pdf_writer_new(&h, font_dir(), &dl);
    assert_non_null(w1);
    assert_non_null(w2);
    assert_int_equal(pdf_writer_add(w1, d1), 0);
    assert_int_equal(pdf_writer_add(w2, d2), 0);
    strbuf o1 = STRBUF_INIT, o2 = STRBUF_INIT;
    assert_int_equal(pdf_writer_finish(w2, &o2), 0);
    assert_int_equal(pdf_writer_finish(w1, &o1), 0);
    pdf_writer_free(w1);
    pdf_writer_free(w2);
    assert_same_bytes(&o1, &ref1);
    assert_same_bytes(&o2, &ref2);
    assert_int_equal(dl.errors, 0);

    sb_free(&o1);
    sb_free(&o2);
    sb_free(&ref1);
    sb_free(&ref2);
    diag_free(&dl);
    rdoc_free(d1);
    rdoc_free(d2);
}

/* Two documents in one PDF: every page of both, numbered through ("Page N of M" counts
 * them all), each document with its own front page and furniture. */
static void test_two_documents_in_one_pdf(void **state)
{
    (void)state;
    rdoc *d1 = sample(0, 0, 10), *d2 = sample(3, 0, 10);
    d2->organisation = "Copeland Borough Council";
    house_style h;
    house_style_default(&h);
    diag_list dl;
    diag_init(&dl);
    pdf_stats s1, s2;
    strbuf one = STRBUF_INIT;
    assert_int_equal(render(d1, &one, &dl, &s1), 0);
    sb_reset(&one);
    assert_int_equal(render(d2, &one, &dl, &s2), 0);
    pdf_writer *w = pdf_writer_new(&h, font_dir(), &dl);
    assert_non_null(w);
    assert_int_equal(pdf_writer_add(w, d1), 0);     /* finished by render above */
    assert_int_equal(pdf_writer_add(w, d2), 0);
    strbuf out = STRBUF_INIT;
    assert_int_equal(pdf_writer_finish(w, &out), 0);
    pdf_stats st = pdf_writer_stats(w);
    pdf_writer_free(w);
    size_t pages = s1.pages + s2.pages;
    assert_int_equal(st.pages, pages);
    char path[400];
    snprintf(path, sizeof path, "%s/two.pdf", tmpdir());
    write_file(path, &out);
    if (have("pdftotext") && have("pdfinfo")) {
        char *o = run("pdfinfo '%s' 2>/dev/null", path);
        assert_int_equal((size_t)atoi(strstr(o, "Pages:") + 6), pages);
        free(o);
        /* the second document's first page: its own front page, numbered on */
        o = run("pdftotext -f %zu -l %zu '%s' - 2>/dev/null", s1.pages + 1, s1.pages + 1, path);
        char want[64];
        snprintf(want, sizeof want, "Page %zu of %zu", s1.pages + 1, pages);
        assert_non_null(strstr(o, want));
        assert_non_null(strstr(o, "NOT FOR PUBLICATION"));
        assert_non_null(strstr(o, "Copeland Borough Council"));
        free(o);
        o = run("pdftotext -f 1 -l %zu '%s' - 2>/dev/null", s1.pages, path);
        assert_null(strstr(o, "NOT FOR PUBLICATION"));
        free(o);
    }
    if (have("qpdf")) {
        char *o = run("qpdf --check '%s' 2>&1", path);
        assert_non_null(strstr(o, "No syntax or stream encoding errors"));
        free(o);
    }
    /* tagged as one: a Document over the two documents' Parts */
    assert_int_equal(ua_check(path), 1);
    {
        char *o = run("/usr/bin/python3 -c \"import pikepdf,sys; r=pikepdf.open(sys.argv[1]).Root."
                      "StructTreeRoot.K; print(r.S, [str(k.S) for k in r.K])\" '%s' 2>&1", path);
        assert_non_null(strstr(o, "/Document ['/Part', '/Part']"));
        free(o);
    }
    sb_free(&one);
    sb_free(&out);
    diag_free(&dl);
    rdoc_free(d1);
    rdoc_free(d2);
}

/* Our own content stream: numbers to the hundredth, relative text moves that do not
 * drift, colours to three decimals, glyphs as binary strings with ( ) \\ and CR
 * escaped, marked content. */
static void test_content_operators(void **state)
{
    (void)state;
    pops o;
    po_init(&o, NULL, 800, NULL, 1);
    o.fname[FACE_REGULAR] = "F1";     /* as the page would name it */
    po_artifact(&o, NULL);
    po_fill(&o, 0x1A1A1A);
    po_stroke(&o, 0x8A94A3, 0.4);
    po_rect(&o, 62.36221, 100, 35.999, 29);
    po_op(&o, "B");
    po_fill(&o, 0x1A1A1A);          /* unchanged: nothing written */
    po_end_marked(&o);
    po_begin_text(&o);
    po_tagged(&o, "P", 7);
    /* "(", ")", "\\", and U+0D0A whose first byte is CR */
    po_text(&o, FACE_REGULAR, 9, 0xFFFFFF, 10.004, 20, "a(b)\\c\xE0\xB4\x8A", 9, 0);
    double x = 10.004;
    for (int i = 0; i < 30; i++) {
        x += 0.333;
        po_text(&o, FACE_REGULAR, 9, 0xFFFFFF, x, 20, "x", 1, i == 29);
    }
    po_end_marked(&o);
    po_end_text(&o);
    size_t n;
    unsigned char *b = po_take(&o, &n);
    static const char want[] =
        "/Artifact BMC\n"
        ".102 .102 .102 rg\n.541 .58 .639 RG\n.4 w\n62.36 671 36 29 re\nB\nEMC\n"
        "BT\n/P<</MCID 7>>BDC\n/F1 9 Tf\n1 1 1 rg\n10 780 Td\n"
        "(\0a\0\\(\0b\0\\)\0\\\\\0c\\r\n)Tj\n";
    assert_true(n > sizeof want - 1);
    assert_memory_equal(b, want, sizeof want - 1);
    /* thirty moves of 0.333 from 10.004: the last at 20 (20.00 - 10.00 written in steps
     * that add up exactly), the glyph string ending with a space */
    const char *end = (const char *)b + n, *p = (const char *)b + sizeof want - 1;
    assert_non_null(memmem(p, (size_t)(end - p), "(\0x\0 )Tj", 8));
    long total = 1000;      /* hundredths: 10.00 */
    int moves = 0;
    while ((p = memmem(p, (size_t)(end - p), " Td\n", 4))) {
        const char *q = p;
        while (q[-1] != '\n') q--;
        total += lround(strtod(q, NULL) * 100);
        moves++;
        p += 4;
    }
    assert_int_equal(moves, 30);
    assert_int_equal(total, lround((10.004 + 30 * 0.333) * 100));
    assert_memory_equal(end - 7, "EMC\nET\n", 7);
    free(b);
    po_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_widths_match_libharu),
        cmocka_unit_test(test_knuth_plass),
        cmocka_unit_test(test_render_sample),
        cmocka_unit_test(test_exempt_and_dates),
        cmocka_unit_test(test_missing_font_is_an_error),
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_long_title_capped_in_xmp),
        cmocka_unit_test(test_tall_row),
        cmocka_unit_test(test_keeps),
        cmocka_unit_test(test_rag_ink_checked),
        cmocka_unit_test(test_writers_are_independent),
        cmocka_unit_test(test_two_documents_in_one_pdf),
        cmocka_unit_test(test_content_operators),
    };
    int rc = cmocka_run_group_tests_name("pdf", tests, NULL, NULL);
    /* TABLED_KEEP_PDF=1 keeps the PDFs for a look */
    if (strcmp(tmpdir(), "/tmp") && !getenv("TABLED_KEEP_PDF")) {
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir());
        if (system(cmd) != 0) rc = rc ? rc : 1;
    } else if (getenv("TABLED_KEEP_PDF")) {
        printf("PDFs kept in %s\n", tmpdir());
    }
    return rc;
}
