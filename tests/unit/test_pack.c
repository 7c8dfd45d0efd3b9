/* test_pack.c - agenda packs and exempt appendices, piece by piece: the meeting file's
 * loader (numbering, duplicates, positioned errors), the {exempt=N} marker, paths
 * resolved against the meeting file, a paper's exempt appendix in both editions (the
 * public one never reads the appendix's bytes, and keeps the letters), the agenda's
 * words (the exclusion of the public names every exempt item and appendix), and the
 * PDF writer's pack machinery (one layout drawn into two PDFs gives the bytes of two
 * layouts; pages measured, inserted in front and numbered through). */
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
#include "load/meeting_load.h"
#include "load/paper_load.h"
#include "load/plan_load.h"
#include "model/house.h"
#include "render/pdf/pdf_render.h"
#include "report/agenda_doc.h"
#include "report/build_ctx.h"
#include "report/build_paper.h"
#include "report/report.h"
#include "util/fileio.h"

#define TEST(name) static void name(void **state __attribute__((unused)))

static const char *font_dir(void)
{
    const char *d = getenv("TABLED_FONT_DIR");
    return d && *d ? d : "fonts";
}

/* ---- meeting files ------------------------------------------------------------------ */

static meeting *load(const char *yaml, diag_list *dl)
{
    diag_init(dl);
    return meeting_load_buffer("tests/m.yaml", yaml, strlen(yaml), dl);
}

/* Is there a diagnostic at line:col whose message holds what? */
static int has_diag(const diag_list *dl, int line, int col, const char *what)
{
    for (size_t i = 0; i < dl->len; i++)
        if (dl->items[i].pos.line == line && (!col || dl->items[i].pos.col == col) &&
            strstr(dl->items[i].message, what))
            return 1;
    return 0;
}

#define HEAD "meeting:\n  council: C\n  committee: Cabinet\n  date: 2011-02-15\nitems:\n"

TEST(test_items_numbered_in_order)
{
    diag_list dl;
    meeting *m = load(HEAD
                      "  - standard: apologies\n"
                      "  - {title: Budget, number: 6}\n"
                      "  - title: Next\n"
                      "  - {title: Late, supplementary: added}\n"
                      "  - {title: Later, supplementary: added}\n"
                      "  - {title: Own, number: 9b}\n"
                      "  - title: After\n"
                      "  - {title: Follows, supplementary: to-follow}\n",
                      &dl);
    assert_non_null(m);
    const char *want[] = {"1", "6", "7", "7A", "7B", "9b", "8", "9"};
    assert_int_equal(m->n_items, 8);
    for (size_t i = 0; i < 8; i++) assert_string_equal(m->items[i].number, want[i]);
    assert_int_equal(m->items[0].kind, ITEM_APOLOGIES);
    assert_int_equal(m->items[3].supplementary, SUPP_ADDED);
    assert_int_equal(m->items[7].supplementary, SUPP_TO_FOLLOW);
    assert_int_equal(m->date.day, 15);
    meeting_free(m);
    diag_free(&dl);
}

TEST(test_meeting_errors_are_positioned)
{
    diag_list dl;
    meeting *m = load("meeting:\n"
                      "  council: C\n"
                      "  comittee: Cabinet\n"          /* 3 */
                      "  date: 2011-02-30\n"           /* 4 */
                      "items:\n"
                      "  - standard: apologise\n"      /* 6 */
                      "  - {title: A, exempt: yes}\n"  /* 7 */
                      "  - {title: B, exempt: 9}\n"    /* 8 */
                      "  - {title: C, number: 1}\n"    /* 9 */
                      "  - standard: apologies\n"
                      "  - standard: apologies\n"      /* 11 */
                      "  - paper: nowhere.md\n"        /* 12 */
                      "  - text: no title\n"           /* 13 */
                      "  - {standard: declarations, exempt: 2}\n",  /* 14 */
                      &dl);
    assert_non_null(m);     /* read as far as it goes, so its papers are checked too */
    assert_true(has_diag(&dl, 3, 3, "did you mean 'committee'"));
    assert_true(has_diag(&dl, 4, 9, "does not exist"));
    assert_true(has_diag(&dl, 6, 15, "did you mean 'apologies'"));
    assert_true(has_diag(&dl, 7, 0, "Schedule 12A"));
    assert_true(has_diag(&dl, 8, 0, "from 1 to 7"));
    assert_true(has_diag(&dl, 9, 0, "duplicate item: item 1"));
    assert_true(has_diag(&dl, 11, 5, "duplicate item: the agenda already has the apologies"));
    assert_true(has_diag(&dl, 12, 12, "does not exist"));
    assert_true(has_diag(&dl, 13, 5, "needs 'standard'"));
    assert_true(has_diag(&dl, 14, 0, "cannot be exempt"));
    meeting_free(m);
    diag_free(&dl);
    /* YAML that cannot be read gives no meeting */
    assert_null(load("meeting: [\n", &dl));
    assert_true(dl.errors > 0);
    diag_free(&dl);
}

