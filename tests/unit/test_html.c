/* test_html.c - the HTML renderer: structure, accessibility hooks, and escaping of
 * untrusted text. With TABLED_HTML_SAMPLE=/tmp/x.html (and TABLED_HTML_INDEX_SAMPLE)
 * set, also writes a sample paper (and index) for looking at in a browser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/house.h"
#include "render/html/html_render.h"
#include "report/index_doc.h"
#include "report/report.h"
#include "util/fileio.h"

/* ---- building a tree by hand ---------------------------------------------- */

static const char *S(rdoc *d, const char *s) { return arena_strdup(&d->arena, s); }

static rnode *para(rdoc *d, rnode *parent, const char *num, const char *text)
{
    rnode *p = rnode_add(d, parent, RN_PARAGRAPH);
    if (num) p->number = S(d, num);
    if (text) rnode_add_text(d, p, text);
    return p;
}

static rnode *heading(rdoc *d, rnode *parent, int level, const char *num, const char *id,
                      const char *text)
{
    rnode *h = rnode_add(d, parent, RN_HEADING);
    h->level = level;
    if (num) h->number = S(d, num);
    if (id) h->id = S(d, id);
    rnode_add_text(d, h, text);
    return h;
}

static rnode *field(rdoc *d, rnode *fs, const char *label, const char *value)
{
    rnode *f = rnode_add(d, fs, RN_FIELD);
    f->text = S(d, label);
    if (value) para(d, f, NULL, value);
    return f;
}

static rnode *row(rdoc *d, rnode *t, unsigned flags)
{
    rnode *r = rnode_add(d, t, RN_ROW);
    r->flags = flags;
    return r;
}

static rnode *cell(rdoc *d, rnode *r, const char *text, unsigned flags, rag_level rag)
{
    rnode *c = rnode_add(d, r, RN_CELL);
    c->flags = flags;
    c->rag = rag;
    rnode_add_text(d, c, text);
    return c;
}

static rnode *table(rdoc *d, rnode *parent, const char *id, const char *caption, int ncols)
{
    rnode *t = rnode_add(d, parent, RN_TABLE);
    t->id = S(d, id);
    t->ncols = ncols;
    rnode *cap = rnode_add(d, t, RN_CAPTION);
    rnode_add_text(d, cap, caption);
    return t;
}

static rnode *link(rdoc *d, rnode *parent, const char *url, const char *text)
{
    rnode *a = rnode_add(d, parent, RN_LINK);
    a->url = S(d, url);
    rnode_add_text(d, a, text);
    return a;
}

static rnode *badge(rdoc *d, rnode *parent, rag_level l, const char *text)
{
    rnode *b = rnode_add(d, parent, RN_BADGE);
    b->rag = l;
    b->text = S(d, text);
    return b;
}

