/* cmd_build.c - tabled build: papers to HTML and PDF, plans to JSON roll-ups, and
 * out/index.html. Each plan, template and font is loaded once per run, however many
 * papers use it. Every output of a paper is made in memory first and then written
 * atomically, its JSON last; a paper with errors (or whose files cannot be written)
 * has all its outputs removed, and the index is remade from the JSON files that are
 * there, so it lists exactly the papers whose outputs exist (outputs.h). */
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
#include "../render/summary_out.h"
#include "../report/build_paper.h"
#include "../util/fileio.h"
#include "../util/hashmap.h"
#include "../util/json.h"
#include "../util/xalloc.h"
#include "cli.h"
#include "index_files.h"
#include "outputs.h"

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
    hashmap plans;                  /* path -> plan*, or &failed_plan if it had errors */
    out_claims claims;              /* which input writes which outputs */
    hashmap inputs;                 /* real paths of the inputs seen (each built once) */
    int papers;                     /* papers built or failed: the index changes */
    int removed;                    /* a failed paper's outputs were removed */
    int depfiles;                   /* -MD: write <output>.d for make */
    int no_index;                   /* --no-index: leave out/index.html to 'tabled index' */
    int dry_run;                    /* --dry-run: check everything, write nothing */
    int werror;                     /* --werror: warnings fail the build */
    char **template_inputs;         /* every template file read, for dependency files */
    size_t n_template_inputs;
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
    plan *p = plan_load_file(path, &st->diags);
    hashmap_put(&st->plans, xstrdup(path), p ? (void *)p : (void *)&failed_plan);
    return p;
}

static day_t default_as_at(build_state *st, const plan *p)
{
    return st->has_as_at ? st->as_at : plan_default_as_at(p);
}

static int load_templates(build_state *st);