/* 'illustrative' is the whole meeting (a flag) or the details made up for a real one. */
TEST(test_illustrative_details)
{
    diag_list dl;
    meeting *m = load("meeting:\n  council: C\n  committee: Cabinet\n  date: 2011-02-15\n"
                      "  illustrative: [time, Venue, clerk]\n"
                      "items:\n  - standard: apologies\n", &dl);
    assert_non_null(m);
    assert_int_equal(dl.len, 0);
    assert_false(m->illustrative);
    assert_int_equal(m->illustrative_details,
                     MEETING_DETAIL_TIME | MEETING_DETAIL_VENUE | MEETING_DETAIL_CLERK);
    meeting_free(m);
    diag_free(&dl);
    m = load("meeting:\n  council: C\n  committee: Cabinet\n  date: 2011-02-15\n"
             "  illustrative: yes\nitems:\n  - standard: apologies\n", &dl);
    assert_true(m->illustrative);
    assert_int_equal(m->illustrative_details, 0);
    meeting_free(m);
    diag_free(&dl);
    m = load("meeting:\n  council: C\n  committee: Cabinet\n  date: 2011-02-15\n"
             "  illustrative: [time, room]\nitems:\n  - standard: apologies\n", &dl);
    assert_true(has_diag(&dl, 5, 24, "must be one of time, venue, membership, clerk, published"));
    meeting_free(m);
    diag_free(&dl);
}

/* Five clear working days between publication and meeting, weekends left out. */
TEST(test_notice_of_publication)
{
    static const struct { const char *published; int warnings, errors; } cases[] = {
        {"2011-02-07", 0, 0},   /* Mon for Tue 15 Feb: 8, 9, 10, 11, 14 */
        {"2011-02-08", 1, 0},   /* four */
        {"2011-02-01", 0, 0},
        {"2011-02-14", 1, 0},   /* none */
        {"2011-02-15", 0, 1},   /* the day itself */
        {"2011-03-01", 0, 1},   /* after */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[256];
        snprintf(yaml, sizeof yaml, HEAD "  - standard: apologies\n");
        char *at = strstr(yaml, "items:");
        char rest[128];
        snprintf(rest, sizeof rest, "%s", at);
        snprintf(at, sizeof yaml - (size_t)(at - yaml), "  published: %s\n%s", cases[i].published, rest);
        diag_list dl;
        meeting *m = load(yaml, &dl);
        assert_non_null(m);
        if ((int)dl.warnings != cases[i].warnings || (int)dl.errors != cases[i].errors)
            fail_msg("published %s: %zu warnings, %zu errors", cases[i].published,
                     (size_t)dl.warnings, (size_t)dl.errors);
        if (cases[i].warnings) assert_true(has_diag(&dl, 5, 14, "clear working day"));
        meeting_free(m);
        diag_free(&dl);
    }
}

TEST(test_order_of_business)
{
    diag_list dl;
    meeting *m = load(HEAD
                      "  - title: A\n"                 /* 6 */
                      "  - {title: B, exempt: 3}\n"    /* 7: before the exclusion */
                      "  - standard: exclusion\n"      /* 8 */
                      "  - {title: C, exempt: 1}\n"
                      "  - title: D\n",                /* 10: after it, not exempt */
                      &dl);
    assert_non_null(m);
    int exempt[] = {0, 3, 0, 1, 0}, parts[] = {0, 0, 0, 0, 0};
    meeting_check_order(m, exempt, parts, &dl);
    assert_true(has_diag(&dl, 7, 0, "must come after the exclusion"));
    assert_true(has_diag(&dl, 10, 5, "comes after the exclusion of the public"));
    assert_int_equal(dl.errors, 2);
    meeting_free(m);
    diag_free(&dl);
    /* exempt items and no exclusion item at all */
    m = load(HEAD "  - {title: B, exempt: 3}\n", &dl);
    int e1[] = {3}, p1[] = {0};
    meeting_check_order(m, e1, p1, &dl);
    assert_true(has_diag(&dl, 6, 0, "add '- standard: exclusion'"));
    meeting_free(m);
    diag_free(&dl);
}

