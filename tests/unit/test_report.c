/* test_report.c - the report description decides, the renderers only draw: papers
 * built from front blocks and variants (as tabled build does), their description
 * checked, then both outputs checked against it. Each test is a defect the report
 * description fixed: the front sheet's lines and fields decided once (by key, never by
 * label), the "Report to" fallback, the title and committee shown once, the exempt
 * wording, dates typed at load, unique ids, one status order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "load/paper_load.h"
#include "load/plan_load.h"
#include "model/house.h"
#include "render/html/html_render.h"
#include "render/pdf/pdf_render.h"
#include "report/build_paper.h"
#include "report/index_doc.h"
#include "report/labels.h"
#include "report/report.h"
#include "util/hashmap.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

/* ---- building a paper as tabled build does ------------------------------------------ */

/* A plan's head: two themes, then its actions. */
#define PLAN_HEAD                                                                      \
    "plan:\n"                                                                          \
    "  title: Test Plan\n"                                                             \
    "  organisation: Testshire County Council\n"                                       \
    "themes:\n"                                                                        \
    "  - {ref: A, title: Alpha}\n"                                                     \
    "  - {ref: B, title: Beta}\n"                                                      \
    "actions:\n"

static const char PLAN[] =
    PLAN_HEAD
    "  - {ref: A.1, theme: A, description: One, start: 2010-04, due: 2010-06, status: complete, completed: 2010-06-01}\n"
    "  - {ref: A.2, theme: A, description: Two, start: 2010-04, due: 2010-09}\n"
    "  - {ref: B.1, theme: B, description: Three, start: 2010-04, due: 2011-03}\n"
    "  - {ref: B.2, theme: B, description: Four, start: 2011-01, due: 2011-03}\n";

/* The plan build() loads: PLAN unless a test names another. */
static const char *plan_src = PLAN;

static char tmp[256];

static const char *tmpdir(void)
{
    if (!tmp[0]) {
        snprintf(tmp, sizeof tmp, "/tmp/tabled-test-report-XXXXXX");
        assert_non_null(mkdtemp(tmp));
    }
    return tmp;
}

typedef struct {
    variant_set vs;
    plan *pl;
    paper *pp;
    analysis *an;
    house_style h;
    rdoc *d;
    diag_list dl;
} built;

/* The paper md built with the variant file variant_yaml (written to a folder of its
 * own) and the house style h (NULL: built-in). */
static built *build(const char *variant_yaml, const char *md, const house_style *h, edition ed)
{
    built *b = calloc(1, sizeof *b);
    assert_non_null(b);
    diag_init(&b->dl);
    if (h) b->h = *h;
    else house_style_default(&b->h);
    char dir[400], path[480];
    static int n;
    snprintf(dir, sizeof dir, "%s/v%d", tmpdir(), n++);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/variant.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(variant_yaml, f);
    fclose(f);
    assert_int_equal(variants_load(&b->vs, dir, &b->dl), 0);
    b->pl = plan_load_buffer("plan.yaml", plan_src, strlen(plan_src), &b->dl);
    assert_non_null(b->pl);
    b->pp = paper_load_buffer("paper.md", md, strlen(md), &b->vs, &b->dl);
    if (!b->pp) {
        diag_print(&b->dl, stderr, 0);
        fail_msg("the paper does not load");
    }
    b->an = analyse(b->pl, date_last_day(b->pp->as_at), NULL, &b->h.theme_rag);
    b->d = build_paper(b->pp, b->pl, b->an, &b->h, ed, &b->dl);
    if (b->dl.errors) diag_print(&b->dl, stderr, 0);
    assert_int_equal(b->dl.errors, 0);
    return b;
}

static void built_free(built *b)
{
    rdoc_free(b->d);
    analysis_free(b->an);
    paper_free(b->pp);
    plan_free(b->pl);
    variants_free(&b->vs);
    diag_free(&b->dl);
    free(b);
}

static char *html_of(const rdoc *d)
{
    strbuf out = STRBUF_INIT;
    html_render(d, NULL, &out);
    return sb_detach(&out);
}

/* The web page's front sheet (its <header>). */
static char *html_front(const rdoc *d)
{
    char *h = html_of(d);
    char *s = strstr(h, "<header class=\"front-sheet\">"), *e = s ? strstr(s, "</header>") : NULL;
    assert_non_null(e);
    char *r = strndup(s, (size_t)(e - s));
    free(h);
    return r;
}

static int have(const char *tool)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
    return system(cmd) == 0;
}

/* The text of the PDF's first page, as pdftotext reads it, lines joined by spaces;
 * NULL (and the test skipped) when poppler is not installed. */
