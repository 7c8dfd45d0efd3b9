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
    hashmap plans;                  /* path -> plan*, or &failed_plan if it had errors */
    hashmap plan_errors;            /* path -> its number of errors, for a failed plan */
    paper_record *index;            /* every paper built, for the index */
    size_t n_index, cap_index;
    int depfiles;                   /* -MD: write <output>.d for make */
    int no_index;                   /* --no-index: leave out/index.html to 'tabled index' */
    int dry_run;                    /* --dry-run: check everything, write nothing */
    int werror;                     /* --werror: warnings fail the build */
    int quiet_plans;                /* --no-plan-diagnostics: a paper's plan is checked, not reported */
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

/* Marks a plan that failed to load, so its errors are reported once however many
 * papers use it. */
static char failed_plan;

static const plan *get_plan(build_state *st, const char *path)
{
    void *known = hashmap_get(&st->plans, path);
    if (known) return known == &failed_plan ? NULL : known;
    size_t before = st->diags.errors;
    plan *p = plan_load_file(path, &st->diags);
    hashmap_put(&st->plans, xstrdup(path), p ? (void *)p : (void *)&failed_plan);
    if (!p) hashmap_put(&st->plan_errors, xstrdup(path), (void *)(uintptr_t)(st->diags.errors - before));
    return p;
}

/* The plan a paper reports on. A missing plan is an error at the paper's plan: line.
 * With --no-plan-diagnostics (make papers, where each plan's own rule reports it) the
 * plan's diagnostics are left out and a plan with errors is one error here. */
static const plan *get_paper_plan(build_state *st, const paper *pp)
{
    if (!hashmap_get(&st->plans, pp->plan_path) && access(pp->plan_path, F_OK) != 0) {
        diag_error(&st->diags, pp->plan_pos, "the plan %s does not exist: %s", pp->plan_path,
                   pp->plan_named ? "check the file name after 'plan:'"
                                  : "put plan.yaml beside the paper, or name the plan with 'plan:'");
        return NULL;
    }
    if (!st->quiet_plans) return get_plan(st, pp->plan_path);
    diag_list mine; /* the plan's own diagnostics, left out */
    diag_init(&mine);
    diag_list saved = st->diags;
    st->diags = mine;
    const plan *p = get_plan(st, pp->plan_path);
    mine = st->diags;
    st->diags = saved;
    diag_free(&mine);
    if (!p) { /* every paper of a failed plan says so, the first and the rest */
        size_t n = (size_t)(uintptr_t)hashmap_get(&st->plan_errors, pp->plan_path);
        diag_error(&st->diags, pp->plan_pos, "the plan %s has %zu error%s (see 'tabled check %s')",
                   pp->plan_path, n, n == 1 ? "" : "s", pp->plan_path);
    }
    return p;
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
    const plan *p = get_plan(st, path);
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

/* Make-escaped path: spaces, '#', '$' and ':' would break a dependency line. */
static void dep_path(strbuf *sb, const char *p)
{
    sb_putc(sb, ' ');
    for (; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == ':') sb_putc(sb, '\\');
        if (*p == '$') sb_putc(sb, '$');
        sb_putc(sb, *p);
    }
}