/* A realistic paper: an executive update on a housing improvement plan. */
static rdoc *sample_doc(void)
{
    rdoc *d = rdoc_new();
    d->title = d->subject = "Housing Improvement Plan \xE2\x80\x93 progress update";
    d->committee = "Executive";
    d->meeting_date = "13 January 2011";
    d->meeting_iso = "2011-01-13";
    d->item = "6";
    d->report_of = "Director of Regeneration & Development";
    d->organisation = "Norwich City Council";
    d->variant = "executive";
    d->variant_title = "Report to Executive";
    d->as_at = "31 December 2010";

    rnode *fs = rnode_add(d, d->root, RN_FRONT_SHEET);
    field(d, fs, "Report of", "Director of Regeneration & Development");
    field(d, fs, "Purpose",
          "To report progress with the Housing Improvement Plan as at 31 December 2010 and "
          "the actions that are overdue or have been rescheduled.");
    field(d, fs, "Recommendations",
          "The Executive notes progress and agrees the revised dates in Appendix A.");
    field(d, fs, "Financial consequences",
          "The financial consequences of this report are met from existing resources.");
    field(d, fs, "Risk assessment", "Risks are recorded in the plan's risk register (Appendix B).");
    field(d, fs, "Executive member", "Councillor Arthur \xE2\x80\x93 Housing and Adult Services");
    field(d, fs, "Ward", "All");
    rnode *cf = field(d, fs, "Contact officers", NULL);
    rnode *cp = para(d, cf, NULL, "Jerry Massey, 01603 212225, ");
    link(d, cp, "mailto:jerrymassey@norwich.gov.uk", "jerrymassey@norwich.gov.uk");
    rnode *ds = field(d, fs, "Decision status", NULL);
    rnode *dt = table(d, ds, "decision-status", "Decision status", 2);
    rnode *r = row(d, dt, 0);
    cell(d, r, "Key decision", RF_ROW_HEADER, LEVEL_NONE);
    cell(d, r, "No", 0, LEVEL_NONE);
    r = row(d, dt, 0);
    cell(d, r, "Appeared in forward plan", RF_ROW_HEADER, LEVEL_NONE);
    cell(d, r, "Yes", 0, LEVEL_NONE);

    rnode *body = rnode_add(d, d->root, RN_BODY);
    heading(d, body, 1, "1", "s-1", "Summary");
    rnode *p = para(d, body, "1.1", "This is the fourth progress report on the ");
    link(d, p, "#app-a", "Housing Improvement Plan");
    rnode_add_text(d, p, ", following the Audit Commission inspection in January 2009. Of 60 "
                         "actions, 31 are complete and 4 are overdue; the plan as a whole is ");
    badge(d, p, LEVEL_AMBER, "Amber");
    rnode_add_text(d, p, ".");
    p = para(d, body, "1.2", "The Audit Commission's report is published at ");
    link(d, p, "https://www.audit-commission.gov.uk/inspection/norwich", "the Commission's website");
    rnode_add_text(d, p, ".");

    heading(d, body, 1, "2", "s-2", "Progress by theme");
    para(d, body, "2.1", "Table 1 shows the actions in each theme by status as at 31 December 2010.");
    rnode *t = table(d, body, "rollup", "Table 1: actions by theme and status", 6);
    r = row(d, t, RF_HEADER);
    const char *hdr[] = {"Theme", "Actions", "Complete", "Overdue", "% complete", "RAG"};
    for (int i = 0; i < 6; i++) {
        rnode *c = cell(d, r, hdr[i], 0, LEVEL_NONE);
        if (i > 0 && i < 5) c->flags |= RF_NUMERIC;
    }
    struct {
        const char *theme, *n, *c, *o, *pc;
        rag_level rag;
        const char *word;
    } rows[] = {
        {"A Consultation, engagement and vision", "12", "9", "0", "75%", LEVEL_GREEN, "Green"},
        {"B Access and customer care", "10", "4", "2", "40%", LEVEL_RED, "Red"},
        {"C Tenancy and estate management", "14", "8", "1", "57%", LEVEL_AMBER, "Amber"},
        {"D Income management", "9", "9", "0", "100%", LEVEL_COMPLETE, "Complete"},
        {"E Value for money", "15", "1", "1", "7%", LEVEL_NOT_DUE, "Not yet due"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        r = row(d, t, 0);
        cell(d, r, rows[i].theme, RF_ROW_HEADER, LEVEL_NONE);
        cell(d, r, rows[i].n, RF_NUMERIC, LEVEL_NONE);
        cell(d, r, rows[i].c, RF_NUMERIC, LEVEL_NONE);
        cell(d, r, rows[i].o, RF_NUMERIC, LEVEL_NONE);
        cell(d, r, rows[i].pc, RF_NUMERIC, LEVEL_NONE);
        cell(d, r, rows[i].word, 0, rows[i].rag);
    }
    t->flags |= RF_COMPUTED;

    heading(d, body, 2, "2.2", "s-2-2", "Overdue actions");
    rnode *l = rnode_add(d, body, RN_LIST);
    l->flags |= RF_ORDERED;
    l->start = 1;
    rnode *it = rnode_add(d, l, RN_ITEM);
    it->number = "2.3";
    para(d, it, NULL, "B.3, publish revised service standards, is 40 days overdue; the draft "
                      "awaits the tenants' panel.");
    it = rnode_add(d, l, RN_ITEM);
    it->number = "2.4";
    para(d, it, NULL, "C.7, the estate inspection programme, has been rescheduled to March 2011.");
    para(d, body, NULL, "The officer team continues to meet:");
    l = rnode_add(d, body, RN_LIST);
    l->flags |= RF_TIGHT;
    const char *bul[] = {"weekly, to review the plan;", "monthly, with the Housing Improvement Board;",
                         "quarterly, with the Scrutiny Committee."};
    for (int i = 0; i < 3; i++) para(d, rnode_add(d, l, RN_ITEM), NULL, bul[i]);

    heading(d, body, 1, "3", "s-3", "Conclusion");
    para(d, body, "3.1", "The Executive is invited to note the progress made and to agree the "
                         "revised dates set out in Appendix A.");
    rnode *q = rnode_add(d, body, RN_BLOCKQUOTE);
    para(d, q, NULL, "\xE2\x80\x9C" "A decent home within the reach of every citizen.\xE2\x80\x9D");

    rnode *app = rnode_add(d, d->root, RN_APPENDIX);
    app->number = "A";
    app->id = "app-a";
    app->flags = RF_WIDE;
    heading(d, app, 1, "Appendix A", NULL, "Exceptions as at 31 December 2010");
    para(d, app, NULL, "Actions that are overdue or whose due date has been revised.");
    t = table(d, app, "exceptions", "Overdue and rescheduled actions", 6);
    t->flags = RF_COMPUTED;
    r = row(d, t, RF_HEADER);
    const char *eh[] = {"Ref", "Action", "Who", "When", "Status", "RAG"};
    for (int i = 0; i < 6; i++) cell(d, r, eh[i], 0, LEVEL_NONE);
    const char *themes[] = {"A Consultation, engagement and vision", "B Access and customer care",
                            "C Tenancy and estate management"};
    for (int g = 0; g < 3; g++) {
        r = row(d, t, RF_GROUP);
        cell(d, r, themes[g], 0, LEVEL_NONE);
        for (int k = 1; k <= 7; k++) {
            char ref[16], who[64];
            snprintf(ref, sizeof ref, "%c.%d", 'A' + g, k);
            snprintf(who, sizeof who, "%s", k % 2 ? "Web Manager / HSM" : "Sandra Franklin");
            r = row(d, t, 0);
            cell(d, r, ref, RF_ROW_HEADER, LEVEL_NONE);
            cell(d, r, k % 3 ? "Implement the online forms and test them with the customer focus group"
                             : "Consult with the focus group on the current service standards",
                 0, LEVEL_NONE);
            cell(d, r, who, 0, LEVEL_NONE);
            cell(d, r, "November 2010, revised March 2011", 0, LEVEL_NONE);
            if (k % 3 == 0) {
                cell(d, r, "Overdue: 40 days", 0, LEVEL_NONE);
                cell(d, r, "Red", 0, LEVEL_RED);
            } else {
                cell(d, r, "Rescheduled", 0, LEVEL_NONE);
                cell(d, r, "Amber", 0, LEVEL_AMBER);
            }
        }
    }

    app = rnode_add(d, d->root, RN_APPENDIX);
    app->number = "B";
    app->id = "app-b";
    heading(d, app, 1, "B", NULL, "Risk register"); /* a bare letter */
    heading(d, app, 2, NULL, NULL, "Risks reviewed this quarter");
    rnode *no = rnode_add(d, app, RN_NOTICE);
    para(d, no, NULL, "No risks are overdue for review.");
    rnode *code = rnode_add(d, app, RN_CODE_BLOCK);
    code->text = "tabled rollup plans/norwich-hip/plan.yaml --as-at 2010-12-31";
    return d;
}

static char *css_text(void)
{
    char *data = NULL;
    size_t len = 0;
    const char *why = NULL;
    if (read_file("templates/html/paper.css", 1 << 20, &data, &len, &why) != 0) return NULL;
    return data;
}

/* The document finished (as the builder would), then rendered. */
static char *render(rdoc *d, const char *css)
{
    rdoc_finish(d);
    strbuf out = STRBUF_INIT;
    html_render(d, css, &out);
    return sb_detach(&out);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

#define assert_has(hay, needle)                                                        \
    do {                                                                               \
        if (!strstr((hay), (needle))) fail_msg("missing in output: %s", (needle));     \
    } while (0)
#define assert_lacks(hay, needle)                                                      \
    do {                                                                               \
        if (strstr((hay), (needle))) fail_msg("unexpected in output: %s", (needle));   \
    } while (0)

/* The index of papers (a report description) as HTML. */
static char *index_html(const paper_record *p, size_t n, const house_style *h, const char *css)
{
    rdoc *d = build_index(p, n, NULL, 0, h);
    strbuf out = STRBUF_INIT;
    html_render(d, css, &out);
    rdoc_free(d);
    return sb_detach(&out);
}

#define PAPER(committee_, date_, iso_, item_, subject_, org_, html_, pdf_)                       \
    {.committee = committee_, .meeting_date = date_, .meeting_iso = iso_, .item = item_,         \
     .subject = subject_, .organisation = org_, .html_href = html_, .pdf_href = pdf_,            \
     .summary = {{0}, 0, -1, LEVEL_NONE}}

/* ---- tests ---------------------------------------------------------------- */

static void test_structure(void **state)
{
    (void)state;
    rdoc *d = sample_doc();
    char *html = render(d, NULL);
    assert_true(!strncmp(html, "<!doctype html>\n<html lang=\"en-GB\">", 35));
    assert_has(html, "<meta charset=\"utf-8\">");
    assert_has(html, "<meta name=\"viewport\"");
    assert_has(html, "<title>Housing Improvement Plan \xE2\x80\x93 progress update \xE2\x80\x93 "
                     "Executive \xE2\x80\x93 13 January 2011</title>");
    assert_has(html, "<header class=\"front-sheet\">");
    assert_has(html, "<p class=\"org\">Norwich City Council</p>");
    /* the masthead: heading with the item beside it, the date; not again as fields */
    assert_has(html, "<p class=\"variant\">Report to Executive <span class=\"item\">Item 6</span></p>");
    assert_has(html, "<p class=\"date\">13 January 2011</p>");
    assert_lacks(html, "<dt>Item</dt>");
    assert_lacks(html, "<dt>Date</dt>");
    assert_has(html, "<dt>Report of</dt><dd>Director of Regeneration &amp; Development</dd>");
    assert_has(html, "<h1>Housing Improvement Plan");
    assert_has(html, "<main id=\"main\">");
    /* numbers are visible text */
    assert_has(html, "<h2 id=\"s-1\"><span class=\"num\">1</span> Summary</h2>");
    assert_has(html, "<p class=\"np\" id=\"p-1-1\"><span class=\"num\">1.1</span> This is");
    assert_has(html, "<li class=\"np\" id=\"p-2-3\"><span class=\"num\">2.3</span> ");
    /* level-2 heading under a level-1 section is h3; no skipped levels */
    assert_has(html, "<h3 id=\"s-2-2\"><span class=\"num\">2.2</span> Overdue actions</h3>");
    assert_lacks(html, "<h4");
    /* tables */
    assert_has(html, "<caption id=\"rollup-caption\">Table 1: actions by theme and status</caption>");
    assert_has(html, "role=\"region\" tabindex=\"0\" aria-labelledby=\"rollup-caption\"");
    assert_has(html, "<thead>\n<tr><th scope=\"col\">Theme</th>");
    /* each body cell labelled with its column's header, for a phone's cards */
    assert_has(html, "<table id=\"rollup\" class=\"cards");
    assert_has(html, "<th scope=\"row\" data-label=\"Theme\">A Consultation, engagement and vision</th>");
    assert_has(html, " class=\"rag rag-red\">Red</td>");
    assert_has(html, " class=\"rag rag-complete\">Complete</td>");
    assert_has(html, " class=\"rag rag-not-due\">Not yet due</td>");
    assert_has(html, " class=\"n\">75%</td>");
    assert_has(html, "<th scope=\"rowgroup\" colspan=\"6\">B Access and customer care</th>");
    assert_has(html, "<span class=\"badge rag-amber\">Amber</span>");
    /* links */
    assert_has(html, "<a href=\"#app-a\">Housing Improvement Plan</a>");
    assert_has(html, "<a href=\"mailto:jerrymassey@norwich.gov.uk\">");
    assert_has(html, "<a href=\"https://www.audit-commission.gov.uk/inspection/norwich\">");
    /* appendices */
    assert_has(html, "<section class=\"appendix wide\" id=\"app-a\" aria-labelledby=\"app-a-title\">");
    assert_has(html, "<h2 id=\"app-a-title\"><span class=\"num\">Appendix A</span> Exceptions");
    assert_has(html, "<h3>Risks reviewed this quarter</h3>");
    assert_has(html, "<h2 id=\"app-b-title\"><span class=\"num\">Appendix B</span> Risk register</h2>");
    assert_has(html, "<div class=\"notice\" role=\"note\">");
    /* house colours, and no scripts or external resources */
    assert_has(html, ".rag-complete{background-color:#5B2C83;color:#FFFFFF}");
    assert_lacks(html, "<script");
    assert_lacks(html, "<link");
    assert_lacks(html, "src=\"http");
    assert_lacks(html, "NOT FOR PUBLICATION");
    /* every id is unique */
    assert_int_equal(count(html, "id=\"p-1-1\""), 1);
    free(html);
    rdoc_free(d);
}

static void test_exempt(void **state)
{
    (void)state;
    rdoc *d = sample_doc();
    d->exempt_paragraph = 3;
    char *html = render(d, NULL);
    assert_has(html, "<p class=\"exempt\"><strong>NOT FOR PUBLICATION</strong> &#8211; by virtue of "
                     "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972</p>");
    assert_has(html, "<p class=\"exempt-foot\"><strong>NOT FOR PUBLICATION</strong> &#8211; by virtue "
                     "of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972</p>");
    assert_has(html, "@top-right{content:\"NOT FOR PUBLICATION - by virtue of paragraph 3 of Part 1 "
                     "of Schedule 12A to the Local Government Act 1972\"}");
    free(html);
    rdoc_free(d);
}

static void test_heading_levels_never_skip(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    d->subject = "S";
    rnode *body = rnode_add(d, d->root, RN_BODY);
    heading(d, body, 3, NULL, NULL, "deep first");     /* -> h2 */
    heading(d, body, 5, NULL, NULL, "deeper");         /* -> h3 */
    heading(d, body, 2, NULL, NULL, "back up");        /* -> h2 */
    heading(d, body, 4, NULL, NULL, "down two");       /* -> h3 */
    heading(d, body, 1, NULL, NULL, "top");            /* -> h2 */
    char *html = render(d, NULL);
    assert_has(html, "<h2>deep first</h2>");
    assert_has(html, "<h3>deeper</h3>");
    assert_has(html, "<h2>back up</h2>");
    assert_has(html, "<h3>down two</h3>");
    assert_has(html, "<h2>top</h2>");
    assert_lacks(html, "<h4");
    free(html);
    rdoc_free(d);
}

static void test_duplicate_ids(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    rnode *body = rnode_add(d, d->root, RN_BODY);
    para(d, body, "1.1", "a");
    para(d, body, "1.1", "b");
    heading(d, body, 1, NULL, "main", "clashes with <main id>");
    char *html = render(d, NULL);
    assert_int_equal(count(html, "id=\"p-1-1\""), 1);
    assert_int_equal(count(html, "id=\"p-1-1-2\""), 1);
    assert_int_equal(count(html, "id=\"main\""), 1);
    free(html);
    rdoc_free(d);
}

#define XSS1 "<script>alert(1)</script>"
#define XSS2 "\"><img src=x onerror=alert(1)>"
#define XSS3 "'><svg onload=alert(1)>"
#define EVIL XSS1 XSS2 XSS3

static void assert_safe(const char *html)
{
    assert_lacks(html, "<script");
    assert_lacks(html, "<img src=x");
    assert_lacks(html, "<svg");
    assert_lacks(html, "\"><img");
    assert_lacks(html, "javascript:");
    assert_lacks(html, "JAVASCRIPT:");
    assert_lacks(html, "vbscript:");
    assert_lacks(html, "data:text");
    assert_lacks(html, "</style><");
    /* every onerror= / onload= is inside escaped text, never an attribute */
    for (const char *p = html; (p = strstr(p, "onerror=")); p++) {
        const char *lt = p;
        while (lt > html && *lt != '<' && *lt != '>') lt--;
        assert_true(*lt == '>' || lt == html); /* in text content, not in a tag */
    }
    for (const char *p = html; (p = strstr(p, "onload=")); p++) {
        const char *lt = p;
        while (lt > html && *lt != '<' && *lt != '>') lt--;
        assert_true(*lt == '>' || lt == html);
    }
}

static void test_escaping(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    d->title = d->subject = d->committee = d->meeting_date = d->meeting_iso = d->item = EVIL;
    d->report_of = d->organisation = d->variant = d->variant_title = d->as_at = EVIL;
    d->lang = "en-GB\"><script>alert(1)</script>";
    d->exempt_paragraph = 2;
    rnode *fs = rnode_add(d, d->root, RN_FRONT_SHEET);
    field(d, fs, EVIL, EVIL);
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *h = heading(d, body, 1, EVIL, EVIL, EVIL);
    (void)h;
    rnode *p = para(d, body, EVIL, EVIL);
    link(d, p, "javascript:alert(1)", EVIL);
    link(d, p, " JAVASCRIPT:alert(1)", EVIL);
    link(d, p, "vbscript:msgbox(1)", EVIL);
    link(d, p, "data:text/html;base64,PHNjcmlwdD4=", EVIL);
    link(d, p, "https://example.org/\"><script>alert(1)</script>", EVIL);
    link(d, p, "#\"><script>alert(1)</script>", EVIL);
    rnode *code = rnode_add(d, p, RN_CODE);
    code->text = S(d, EVIL);
    badge(d, p, LEVEL_RED, EVIL);
    rnode *img = rnode_add(d, p, RN_IMAGE);
    img->url = S(d, "/etc/passwd");
    img->text = S(d, EVIL);
    rnode *img2 = rnode_add(d, p, RN_IMAGE);
    img2->url = S(d, "javascript:alert(1)");
    img2->text = S(d, EVIL);
    rnode *l = rnode_add(d, body, RN_LIST);
    rnode *it = rnode_add(d, l, RN_ITEM);
    it->number = S(d, EVIL);
    para(d, it, NULL, EVIL);
    rnode *cb = rnode_add(d, body, RN_CODE_BLOCK);
    cb->text = S(d, EVIL "</style></pre>");
    rnode *t = rnode_add(d, body, RN_TABLE);
    t->id = S(d, EVIL);
    rnode *cap = rnode_add(d, t, RN_CAPTION);
    rnode_add_text(d, cap, EVIL);
    rnode *r = row(d, t, RF_HEADER);
    cell(d, r, EVIL, 0, LEVEL_NONE);
    r = row(d, t, RF_GROUP);
    cell(d, r, EVIL, 0, LEVEL_NONE);
    r = row(d, t, 0);
    cell(d, r, EVIL, RF_ROW_HEADER, (rag_level)LEVEL_RED);
    rnode *app = rnode_add(d, d->root, RN_APPENDIX);
    app->number = S(d, EVIL);
    app->id = S(d, EVIL);
    heading(d, app, 1, EVIL, EVIL, EVIL);
    rnode *no = rnode_add(d, app, RN_NOTICE);
    para(d, no, EVIL, EVIL);

    char *html = render(d, "body{color:red}</style><script>alert(1)</script><style>");
    const char *dump = getenv("TABLED_HTML_HOSTILE");
    if (dump) assert_int_equal(write_file_atomic(dump, html, strlen(html)), 0);
    assert_safe(html);
    /* the text survives, escaped */
    assert_has(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_has(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assert_has(html, "&#39;&gt;&lt;svg onload=alert(1)&gt;");
    /* unsafe links lose the link but keep their text */
    assert_lacks(html, "href=\"javascript");
    assert_lacks(html, "href=\" JAVASCRIPT");
    assert_has(html, "<a href=\"https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E\">");
    assert_has(html, "<a href=\"#%22%3E%3Cscript%3Ealert(1)%3C/script%3E\">");
    /* the image is not inlined (not PNG/JPEG); its alt text is shown instead */
    assert_lacks(html, "root:");
    assert_lacks(html, "<img");
    free(html);

    /* the index escapes too, and refuses scheme-like hrefs */
    paper_record e = PAPER(EVIL, EVIL, EVIL, EVIL, EVIL, EVIL, "javascript:alert(1)",
                           "javascript:alert(1)");
    char *ix = index_html(&e, 1, NULL, NULL);
    assert_safe(ix);
    assert_has(ix, "href=\"./javascript%3Aalert(1)\"");
    free(ix);
    rdoc_free(d);
}

static void test_control_characters(void **state)
{
    (void)state;
    rdoc *d = rdoc_new();
    rnode *body = rnode_add(d, d->root, RN_BODY);
    para(d, body, NULL, "a\x01" "b\x7f" "c\xC2\x85" "d\xFF" "e\xEF\xBF\xBF" "f\r\n");
    char *html = render(d, NULL);
    assert_has(html, "<p>abcd\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f\n</p>");
    free(html);
    rdoc_free(d);
}

static void test_image_inlined(void **state)
{
    (void)state;
    /* a 1x1 PNG */
    static const unsigned char png[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8,
        0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    char path[] = "/tmp/tabled-test-html-XXXXXX.png";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(png, 1, sizeof png, f), sizeof png);
    fclose(f);

    rdoc *d = rdoc_new();
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *p = para(d, body, NULL, NULL);
    rnode *img = rnode_add(d, p, RN_IMAGE);
    img->url = path;
    img->text = "Chart of actions by status";
    rdoc_add_image(d, path, png, sizeof png);   /* the bytes the builder checked */
    rnode *missing = rnode_add(d, p, RN_IMAGE);
    missing->url = "/nonexistent/chart.png";
    missing->text = "Missing chart";
    char *html = render(d, NULL);
    remove(path);
    assert_has(html, "<img alt=\"Chart of actions by status\" width=\"1\" height=\"1\" "
                     "src=\"data:image/png;base64,iVBORw0KGgo");
    assert_has(html, "<span class=\"img-alt\">Missing chart</span>");
    free(html);
    rdoc_free(d);
}

static void test_index(void **state)
{
    (void)state;
    paper_record e[3] = {
        PAPER("Scrutiny Committee", "22 July 2010", "2010-07-22", "5", "B progress report",
              "Norwich City Council", "norwich-hip/scrutiny-2010-07.html", NULL),
        PAPER("Executive", "13 January 2011", "2011-01-13", "6", "Housing Improvement Plan update",
              "Norwich City Council", "norwich-hip/exec-2011-01.html", "norwich-hip/exec-2011-01.pdf"),
        PAPER("Scrutiny Committee", "22 July 2010", "2010-07-22", "4", "A progress report",
              "Norwich City Council", "norwich-hip/a.html", "norwich-hip/a.pdf"),
    };
    e[1].summary.count[STATUS_COMPLETE] = 31;
    e[1].summary.count[STATUS_OVERDUE] = 4;
    e[1].summary.count[STATUS_ON_TARGET] = 25;
    e[1].summary.total = 60;
    e[1].summary.percent_complete = 52;
    e[1].summary.rag = LEVEL_AMBER;
    char *h = index_html(e, 3, NULL, NULL);
    assert_has(h, "<title>Committee papers \xE2\x80\x93 Norwich City Council</title>");
    assert_has(h, "<p class=\"org\">Norwich City Council</p>");
    assert_has(h, "<h1>Committee papers</h1>");
    assert_has(h, "<caption id=\"papers-caption\">");
    const char *p1 = strstr(h, "Housing Improvement Plan update");
    const char *p2 = strstr(h, "A progress report");
    const char *p3 = strstr(h, "B progress report");
    assert_true(p1 && p2 && p3 && p1 < p2 && p2 < p3);
    assert_has(h, "<td data-label=\"Actions by status\">31 Complete, 25 On target, 4 Overdue (60 in all)</td>");
    assert_has(h, " class=\"n al-r\">52%</td>");
    assert_has(h, "<span class=\"badge rag-amber\">Amber</span>");
    assert_has(h, "<a href=\"norwich-hip/exec-2011-01.pdf\">PDF</a>");
    assert_has(h, "<th scope=\"row\" data-label=\"Subject\"><a href=\"norwich-hip/a.html\">A progress report</a></th>");
    assert_has(h, "<span class=\"badge rag-none\">Not rated</span>");
    assert_lacks(h, "<th scope=\"col\">Organisation</th>");     /* one organisation */
    free(h);

    /* the house's words, as in the papers' tables */
    house_style hs;
    house_style_default(&hs);
    hs.rag[LEVEL_AMBER].word = "Slipping";
    h = index_html(e, 3, &hs, NULL);
    assert_has(h, "<span class=\"badge rag-amber\">Slipping</span>");
    assert_lacks(h, ">Amber</span>");
    free(h);

    /* several organisations: a column; none: a row that says so */
    e[2].organisation = "Copeland Borough Council";
    h = index_html(e, 3, NULL, NULL);
    assert_has(h, "<th scope=\"col\">Organisation</th>");
    assert_has(h, "<title>Committee papers</title>");
    free(h);
    h = index_html(NULL, 0, NULL, NULL);
    assert_has(h, "<p>0 papers, newest first.");
    assert_has(h, "No papers.");
    free(h);
}

/* Writes sample files for looking at (not a check). */
static void test_write_sample(void **state)
{
    (void)state;
    const char *path = getenv("TABLED_HTML_SAMPLE");
    const char *ipath = getenv("TABLED_HTML_INDEX_SAMPLE");
    char *css = css_text();
    if (path) {
        rdoc *d = sample_doc();
        if (getenv("TABLED_HTML_SAMPLE_EXEMPT")) d->exempt_paragraph = 3;
        char *html = render(d, css);
        assert_int_equal(write_file_atomic(path, html, strlen(html)), 0);
        free(html);
        rdoc_free(d);
    }
    if (ipath) {
        paper_record e[2] = {
            PAPER("Executive", "13 January 2011", "2011-01-13", "6", "Housing Improvement Plan update",
                  "Norwich City Council", "norwich-hip/exec.html", "norwich-hip/exec.pdf"),
            PAPER("Scrutiny Committee", "22 July 2010", "2010-07-22", "5",
                  "Progress report on the Housing Improvement Plan", "Norwich City Council",
                  "norwich-hip/scrutiny.html", NULL),
        };
        e[0].summary = (rdoc_summary){{0}, 60, 52, LEVEL_AMBER};
        e[1].summary = (rdoc_summary){{0}, 58, 31, LEVEL_RED};
        e[0].summary.count[STATUS_COMPLETE] = 31;
        e[0].summary.count[STATUS_ON_TARGET] = 21;
        e[0].summary.count[STATUS_RESCHEDULED] = 4;
        e[0].summary.count[STATUS_OVERDUE] = 4;
        e[1].summary.count[STATUS_COMPLETE] = 18;
        e[1].summary.count[STATUS_ON_TARGET] = 22;
        e[1].summary.count[STATUS_NOT_YET_DUE] = 6;
        e[1].summary.count[STATUS_OVERDUE] = 12;
        char *ix = index_html(e, 2, NULL, css);
        assert_int_equal(write_file_atomic(ipath, ix, strlen(ix)), 0);
        free(ix);
    }
    free(css);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_exempt),
        cmocka_unit_test(test_heading_levels_never_skip),
        cmocka_unit_test(test_duplicate_ids),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_image_inlined),
        cmocka_unit_test(test_index),
    };
    int failed = cmocka_run_group_tests_name("html", tests, NULL, NULL);
    /* Sample files to look at, only when asked for (TABLED_HTML_SAMPLE=path). */
    if (getenv("TABLED_HTML_SAMPLE") || getenv("TABLED_HTML_INDEX_SAMPLE")) {
        const struct CMUnitTest samples[] = {cmocka_unit_test(test_write_sample)};
        failed += cmocka_run_group_tests_name("html samples", samples, NULL, NULL);
    }
    return failed;
}
