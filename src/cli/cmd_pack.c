/* cmd_pack.c - tabled pack: a meeting's agenda packs.
 *
 * From a meeting file: the public agenda pack (the agenda, then each report in item
 * order, in one PDF numbered through, an exempt item's report replaced by its public
 * edition: the statutory notice), the private pack (everything, the exempt pages
 * marked NOT FOR PUBLICATION) when there is anything exempt, a supplementary pack (its
 * own agenda, pages S1, S2 ...) when items are to follow or were added, the page map
 * (JSON) and the agenda as a web page linking each paper's.
 *
 * Each paper is loaded, analysed, built and laid out once: a report that is the same
 * in both packs is laid out once and drawn into both PDFs (pdf_writers_add). The
 * agenda lists the page each item starts on, and its own length depends on what it
 * lists: so the reports are laid out first, the agenda is worked out until the pages
 * it lists are the pages its length gives (a fixed point, reached in two or three
 * rounds of a page or two), and its pages go in front. Nothing is written for a
 * meeting with errors, and its earlier outputs are removed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/meeting_load.h"
#include "../load/paper_load.h"
#include "../render/html/html_render.h"
#include "../render/pack_json.h"
#include "../render/pdf/pdf_render.h"
#include "../report/agenda_doc.h"
#include "../report/build_paper.h"
#include "../util/fileio.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "depfile.h"
#include "pack.h"
#include "plan_cache.h"
#include "template_set.h"

typedef struct {
    const char *outdir;
    int depfiles;
    int werror;
    int dry_run;            /* check the meeting and its papers, write nothing */
    diag_list diags;
    template_cache templates;
    plan_cache plans;
} pack_state;

/* What one item brings to the packs. */
typedef struct {
    paper *pp;                  /* its paper, or NULL */
    const plan *pl;
    analysis *an;
    exempt_parts parts;         /* the paper's exempt appendices */
    int exempt;                 /* the item's paragraph of Schedule 12A, or 0 */
    rdoc *full;                 /* the paper in full (the private pack's, and the public
                                 * pack's too when pub is NULL) */
    rdoc *pub;                  /* its public edition when that differs, else NULL */
} item_state;

/* One pack (the agenda pack, or the supplementary pack) in its editions. */
enum { ED_PUBLIC = 0, ED_PRIVATE = 1, ED__COUNT };
typedef struct {
    agenda_kind kind;
    const char *prefix;
    int editions;               /* 1 (public only) or 2 */
    pdf_writer *w[ED__COUNT];
    agenda_spec spec[ED__COUNT];
    rdoc *agenda[ED__COUNT];
    strbuf pdf[ED__COUNT];
    size_t agenda_pages[ED__COUNT];
} pack;

/* Every file a meeting's packs may have: DIR/<folder>/<slug>.* and the private ones. */
typedef struct {
    char *pdf, *supp_pdf, *json, *html, *dep;
    char *priv_pdf, *priv_supp_pdf, *priv_json;
    char *pdf_name, *supp_name;     /* the PDFs' names, for links beside them */
} outputs;

static char *fmt(const char *f, const char *a, const char *b, const char *c)
{
    size_t n = strlen(f) + strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = xmalloc(n);
    snprintf(s, n, f, a, b, c);
    return s;
}

static void outputs_init(outputs *o, const char *outdir, const char *meeting_path)
{
    char *folder = parent_dir_name(meeting_path);
    const char *base = strrchr(meeting_path, '/');
    base = base ? base + 1 : meeting_path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml")) n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml")) n -= 4;
    char *slug = strndup(base, n);
    o->pdf = fmt("%s/%s/%s.pdf", outdir, folder, slug);
    o->supp_pdf = fmt("%s/%s/%s-supplement.pdf", outdir, folder, slug);
    o->json = fmt("%s/%s/%s.json", outdir, folder, slug);
    o->html = fmt("%s/%s/%s.html", outdir, folder, slug);
    o->dep = fmt("%s/%s/%s.d", outdir, folder, slug);
    o->priv_pdf = fmt("%s/private/%s/%s.pdf", outdir, folder, slug);
    o->priv_supp_pdf = fmt("%s/private/%s/%s-supplement.pdf", outdir, folder, slug);
    o->priv_json = fmt("%s/private/%s/%s.json", outdir, folder, slug);
    o->pdf_name = fmt("%s%s%s.pdf", slug, "", "");
    o->supp_name = fmt("%s%s%s-supplement.pdf", slug, "", "");
    free(slug);
    free(folder);
}

