/* cmd_build.c - tabled build: papers to HTML and PDF, plans to JSON roll-ups, and
 * out/index.html. Each plan, template and font is loaded once per run, however many
 * papers use it. Every output of a paper is made in memory first and then written
 * atomically, its JSON last; a paper with errors (or whose files cannot be written)
 * has all its outputs removed, and the index is remade from the JSON files that are
 * there, so it lists exactly the papers whose outputs exist (outputs.h). */
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
#include "index_files.h"
#include "outputs.h"
#include "pack.h"
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
    out_claims claims;              /* which input writes which outputs */
    hashmap inputs;                 /* real paths of the inputs seen (each built once) */
    int papers;                     /* papers built or failed: the index changes */
    int removed;                    /* a failed paper's outputs were removed */
    int depfiles;                   /* -MD: write <output>.d for make */
    int no_index;                   /* --no-index: leave out/index.html to 'tabled index' */
    int dry_run;                    /* --dry-run: check everything, write nothing */
    int werror;                     /* --werror: warnings fail the build */
    int quiet_plans;                /* --no-plan-diagnostics: a paper's plan is checked, not reported */
    plan_cache meeting_plans;       /* the plans of meeting files' papers (tabled check) */
    int check;                      /* tabled check: also the plans' optimistic reports */
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

/* DIR/<plan>/rollup.json; removed when the plan has errors. */
static void build_plan_json(build_state *st, const char *path)
{
    char *slug = parent_dir_name(path);
    /* the house style's theme-RAG policy */
    template_set *ts = templates_for(&st->templates, path, TS_HOUSE, &st->diags);
    if (!ts) {
        char *out = path_join3(st->outdir, slug, "/rollup.json");
        if (!st->dry_run) unlink(out);
        free(out);
        free(slug);
        return;
    }
    srcpos at = make_pos(path, 0, 0);
    if (!strcmp(slug, "private")) {
        out_check_names(slug, "rollup.json", at, &st->diags);
    } else if (st->check || out_claim(&st->claims, slug, "rollup", path, at, &st->diags, NULL) >= 0) {
        /* (tabled check writes nothing: two plans in one folder are fine there) */
        const plan *p = get_plan(st, path);
        if (p && st->check) check_plan_warnings(&st->diags, p, default_as_at(st, p));
        char *out = path_join3(st->outdir, slug, "/rollup.json");
        if (st->dry_run) {
            /* nothing written, nothing removed */
        } else if (!p) {
            if (unlink(out) != 0 && errno != ENOENT)
                diag_error(&st->diags, make_pos(out, 0, 0), "cannot remove this old output: %s",
                           strerror(errno));
        } else {
            analysis *an = analyse(p, default_as_at(st, p), NULL, &ts->house.theme_rag);
            strbuf json = STRBUF_INIT;
            rollup_json(an, &json);
            write_out(st, out, json.data, json.len);
            sb_free(&json);
            analysis_free(an);
        }
        free(out);
    }
    free(slug);
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
 * for each input keep make going when one is deleted (as gcc -MP does). targets are
 * the paper's output kinds (bits of 1 << out_kind) that this build writes. */
static void depfile_text(build_state *st, const template_set *ts, const char *plan_slug,
                         const paper *pp, const plan *pl, const rdoc *d, unsigned targets,
                         strbuf *out)
{
    strbuf sb = STRBUF_INIT, deps = STRBUF_INIT;
    static const out_kind kinds[] = {OUT_HTML, OUT_PDF, OUT_JSON, OUT_PRIVATE_HTML, OUT_PRIVATE_PDF};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (!(targets & (1u << kinds[i]))) continue;
        char *t = out_path(st->outdir, plan_slug, pp->slug, kinds[i]);
        dep_path(&sb, t);
        free(t);
    }
    dep_path(&deps, pp->file);
    dep_path(&deps, pp->plan_path);
    /* the plan's update files, and their folder (so a new file is noticed) */
    for (size_t i = 0; i < pl->n_inputs; i++) dep_path(&deps, pl->inputs[i]);
    if (pp->previous_path) dep_path(&deps, pp->previous_path);
    for (size_t i = 0; i < ts->n_inputs; i++) dep_path(&deps, ts->inputs[i]);
    if (targets & ((1u << OUT_PDF) | (1u << OUT_PRIVATE_PDF))) {
        const char *fonts[] = {ts->house.font_regular, ts->house.font_bold, ts->house.font_italic,
                               ts->house.font_bold_italic};
        for (int i = 0; i < 4; i++) {
            char *fp = path_join3(ts->fonts, fonts[i], "");
            dep_path(&deps, fp);
            free(fp);
        }
    }
    collect_images(d->root, &deps);
    sb_printf(out, "%s:%s\n", sb.data ? sb.data + 1 : "", deps.data);
    /* phony rules for the inputs */
    for (char *p = deps.data; p && *p;) {
        char *e = p + 1;
        while (*e && !(*e == ' ' && e[-1] != '\\')) e++;
        sb_putn(out, p + 1, (size_t)(e - p - 1));
        sb_puts(out, ":\n");
        p = e;
    }
    sb_free(&sb);
    sb_free(&deps);
}

