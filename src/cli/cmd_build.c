/* cmd_build.c - tabled build: papers to HTML and PDF, plans to JSON roll-ups, and
 * out/index.html. Each plan, template and font is loaded once per run, however many
 * papers use it. Nothing is written for a paper with errors, and every file is
 * written atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/analysis.h"
#include "../load/house_load.h"
#include "../load/paper_load.h"
#include "../load/plan_load.h"
#include "../model/house.h"
#include "../render/html/html_render.h"
#include "../render/pdf/pdf_render.h"
#pragma weak pdf_render /* TEMPORARY until the PDF renderer lands */
#include "../render/summary_out.h"
#include "../report/build_paper.h"
#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/json.h"
#include "../util/xalloc.h"
#include "cli.h"

enum { FMT_HTML = 1, FMT_PDF = 2, FMT_JSON = 4 };

typedef struct {
    const char *outdir, *templates, *fonts;
    unsigned formats;
    int has_as_at;
    day_t as_at;
    diag_list diags;
    variant_set variants;
    int variants_loaded;
    house_style house;
    arena house_arena;
    char *css;
    hashmap plans;                  /* path -> plan* (NULL value = failed to load) */
    html_index_entry *index;
    size_t n_index, cap_index;
    rdoc **docs;                    /* kept for the index strings */
    size_t n_docs;
} build_state;

static char *path_join3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s%s", a, b, c);
    return p;
}