/* DIR/<plan>/rollup.json; removed when the plan has errors. */
static void build_plan_json(build_state *st, const char *path)
{
    char *slug = parent_dir_name(path);
    if (load_templates(st) != 0) { /* the house style's theme-RAG policy */
        char *out = path_join3(st->outdir, slug, "/rollup.json");
        if (!st->dry_run) unlink(out);
        free(out);
        free(slug);
        return;
    }
    srcpos at = make_pos(path, 0, 0);
    if (!strcmp(slug, "private")) {
        out_check_names(slug, "rollup.json", at, &st->diags);
    } else if (out_claim(&st->claims, slug, "rollup", path, at, &st->diags, NULL) >= 0) {
        const plan *p = get_plan(st, path);
        char *out = path_join3(st->outdir, slug, "/rollup.json");
        if (st->dry_run) {
            /* nothing written, nothing removed */
        } else if (!p) {
            if (unlink(out) != 0 && errno != ENOENT)
                diag_error(&st->diags, make_pos(out, 0, 0), "cannot remove this old output: %s",
                           strerror(errno));
        } else {
            analysis *an = analyse(p, default_as_at(st, p), NULL, &st->house.theme_rag);
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

static void note_input(build_state *st, const char *path)
{
    st->template_inputs = xrealloc(st->template_inputs, (st->n_template_inputs + 1) * sizeof(char *));
    st->template_inputs[st->n_template_inputs++] = xstrdup(path);
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
static void depfile_text(build_state *st, const char *plan_slug, const paper *pp,
                         const plan *pl, const rdoc *d, unsigned targets, strbuf *out)
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
    for (size_t i = 0; i < st->n_template_inputs; i++) dep_path(&deps, st->template_inputs[i]);
    if (targets & ((1u << OUT_PDF) | (1u << OUT_PRIVATE_PDF))) {
        const char *fonts[] = {st->house.font_regular, st->house.font_bold, st->house.font_italic,
                               st->house.font_bold_italic};
        for (int i = 0; i < 4; i++) {
            char *fp = path_join3(st->fonts, fonts[i], "");
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

static int load_templates(build_state *st)
{
    if (st->variants_loaded) return st->variants_loaded > 0 ? 0 : -1;
    char *dir = path_join3(st->templates, "variants", "");
    int rc = variants_load(&st->variants, dir, &st->diags);
    free(dir);
    for (size_t i = 0; i < st->variants.n; i++) note_input(st, st->variants.items[i].file);
    char *css = path_join3(st->templates, "html/paper.css", "");
    size_t len;
    note_input(st, css);
    if (read_input(css, "stylesheet", &st->diags, &st->css, &len) != 0) rc = -1;
    free(css);
    char *house = path_join3(st->templates, "house.yaml", "");
    if (access(house, R_OK) == 0) note_input(st, house);
    if (house_load(&st->house, house, &st->house_arena, &st->diags) != 0) rc = -1;
    free(house);
    st->variants_loaded = rc == 0 ? 1 : -1;
    return rc;
}

/* The paper's JSON: its front-sheet facts and the plan's roll-up, for dashboards and
 * for rebuilding the index without rebuilding the papers. */
/* an is NULL for the public edition of an exempt paper: no roll-up, only its public
 * facts and the paragraph it is exempt under. */
static void paper_json(const rdoc *d, const analysis *an, day_t as_at, int exempt,
                       unsigned formats, strbuf *out)
{
    char iso[DATE_BUF];
    date_format_iso(date_of_day(as_at), iso, sizeof iso);
    strbuf roll = STRBUF_INIT;
    if (an) rollup_json(an, &roll);
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
    json_key(&w, "as_at_date"); json_string(&w, iso);
    json_key(&w, "html"); json_bool(&w, (formats & FMT_HTML) != 0);
    json_key(&w, "pdf"); json_bool(&w, (formats & FMT_PDF) != 0);
    if (exempt) {
        json_key(&w, "exempt_paragraph");
        json_int(&w, exempt);
    }
    json_end_object(&w);
    if (an) {
        json_key(&w, "rollup");
        /* embed the roll-up object verbatim */
        sb_putn(out, roll.data, roll.len && roll.data[roll.len - 1] == '\n' ? roll.len - 1 : roll.len);
        w.need_comma = 1;
        w.after_key = 0;
    }
    if (an && an->changes) {
        /* what moved since the previous report, by kind (tabled changes has the rows) */
        char since[DATE_BUF];
        date_format_iso(date_of_day(an->since), since, sizeof since);
        json_key(&w, "changes");
        json_begin_object(&w);
        json_key(&w, "since");
        json_string(&w, since);
        for (int k = 0; k < CHANGE__COUNT; k++) {
            json_key(&w, change_kind_id((change_kind)k));
            json_int(&w, (long long)an->changes->count[k]);
        }
        json_key(&w, "total");
        json_int(&w, (long long)an->changes->n_rows);
        json_end_object(&w);
    }
    json_end_object(&w);
    sb_free(&roll);
}

/* A paper's outputs, made in memory before any is written. */
typedef struct {
    strbuf buf[OUT__COUNT];
    unsigned made;          /* bits of 1 << out_kind */
} paper_outputs;

/* Renders one edition of d into the PDF and HTML kinds given. */
static void render_edition(build_state *st, const rdoc *d, paper_outputs *po, out_kind pdf,
                           out_kind html)
{
    if ((st->formats & FMT_PDF) &&
        pdf_render(d, &st->house, st->fonts, &po->buf[pdf], &st->diags) == 0)
        po->made |= 1u << pdf;
    if (st->formats & FMT_HTML) {
        html_render(d, &st->house, st->css, &po->buf[html]);
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
    if (load_templates(st) != 0) {  /* (reported once) every paper fails */
        paper_failed_unloaded(st, path);
        return;
    }
    size_t errors_before = st->diags.errors, warnings_before = st->diags.warnings;
    paper *pp = paper_load_file(path, &st->variants, &st->diags);
    if (!pp) {
        paper_failed_unloaded(st, path);
        return;
    }
    char *plan_slug = parent_dir_name(pp->plan_path);
    analysis *an = NULL;
    rdoc *d = NULL, *public_doc = NULL;
    paper_outputs po;
    memset(&po, 0, sizeof po);
    if (out_check_names(plan_slug, pp->slug, make_pos(pp->file, 1, 1), &st->diags) != 0) {
        paper_failed_unloaded(st, path);
        goto done;
    }
    const char *other = NULL;
    if (out_claim(&st->claims, plan_slug, pp->slug, pp->file, pp->plan_pos, &st->diags, &other) < 0) {
        /* Both inputs are in error: neither's outputs stay. */
        if (!st->dry_run) out_remove(st->outdir, plan_slug, pp->slug, 0, &st->diags);
        st->removed = 1;
        goto done;
    }
    const plan *pl = get_plan(st, pp->plan_path);
    if (!pl) goto failed;
    day_t as_at = date_last_day(pp->as_at);
    day_t since = pp->has_since ? date_last_day(pp->since) : 0;
    an = analyse(pl, as_at, pp->has_since ? &since : NULL, &st->house.theme_rag);
    /* The full paper first: its errors stop both editions. */
    d = build_paper(pp, pl, an, &st->house, EDITION_PRIVATE, &st->diags);
    if (st->diags.errors > errors_before) goto failed;
    if (st->dry_run) goto done;

    int exempt = pp->exempt_paragraph;
    if (exempt) {
        /* The private edition goes to DIR/private/, never into the index or the JSON;
         * DIR/<plan>/ gets the public edition, built without the exempt content. */
        render_edition(st, d, &po, OUT_PRIVATE_PDF, OUT_PRIVATE_HTML);
        public_doc = build_paper(pp, pl, an, &st->house, EDITION_PUBLIC, &st->diags);
    }
    const rdoc *pub = exempt ? public_doc : d;
    render_edition(st, pub, &po, OUT_PDF, OUT_HTML);
    if (st->diags.errors > errors_before) goto failed;
    if (st->werror && st->diags.warnings > warnings_before) goto failed;
    unsigned formats = (st->formats & ~(unsigned)FMT_PDF) | ((po.made & (1u << OUT_PDF)) ? FMT_PDF : 0);
    paper_json(pub, exempt ? NULL : an, as_at, exempt, formats, &po.buf[OUT_JSON]);
    po.made |= 1u << OUT_JSON;
    if (st->depfiles) {
        /* An exempt paper's dependency file names its images: it goes with the
         * private edition, never into the public folder. */
        out_kind dep = exempt ? OUT_PRIVATE_DEP : OUT_DEP;
        depfile_text(st, plan_slug, pp, pl, d, po.made, &po.buf[dep]);
        po.made |= 1u << dep;
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
    goto done;
failed:
    paper_failed(st, pp->file, plan_slug, pp->slug);
done:
    for (int k = 0; k < OUT__COUNT; k++) sb_free(&po.buf[k]);
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
        } else if (!strcmp(o, "MD")) {
            st.depfiles = 1;
        } else if (!strcmp(o, "no-index")) {
            st.no_index = 1;
        } else if (!strcmp(o, "dry-run") || !strcmp(o, "n")) {
            st.dry_run = 1;
        } else if (!strcmp(o, "werror")) {
            st.werror = 1;
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
    out_claims_init(&st.claims);
    hashmap_init(&st.inputs);
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
    /* The index is remade from the papers' JSON files that are there: after this run's
     * writes and removals it lists exactly the papers whose outputs exist. With
     * --no-index it is still remade when a paper's outputs were removed, so it never
     * links a paper that is gone. */
    char *index_path = path_join3(st.outdir, "index.html", "");
    int want_index = !st.no_index && (st.formats & FMT_HTML);
    if (!st.dry_run && st.papers && (want_index || (st.removed && access(index_path, F_OK) == 0))) {
        arena a;
        arena_init(&a);
        size_t n;
        html_index_entry *entries = index_scan_dir(&a, &st.diags, st.outdir, &n);
        index_write(st.outdir, entries, n, &st.house, st.css, &st.diags);
        free(entries);
        arena_free(&a);
    }
    free(index_path);
    diag_print(&st.diags, stderr, isatty(STDERR_FILENO) && !getenv("NO_COLOR"));
    status = st.diags.errors || (st.werror && st.diags.warnings) ? EXIT_INPUT : EXIT_OK;
    out_claims_free(&st.claims);
    for (size_t i = 0; i < st.inputs.cap; i++) free(st.inputs.slots[i].value);
    hashmap_free(&st.inputs);
    for (size_t i = 0; i < st.n_template_inputs; i++) free(st.template_inputs[i]);
    free(st.template_inputs);
    free(st.css);
    if (st.variants_loaded) variants_free(&st.variants);
    arena_free(&st.house_arena);
    free_plans(&st.plans, &failed_plan);
    diag_free(&st.diags);
    opt_free(&it);
    pdf_render_cleanup();
    return status;
usage:
    opt_free(&it);
    return EXIT_USAGE;
}