static void collect_images(const rnode *n, strbuf *sb)
{
    for (const rnode *c = n->first; c; c = c->next) {
        if (c->type == RN_IMAGE && c->url) dep_path(sb, c->url);
        collect_images(c, sb);
    }
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
    dep_path(&deps, pp->plan_path);
    /* the plan's update files, and their folder (so a new file is noticed) */
    for (size_t i = 0; i < pl->n_inputs; i++) dep_path(&deps, pl->inputs[i]);
    if (pp->previous_path) dep_path(&deps, pp->previous_path);
    for (size_t i = 0; i < ts->n_inputs; i++) dep_path(&deps, ts->inputs[i]);
    if (pdf) {
        const char *fonts[] = {ts->house.font_regular, ts->house.font_bold, ts->house.font_italic,
                               ts->house.font_bold_italic};
        for (int i = 0; i < 4; i++) {
            char *fp = path_join3(ts->fonts, fonts[i], "");
            dep_path(&deps, fp);
            free(fp);
        }
    }
    collect_images(d->root, &deps);
    strbuf out = STRBUF_INIT;
    sb_printf(&out, "%s:%s\n", sb.data + 1, deps.data);
    /* phony rules for the inputs */
    for (char *p = deps.data; p && *p;) {
        char *e = p + 1;
        while (*e && !(*e == ' ' && e[-1] != '\\')) e++;
        sb_putn(&out, p + 1, (size_t)(e - p - 1));
        sb_puts(&out, ":\n");
        p = e;
    }
    char *path = xmalloc(strlen(base) + strlen(pp->slug) + 4);
    sprintf(path, "%s%s.d", base, pp->slug);
    write_out(st, path, out.data, out.len);
    free(path);
    sb_free(&out);
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
    unsigned parts = TS_HOUSE | TS_VARIANTS | TS_CSS | ((st->formats & FMT_PDF) ? TS_FONTS : 0);
    template_set *ts = templates_for(&st->templates, path, parts, &st->diags);
    if (!ts) return;
    size_t errors_before = st->diags.errors;
    paper *pp = paper_load_file(path, &ts->variants, &st->diags);
    if (!pp) return;
    const plan *pl = get_paper_plan(st, pp);
    if (!pl) {
        paper_free(pp);
        return;
    }
    day_t as_at = date_last_day(pp->as_at);
    day_t since = pp->has_since ? date_last_day(pp->since) : 0;
    analysis *an = analyse(pl, as_at, pp->has_since ? &since : NULL, &ts->house.theme_rag);
    /* The full paper first: its errors stop both editions. */
    rdoc *private_doc = NULL;
    rdoc *d = build_paper(pp, pl, an, &ts->house, EDITION_PRIVATE, &st->diags);
    if (st->diags.errors > errors_before || st->dry_run) goto done;

    char *base = path_join3(st->outdir, d->plan_slug, "/");
    size_t bl = strlen(st->outdir) + strlen(d->plan_slug) + strlen(pp->slug) + 32;
    char *out = xmalloc(bl);
    int exempt = pp->exempt_paragraph;
    int have_pdf = 0, have_private_pdf = 0;
    if (exempt) {
        /* The private edition goes to DIR/private/, never into the index or the JSON;
         * DIR/<plan>/ gets the public edition, built without the exempt content. */
        snprintf(out, bl, "%s/private/%s/", st->outdir, d->plan_slug);
        have_private_pdf = write_edition(st, ts, d, out, pp->slug);
        private_doc = d; /* kept for its images, in the dependency file */
        d = build_paper(pp, pl, an, &ts->house, EDITION_PUBLIC, &st->diags);
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
    strbuf buf = STRBUF_INIT;
    paper_json_write(rec, exempt ? NULL : an, &buf);
    snprintf(out, bl, "%s%s.json", base, pp->slug);
    write_out(st, out, buf.data, buf.len);
    sb_free(&buf);
    if (st->depfiles) {
        char *priv = NULL;
        if (exempt) {
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

static void free_plans(hashmap *m, void *failed)
{
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key) continue;
        if (m->slots[i].value != failed) plan_free(m->slots[i].value);
        free((char *)m->slots[i].key);
    }
    hashmap_free(m);
}

int build_run(int argc, char **argv, int check)
{
    const char *cmd = check ? "check" : "build";
    opt_iter it;
    opt_init(&it, cmd, argc, argv);
    build_state st;
    memset(&st, 0, sizeof st);
    st.check = check;
    st.dry_run = check;
    st.outdir = "out";
    st.formats = FMT_HTML | FMT_PDF | FMT_JSON;
    const char *o;
    int status = EXIT_OK;
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
        } else if (!strcmp(o, "o") || !strcmp(o, "output")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.outdir = v;
        } else if (!strcmp(o, "MD")) {
            st.depfiles = 1;
        } else if (!strcmp(o, "no-index")) {
            st.no_index = 1;
        } else if (!strcmp(o, "dry-run") || !strcmp(o, "n")) {
            st.dry_run = 1;
        } else if (!strcmp(o, "no-plan-diagnostics")) {
            st.quiet_plans = 1;
        } else if (!strcmp(o, "werror")) {
            st.werror = 1;
        } else if (!strcmp(o, "templates")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.templates.templates_opt = v;
        } else if (!strcmp(o, "fonts")) {
            if (!(v = opt_value(&it, o))) goto usage;
            st.templates.fonts_opt = v;
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
    hashmap_init(&st.plans);
    hashmap_init(&st.plan_errors);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        int is_paper = n >= 3 && !strcmp(f + n - 3, ".md");
        if (is_paper)
            build_paper_file(&st, f);
        else if (check || (n >= 5 && !strcmp(f + n - 5, ".yaml")) || (n >= 4 && !strcmp(f + n - 4, ".yml")))
            build_plan_json(&st, f); /* check reads anything else as a plan */
        else
            diag_error(&st.diags, make_pos(f, 0, 0), "not a paper (.md) or a plan (.yaml)");
    }
    if (st.n_index && (st.formats & FMT_HTML) && !st.no_index && !st.dry_run) {
        strbuf idx = STRBUF_INIT;
        rdoc *index = build_index(st.index, st.n_index, &st.index_templates->house);
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
    free_plans(&st.plans, &failed_plan);
    for (size_t i = 0; i < st.plan_errors.cap; i++) free((char *)st.plan_errors.slots[i].key);
    hashmap_free(&st.plan_errors);
    diag_free(&st.diags);
    opt_free(&it);
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}

int cmd_build(int argc, char **argv) { return build_run(argc, argv, 0); }