static void outputs_free(outputs *o)
{
    char **all[] = {&o->pdf, &o->supp_pdf, &o->json, &o->html, &o->dep, &o->priv_pdf,
                    &o->priv_supp_pdf, &o->priv_json, &o->pdf_name, &o->supp_name};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) free(*all[i]);
}

/* An output that is not (or no longer) made: removed, so out/ never holds a pack that
 * does not match its sources. */
static void remove_output(pack_state *st, const char *path)
{
    if (unlink(path) != 0 && errno != ENOENT)
        diag_error(&st->diags, make_pos(path, 0, 0), "cannot remove: %s", strerror(errno));
}

static int write_out(pack_state *st, const char *path, const char *data, size_t len)
{
    if (write_file_atomic(path, data, len) != 0) {
        diag_error(&st->diags, make_pos(path, 0, 0), "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- the items ------------------------------------------------------------------- */

/* The lead officer of a paper: its own 'lead-officer' field, else its 'report-of'. The
 * public edition of an exempt paper shows only 'report-of'. */
static const char *paper_lead(const paper *p)
{
    if (!p->exempt_paragraph)
        for (size_t i = 0; i < p->n_fields; i++)
            if (p->fields[i].given && !strcmp(p->fields[i].def->key, "lead-officer") &&
                p->fields[i].n_texts)
                return p->fields[i].texts[0].text;
    return p->report_of;
}

/* Does this pack carry item it's report? */
static int in_pack(agenda_kind k, const meeting_item *it)
{
    return k == AGENDA_MAIN ? it->supplementary == SUPP_NONE : it->supplementary != SUPP_NONE;
}

static void fill_entries(agenda_entry *e, const meeting *m, item_state *is, arena *a)
{
    for (size_t i = 0; i < m->n_items; i++) {
        const meeting_item *it = &m->items[i];
        const paper *p = is[i].pp;
        memset(&e[i], 0, sizeof e[i]);
        e[i].item = it;
        e[i].title = agenda_item_title(a, it, p ? p->subject : NULL);
        e[i].lead = it->lead ? it->lead : p ? paper_lead(p) : NULL;
        e[i].exempt = is[i].exempt;
        e[i].parts = is[i].parts.v;
        e[i].n_parts = is[i].parts.n;
        e[i].has_paper = p != NULL;
        if (is[i].full)
            e[i].paper_href = arena_printf(a, "../%s/%s.html", is[i].full->plan_slug,
                                           is[i].full->paper_slug);
    }
}

/* ---- a pack ------------------------------------------------------------------------ */

/* Lays the reports of this pack out into its writers, each item's beneath its
 * bookmark; docs[e][i] is item i's document in edition e, or (size_t)-1. */
static void lay_out_reports(pack *pk, const meeting *m, item_state *is, size_t *docs[ED__COUNT],
                            size_t *marks[ED__COUNT], arena *a)
{
    for (int e = 0; e < pk->editions; e++) {
        pdf_writer *w = pk->w[e];
        pdf_writer_bookmark(w, pk->kind == AGENDA_MAIN ? "Agenda" : "Supplementary agenda");
        for (size_t i = 0; i < m->n_items; i++) {
            docs[e][i] = marks[e][i] = (size_t)-1;
            if (agenda_lists(&pk->spec[e], i))
                marks[e][i] = pdf_writer_bookmark(w, agenda_bookmark_title(a, &pk->spec[e].items[i]));
        }
    }
    for (size_t i = 0; i < m->n_items; i++) {
        if (!is[i].full || !in_pack(pk->kind, &m->items[i])) continue;
        for (int e = 0; e < pk->editions; e++) pdf_writer_nest(pk->w[e], marks[e][i]);
        if (!is[i].pub) {
            /* the same in both packs: laid out once */
            pdf_writers_add(pk->w, (size_t)pk->editions, is[i].full);
            for (int e = 0; e < pk->editions; e++) docs[e][i] = pdf_writer_docs(pk->w[e]) - 1;
        } else {
            pdf_writer_add(pk->w[ED_PUBLIC], is[i].pub);
            docs[ED_PUBLIC][i] = pdf_writer_docs(pk->w[ED_PUBLIC]) - 1;
            if (pk->editions > ED_PRIVATE) {
                pdf_writer_add(pk->w[ED_PRIVATE], is[i].full);
                docs[ED_PRIVATE][i] = pdf_writer_docs(pk->w[ED_PRIVATE]) - 1;
            }
        }
    }
    for (int e = 0; e < pk->editions; e++) pdf_writer_nest(pk->w[e], (size_t)-1);
}

/* The agenda of edition e, its pages worked out until they are the pages it lists,
 * then laid out in front of the reports; bookmarks pointed. 0, or -1 (reported). */
static int place_agenda(pack_state *st, pack *pk, int e, const meeting *m, const size_t *docs,
                        const size_t *marks, const house_style *h)
{
    pdf_writer *w = pk->w[e];
    agenda_spec *a = &pk->spec[e];
    size_t n = m->n_items;
    size_t *first0 = xcalloc(n, sizeof *first0), *count = xcalloc(n, sizeof *count);
    for (size_t i = 0; i < n; i++)
        if (docs[i] != (size_t)-1) pdf_writer_doc_pages(w, docs[i], &first0[i], &count[i]);
    size_t pages = 1;   /* the agenda's length, as guessed */
    rdoc *agenda = NULL;
    for (int round = 0; round < 8 && !agenda; round++) {
        for (size_t i = 0; i < n; i++) {
            agenda_entry *x = &a->items[i];
            x->first = x->last = 0;
            if (count[i]) {
                x->first = pages + first0[i] + 1;
                x->last = x->first + count[i] - 1;
            }
        }
        rdoc *d = build_agenda(a, h);
        size_t got = pdf_writer_measure(w, d);
        if (got == pages) agenda = d;
        else {
            rdoc_free(d);
            pages = got ? got : 1;
        }
    }
    free(first0);
    free(count);
    if (!agenda) {
        diag_error(&st->diags, make_pos(m->file, 0, 0),
                   "the agenda's length does not settle (it changes the pages it lists); "
                   "please report this");
        return -1;
    }
    size_t before = pdf_writer_pages(w);
    pdf_writer_insert_before(w, 0);
    pdf_writer_add(w, agenda);
    pdf_writer_insert_before(w, (size_t)-1);
    size_t adoc = pdf_writer_docs(w) - 1;
    if (pdf_writer_pages(w) - before != pages) {
        diag_error(&st->diags, make_pos(m->file, 0, 0),
                   "the agenda took %zu pages, not the %zu measured; please report this",
                   pdf_writer_pages(w) - before, pages);
        rdoc_free(agenda);
        return -1;
    }
    pk->agenda[e] = agenda;
    pk->agenda_pages[e] = pages;
    pdf_writer_bookmark_page(w, 0, 0);
    for (size_t i = 0; i < n; i++) {
        agenda_entry *x = &a->items[i];
        if (marks[i] == (size_t)-1) continue;
        size_t row = x->row_id ? pdf_writer_anchor_page(w, adoc, x->row_id) : (size_t)-1;
        x->agenda_page = row == (size_t)-1 ? 0 : row + 1;
        if (x->first) pdf_writer_bookmark_page(w, marks[i], x->first - 1);
        else if (x->row_id) pdf_writer_bookmark_anchor(w, marks[i], adoc, x->row_id);
    }
    return 0;
}

static int make_pack(pack_state *st, pack *pk, const template_set *ts, const meeting *m,
                     item_state *is, agenda_entry *entries[ED__COUNT], arena *a)
{
    size_t n = m->n_items;
    size_t *docs[ED__COUNT], *marks[ED__COUNT];
    for (int e = 0; e < ED__COUNT; e++) {
        docs[e] = xcalloc(n ? n : 1, sizeof *docs[e]);
        marks[e] = xcalloc(n ? n : 1, sizeof *marks[e]);
    }
    int rc = 0;
    for (int e = 0; e < pk->editions; e++) {
        agenda_spec *sp = &pk->spec[e];
        memset(sp, 0, sizeof *sp);
        sp->m = m;
        sp->items = entries[e];
        sp->n = n;
        sp->kind = pk->kind;
        sp->page_prefix = pk->prefix;
        sp->private_pack = e == ED_PRIVATE;
        pk->w[e] = pdf_writer_new(&ts->house, ts->fonts, &st->diags);
        if (!pk->w[e]) rc = -1;
        else pdf_writer_pack_numbering(pk->w[e], pk->prefix);
    }
    if (rc == 0) {
        lay_out_reports(pk, m, is, docs, marks, a);
        for (int e = 0; e < pk->editions && rc == 0; e++)
            rc = place_agenda(st, pk, e, m, docs[e], marks[e], &ts->house);
        for (int e = 0; e < pk->editions && rc == 0; e++)
            rc = pdf_writer_finish(pk->w[e], &pk->pdf[e]);
    }
    for (int e = 0; e < ED__COUNT; e++) {
        free(docs[e]);
        free(marks[e]);
    }
    return rc;
}

static void pack_free(pack *pk)
{
    for (int e = 0; e < ED__COUNT; e++) {
        pdf_writer_free(pk->w[e]);
        rdoc_free(pk->agenda[e]);
        sb_free(&pk->pdf[e]);
    }
}

/* ---- one meeting ------------------------------------------------------------------- */

/* The packs' every input, for make. */
static void write_depfile(pack_state *st, const outputs *o, const template_set *ts,
                          const meeting *m, const item_state *is)
{
    strbuf targets = STRBUF_INIT, deps = STRBUF_INIT;
    dep_path(&targets, o->json);
    dep_path(&targets, o->pdf);
    dep_path(&targets, o->html);
    dep_path(&deps, m->file);
    for (size_t i = 0; i < m->n_items; i++) {
        if (!is[i].pp) continue;
        dep_path(&deps, is[i].pp->file);
        dep_plan(&deps, is[i].pl);
        if (is[i].pp->previous_path) dep_path(&deps, is[i].pp->previous_path);
        dep_images(&deps, is[i].full->root);
    }
    dep_templates(&deps, ts, 1);
    if (depfile_write(o->dep, &targets, &deps) != 0)
        diag_error(&st->diags, make_pos(o->dep, 0, 0), "cannot write: %s", strerror(errno));
    sb_free(&targets);
    sb_free(&deps);
}

/* Loads and checks the meeting's papers and builds their reports. 0, or -1 after
 * errors (since errors_before: the meeting file's own count). */
static int prepare_items(pack_state *st, const template_set *ts, const meeting *m, item_state *is,
                         size_t errors_before)
{
    size_t n = m->n_items;
    int *exempt = xcalloc(n ? n : 1, sizeof *exempt), *has_parts = xcalloc(n ? n : 1, sizeof *has_parts);
    for (size_t i = 0; i < n; i++) {
        const meeting_item *it = &m->items[i];
        exempt[i] = is[i].exempt = it->exempt;
        if (!it->paper) continue;
        paper *pp = is[i].pp = paper_load_file(it->paper, &ts->variants, &st->diags);
        if (!pp) continue;
        is[i].pl = plan_cache_paper(&st->plans, pp, &st->diags);
        exempt[i] = is[i].exempt = meeting_check_paper(m, it, pp, is[i].pl, &st->diags);
        has_parts[i] = exempt_parts_find(pp, &st->diags, &is[i].parts) > 0;
    }
    meeting_check_order(m, exempt, has_parts, &st->diags);
    free(exempt);
    free(has_parts);
    if (st->diags.errors > errors_before) return -1;
    for (size_t i = 0; i < n; i++) {
        paper *pp = is[i].pp;
        if (!pp || !is[i].pl) continue;
        day_t as_at = date_last_day(pp->as_at);
        day_t since = pp->has_since ? date_last_day(pp->since) : 0;
        is[i].an = analyse(is[i].pl, as_at, pp->has_since ? &since : NULL, &ts->house.theme_rag);
        const char *num = m->items[i].number;
        is[i].full = build_paper_ex(pp, is[i].pl, is[i].an, &ts->house, EDITION_PRIVATE,
                                    &is[i].parts, num, &st->diags);
        if (pp->exempt_paragraph || is[i].parts.n)
            is[i].pub = build_paper_ex(pp, is[i].pl, is[i].an, &ts->house, EDITION_PUBLIC,
                                       &is[i].parts, num, &st->diags);
    }
    return st->diags.errors > errors_before ? -1 : 0;
}

static void write_html(pack_state *st, const template_set *ts, const outputs *o, pack *main_pk,
                       pack *supp, const meeting *m, agenda_entry *web_entries)
{
    agenda_spec web = main_pk->spec[ED_PUBLIC];
    web.items = web_entries;
    memcpy(web_entries, main_pk->spec[ED_PUBLIC].items, m->n_items * sizeof *web_entries);
    web.web = 1;
    web.pack_href = o->pdf_name;
    web.pack_pages = pdf_writer_pages(main_pk->w[ED_PUBLIC]);
    if (supp) {
        web.supplement_href = o->supp_name;
        web.supplement_pages = pdf_writer_pages(supp->w[ED_PUBLIC]);
        web.also = &supp->spec[ED_PUBLIC];
    }
    rdoc *d = build_agenda(&web, &ts->house);
    strbuf html = STRBUF_INIT;
    html_render(d, ts->css, &html);
    write_out(st, o->html, html.data, html.len);
    sb_free(&html);
    rdoc_free(d);
}

static void pack_meeting(pack_state *st, const char *path)
{
    size_t errors_before = st->diags.errors;
    outputs o;
    outputs_init(&o, st->outdir, path);
    template_set *ts = templates_for(&st->templates, path,
                                     TS_HOUSE | TS_VARIANTS | TS_CSS | TS_FONTS, &st->diags);
    meeting *m = ts ? meeting_load_file(path, &st->diags) : NULL;
    size_t n = m ? m->n_items : 0;
    item_state *is = xcalloc(n ? n : 1, sizeof *is);
    arena a;
    arena_init(&a);
    pack main_pk, supp;
    memset(&main_pk, 0, sizeof main_pk);
    memset(&supp, 0, sizeof supp);
    main_pk.kind = AGENDA_MAIN;
    supp.kind = AGENDA_SUPPLEMENTARY;
    supp.prefix = "S";
    agenda_entry *entries[2][ED__COUNT] = {{0}};
    agenda_entry *web_entries = NULL;
    int has_supp = 0, any_exempt[2] = {0, 0};
    if (!m || prepare_items(st, ts, m, is, errors_before) != 0) goto fail;
    if (st->dry_run) goto done;

    for (size_t i = 0; i < n; i++) {
        const meeting_item *it = &m->items[i];
        has_supp |= it->supplementary != SUPP_NONE;
        int ex = is[i].exempt || is[i].parts.n;
        /* the agenda pack names the exempt items to follow; they are private there too */
        if (it->supplementary != SUPP_ADDED) any_exempt[0] |= ex;
        if (it->supplementary != SUPP_NONE) any_exempt[1] |= ex;
    }
    main_pk.editions = any_exempt[0] ? 2 : 1;
    supp.editions = any_exempt[1] ? 2 : 1;
    for (int k = 0; k < 2; k++)
        for (int e = 0; e < ED__COUNT; e++) {
            entries[k][e] = xcalloc(n, sizeof *entries[k][e]);
            fill_entries(entries[k][e], m, is, &a);
        }
    web_entries = xcalloc(n, sizeof *web_entries);
    if (make_pack(st, &main_pk, ts, m, is, entries[0], &a) != 0) goto fail;
    if (has_supp && make_pack(st, &supp, ts, m, is, entries[1], &a) != 0) goto fail;
    if (st->diags.errors > errors_before) goto fail;

    /* public: the packs, their page map and the agenda's web page */
    write_out(st, o.pdf, main_pk.pdf[ED_PUBLIC].data, main_pk.pdf[ED_PUBLIC].len);
    pack_out pub[2] = {{&main_pk.spec[ED_PUBLIC], o.pdf_name, pdf_writer_pages(main_pk.w[ED_PUBLIC]),
                        main_pk.agenda_pages[ED_PUBLIC]}, {0}};
    if (has_supp) {
        write_out(st, o.supp_pdf, supp.pdf[ED_PUBLIC].data, supp.pdf[ED_PUBLIC].len);
        pub[1] = (pack_out){&supp.spec[ED_PUBLIC], o.supp_name, pdf_writer_pages(supp.w[ED_PUBLIC]),
                            supp.agenda_pages[ED_PUBLIC]};
    } else {
        remove_output(st, o.supp_pdf);
    }
    char *html_name = strrchr(o.html, '/') ? strrchr(o.html, '/') + 1 : o.html;
    strbuf json = STRBUF_INIT;
    pack_json_write(m, html_name, pub, has_supp ? 2 : 1, &json);
    write_out(st, o.json, json.data, json.len);
    sb_reset(&json);
    write_html(st, ts, &o, &main_pk, has_supp ? &supp : NULL, m, web_entries);

    /* private: only where there is something exempt */
    pack_out priv[2];
    size_t np = 0;
    if (main_pk.editions > ED_PRIVATE) {
        write_out(st, o.priv_pdf, main_pk.pdf[ED_PRIVATE].data, main_pk.pdf[ED_PRIVATE].len);
        priv[np++] = (pack_out){&main_pk.spec[ED_PRIVATE], o.pdf_name,
                                pdf_writer_pages(main_pk.w[ED_PRIVATE]), main_pk.agenda_pages[ED_PRIVATE]};
    } else {
        remove_output(st, o.priv_pdf);
    }
    if (has_supp && supp.editions > ED_PRIVATE) {
        write_out(st, o.priv_supp_pdf, supp.pdf[ED_PRIVATE].data, supp.pdf[ED_PRIVATE].len);
        priv[np++] = (pack_out){&supp.spec[ED_PRIVATE], o.supp_name,
                                pdf_writer_pages(supp.w[ED_PRIVATE]), supp.agenda_pages[ED_PRIVATE]};
    } else {
        remove_output(st, o.priv_supp_pdf);
    }
    if (np) {
        pack_json_write(m, NULL, priv, np, &json);
        write_out(st, o.priv_json, json.data, json.len);
    } else {
        remove_output(st, o.priv_json);
    }
    sb_free(&json);
    if (st->depfiles) write_depfile(st, &o, ts, m, is);
    if (st->diags.errors == errors_before) goto done;
fail:
    if (!st->dry_run) {
        /* nothing that does not match the sources stays */
        const char *all[] = {o.pdf, o.supp_pdf, o.json, o.html, o.dep, o.priv_pdf,
                             o.priv_supp_pdf, o.priv_json};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) remove_output(st, all[i]);
    }
done:
    pack_free(&main_pk);
    pack_free(&supp);
    for (int k = 0; k < 2; k++)
        for (int e = 0; e < ED__COUNT; e++) free(entries[k][e]);
    free(web_entries);
    for (size_t i = 0; i < n; i++) {
        rdoc_free(is[i].full);
        rdoc_free(is[i].pub);
        analysis_free(is[i].an);
        exempt_parts_free(&is[i].parts);
        paper_free(is[i].pp);
    }
    free(is);
    arena_free(&a);
    meeting_free(m);
    outputs_free(&o);
}

int is_meeting_file(const char *path)
{
    /* Only a regular file is looked at: reading a pipe (/dev/stdin) would take from
     * it the lines the plan loader must read. */
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char line[256];
    int meeting = 0, items = 0;
    for (int n = 0; n < 4000 && fgets(line, sizeof line, f); n++) {
        if (!strncmp(line, "meeting:", 8)) meeting = 1;
        if (!strncmp(line, "items:", 6)) items = 1;
    }
    fclose(f);
    return meeting && items;
}

void pack_check(const char *path, diag_list *diags, template_cache *tc, plan_cache *pc)
{
    pack_state st;
    memset(&st, 0, sizeof st);
    st.dry_run = 1;
    st.outdir = "out";
    st.diags = *diags;
    st.templates = *tc;
    st.plans = *pc;
    pack_meeting(&st, path);
    *diags = st.diags;
    *tc = st.templates;
    *pc = st.plans;
}

int cmd_pack(int argc, char **argv)
{
    const char *cmd = "pack";
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    pack_state st;
    memset(&st, 0, sizeof st);
    plan_cache_init(&st.plans);
    st.outdir = "out";
    const char *o;
    int taken;
    const output_opts to = {&st.outdir, &st.templates.templates_opt, &st.templates.fonts_opt,
                            &st.depfiles, &st.dry_run, &st.werror, &st.plans.quiet};
    while ((o = opt_next(&it))) {
        int common = opt_common(&it, o);
        if (common < 0) goto usage;
        if (common) continue;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help(cmd);
            opt_free(&it);
            return EXIT_OK;
        } else if ((taken = opt_output(&it, o, &to)) != 0) {
            if (taken < 0) goto usage;
        } else {
            usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    if (!it.npositional) {
        usage_error(cmd, "nothing to pack: give meeting files (.yaml)");
        goto usage;
    }
    diag_init(&st.diags);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        if ((n > 5 && !strcmp(f + n - 5, ".yaml")) || (n > 4 && !strcmp(f + n - 4, ".yml")))
            pack_meeting(&st, f);
        else
            diag_error(&st.diags, make_pos(f, 0, 0), "not a meeting file (.yaml)");
    }
    diag_print(&st.diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    int status = st.diags.errors || (st.werror && st.diags.warnings) ? EXIT_INPUT : EXIT_OK;
    template_cache_free(&st.templates);
    plan_cache_free(&st.plans);
    diag_free(&st.diags);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