static char *pdf_page1(const rdoc *d, const house_style *h)
{
    if (!have("pdftotext")) return NULL;
    strbuf out = STRBUF_INIT;
    diag_list dl;
    diag_init(&dl);
    const char *fonts = getenv("TABLED_FONT_DIR") ? getenv("TABLED_FONT_DIR") : "fonts";
    assert_int_equal(pdf_render(d, h, fonts, &out, &dl), 0);
    diag_free(&dl);
    char path[400], cmd[900];
    snprintf(path, sizeof path, "%s/p.pdf", tmpdir());
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(out.data, 1, out.len, f);
    fclose(f);
    sb_free(&out);
    snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 '%s' - 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    strbuf t = STRBUF_INIT;
    int c;
    while ((c = fgetc(p)) != EOF) sb_putc(&t, c == '\n' ? ' ' : (char)c);
    pclose(p);
    if (!t.data) sb_puts(&t, "");
    return sb_detach(&t);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

#define assert_has(hay, needle)                                                        \
    do {                                                                               \
        if (!strstr((hay), (needle))) fail_msg("missing: %s", (needle));               \
    } while (0)
#define assert_lacks(hay, needle)                                                      \
    do {                                                                               \
        if (strstr((hay), (needle))) fail_msg("unexpected: %s", (needle));             \
    } while (0)

static const rnode *front_of(const rdoc *d)
{
    for (const rnode *k = d->root->first; k; k = k->next)
        if (k->type == RN_FRONT_SHEET) return k;
    fail_msg("no front sheet");
    return NULL;
}

static const rnode *line_of(const rdoc *d, rfront_role role)
{
    for (const rnode *k = front_of(d)->first; k; k = k->next)
        if (k->type == RN_FRONT_LINE && k->role == role) return k;
    return NULL;
}

static const rnode *field_of(const rdoc *d, const char *key)
{
    for (const rnode *k = front_of(d)->first; k; k = k->next)
        if (k->type == RN_FIELD && k->key && !strcmp(k->key, key)) return k;
    return NULL;
}

/* ---- papers ------------------------------------------------------------------------ */

static const char EXECUTIVE[] =
    "name: executive\ntitle: Report to {committee}\nnumbering: full\nfields:\n"
    "  - {key: committee, label: Report to, required: true}\n"
    "  - {key: item, label: Item, required: true}\n"
    "  - {key: meeting, label: Date, required: true, type: date}\n"
    "  - {key: report-of, label: Report of, required: true}\n"
    "  - {key: subject, label: Subject, required: true}\n"
    "  - {key: purpose, label: Purpose, required: true}\n";

static const char EXECUTIVE_PAPER[] =
    "---\nvariant: executive\nas-at: 2010-12-31\ncommittee: Overview Board\nitem: 7\n"
    "meeting: 2011-01-13\nreport-of: Director of Zephyrs\nsubject: Quillon progress update\n"
    "purpose: To report progress.\n---\n\n# Introduction\n\nThe plan has {{ actions }} actions.\n";

/* An exception report's heading is its subject: the title shows once, and the
 * committee, which the heading does not name, as a field. */
static const char EXCEPTION[] =
    "name: exception\ntitle: \"{subject}\"\nnumbering: full\nfields:\n"
    "  - {key: committee, label: Report to, required: true}\n"
    "  - {key: meeting, label: Date, required: true, type: date}\n"
    "  - {key: summary, label: Summary, required: true}\n";

static const char EXCEPTION_PAPER[] =
    "---\nvariant: exception\nas-at: 2010-12-31\ncommittee: Overview Board\n"
    "meeting: 2011-01-26\nsubject: Quillon exception report\nsummary: Exceptions.\n---\n\n"
    "# Introduction\n\nText.\n";

TEST(test_masthead_decided_once)
{
    built *b = build(EXECUTIVE, EXECUTIVE_PAPER, NULL, EDITION_PRIVATE);
    const rdoc *d = b->d;
    const rnode *org = line_of(d, FRONT_ORGANISATION), *hd = line_of(d, FRONT_HEADING);
    assert_non_null(org);
    assert_string_equal(org->text, "Testshire County Council");
    assert_non_null(hd);
    assert_string_equal(hd->text, "Report to Overview Board");
    assert_string_equal(hd->aside, "Item 7");
    assert_string_equal(line_of(d, FRONT_DATE)->text, "13 January 2011");
    /* the subject field carries the title; no title line */
    assert_null(line_of(d, FRONT_TITLE));
    assert_true(field_of(d, "subject")->flags & RF_TITLE);
    /* what the masthead shows is not a field again */
    assert_null(field_of(d, "committee"));
    assert_null(field_of(d, "item"));
    assert_null(field_of(d, "meeting"));
    assert_non_null(field_of(d, "report-of"));

    char *h = html_front(d);
    assert_int_equal(count(h, "Quillon progress update"), 1);
    assert_int_equal(count(h, "Overview Board"), 1);
    assert_int_equal(count(h, "13 January 2011"), 1);
    assert_int_equal(count(h, "Item 7"), 1);
    assert_has(h, "<div class=\"title\"><dt>Subject</dt><dd><h1>Quillon progress update</h1></dd></div>");
    free(h);
    char *p = pdf_page1(d, &b->h);
    if (p) {
        assert_int_equal(count(p, "Quillon progress update"), 1);
        /* the masthead's heading, and the page footer ("Report to Overview Board, 13
         * January 2011"): never a "Report to" field as well */
        assert_int_equal(count(p, "Overview Board"), 2);
        assert_int_equal(count(p, "Item 7"), 1);
        assert_has(p, "Report to Overview Board, 13 January 2011");
        free(p);
    }
    built_free(b);

    b = build(EXCEPTION, EXCEPTION_PAPER, NULL, EDITION_PRIVATE);
    d = b->d;
    assert_null(line_of(d, FRONT_HEADING));     /* it would repeat the title */
    assert_string_equal(line_of(d, FRONT_TITLE)->text, "Quillon exception report");
    assert_non_null(field_of(d, "committee")); /* the heading does not name it */
    assert_null(field_of(d, "meeting"));
    h = html_front(d);
    assert_int_equal(count(h, "Quillon exception report"), 1);
    assert_int_equal(count(h, "Overview Board"), 1);
    assert_has(h, "<h1>Quillon exception report</h1>");
    free(h);
    p = pdf_page1(d, &b->h);
    if (p) {
        /* the title once on the sheet, once in the footer (the variant's title is the
         * subject) */
        assert_int_equal(count(p, "Quillon exception report"), 2);
        assert_int_equal(count(p, "Overview Board"), 1);
        free(p);
    }
    built_free(b);
    if (!have("pdftotext")) skip();
}

/* Renaming a label in a variant changes no decision: fields are known by key. */
TEST(test_fields_known_by_key_not_label)
{
    static const char renamed[] =
        "name: board\ntitle: \"{committee}\"\nnumbering: sections\nfields:\n"
        "  - {key: committee, label: Board, required: true}\n"
        "  - {key: item, label: Agenda item}\n"
        "  - {key: meeting, label: Meeting, required: true, type: date}\n"
        "  - {key: subject, label: Matter, required: true}\n"
        "  - {key: decision-date, label: Date, type: date}\n";
    static const char md[] =
        "---\nvariant: board\nas-at: 2010-12-31\ncommittee: Overview Board\nitem: 4\n"
        "meeting: 2011-01-13\nsubject: Quillon matters\ndecision-date: 2010/11 Q4\n---\n\nText.\n";
    built *b = build(renamed, md, NULL, EDITION_PRIVATE);
    const rdoc *d = b->d;
    assert_null(field_of(d, "committee"));
    assert_null(field_of(d, "item"));
    assert_null(field_of(d, "meeting"));
    /* a field labelled "Date" is still shown: it is not the meeting; its date was
     * typed when the paper was loaded and is printed as a period */
    const rnode *dd = field_of(d, "decision-date");
    assert_non_null(dd);
    char *t = rnode_plain_text(dd);
    assert_string_equal(t, "Q4 2010/11");
    free(t);
    char *h = html_front(d);
    assert_lacks(h, "<dt>Board</dt>");
    assert_lacks(h, "<dt>Agenda item</dt>");
    assert_lacks(h, "<dt>Meeting</dt>");
    assert_has(h, "<dt>Date</dt><dd>Q4 2010/11</dd>");
    assert_has(h, "<dt>Matter</dt><dd><h1>Quillon matters</h1></dd>");
    assert_int_equal(count(h, "Overview Board"), 1);
    free(h);
    char *p = pdf_page1(d, &b->h);
    if (p) {
        assert_has(p, "Q4 2010/11");
        assert_lacks(p, "Agenda item");
        assert_lacks(p, "Meeting");
        /* heading and footer, no field */
        assert_int_equal(count(p, "Overview Board"), 2);
        free(p);
    }
    built_free(b);
    if (!have("pdftotext")) skip();
}

/* A variant without a title: "Report to {committee}", worded once for the masthead and
 * the printed footer. */
TEST(test_report_to_fallback)
{
    static const char untitled[] =
        "name: plain\nnumbering: full\nfields:\n"
        "  - {key: committee, label: Report to, required: true}\n"
        "  - {key: subject, label: Subject, required: true}\n";
    static const char md[] =
        "---\nvariant: plain\nas-at: 2010-12-31\ncommittee: Cabinet\nmeeting: 2011-01-13\n"
        "subject: Quillon\n---\n\nText.\n";
    built *b = build(untitled, md, NULL, EDITION_PRIVATE);
    const rdoc *d = b->d;
    assert_string_equal(line_of(d, FRONT_HEADING)->text, "Report to Cabinet");
    assert_string_equal(d->furniture.page_foot, "Report to Cabinet, 13 January 2011");
    assert_null(field_of(d, "committee"));
    char *h = html_front(d);
    assert_has(h, "<p class=\"variant\">Report to Cabinet</p>");
    free(h);
    char *p = pdf_page1(d, &b->h);
    if (p) {
        assert_int_equal(count(p, "Report to Cabinet"), 2);     /* masthead, footer */
        free(p);
    }
    built_free(b);
    if (!have("pdftotext")) skip();
}

/* The Schedule 12A marking is worded once: both outputs say the same. */
TEST(test_exempt_wording_once)
{
    static const char md[] =
        "---\nvariant: exception\nas-at: 2010-12-31\ncommittee: Overview Board\n"
        "meeting: 2011-01-26\nsubject: Quillon tender\nsummary: The tender.\nexempt: 3\n---\n\n"
        "Text.\n";
    static const char reason[] =
        "by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972";
    built *b = build(EXCEPTION, md, NULL, EDITION_PRIVATE);
    const rdoc *d = b->d;
    assert_string_equal(d->furniture.exempt_mark, "NOT FOR PUBLICATION");
    assert_string_equal(d->furniture.exempt_reason, reason);
    char *h = html_of(d);
    assert_int_equal(count(h, reason), 3);  /* banner, page foot, printed page head */
    assert_lacks(h, "&#8211; paragraph 3");
    free(h);
    char *p = pdf_page1(d, &b->h);
    if (p) {
        assert_has(p, "NOT FOR PUBLICATION");
        assert_has(p, reason);
        free(p);
    }
    built_free(b);
    /* the public edition carries no marking, only the statutory notice */
    b = build(EXCEPTION, md, NULL, EDITION_PUBLIC);
    assert_null(b->d->furniture.exempt_mark);
    h = html_of(b->d);
    assert_lacks(h, "NOT FOR PUBLICATION");
    assert_has(h, "paragraph 3 of Part 1 of Schedule 12A");
    free(h);
    built_free(b);
    if (!have("pdftotext")) skip();
}

/* ---- ids, ranks, colours, order ------------------------------------------------------ */

static void collect_ids(const rnode *n, hashmap *seen, int *dups, int *count_ids)
{
    if (n->id) {
        (*count_ids)++;
        if (hashmap_get(seen, n->id)) (*dups)++;
        hashmap_put(seen, n->id, (void *)n->id);
    }
    for (const rnode *c = n->first; c; c = c->next) collect_ids(c, seen, dups, count_ids);
}

TEST(test_ids_unique_and_ranks)
{
    static const char md[] =
        "---\nvariant: executive\nas-at: 2010-12-31\ncommittee: Overview Board\nitem: 7\n"
        "meeting: 2011-01-13\nreport-of: R\nsubject: S\npurpose: P\n---\n\n"
        "# Main\n\nFirst.\n\n#### Deep\n\nSecond.\n\n```rollup\n```\n\n```rollup theme=A\n```\n\n"
        "# Appendix: Extra\n\n## Sub\n\nMore.\n\n# Appendix B: Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    built *b = build(EXECUTIVE, md, NULL, EDITION_PRIVATE);
    hashmap seen;
    hashmap_init(&seen);
    int dups = 0, n = 0;
    collect_ids(b->d->root, &seen, &dups, &n);
    hashmap_free(&seen);
    assert_int_equal(dups, 0);
    assert_true(n >= 10);
    char *h = html_of(b->d);
    assert_has(h, "<h2 id=\"section-1\"><span class=\"num\">1</span> Main</h2>");
    assert_has(h, "<h3>Deep</h3>");             /* written at level 4, one below its section */
    assert_has(h, "<table id=\"table-1\"");
    assert_has(h, "<table id=\"table-2\"");
    assert_has(h, "<caption id=\"table-2-caption\">");
    assert_has(h, "<section class=\"appendix\" id=\"appendix-a\" aria-labelledby=\"appendix-a-title\">");
    assert_has(h, "<h2 id=\"appendix-a-title\"><span class=\"num\">Appendix A</span> Extra</h2>");
    assert_has(h, "<h3>Sub</h3>");
    assert_has(h, "<p class=\"np\" id=\"p-1-1\">");
    assert_has(h, "aria-label=\"Table 3\"");    /* the captionless table of Appendix B */
    free(h);
    built_free(b);
}

/* The checked ink is the one every output uses. */
TEST(test_palette_checked)
{
    house_style h;
    house_style_default(&h);
    h.rag[LEVEL_AMBER].ink = 0xFFFFFF;      /* white on amber: about 2:1 */
    h.rag[LEVEL_AMBER].word = "Slipping";
    h.accent = 0xBBBBBB;                    /* too light for text on white */
    built *b = build(EXECUTIVE, EXECUTIVE_PAPER, &h, EDITION_PRIVATE);
    const rpalette *p = &b->d->palette;
    assert_int_equal(p->rag[LEVEL_AMBER].ink, 0x1A1A1A);
    assert_true(colour_contrast(p->rag[LEVEL_AMBER].fill, p->rag[LEVEL_AMBER].ink) >= 4.5);
    assert_int_equal(p->rag[LEVEL_RED].ink, 0xFFFFFF);  /* already fine: the house's */
    assert_string_equal(p->rag[LEVEL_AMBER].word, "Slipping");
    assert_false(p->accent_is_text);
    char *html = html_of(b->d);
    assert_has(html, ".rag-amber{background-color:#F2B31B;color:#1A1A1A}");
    assert_lacks(html, ":root{--accent:#BBBBBB}");
    free(html);
    built_free(b);
}

/* Every list of statuses is in one order. */
TEST(test_one_status_order)
{
    static const status_kind want[] = {STATUS_COMPLETE,   STATUS_ON_TARGET,   STATUS_RESCHEDULED,
                                       STATUS_LATE_START, STATUS_OVERDUE,     STATUS_NOT_YET_DUE,
                                       STATUS_CANCELLED};
    for (int k = 0; k < STATUS__COUNT; k++) assert_int_equal(status_order[k], want[k]);
    /* the index lists the statuses in it */
    paper_record e = {.committee = "Board", .subject = "S", .organisation = "Council",
                      .html_href = "a/s.html", .summary = {{0}, 0, -1, LEVEL_AMBER}};
    for (int k = 0; k < STATUS__COUNT; k++) e.summary.count[k] = (size_t)k + 1;
    e.summary.total = 28;
    rdoc *ix = build_index(&e, 1, NULL, 0, NULL);
    char *h = html_of(ix);
    assert_has(h, "2 Complete, 7 On target, 4 Rescheduled, 5 Late start, 3 Overdue, 6 Not yet due, "
                  "1 Cancelled (28 in all)");
    free(h);
    rdoc_free(ix);
}

/* A figure is a display list with colours by role, its header band, its text
 * alternative and the same data as a table. */
TEST(test_rag_summary_figure)
{
    static const char md[] =
        "---\nvariant: exception\nas-at: 2010-12-31\ncommittee: Overview Board\n"
        "meeting: 2011-01-26\nsubject: S\nsummary: S.\n---\n\n# Bars\n\n```rag-summary landscape\n```\n";
    built *b = build(EXCEPTION, md, NULL, EDITION_PRIVATE);
    const rnode *fig = NULL;
    for (const rnode *k = b->d->root->first; k && !fig; k = k->next)
        for (const rnode *c = k->first; c; c = c->next)
            if (c->type == RN_FIGURE) fig = c;
    assert_non_null(fig);
    assert_true(fig->flags & RF_WIDE);
    assert_false(fig->flags & RF_SHOW_DATA);
    assert_string_equal(fig->id, "figure-1");
    assert_non_null(strstr(fig->text, "Bar chart of the actions of each of the plan\u2019s 2 themes"));
    const rfigure *f = fig->figure;
    assert_non_null(f->header);             /* the scale, repeated on each page */
    assert_true(f->nbands >= 3 + 1);        /* two themes, the whole plan, the legend */
    /* theme A's bar: complete (1) and overdue (A.2 due September) in their levels */
    int complete = 0, overdue = 0;
    for (size_t i = 0; i < f->bands[0].nops; i++) {
        const fop *o = &f->bands[0].ops[i];
        if (o->kind != FO_RECT || o->fill.role != FC_RAG) continue;
        complete += o->fill.level == LEVEL_COMPLETE;
        overdue += o->fill.level == LEVEL_RED && o->pattern == FP_HATCH;
    }
    assert_int_equal(complete, 1);
    assert_int_equal(overdue, 1);
    /* the same figures as a table */
    const rnode *cap = fig->first, *table = cap->next;
    assert_int_equal(cap->type, RN_CAPTION);
    assert_int_equal(table->type, RN_TABLE);
    char *t = rnode_plain_text(table);
    assert_non_null(strstr(t, "A Alpha"));
    assert_non_null(strstr(t, "Whole plan"));
    free(t);
    /* a council's colours recolour the chart: roles, not colours, are in the list */
    assert_int_equal(palette_rgb(&b->d->palette, fc_rag(LEVEL_RED)), 0xB3261E);
    assert_int_equal(palette_rgb(&b->d->palette, fc_rag_ink(LEVEL_AMBER)), 0x1A1A1A);
    built_free(b);
}

/* ---- the seeds' wording of due dates, and values an example plan made up ---------- */

static const char WORDED_PLAN[] =
    PLAN_HEAD
    "  - {ref: A.1, theme: A, description: Ongoing work, start: 2010-04, due: 2010-10, ongoing: true, "
    "status: in-progress}\n"
    "  - {ref: A.2, theme: A, description: Deadline work, start: 2010-04, due: 2010-11, deadline: true, "
    "illustrative: [start], status: in-progress}\n"
    "  - {ref: B.1, theme: B, description: Flagged work, start: 2010-12, due: 2011-01, rag: amber, "
    "progress: Paper to the March Panel, illustrative: [rag]}\n"
    "  - {ref: B.2, theme: B, description: Made-up dates, start: 2011-01, due: 2011-03, "
    "illustrative: [start, due]}\n";

static const char PLAN_AND_EXCEPTIONS_PAPER[] =
    "---\nvariant: exception\nas-at: 2010-12-31\ncommittee: Overview Board\n"
    "meeting: 2011-01-26\nsubject: Quillon exception report\nsummary: Exceptions.\n---\n\n"
    "# Exceptions\n\n```exceptions\n```\n\n# Plan\n\n```plan\n```\n";

/* The first table whose caption starts with prefix. */
static const rnode *table_captioned(const rnode *n, const char *prefix)
{
    if (n->type == RN_TABLE && n->first && n->first->type == RN_CAPTION) {
        char *t = rnode_plain_text(n->first);
        int hit = !strncmp(t, prefix, strlen(prefix));
        free(t);
        if (hit) return n;
    }
    for (const rnode *k = n->first; k; k = k->next) {
        const rnode *t = table_captioned(k, prefix);
        if (t) return t;
    }
    return NULL;
}

/* The plain text of the row whose first cell starts with ref. */
static char *row_text(const rnode *table, const char *ref)
{
    for (const rnode *r = table->first; r; r = r->next) {
        if (r->type != RN_ROW || !r->first) continue;
        char *t = rnode_plain_text(r->first);
        int hit = !strncmp(t, ref, strlen(ref));
        free(t);
        if (hit) return rnode_plain_text(r);
    }
    fail_msg("no row %s", ref);
    return NULL;
}

TEST(test_due_wording_and_illustrative_marks)
{
    plan_src = WORDED_PLAN;
    built *b = build(EXCEPTION, PLAN_AND_EXCEPTIONS_PAPER, NULL, EDITION_PRIVATE);
    plan_src = PLAN;
    const rnode *exc = table_captioned(b->d->root, "Exceptions as at");
    const rnode *pl = table_captioned(b->d->root, "Test Plan: action plan");
    assert_non_null(exc);
    assert_non_null(pl);
    /* "and ongoing": worded as written, still overdue by its date */
    char *t = row_text(exc, "A.1");
    assert_has(t, "October 2010 and ongoing");
    assert_has(t, "Overdue");
    assert_lacks(t, "\xE2\x80\xA0");
    free(t);
    /* listed only for the officer's Amber, which is made up: said, and marked */
    t = row_text(exc, "B.1");
    assert_has(t, "Reported Amber.\xE2\x80\xA0");
    assert_has(t, "Paper to the March Panel");
    assert_has(t, "January 2011");
    assert_lacks(t, "Revised");
    free(t);
    char *all = rnode_plain_text(exc);
    assert_int_equal(count(all, "\xE2\x80\xA0"), 2);   /* the mark and the note's */
    assert_has(all, "\xE2\x80\xA0 Illustrative: made up for this example");
    free(all);
    /* the plan table: the deadline's words; made-up start, due and a status worked
     * out from them marked; seed values not */
    t = row_text(pl, "A.2");
    assert_has(t, "Must be fully implemented by November 2010");
    assert_has(t, "April 2010\xE2\x80\xA0");
    assert_lacks(t, "November 2010\xE2\x80\xA0");
    free(t);
    t = row_text(pl, "B.2");
    assert_has(t, "January 2011\xE2\x80\xA0");
    assert_has(t, "March 2011\xE2\x80\xA0");
    assert_has(t, "Not yet due\xE2\x80\xA0");
    free(t);
    all = rnode_plain_text(pl);
    assert_int_equal(count(all, "\xE2\x80\xA0"), 1 + 3 + 1);
    free(all);
    /* the note is a note row of the table (kept with the row above it) */
    assert_true(pl->last->flags & RF_NOTE);
    /* the web page says the same */
    char *h = html_of(b->d);
    assert_has(h, "October 2010 and ongoing");
    assert_has(h, "Must be fully implemented by November 2010");
    free(h);
    built_free(b);
}

TEST(test_due_wording_errors)
{
    static const char *const bad[] = {
        /* one or the other */
        "  - {ref: A.1, theme: A, description: X, due: 2010-10, ongoing: true, deadline: true}\n",
        /* a qualifier needs a date to qualify */
        "  - {ref: A.1, theme: A, description: X, due: ongoing, deadline: true}\n",
        "  - {ref: A.1, theme: A, description: X, ongoing: yes}\n",
        /* only the values that can be made up */
        "  - {ref: A.1, theme: A, description: X, due: 2010-10, illustrative: [when]}\n",
        "  - {ref: A.1, theme: A, description: X, due: 2010-10, illustrative: maybe}\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char src[1024];
        snprintf(src, sizeof src,
                 "plan: {title: T, organisation: O}\nthemes:\n  - {ref: A, title: Alpha}\nactions:\n%s", bad[i]);
        diag_list dl;
        diag_init(&dl);
        plan *pl = plan_load_buffer("plan.yaml", src, strlen(src), &dl);
        if (dl.errors != 1) {
            diag_print(&dl, stderr, 0);
            fail_msg("case %zu: %zu errors, not 1", i, dl.errors);
        }
        plan_free(pl);
        diag_free(&dl);
    }
}

/* Seed 002: a Decision Status of label and value rows (no header row), and the
 * variant's heading over the report. */
TEST(test_variant_body_heading_and_header_row)
{
    static const char CABINET[] =
        "name: cabinet\ntitle: \"{committee}\"\nbody-heading: Supporting information\n"
        "numbering: full\nfields:\n"
        "  - {key: committee, label: Report to, required: true}\n"
        "  - {key: meeting, label: Date, required: true, type: date}\n"
        "  - {key: decision-status, label: Decision Status, type: table, columns: [Decision, Status], "
        "header-row: false}\n"
        "  - {key: other, label: Other implications, type: table, columns: [Implication, Yes/No]}\n";
    static const char PAPER[] =
        "---\nvariant: cabinet\nas-at: 2010-12-31\ncommittee: Cabinet\nmeeting: 2011-01-13\n"
        "subject: Quillon review\ndecision-status:\n  - [Key Decision, \"Yes\"]\n  - [Reason, Citywide]\n"
        "other:\n  - [Policy, \"NO\"]\n---\n\n# Report\n\nText.\n";
    built *b = build(CABINET, PAPER, NULL, EDITION_PRIVATE);
    const rnode *ds = field_of(b->d, "decision-status");
    assert_non_null(ds);
    const rnode *t = ds->first;
    while (t && t->type != RN_TABLE) t = t->next;
    assert_non_null(t);
    for (const rnode *r = t->first; r; r = r->next) assert_false(r->type == RN_ROW && (r->flags & RF_HEADER));
    assert_true(t->first->first->flags & RF_ROW_HEADER);    /* "Key Decision" heads its row */
    const rnode *other = field_of(b->d, "other");
    const rnode *ot = other->first;
    while (ot && ot->type != RN_TABLE) ot = ot->next;
    assert_non_null(ot);
    assert_true(ot->first->flags & RF_HEADER);              /* a table's header row by default */
    /* the heading first in the body, unnumbered; then section 1 */
    const rnode *body = NULL;
    for (const rnode *k = b->d->root->first; k; k = k->next)
        if (k->type == RN_BODY) body = k;
    assert_non_null(body);
    assert_int_equal(body->first->type, RN_HEADING);
    assert_null(body->first->number);
    char *h = rnode_plain_text(body->first);
    assert_string_equal(h, "Supporting information");
    free(h);
    assert_string_equal(body->first->next->number, "1");
    char *html = html_of(b->d);
    assert_has(html, ">Supporting information</h2>");
    assert_lacks(html, "<th scope=\"col\">Decision</th>");
    free(html);
    built_free(b);
}

/* Every operation of a display list, through both translators: a hand-made figure
 * with a header band, a path (an indicator's trend), a polygon, lines, patterned
 * rectangles and aligned text. */
TEST(test_display_list_translators)
{
    rdoc *d = rdoc_new();
    d->subject = d->title = "Figures";
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *n = rnode_add(d, body, RN_FIGURE);
    rfigure *f = fig_new(&d->arena, 300);
    fband *h = fig_header(f, 12);
    fig_text(f, h, 300, 9, "Q1 < Q4", 7, FA_END, 0, fc(FC_MUTED));
    fig_line(f, h, 0, 11, 300, 11, fc(FC_RULE), 0.5f);
    fband *b = fig_band(f, 60);
    static const float trend[] = {0, 50, 100, 30, 200, 40, 300, 10};
    fig_path(f, b, trend, 4, 0, fc(FC_NONE), fc(FC_ACCENT), 1.5f);
    static const float tri[] = {10, 55, 20, 45, 30, 55};
    fig_path(f, b, tri, 3, 1, fc_rag(LEVEL_GREEN), fc(FC_NONE), 0);
    fig_rect(f, b, 40, 5, 50, 20, fc_rag(LEVEL_RED), FP_HATCH, fc(FC_RULE), 0.5f);
    fig_rect(f, b, 100, 5, 50, 20, fc_rag(LEVEL_AMBER), FP_DOTS, fc(FC_NONE), 0);
    fig_text(f, b, 150, 40, "Middle & \"quoted\"", 8, FA_MIDDLE, 1, fc(FC_INK));
    n->figure = f;
    n->text = "A made-up trend, rising";
    rnode *t = rnode_add(d, n, RN_TABLE);
    rnode *r = rnode_add(d, t, RN_ROW);
    rnode_add_text(d, rnode_add(d, r, RN_CELL), "Q1");
    rnode_add_text(d, rnode_add(d, r, RN_CELL), "50");
    rdoc_finish(d);
    char *html = html_of(d);
    assert_has(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 300 72\"");
    assert_has(html, "<title>A made-up trend, rising</title>");
    assert_has(html, "<text x=\"300\" y=\"9\" font-size=\"7\" text-anchor=\"end\" fill=\"#4A4F57\">Q1 &lt; Q4</text>");
    assert_has(html, "<polyline points=\"0.00,62.00 100.00,42.00 200.00,52.00 300.00,22.00\" fill=\"none\" stroke=\"#1F3A5F\" stroke-width=\"1.5\"/>");
    assert_has(html, "<polygon points=\"10.00,67.00 20.00,57.00 30.00,67.00\" fill=\"#1E7B34\"/>");
    assert_has(html, "fill=\"url(#figure-1-p1-5)\"");    /* hatched red */
    assert_has(html, "fill=\"url(#figure-1-p2-4)\"");    /* dotted amber */
    /* (a figure's labels are set as typography.c sets all printed text: curly quotes) */
    assert_has(html, "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1A1A1A\">Middle &amp; \u201Cquoted\u201D</text>");
    assert_has(html, "<details><summary>The figures as a table</summary>");
    free(html);
    house_style hs;
    house_style_default(&hs);
    char *p = pdf_page1(d, &hs);
    if (p) {
        assert_has(p, "Q1 < Q4");
        assert_has(p, "Middle & \u201Cquoted\u201D");
        assert_lacks(p, "50");     /* the table is the figure's alternative: not printed */
        free(p);
    }
    rdoc_free(d);
    if (!have("pdftotext")) skip();
}

/* Typographic quotes and dashes in every text the report prints, code apart: the
 * quote's side from the character before it, in the same text or the one before it
 * in its block (after emphasis); metadata the furniture is made from too. */
TEST(test_typography)
{
    rdoc *d = rdoc_new();
    d->subject = d->title = "Housing Plan - Update 'quick win'";
    d->organisation = "St Mary's Council";
    rnode *body = rnode_add(d, d->root, RN_BODY);
    rnode *para = rnode_add(d, body, RN_PARAGRAPH);
    rnode *a = rnode_add_text(d, para, "The \"quick win\" of the Council's plan -- see ");
    rnode *em = rnode_add(d, para, RN_EMPH);
    rnode *b = rnode_add_text(d, em, "Members");
    rnode *c = rnode_add_text(d, para, "' panel... in the '90s, 'the aim' ---");
    rnode *code = rnode_add(d, para, RN_CODE);
    code->text = "x = 'a' - \"b\"";
    rnode *cb = rnode_add(d, body, RN_CODE_BLOCK);
    cb->text = "don't -- \"change\"";
    rnode *t = rnode_add(d, body, RN_TABLE);
    rnode *r = rnode_add(d, t, RN_ROW);
    rnode *cell = rnode_add_text(d, rnode_add(d, r, RN_CELL), "\"Yes\" - 2010-11-15");
    rnode *link = rnode_add(d, body, RN_PARAGRAPH);
    rnode *l = rnode_add(d, link, RN_LINK);
    l->url = "http://example.org/a--b";
    rnode *lt = rnode_add_text(d, l, "http://example.org/a--b");
    rdoc_finish(d);
    assert_string_equal(a->text, "The \u201Cquick win\u201D of the Council\u2019s plan \u2013 see ");
    assert_string_equal(b->text, "Members");
    assert_string_equal(c->text, "\u2019 panel\u2026 in the \u201990s, \u2018the aim\u2019 \u2014");
    assert_string_equal(code->text, "x = 'a' - \"b\"");
    assert_string_equal(cb->text, "don't -- \"change\"");
    assert_string_equal(cell->text, "\u201CYes\u201D \u2013 2010-11-15");
    assert_string_equal(lt->text, "http://example.org/a--b");
    assert_string_equal(d->subject, "Housing Plan \u2013 Update \u2018quick win\u2019");
    assert_ptr_equal(d->title, d->subject);
    assert_string_equal(d->furniture.running_head, d->subject);
    assert_string_equal(d->furniture.running_head_right, "St Mary\u2019s Council");
    rdoc_free(d);
}

/* The index is a report description like any paper: the PDF renderer prints it. */
TEST(test_index_prints)
{
    paper_record e = {.committee = "Board", .meeting_date = "13 January 2011", .subject = "Quillon",
                      .organisation = "Council", .html_href = "a/q.html", .pdf_href = "a/q.pdf",
                      .summary = {{0}, 3, 33, LEVEL_GREEN}};
    e.summary.count[STATUS_COMPLETE] = 1;
    e.summary.count[STATUS_ON_TARGET] = 2;
    rdoc *ix = build_index(&e, 1, NULL, 0, NULL);
    house_style h;
    house_style_default(&h);
    char *p = pdf_page1(ix, &h);
    if (p) {
        assert_has(p, "Committee papers");
        assert_has(p, "Quillon");
        assert_has(p, "1 Complete, 2 On target (3 in all)");
        free(p);
    }
    rdoc_free(ix);
    if (!have("pdftotext")) skip();
}

static int teardown(void **state)
{
    (void)state;
    if (tmp[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
        return system(cmd) == 0 ? 0 : -1;
    }
    return 0;
}

int main(void)
{
    unsetenv("SOURCE_DATE_EPOCH");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_masthead_decided_once),
        cmocka_unit_test(test_fields_known_by_key_not_label),
        cmocka_unit_test(test_report_to_fallback),
        cmocka_unit_test(test_exempt_wording_once),
        cmocka_unit_test(test_ids_unique_and_ranks),
        cmocka_unit_test(test_palette_checked),
        cmocka_unit_test(test_one_status_order),
        cmocka_unit_test(test_rag_summary_figure),
        cmocka_unit_test(test_display_list_translators),
        cmocka_unit_test(test_index_prints),
        cmocka_unit_test(test_typography),
        cmocka_unit_test(test_due_wording_and_illustrative_marks),
        cmocka_unit_test(test_due_wording_errors),
        cmocka_unit_test(test_variant_body_heading_and_header_row),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, teardown);
}