/* A paper's outputs, made in memory before any is written. */
typedef struct {
    strbuf buf[OUT__COUNT];
    unsigned made;          /* bits of 1 << out_kind */
} paper_outputs;

/* Renders one edition of d into the PDF and HTML kinds given. */
static void render_edition(build_state *st, const template_set *ts, const rdoc *d,
                           paper_outputs *po, out_kind pdf, out_kind html)
{
    if ((st->formats & FMT_PDF) &&
        pdf_render(d, &ts->house, ts->fonts, &po->buf[pdf], &st->diags) == 0)
        po->made |= 1u << pdf;
    if (st->formats & FMT_HTML) {
        html_render(d, ts->css, &po->buf[html]);
        po->made |= 1u << html;
    }
}

/* Removes the outputs of a paper that failed, unless another input of this run owns
 * that name (then they are not its outputs). */
static void paper_failed(build_state *st, const char *input, const char *plan_slug,
                         const char *paper_slug)
{
    if (st->dry_run) return;
    int c = out_claim(&st->claims, plan_slug, paper_slug, input, make_pos(input, 0, 0), NULL, NULL);
    if (c < 0) return;
    out_remove(st->outdir, plan_slug, paper_slug, 0, &st->diags);
    st->removed = 1;
}

/* The folder and name the outputs of a paper that could not be loaded would have:
 * its plan is then taken to be the default, plan.yaml beside it. */