static int write_out(build_state *st, const char *path, const char *data, size_t len)
{
    if (write_file_atomic(path, data, len) != 0) {
        diag_error(&st->diags, make_pos(path, 0, 0), "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static const plan *get_plan(build_state *st, const char *path)
{
    if (hashmap_get(&st->plans, path)) {
        plan *p = hashmap_get(&st->plans, path);
        return p == (plan *)&st->plans ? NULL : p;
    }
    plan *p = plan_load_file(path, &st->diags);
    /* A failed plan is remembered too, so its errors are reported once. */
    hashmap_put(&st->plans, xstrdup(path), p ? (void *)p : (void *)&st->plans);
    return p;
}

static char *plan_slug(const char *path)
{
    const char *end = strrchr(path, '/');
    if (!end) return xstrdup("plan");
    const char *start = end;
    while (start > path && start[-1] != '/') start--;
    if (start == end) return xstrdup("plan");
    return strndup(start, (size_t)(end - start));
}

static day_t default_as_at(build_state *st, const plan *p)
{
    if (st->has_as_at) return st->as_at;
    return date_has_bounds(p->updated) ? date_last_day(p->updated) : date_today();
}

static void build_plan_json(build_state *st, const char *path)
{
    const plan *p = get_plan(st, path);
    if (!p) return;
    analysis *an = analyse(p, default_as_at(st, p), NULL, &st->house.theme_rag);
    strbuf json = STRBUF_INIT;
    rollup_json(an, &json);
    char *slug = plan_slug(path);
    char *out = path_join3(st->outdir, slug, "/rollup.json");
    write_out(st, out, json.data, json.len);
    free(out);
    free(slug);
    sb_free(&json);
    analysis_free(an);
}

static int load_templates(build_state *st)
{
    if (st->variants_loaded) return st->variants_loaded > 0 ? 0 : -1;
    char *dir = path_join3(st->templates, "variants", "");
    int rc = variants_load(&st->variants, dir, &st->diags);
    free(dir);
    char *css = path_join3(st->templates, "html/paper.css", "");
    size_t len;
    const char *why;
    if (read_file(css, MAX_INPUT_BYTES, &st->css, &len, &why) != 0) {
        diag_error(&st->diags, make_pos(css, 0, 0), "cannot read the stylesheet: %s", why);
        rc = -1;
    }
    free(css);
    char *house = path_join3(st->templates, "house.yaml", "");
    if (house_load(&st->house, house, &st->house_arena, &st->diags) != 0) rc = -1;
    free(house);
    st->variants_loaded = rc == 0 ? 1 : -1;
    return rc;
}

/* The paper's JSON: its front-sheet facts and the plan's roll-up, for dashboards and
 * for rebuilding the index without rebuilding the papers. */
static void paper_json(const rdoc *d, const analysis *an, unsigned formats, strbuf *out)
{
    strbuf roll = STRBUF_INIT;
    rollup_json(an, &roll);
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    json_key(&w, "paper");
    json_begin_object(&w);
    json_key(&w, "subject"); json_string(&w, d->subject);
    json_key(&w, "committee"); json_string(&w, d->committee);
    json_key(&w, "meeting"); json_string(&w, d->meeting_iso);
    json_key(&w, "meeting_date"); json_string(&w, d->meeting_date);
    json_key(&w, "item"); json_string(&w, d->item);
    json_key(&w, "report_of"); json_string(&w, d->report_of);
    json_key(&w, "organisation"); json_string(&w, d->organisation);
    json_key(&w, "variant"); json_string(&w, d->variant);
    json_key(&w, "as_at"); json_string(&w, d->as_at);
    json_key(&w, "html"); json_bool(&w, (formats & FMT_HTML) != 0);
    json_key(&w, "pdf"); json_bool(&w, (formats & FMT_PDF) != 0);
    json_end_object(&w);
    json_key(&w, "rollup");
    /* embed the roll-up object verbatim */
    sb_putn(out, roll.data, roll.len && roll.data[roll.len - 1] == '\n' ? roll.len - 1 : roll.len);
    w.need_comma = 1;
    w.after_key = 0;
    json_end_object(&w);
    sb_free(&roll);
}

static void build_paper_file(build_state *st, const char *path)
{
    if (load_templates(st) != 0) return;
    size_t errors_before = st->diags.errors;
    paper *pp = paper_load_file(path, &st->variants, &st->diags);
    if (!pp) return;
    const plan *pl = get_plan(st, pp->plan_path);
    if (!pl) {
        paper_free(pp);
        return;
    }
    day_t as_at = date_last_day(pp->as_at);
    day_t since = pp->has_since ? date_last_day(pp->since) : 0;
    analysis *an = analyse(pl, as_at, pp->has_since ? &since : NULL, &st->house.theme_rag);
    rdoc *d = build_paper(pp, pl, an, &st->house, &st->diags);
    if (st->diags.errors > errors_before) goto done;

    char *base = path_join3(st->outdir, d->plan_slug, "/");
    size_t bl = strlen(base) + strlen(pp->slug) + 8;
    char *out = xmalloc(bl);
    strbuf buf = STRBUF_INIT;
    int have_pdf = 0;
    if ((st->formats & FMT_PDF) && pdf_render) {
        if (pdf_render(d, &st->house, st->fonts, &buf, &st->diags) == 0) {
            snprintf(out, bl, "%s%s.pdf", base, pp->slug);
            have_pdf = write_out(st, out, buf.data, buf.len) == 0;
        }
        sb_reset(&buf);
    }
    if (st->formats & FMT_HTML) {
        html_render(d, &st->house, st->css, &buf);
        snprintf(out, bl, "%s%s.html", base, pp->slug);
        write_out(st, out, buf.data, buf.len);
        sb_reset(&buf);
    }
    paper_json(d, an, (st->formats & ~(unsigned)FMT_PDF) | (have_pdf ? FMT_PDF : 0), &buf);
    snprintf(out, bl, "%s%s.json", base, pp->slug);
    write_out(st, out, buf.data, buf.len);
    sb_free(&buf);

    /* index entry; the rdoc is kept until the index is written */
    if (st->n_index == st->cap_index) {
        st->cap_index = st->cap_index ? st->cap_index * 2 : 16;
        st->index = xrealloc(st->index, st->cap_index * sizeof *st->index);
        st->docs = xrealloc(st->docs, st->cap_index * sizeof *st->docs);
    }
    html_index_entry *e = &st->index[st->n_index++];
    memset(e, 0, sizeof *e);
    e->committee = d->committee;
    e->meeting_date = d->meeting_date;
    e->meeting_iso = d->meeting_iso;
    e->item = d->item;
    e->subject = d->subject;
    e->organisation = d->organisation;
    e->html_href = arena_printf(&d->arena, "%s/%s.html", d->plan_slug, pp->slug);
    e->pdf_href = have_pdf ? arena_printf(&d->arena, "%s/%s.pdf", d->plan_slug, pp->slug) : NULL;
    e->summary = d->summary;
    st->docs[st->n_docs++] = d;
    d = NULL;
    free(out);
    free(base);
done:
    rdoc_free(d);
    analysis_free(an);
    paper_free(pp);
}

static int parse_formats(const char *v, unsigned *out)
{
    *out = FMT_JSON;
    char *s = xstrdup(v), *save = NULL;
    int ok = 1;
    for (char *w = strtok_r(s, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        if (!strcmp(w, "html")) *out |= FMT_HTML;
        else if (!strcmp(w, "pdf")) *out |= FMT_PDF;
        else if (!strcmp(w, "json")) *out |= FMT_JSON;
        else ok = 0;
    }
    free(s);
    return ok ? 0 : -1;
}

static void free_plans(hashmap *m, void *failed)
{
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key) continue;
        if (m->slots[i].value != failed) plan_free(m->slots[i].value);
        free((char *)m->slots[i].key);
    }
    hashmap_free(m);
}

int cmd_build(int argc, char **argv)
{
    opt_iter it;
    opt_init(&it, "build", argc, argv);
    build_state st;
    memset(&st, 0, sizeof st);
    st.outdir = "out";
    st.templates = "templates";
    st.fonts = "fonts";
    st.formats = FMT_HTML | FMT_PDF | FMT_JSON;
    const char *o;
    int status = EXIT_OK;
    while ((o = opt_next(&it))) {
        const char *v;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help("build");
            opt_free(&it);
            return EXIT_OK;
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.outdir = v;
        } else if (!strcmp(o, "templates")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.templates = v;
        } else if (!strcmp(o, "fonts")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.fonts = v;
        } else if (!strcmp(o, "format")) {
            if (!(v = opt_value(&it, o))) goto usage;
            if (parse_formats(v, &st.formats) != 0) {
                usage_error("build", "--format takes html, pdf and json, comma-separated, not '%s'", v);
                goto usage;
            }
        } else if (!strcmp(o, "as-at")) {
            if (!(v = opt_value(&it, o)) || parse_as_at("build", o, v, &st.as_at) < 0) goto usage;
            st.has_as_at = 1;
        } else {
            usage_error("build", "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    if (!it.npositional) {
        usage_error("build", "nothing to build: give papers (.md) or plans (.yaml)");
        goto usage;
    }
    diag_init(&st.diags);
    house_style_default(&st.house);
    arena_init(&st.house_arena);
    hashmap_init(&st.plans);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        if ((n >= 5 && !strcmp(f + n - 5, ".yaml")) || (n >= 4 && !strcmp(f + n - 4, ".yml")))
            build_plan_json(&st, f);
        else if (n >= 3 && !strcmp(f + n - 3, ".md"))
            build_paper_file(&st, f);
        else
            diag_error(&st.diags, make_pos(f, 0, 0), "not a paper (.md) or a plan (.yaml)");
    }
    if (st.n_index && (st.formats & FMT_HTML)) {
        strbuf idx = STRBUF_INIT;
        html_index(st.index, st.n_index, st.css, &idx);
        char *path = path_join3(st.outdir, "index.html", "");
        write_out(&st, path, idx.data, idx.len);
        free(path);
        sb_free(&idx);
    }
    diag_print(&st.diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    status = st.diags.errors ? EXIT_INPUT : EXIT_OK;
    for (size_t i = 0; i < st.n_docs; i++) rdoc_free(st.docs[i]);
    free(st.docs);
    free(st.index);
    free(st.css);
    if (st.variants_loaded) variants_free(&st.variants);
    arena_free(&st.house_arena);
    free_plans(&st.plans, &st.plans);
    diag_free(&st.diags);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
