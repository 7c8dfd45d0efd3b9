/* cmd_build.c - tabled build: papers to HTML and PDF, plans to JSON roll-ups, and
 * out/index.html. Each plan, template and font is loaded once per run, however many
 * papers use it. Nothing is written for a paper with errors, and every file is
 * written atomically. */
#include <errno.h>
#include <stdint.h>
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
#include "../render/paper_json.h"
#include "../render/summary_out.h"
#include "../report/build_paper.h"
#include "../report/index_doc.h"
#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "depfile.h"
#include "pack.h"
#include "plan_cache.h"
#include "template_set.h"

enum { FMT_HTML = 1, FMT_PDF = 2, FMT_JSON = 4 };

typedef struct {
    const char *outdir;
    unsigned formats;
    int has_as_at;
    day_t as_at;
    diag_list diags;
    template_cache templates;       /* per project root (or --templates) */
    template_set *index_templates;  /* the first paper's: the index's style */
    plan_cache plans;               /* each plan loaded once */
    paper_record *index;            /* every paper built, for the index */
    size_t n_index, cap_index;
    int depfiles;                   /* -MD: write <output>.d for make */
    int no_index;                   /* --no-index: leave out/index.html to 'tabled index' */
    int dry_run;                    /* --dry-run: check everything, write nothing */
    int werror;                     /* --werror: warnings fail the build */
    int check;                      /* tabled check: also the plans' optimistic reports */
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

static day_t default_as_at(build_state *st, const plan *p)
{
    return st->has_as_at ? st->as_at : plan_default_as_at(p);
}

static void build_plan_json(build_state *st, const char *path)
{
    /* the house style's theme-RAG policy */
    template_set *ts = templates_for(&st->templates, path, TS_HOUSE, &st->diags);
    if (!ts) return;
    const plan *p = plan_cache_get(&st->plans, path, &st->diags);
    if (p && st->check) check_plan_warnings(&st->diags, p, default_as_at(st, p));
    if (!p || st->dry_run) return;
    analysis *an = analyse(p, default_as_at(st, p), NULL, &ts->house.theme_rag);
    strbuf json = STRBUF_INIT;
    rollup_json(an, &json);
    char *slug = parent_dir_name(path);
    char *out = path_join3(st->outdir, slug, "/rollup.json");
    write_out(st, out, json.data, json.len);
    free(out);
    free(slug);
    sb_free(&json);
    analysis_free(an);
}

/* out/x/p.html out/x/p.pdf out/x/p.json: every input that made them. Phony targets
 * for each input keep make going when one is deleted (as gcc -MP does). */
static void write_depfile(build_state *st, const template_set *ts, const char *base,
                          const char *private_base, const paper *pp, const plan *pl,
                          const rdoc *d, int html, int pdf, int private_pdf)
{
    strbuf sb = STRBUF_INIT, deps = STRBUF_INIT;
    const char *exts[] = {".html", ".pdf", ".json", ".html", ".pdf"};
    int want[] = {html, pdf, 1, private_base && html, private_base && private_pdf};
    for (int i = 0; i < 5; i++) {
        if (!want[i]) continue;
        strbuf t = STRBUF_INIT;
        sb_printf(&t, "%s%s%s", i < 3 ? base : private_base, pp->slug, exts[i]);
        dep_path(&sb, t.data);
        sb_free(&t);
    }
    dep_path(&deps, pp->file);
    dep_plan(&deps, pl);
    if (pp->previous_path) dep_path(&deps, pp->previous_path);
    dep_templates(&deps, ts, pdf);
    dep_images(&deps, d->root);
    char *path = xmalloc(strlen(base) + strlen(pp->slug) + 4);
    sprintf(path, "%s%s.d", base, pp->slug);
    if (depfile_write(path, &sb, &deps) != 0)
        diag_error(&st->diags, make_pos(path, 0, 0), "cannot write: %s", strerror(errno));
    free(path);
    sb_free(&sb);
    sb_free(&deps);
}

/* Writes DIR<slug>.pdf and .html for one edition; returns 1 if the PDF was written. */
static int write_edition(build_state *st, const template_set *ts, const rdoc *d, const char *dir,
                         const char *slug)
{
    size_t bl = strlen(dir) + strlen(slug) + 8;
    char *out = xmalloc(bl);
    strbuf buf = STRBUF_INIT;
    int have_pdf = 0;
    if (st->formats & FMT_PDF) {
        if (pdf_render(d, &ts->house, ts->fonts, &buf, &st->diags) == 0) {
            snprintf(out, bl, "%s%s.pdf", dir, slug);
            have_pdf = write_out(st, out, buf.data, buf.len) == 0;
        }
        sb_reset(&buf);
    }
    if (st->formats & FMT_HTML) {
        html_render(d, ts->css, &buf);
        snprintf(out, bl, "%s%s.html", dir, slug);
        write_out(st, out, buf.data, buf.len);
    }
    sb_free(&buf);
    free(out);
    return have_pdf;
}

static void build_paper_file(build_state *st, const char *path)
{
    unsigned want = TS_HOUSE | TS_VARIANTS | TS_CSS | ((st->formats & FMT_PDF) ? TS_FONTS : 0);
    template_set *ts = templates_for(&st->templates, path, want, &st->diags);
    if (!ts) return;
    size_t errors_before = st->diags.errors;
    paper *pp = paper_load_file(path, &ts->variants, &st->diags);
    if (!pp) return;
    const plan *pl = plan_cache_paper(&st->plans, pp, &st->diags);
    if (!pl) {
        paper_free(pp);
        return;
    }
    day_t as_at = date_last_day(pp->as_at);
    day_t since = pp->has_since ? date_last_day(pp->since) : 0;
    analysis *an = analyse(pl, as_at, pp->has_since ? &since : NULL, &ts->house.theme_rag);
    /* The full paper first: its errors stop both editions. */
    rdoc *private_doc = NULL;
    exempt_parts parts;
    exempt_parts_find(pp, &st->diags, &parts);
    rdoc *d = build_paper_ex(pp, pl, an, &ts->house, EDITION_PRIVATE, &parts, NULL, &st->diags);
    if (st->diags.errors > errors_before || st->dry_run) goto done;

    char *base = path_join3(st->outdir, d->plan_slug, "/");
    size_t bl = strlen(st->outdir) + strlen(d->plan_slug) + strlen(pp->slug) + 32;
    char *out = xmalloc(bl);
    int exempt = pp->exempt_paragraph;
    int two_editions = exempt || parts.n;
    int have_pdf = 0, have_private_pdf = 0;
    if (two_editions) {
        /* The private edition goes to DIR/private/, never into the index or the JSON;
         * DIR/<plan>/ gets the public edition, built without the exempt content (the
         * whole paper's, or its exempt appendices'). */
        snprintf(out, bl, "%s/private/%s/", st->outdir, d->plan_slug);
        have_private_pdf = write_edition(st, ts, d, out, pp->slug);
        private_doc = d; /* kept for its images, in the dependency file */
        d = build_paper_ex(pp, pl, an, &ts->house, EDITION_PUBLIC, &parts, NULL, &st->diags);
    }
    have_pdf = write_edition(st, ts, d, base, pp->slug);
    /* index entry and JSON; the rdoc is kept until the index is written */
    if (st->n_index == st->cap_index) {
        st->cap_index = st->cap_index ? st->cap_index * 2 : 16;
        st->index = xrealloc(st->index, st->cap_index * sizeof *st->index);
        st->docs = xrealloc(st->docs, st->cap_index * sizeof *st->docs);
    }
    paper_record *rec = &st->index[st->n_index++];
    paper_record_of(d, (st->formats & FMT_HTML) != 0, have_pdf, exempt, rec);
    if (!exempt) paper_record_parts(d, &parts, rec);
    strbuf buf = STRBUF_INIT;
    paper_json_write(rec, exempt ? NULL : an, &buf);
    snprintf(out, bl, "%s%s.json", base, pp->slug);
    write_out(st, out, buf.data, buf.len);
    sb_free(&buf);
    if (st->depfiles) {
        char *priv = NULL;
        if (two_editions) {
            priv = xmalloc(bl);
            snprintf(priv, bl, "%s/private/%s/", st->outdir, d->plan_slug);
        }
        write_depfile(st, ts, base, priv, pp, pl, private_doc ? private_doc : d,
                      (st->formats & FMT_HTML) != 0, have_pdf, have_private_pdf);
        free(priv);
    }

    if (!st->index_templates) st->index_templates = ts;
    st->docs[st->n_docs++] = d;
    d = NULL;
    free(out);
    free(base);
done:
    exempt_parts_free(&parts);
    rdoc_free(d);
    rdoc_free(private_doc);
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

int build_run(int argc, char **argv, int check)
{
    const char *cmd = check ? "check" : "build";
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    build_state st;
    memset(&st, 0, sizeof st);
    plan_cache_init(&st.plans);
    st.check = check;
    st.dry_run = check;
    st.outdir = "out";
    st.formats = FMT_HTML | FMT_PDF | FMT_JSON;
    const char *o;
    int status = EXIT_OK, taken;
    const output_opts to = {&st.outdir, &st.templates.templates_opt, &st.templates.fonts_opt,
                            &st.depfiles, &st.dry_run, &st.werror, &st.plans.quiet};
    while ((o = opt_next(&it))) {
        const char *v;
        int common = opt_common(&it, o);
        if (common < 0) goto usage;
        if (common) continue;
        if (!strcmp(o, "help") || !strcmp(o, "h")) {
            print_help(cmd);
            opt_free(&it);
            return EXIT_OK;
        } else if (check && (!strcmp(o, "o") || !strcmp(o, "output") || !strcmp(o, "MD") ||
                             !strcmp(o, "no-index") || !strcmp(o, "format") ||
                             !strcmp(o, "no-plan-diagnostics") || !strcmp(o, "dry-run"))) {
            usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        } else if ((taken = opt_output(&it, o, &to)) != 0) {
            if (taken < 0) goto usage;
        } else if (!strcmp(o, "no-index")) {
            st.no_index = 1;
        } else if (!strcmp(o, "format")) {
            if (!(v = opt_value(&it, o))) goto usage;
            if (parse_formats(v, &st.formats) != 0) {
                usage_error(cmd, "--format takes html, pdf and json, comma-separated, not '%s'", v);
                goto usage;
            }
        } else if (!strcmp(o, "as-at")) {
            if (!(v = opt_value(&it, o)) || parse_as_at(cmd, o, v, &st.as_at) < 0) goto usage;
            st.has_as_at = 1;
        } else {
            usage_error(cmd, "unknown option '%s'", argv[it.i - 1]);
            goto usage;
        }
    }
    if (!it.npositional) {
        if (check) usage_error(cmd, "nothing to check: give plans (.yaml) or papers (.md)");
        else usage_error(cmd, "nothing to build: give papers (.md) or plans (.yaml)");
        goto usage;
    }
    diag_init(&st.diags);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        int is_paper = n >= 3 && !strcmp(f + n - 3, ".md");
        if (is_paper)
            build_paper_file(&st, f);
        else if (check && is_meeting_file(f))
            pack_check(f, &st.diags, &st.templates, &st.plans);
        else if (check || (n >= 5 && !strcmp(f + n - 5, ".yaml")) || (n >= 4 && !strcmp(f + n - 4, ".yml")))
            build_plan_json(&st, f); /* check reads anything else as a plan */
        else
            diag_error(&st.diags, make_pos(f, 0, 0), "not a paper (.md) or a plan (.yaml)");
    }
    if (st.n_index && (st.formats & FMT_HTML) && !st.no_index && !st.dry_run) {
        strbuf idx = STRBUF_INIT;
        rdoc *index = build_index(st.index, st.n_index, NULL, 0, &st.index_templates->house);
        html_render(index, st.index_templates->css, &idx);
        rdoc_free(index);
        char *path = path_join3(st.outdir, "index.html", "");
        write_out(&st, path, idx.data, idx.len);
        free(path);
        sb_free(&idx);
    }
    diag_print(&st.diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    if (check) diag_print_counts(&st.diags, stderr);
    status = st.diags.errors || (st.werror && st.diags.warnings) ? EXIT_INPUT : EXIT_OK;
    for (size_t i = 0; i < st.n_docs; i++) rdoc_free(st.docs[i]);
    free(st.docs);
    free(st.index);
    template_cache_free(&st.templates);
    plan_cache_free(&st.plans);
    diag_free(&st.diags);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}

int cmd_build(int argc, char **argv) { return build_run(argc, argv, 0); }