static void paper_failed_unloaded(build_state *st, const char *path)
{
    char *plan = parent_dir_name(path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *name = strndup(base, strlen(base) - 3);
    if (*name && strcmp(plan, "private") != 0) paper_failed(st, path, plan, name);
    free(name);
    free(plan);
}

/* 1 when path names a file already built in this run (given twice). */
static int seen_before(build_state *st, const char *path)
{
    char *real = realpath(path, NULL);
    if (!real) return 0;
    if (hashmap_get(&st->inputs, real)) {
        free(real);
        return 1;
    }
    hashmap_put(&st->inputs, real, real);
    return 0;
}

static void build_paper_file(build_state *st, const char *path)
{
    if (seen_before(st, path)) return;
    st->papers++;
    unsigned want = TS_HOUSE | TS_VARIANTS | TS_CSS | ((st->formats & FMT_PDF) ? TS_FONTS : 0);
    template_set *ts = templates_for(&st->templates, path, want, &st->diags);
    if (!ts) {  /* (reported once) every paper of the project fails */
        paper_failed_unloaded(st, path);
        return;
    }
    size_t errors_before = st->diags.errors, warnings_before = st->diags.warnings;
    paper *pp = paper_load_file(path, &ts->variants, &st->diags);
    if (!pp) {
        paper_failed_unloaded(st, path);
        return;
    }
    char *plan_slug = parent_dir_name(pp->plan_path);
    analysis *an = NULL;
    rdoc *d = NULL, *public_doc = NULL;
    paper_outputs po;
    memset(&po, 0, sizeof po);
    exempt_parts parts;
    int have_parts = 0;
    if (out_check_names(plan_slug, pp->slug, make_pos(pp->file, 1, 1), &st->diags) != 0) {
        paper_failed_unloaded(st, path);
        goto done;
    }
    const char *other = NULL;
    if (!st->check &&
        out_claim(&st->claims, plan_slug, pp->slug, pp->file, pp->plan_pos, &st->diags, &other) < 0) {
        /* Both inputs are in error: neither's outputs stay. */
        if (!st->dry_run) out_remove(st->outdir, plan_slug, pp->slug, 0, &st->diags);
        st->removed = 1;
        goto done;
    }
    const plan *pl = get_paper_plan(st, pp);
    if (!pl) goto failed;
    day_t as_at = date_last_day(pp->as_at);
    day_t since = pp->has_since ? date_last_day(pp->since) : 0;
    an = analyse(pl, as_at, pp->has_since ? &since : NULL, &ts->house.theme_rag);
    /* The full paper first: its errors stop both editions. */
    exempt_parts_find(pp, &st->diags, &parts);
    have_parts = 1;
    d = build_paper_ex(pp, pl, an, &ts->house, EDITION_PRIVATE, &parts, NULL, &st->diags);
    if (st->diags.errors > errors_before) goto failed;
    if (st->dry_run) goto done;

    int exempt = pp->exempt_paragraph;
    int two_editions = exempt || parts.n;
    if (two_editions) {
        /* The private edition goes to DIR/private/, never into the index or the JSON;
         * DIR/<plan>/ gets the public edition, built without the exempt content (the
         * whole paper's, or its exempt appendices'). */
        render_edition(st, ts, d, &po, OUT_PRIVATE_PDF, OUT_PRIVATE_HTML);
        public_doc = build_paper_ex(pp, pl, an, &ts->house, EDITION_PUBLIC, &parts, NULL, &st->diags);
    }
    const rdoc *pub = two_editions ? public_doc : d;
    render_edition(st, ts, pub, &po, OUT_PDF, OUT_HTML);
    if (st->diags.errors > errors_before) goto failed;
    if (st->werror && st->diags.warnings > warnings_before) goto failed;
    paper_record rec;
    paper_record_of(pub, (st->formats & FMT_HTML) != 0, (po.made & (1u << OUT_PDF)) != 0, exempt,
                    &rec);
    if (!exempt) paper_record_parts(pub, &parts, &rec);
    paper_json_write(&rec, exempt ? NULL : an, &po.buf[OUT_JSON]);
    po.made |= 1u << OUT_JSON;
    if (st->depfiles) {
        /* An exempt paper's dependency file names its images: it goes with the
         * private edition, never into the public folder. A paper with exempt
         * appendices has two: the public edition's outputs and images in the public
         * folder, and in private/ every output with every image (the appendices'
         * too), so a changed exempt image remakes the paper. */
        unsigned priv = (1u << OUT_PRIVATE_PDF) | (1u << OUT_PRIVATE_HTML);
        if (!exempt) {
            depfile_text(st, ts, plan_slug, pp, pl, pub, po.made & ~priv, &po.buf[OUT_DEP]);
            po.made |= 1u << OUT_DEP;
        }
        if (exempt || parts.n) {
            depfile_text(st, ts, plan_slug, pp, pl, d, po.made & ~(1u << OUT_DEP), &po.buf[OUT_PRIVATE_DEP]);
            po.made |= 1u << OUT_PRIVATE_DEP;
        }
    }
    for (int k = 0; k < OUT__COUNT; k++) {
        if (!(po.made & (1u << k))) continue;
        char *out = out_path(st->outdir, plan_slug, pp->slug, (out_kind)k);
        int rc = write_out(st, out, po.buf[k].data ? po.buf[k].data : "", po.buf[k].len);
        free(out);
        if (rc != 0) goto failed;
    }
    /* Whatever this build did not write (a PDF when only HTML was asked for, a private
     * edition of a paper no longer exempt) no longer matches the sources. */
    out_remove(st->outdir, plan_slug, pp->slug, po.made, &st->diags);
    if (!st->index_templates) st->index_templates = ts;
    goto done;
failed:
    paper_failed(st, pp->file, plan_slug, pp->slug);
done:
    for (int k = 0; k < OUT__COUNT; k++) sb_free(&po.buf[k]);
    if (have_parts) exempt_parts_free(&parts);
    rdoc_free(d);
    rdoc_free(public_doc);
    analysis_free(an);
    free(plan_slug);
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
    int status = EXIT_OK, taken;
    const output_opts to = {&st.outdir, &st.templates.templates_opt, &st.templates.fonts_opt,
                            &st.depfiles, &st.dry_run, &st.werror, &st.quiet_plans};
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
    hashmap_init(&st.plans);
    hashmap_init(&st.plan_errors);
    out_claims_init(&st.claims);
    hashmap_init(&st.inputs);
    plan_cache_init(&st.meeting_plans);
    for (int i = 0; i < it.npositional; i++) {
        const char *f = it.positional[i];
        size_t n = strlen(f);
        int is_paper = n >= 3 && !strcmp(f + n - 3, ".md");
        if (is_paper)
            build_paper_file(&st, f);
        else if (check && is_meeting_file(f))
            pack_check(f, &st.diags, &st.templates, &st.meeting_plans);
        else if (check || (n >= 5 && !strcmp(f + n - 5, ".yaml")) || (n >= 4 && !strcmp(f + n - 4, ".yml")))
            build_plan_json(&st, f); /* check reads anything else as a plan */
        else
            diag_error(&st.diags, make_pos(f, 0, 0), "not a paper (.md) or a plan (.yaml)");
    }
    /* The index is remade from the papers' JSON files that are there: after this run's
     * writes and removals it lists exactly the papers whose outputs exist. With
     * --no-index it is still remade when a paper's outputs were removed, so it never
     * links a paper that is gone. */
    char *index_path = path_join3(st.outdir, "index.html", "");
    int want_index = !st.no_index && (st.formats & FMT_HTML);
    if (!st.dry_run && st.papers && (want_index || (st.removed && access(index_path, F_OK) == 0))) {
        /* (no paper of this run was written: the house style and stylesheet of any
         * project that loaded them, else the built-in ones) */
        const unsigned want = TS_HOUSE | TS_CSS;
        const template_set *its = st.index_templates;
        for (size_t i = 0; !its && i < st.templates.n; i++) {
            const template_set *t = st.templates.items[i];
            if ((t->loaded & want) == want && !(t->failed & want)) its = t;
        }
        arena a;
        arena_init(&a);
        size_t n;
        size_t nm;
        meeting_record *meetings;
        paper_record *entries = index_scan_dir(&a, &st.diags, st.outdir, &n, &meetings, &nm);
        index_write(st.outdir, entries, n, meetings, nm, its ? &its->house : NULL,
                    its ? its->css : NULL, &st.diags);
        free(entries);
        free(meetings);
        arena_free(&a);
    }
    free(index_path);
    diag_print(&st.diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    if (check) diag_print_counts(&st.diags, stderr);
    status = st.diags.errors || (st.werror && st.diags.warnings) ? EXIT_INPUT : EXIT_OK;
    out_claims_free(&st.claims);
    for (size_t i = 0; i < st.inputs.cap; i++) free(st.inputs.slots[i].value);
    hashmap_free(&st.inputs);
    template_cache_free(&st.templates);
    plan_cache_free(&st.meeting_plans);
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