TEST(test_paths_resolved)
{
    struct {
        const char *dir, *rel, *want;
    } t[] = {{"plans/meetings", "../norwich-hip/x.md", "plans/norwich-hip/x.md"},
             {"plans/meetings", "./a/../b.md", "plans/meetings/b.md"},
             {".", "../x.md", "../x.md"},
             {"/a/b", "../../../c.md", "/c.md"},
             {"a", "/abs/p.md", "/abs/p.md"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *r = path_resolve(t[i].dir, t[i].rel);
        assert_string_equal(r, t[i].want);
        free(r);
    }
}

/* ---- exempt appendices -------------------------------------------------------------- */

TEST(test_exempt_marker)
{
    int para;
    assert_int_equal(exempt_marker("Tender prices {exempt=3}", &para), 13);
    assert_int_equal(para, 3);
    assert_int_equal(exempt_marker("Tender prices { exempt = 1 } ", &para), 13);
    assert_int_equal(para, 1);
    assert_int_equal(exempt_marker("Prices {exempt: 3}", &para), 6);
    assert_int_equal(para, -1);     /* malformed: found, but no paragraph */
    assert_int_equal(exempt_marker("Prices {exempt=12}", &para), 6);
    assert_int_equal(para, 12);     /* out of range: the caller says so */
    assert_int_equal(exempt_marker("Prices {note}", &para), (size_t)-1);
    assert_int_equal(exempt_marker("Prices", &para), (size_t)-1);
}

static const char PLAN[] =
    "plan:\n"
    "  title: Test Plan\n"
    "  organisation: Testshire County Council\n"
    "themes:\n"
    "  - {ref: A, title: Alpha}\n"
    "actions:\n"
    "  - {ref: A.1, theme: A, description: One, start: 2010-04, due: 2010-06}\n";

static const char VARIANT[] =
    "name: plain\n"
    "title: Report to {committee}\n"
    "fields:\n"
    "  - {key: committee, label: Committee}\n";

static const char PAPER[] =
    "---\n"
    "variant: plain\n"
    "as-at: 2010-12-31\n"
    "committee: Cabinet\n"
    "meeting: 2011-02-15\n"
    "subject: Tenders\n"
    "---\n"
    "\n"
    "# Introduction\n"                              /* line 9 */
    "\n"
    "The report.\n"
    "\n"
    "# Appendix: Scoring\n"                         /* 13: A */
    "\n"
    "Public scores.\n"
    "\n"
    "# Appendix: Tender prices {exempt=3}\n"        /* 17: B */
    "\n"
    "Zanzibarquux bid 1.2 million.\n"
    "\n"
    "# Not an appendix: a sub-heading of B\n"
    "\n"
    "Zanzibarquux again.\n"
    "\n"
    "# Appendix: Timetable\n"                       /* 25: C */
    "\n"
    "Public timetable.\n";

typedef struct {
    char dir[128];
    variant_set vs;
    plan *pl;
    paper *pp;
    analysis *an;
    house_style h;
    diag_list dl;
} fixture;

static void fixture_load(fixture *f, const char *md)
{
    memset(f, 0, sizeof *f);
    diag_init(&f->dl);
    house_style_default(&f->h);
    snprintf(f->dir, sizeof f->dir, "/tmp/tabled-test-pack-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    char path[256];
    snprintf(path, sizeof path, "%s/plain.yaml", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(VARIANT, fp);
    fclose(fp);
    assert_int_equal(variants_load(&f->vs, f->dir, &f->dl), 0);
    unlink(path);
    rmdir(f->dir);
    f->pl = plan_load_buffer("plan.yaml", PLAN, sizeof PLAN - 1, &f->dl);
    assert_non_null(f->pl);
    f->pp = paper_load_buffer("paper.md", md, strlen(md), &f->vs, &f->dl);
    assert_non_null(f->pp);
    f->an = analyse(f->pl, date_last_day(f->pp->as_at), NULL, &f->h.theme_rag);
}

static void fixture_free(fixture *f)
{
    analysis_free(f->an);
    paper_free(f->pp);
    plan_free(f->pl);
    variants_free(&f->vs);
    diag_free(&f->dl);
}

static const rnode *appendix(const rdoc *d, char letter)
{
    for (const rnode *k = d->root->first; k; k = k->next)
        if (k->type == RN_APPENDIX && k->number && k->number[0] == letter) return k;
    return NULL;
}

TEST(test_exempt_appendix_editions)
{
    fixture f;
    fixture_load(&f, PAPER);
    exempt_parts parts;
    assert_int_equal(exempt_parts_find(f.pp, &f.dl, &parts), 1);
    assert_int_equal(parts.v[0].letter, 'B');
    assert_int_equal(parts.v[0].paragraph, 3);
    assert_int_equal(parts.v[0].line, 17);
    assert_string_equal(parts.v[0].title, "Tender prices");
    /* the part runs to the next appendix: the level-1 heading inside it is its own */
    assert_non_null(strstr(f.pp->markdown + parts.v[0].start, "Zanzibarquux again"));
    assert_int_equal(strncmp(f.pp->markdown + parts.v[0].end, "# Appendix: Timetable", 21), 0);

    rdoc *priv = build_paper_ex(f.pp, f.pl, f.an, &f.h, EDITION_PRIVATE, &parts, NULL, &f.dl);
    rdoc *pub = build_paper_ex(f.pp, f.pl, f.an, &f.h, EDITION_PUBLIC, &parts, "7", &f.dl);
    assert_int_equal(f.dl.errors, 0);
    /* private: in full, the appendix marked, its heading without the marker */
    const rnode *b = appendix(priv, 'B');
    assert_non_null(b);
    assert_int_equal(b->exempt, 3);
    char *t = rnode_plain_text(b->first);
    assert_string_equal(t, "Tender prices");
    free(t);
    assert_non_null(priv->furniture.part_mark);
    assert_non_null(strstr(priv->furniture.part_reason[3], "paragraph 3"));
    t = rnode_plain_text(priv->root);
    assert_non_null(strstr(t, "Zanzibarquux"));
    free(t);
    assert_int_equal(appendix(priv, 'A')->exempt, 0);
    /* public: no byte of it; the notice in its place; the letters kept */
    t = rnode_plain_text(pub->root);
    assert_null(strstr(t, "Zanzibarquux"));
    assert_null(strstr(t, "exempt="));
    assert_non_null(strstr(t, "paragraph 3 of Part 1 of Schedule 12A"));
    assert_non_null(strstr(t, "Public timetable"));
    assert_non_null(strstr(t, "Public scores"));
    free(t);
    const rnode *pb = appendix(pub, 'B'), *pc = appendix(pub, 'C');
    assert_non_null(pb);
    assert_non_null(pc);
    assert_int_equal(pb->exempt, 0);    /* the notice is public: no page of it is marked */
    assert_null(pub->furniture.part_mark);
    t = rnode_plain_text(pc);
    assert_non_null(strstr(t, "Timetable"));
    free(t);
    /* the agenda item, for a paper that gives none */
    assert_string_equal(pub->item, "7");
    rdoc_free(priv);
    rdoc_free(pub);
    exempt_parts_free(&parts);
    fixture_free(&f);
}

TEST(test_marker_not_on_an_appendix)
{
    fixture f;
    fixture_load(&f, "---\nvariant: plain\nas-at: 2010-12-31\nsubject: S\n---\n"
                     "# Introduction {exempt=3}\n\nText.\n\n"
                     "# Appendix: A {exempt=9}\n\nText.\n");
    exempt_parts parts;
    assert_int_equal(exempt_parts_find(f.pp, &f.dl, &parts), 0);
    assert_true(has_diag(&f.dl, 6, 1, "only an appendix can be exempt"));
    assert_true(has_diag(&f.dl, 10, 1, "1 to 7"));
    exempt_parts_free(&parts);
    fixture_free(&f);
}

/* ---- the agenda ------------------------------------------------------------------- */

TEST(test_agenda_words)
{
    diag_list dl;
    meeting *m = load(HEAD
                      "  - standard: apologies\n"
                      "  - {standard: minutes, minutes-of: 2011-01-18}\n"
                      "  - {title: Progress, illustrative: true}\n"
                      "  - {title: Policy, supplementary: to-follow}\n"
                      "  - standard: exclusion\n"
                      "  - {title: Land, exempt: 3}\n",
                      &dl);
    assert_non_null(m);
    agenda_entry e[6];
    memset(e, 0, sizeof e);
    arena a;
    arena_init(&a);
    exempt_part part = {EXEMPT_PART_APPENDIX, 1, 'B', "Households", 0, 0, 0};
    for (size_t i = 0; i < 6; i++) {
        e[i].item = &m->items[i];
        e[i].title = agenda_item_title(&a, &m->items[i], NULL);
        e[i].exempt = m->items[i].exempt;
    }
    e[2].parts = &part;
    e[2].n_parts = 1;
    e[2].first = 4;
    e[5].first = 9;
    agenda_spec s = {0};
    s.m = m;
    s.items = e;
    s.n = 6;
    rdoc *d = build_agenda(&s, NULL);
    char *t = rnode_plain_text(d->root);
    assert_non_null(strstr(t, "To approve the minutes of the meeting held on 18 January 2011."));
    assert_non_null(strstr(t, "Progress (illustrative)"));
    assert_non_null(strstr(t, "Appendix B to item 3, Households: paragraph 1"));
    assert_non_null(strstr(t, "Item 6, Land: paragraph 3"));
    assert_non_null(strstr(t, "To follow"));
    free(t);
    assert_string_equal(e[0].row_id, "item-1");
    assert_string_equal(e[5].row_id, "item-6");
    assert_string_equal(agenda_bookmark_title(&a, &e[2]), "3. Progress");
    /* a bookmark's quotes and dashes are set as the agenda prints them */
    agenda_entry quoted = e[2];
    quoted.title = "The \"quick win\" - Council's plan";
    assert_string_equal(agenda_bookmark_title(&a, &quoted),
                        "3. The \xE2\x80\x9Cquick win\xE2\x80\x9D \xE2\x80\x93 Council\xE2\x80\x99s plan");
    assert_string_equal(d->meeting_date, "Tuesday 15 February 2011");
    rdoc_free(d);
    /* the supplementary agenda: the item to follow, with its page in S */
    s.kind = AGENDA_SUPPLEMENTARY;
    s.page_prefix = "S";
    e[3].first = 2;
    d = build_agenda(&s, NULL);
    t = rnode_plain_text(d->root);
    assert_non_null(strstr(t, "Policy"));
    assert_non_null(strstr(t, "S2"));
    assert_null(strstr(t, "Apologies"));
    free(t);
    rdoc_free(d);
    arena_free(&a);
    meeting_free(m);
    diag_free(&dl);
}

/* ---- the PDF writer's packs -------------------------------------------------------- */

static rdoc *doc(const char *title, int paras)
{
    rdoc *d = rdoc_new();
    d->title = d->subject = title;
    d->organisation = "Testshire County Council";
    d->committee = "Cabinet";
    d->meeting_date = "15 February 2011";
    d->epoch = "1262304000";
    rnode_add(d, d->root, RN_FRONT_SHEET);
    rnode *body = rnode_add(d, d->root, RN_BODY);
    for (int i = 0; i < paras; i++) {
        rnode *h = rnode_add(d, body, RN_HEADING);
        h->level = 1;
        rnode_add_text(d, h, "Section \xC2\xA3\xC3\xA9");
        rnode_add_text(d, rnode_add(d, body, RN_PARAGRAPH),
                       "Each section of this document is long enough that the document runs to "
                       "several pages, so that pages are drawn as the layout completes them, in "
                       "every writer the document is drawn into, with the same words.");
    }
    rdoc_fingerprint(d, NULL);
    rdoc_finish(d);
    return d;
}

static void finish(pdf_writer *w, strbuf *out)
{
    assert_int_equal(pdf_writer_finish(w, out), 0);
    pdf_writer_free(w);
}

TEST(test_one_layout_two_pdfs)
{
    house_style h;
    house_style_default(&h);
    diag_list dl;
    diag_init(&dl);
    rdoc *d = doc("Shared report", 40), *other = doc("Other report \xC5\xB5", 3);
    /* apart: each writer lays the document out */
    strbuf a1 = STRBUF_INIT, a2 = STRBUF_INIT, b1 = STRBUF_INIT, b2 = STRBUF_INIT;
    pdf_writer *w1 = pdf_writer_new(&h, font_dir(), &dl), *w2 = pdf_writer_new(&h, font_dir(), &dl);
    assert_int_equal(pdf_writer_add(w1, d), 0);
    assert_int_equal(pdf_writer_add(w2, other), 0);
    assert_int_equal(pdf_writer_add(w2, d), 0);
    finish(w1, &a1);
    finish(w2, &a2);
    /* together: the shared document laid out once and drawn into both */
    w1 = pdf_writer_new(&h, font_dir(), &dl);
    w2 = pdf_writer_new(&h, font_dir(), &dl);
    assert_int_equal(pdf_writer_add(w2, other), 0);
    pdf_writer *ws[2] = {w1, w2};
    assert_int_equal(pdf_writers_add(ws, 2, d), 0);
    assert_true(pdf_writer_pages(w1) > 3);
    assert_int_equal(pdf_writer_pages(w2), pdf_writer_pages(w1) + 1);
    finish(w1, &b1);
    finish(w2, &b2);
    /* the same bytes: each writer's fonts hold exactly the glyphs it draws */
    assert_int_equal(a1.len, b1.len);
    assert_memory_equal(a1.data, b1.data, a1.len);
    assert_int_equal(a2.len, b2.len);
    assert_memory_equal(a2.data, b2.data, a2.len);
    assert_int_equal(dl.errors, 0);
    sb_free(&a1);
    sb_free(&a2);
    sb_free(&b1);
    sb_free(&b2);
    rdoc_free(d);
    rdoc_free(other);
    diag_free(&dl);
}

TEST(test_pages_in_front_numbered_through)
{
    house_style h;
    house_style_default(&h);
    diag_list dl;
    diag_init(&dl);
    rdoc *report = doc("Report", 30), *front = doc("Agenda", 1);
    pdf_writer *w = pdf_writer_new(&h, font_dir(), &dl);
    pdf_writer_pack_numbering(w, "S");
    size_t bm_front = pdf_writer_bookmark(w, "Agenda");
    size_t bm_item = pdf_writer_bookmark(w, "1. Report");
    pdf_writer_nest(w, bm_item);
    assert_int_equal(pdf_writer_add(w, report), 0);
    pdf_writer_nest(w, (size_t)-1);
    size_t rpages = pdf_writer_pages(w);
    size_t measured = pdf_writer_measure(w, front);
    assert_int_equal(pdf_writer_pages(w), rpages);     /* measuring draws nothing */
    pdf_writer_insert_before(w, 0);
    assert_int_equal(pdf_writer_add(w, front), 0);
    pdf_writer_insert_before(w, (size_t)-1);
    assert_int_equal(pdf_writer_pages(w), rpages + measured);
    size_t first, count;
    pdf_writer_doc_pages(w, 0, &first, &count);
    assert_int_equal(first, measured);
    assert_int_equal(count, rpages);
    pdf_writer_doc_pages(w, 1, &first, &count);
    assert_int_equal(first, 0);
    assert_int_equal(count, measured);
    pdf_writer_bookmark_page(w, bm_front, 0);
    pdf_writer_bookmark_page(w, bm_item, measured);
    strbuf out = STRBUF_INIT;
    finish(w, &out);
    char path[] = "/tmp/tabled-test-pack-XXXXXX.pdf";
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, out.data, out.len), (ssize_t)out.len);
    close(fd);
    if (system("command -v pdftotext >/dev/null 2>&1") == 0) {
        char cmd[256];
        /* the front document first, then the report; footers numbered S1, S2 ... */
        snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 %s - | grep -q 'Page S1$' && "
                 "pdftotext -f 1 -l 1 %s - | grep -q Agenda && "
                 "pdftotext -f %zu -l %zu %s - | grep -q 'Page S%zu$'",
                 path, path, measured + 1, measured + 1, path, measured + 1);
        assert_int_equal(system(cmd), 0);
    }
    if (system("command -v qpdf >/dev/null 2>&1") == 0) {
        char cmd[256];
        snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", path);
        assert_int_equal(system(cmd), 0);
    }
    unlink(path);
    sb_free(&out);
    rdoc_free(report);
    rdoc_free(front);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_numbered_in_order),
        cmocka_unit_test(test_meeting_errors_are_positioned),
        cmocka_unit_test(test_illustrative_details),
        cmocka_unit_test(test_notice_of_publication),
        cmocka_unit_test(test_order_of_business),
        cmocka_unit_test(test_paths_resolved),
        cmocka_unit_test(test_exempt_marker),
        cmocka_unit_test(test_exempt_appendix_editions),
        cmocka_unit_test(test_marker_not_on_an_appendix),
        cmocka_unit_test(test_agenda_words),
        cmocka_unit_test(test_one_layout_two_pdfs),
        cmocka_unit_test(test_pages_in_front_numbered_through),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
