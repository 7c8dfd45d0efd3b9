/* blocks.c - the table of computed blocks, the dispatcher that checks a block's
 * options and resolves theme= for it, and the helpers the builders share. */
#include "blocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/suggest.h"
#include "../util/xalloc.h"
#include "labels.h"
#include "table_build.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const theme_caption[] = {"theme", "caption"};
static const char *const risks_opts[] = {"theme", "caption", "refs"};
static const char *const columns_opts[] = {"theme", "caption", "columns"};
static const char *const indicators_opts[] = {"period", "caption", "theme", "trend"};
static const char *const changes_opts[] = {"kinds", "theme", "caption"};
static const char *const ragsummary_opts[] = {"theme", "caption", "landscape", "table"};
static const char *const riskmatrix_opts[] = {"theme", "caption", "score", "table"};
static const char *const caption_only[] = {"caption"};
static const char *const gantt_opts[] = {"theme", "action", "axis", "from", "to", "caption",
                                         "landscape", "table"};

static const block_def blocks[] = {
    {"rollup", theme_caption, N(theme_caption), block_rollup},
    {"exceptions", columns_opts, N(columns_opts), block_exceptions},
    {"plan", columns_opts, N(columns_opts), block_plan},
    {"risks", risks_opts, N(risks_opts), block_risks},
    {"indicators", indicators_opts, N(indicators_opts), block_indicators},
    {"changes", changes_opts, N(changes_opts), block_changes},
    {"rag-summary", ragsummary_opts, N(ragsummary_opts), block_ragsummary},
    {"gantt", gantt_opts, N(gantt_opts), block_gantt},
    {"risk-matrix", riskmatrix_opts, N(riskmatrix_opts), block_riskmatrix},
    {"status-key", caption_only, N(caption_only), block_statuskey},
};

const block_def *block_table(size_t *n)
{
    *n = N(blocks);
    return blocks;
}

static int takes(const block_def *def, const char *key)
{
    for (size_t i = 0; i < def->n_options; i++)
        if (!strcmp(def->options[i], key)) return 1;
    return 0;
}

int is_computed_block(const char *info, const char **near)
{
    *near = NULL;
    while (*info == ' ' || *info == '\t') info++;
    size_t n = strcspn(info, " \t");
    const char *names[N(blocks)];
    for (size_t i = 0; i < N(blocks); i++) {
        names[i] = blocks[i].name;
        if (strlen(names[i]) == n && !strncmp(info, names[i], n)) return 1;
    }
    if (n && n < 64) {
        char word[64];
        memcpy(word, info, n);
        word[n] = '\0';
        *near = closest_word(word, names, N(blocks));
    }
    return 0;
}

void computed_block(build_ctx *b, rnode *parent, const char *info, srcpos pos)
{
    opt_list o;
    if (opts_parse(b->d, info, &o) != 0) {
        diag_error(b->diags, pos, "cannot read the options of this block: '%s' (write name key=value ...)", info);
        return;
    }
    const block_def *def = NULL;
    const char *names[N(blocks)];
    for (size_t i = 0; i < N(blocks); i++) {
        names[i] = blocks[i].name;
        if (!strcmp(o.name, blocks[i].name)) def = &blocks[i];
    }
    if (!def) {
        strbuf all = STRBUF_INIT;
        sb_word_list(&all, names, N(blocks), N(blocks), NULL);
        const char *near = closest_word(o.name, names, N(blocks));
        if (near)
            diag_error(b->diags, pos, "unknown block '%s'; did you mean '%s'? (blocks: %s)", o.name,
                       near, all.data);
        else
            diag_error(b->diags, pos, "unknown block '%s' (blocks: %s)", o.name, all.data);
        sb_free(&all);
        return;
    }
    const char *what = arena_printf(&b->d->arena, "the %s block", def->name);
    if (opts_check(b, &o, def->options, def->n_options, what, pos)) return;
    block_args a = {&o, pos, NULL};
    const char *ref = takes(def, "theme") ? opts_get(&o, "theme") : NULL;
    if (ref) {
        for (size_t i = 0; i < b->plan->n_themes && !a.theme; i++)
            if (!strcmp(b->plan->themes[i].ref, ref)) a.theme = &b->plan->themes[i];
        if (!a.theme) {
            theme_not_found(b, pos, arena_printf(&b->d->arena, "%s block", o.name), ref);
            return;
        }
    }
    def->build(b, parent, &a);
}

/* ---- helpers ------------------------------------------------------------ */

const char *block_date(rdoc *d, fuzzy_date f)
{
    char buf[DATE_BUF];
    label_date(d->dates, f, buf, sizeof buf);
    return arena_strdup(&d->arena, buf);
}

const char *block_as_at(build_ctx *b) { return block_date(b->d, date_of_day(b->an->as_at)); }

const char *block_caption(build_ctx *b, const opt_list *o, const char *dflt)
{
    const char *c = opts_get(o, "caption");
    return c && *c ? c : arena_strdup(&b->d->arena, dflt);
}

void block_status_cell(build_ctx *b, rnode *row, derived_status s)
{
    strbuf sb = STRBUF_INIT;
    label_status(&sb, s);
    tb_cell(b->d, row, sb.data, status_level(s.kind));
    sb_free(&sb);
}

void block_mark_illustrative(build_ctx *b, rnode *cell, unsigned bits, unsigned which, int *marks)
{
    if (!(bits & which)) return;
    rnode_add_text(b->d, cell, ILLUSTRATIVE_MARK);
    (*marks)++;
}

void block_mark_status(build_ctx *b, rnode *cell, const schedule *s, derived_status st, int *marks)
{
    unsigned which = ILLUSTRATIVE_DUE | ILLUSTRATIVE_STATUS;
    if (st.kind == STATUS_LATE_START || st.kind == STATUS_NOT_YET_DUE) which |= ILLUSTRATIVE_START;
    block_mark_illustrative(b, cell, s->illustrative, which, marks);
}

void block_illustrative_note(build_ctx *b, rnode *t, int marks)
{
    if (!marks) return;
    rnode *row = tb_row(b->d, t, 0);
    row->flags |= RF_NOTE;
    rnode *c = tb_cell(b->d, row, NULL, LEVEL_NONE);
    c->colspan = t->ncols;
    rnode_add_text(b->d, rnode_add(b->d, c, RN_EMPH),
                   ILLUSTRATIVE_MARK " Illustrative: made up for this example, not in the council's "
                   "paper; a status so marked is worked out from made-up dates or progress.");
}

size_t block_theme_rows(build_ctx *b, const theme *only, theme_row **rows)
{
    const plan *p = b->plan;
    theme_row *v = arena_alloc(&b->d->arena, (p->n_themes + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < p->n_themes; i++) {
        const theme *th = &p->themes[i];
        if (only && th != only) continue;
        v[n++] = (theme_row){th, &b->an->themes[i],
                             arena_printf(&b->d->arena, "%s %s", th->ref, th->title ? th->title : "")};
    }
    if (!only) v[n++] = (theme_row){NULL, &b->an->overall, "Whole plan"};
    *rows = v;
    return n;
}

rnode *block_theme_row(build_ctx *b, rnode *t, const theme_row *r)
{
    rnode *row = tb_row(b->d, t, r->theme ? 0 : RF_TOTAL);  /* the whole plan: a total */
    tb_cell(b->d, row, r->name, LEVEL_NONE)->flags |= RF_ROW_HEADER;
    return row;
}

void block_num_cell(build_ctx *b, rnode *row, size_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", v);
    rnode *c = tb_cell(b->d, row, buf, LEVEL_NONE);
    c->flags |= RF_NUMERIC;
    c->align = ALIGN_RIGHT;
}

double block_measure(build_ctx *b, int wide)
{
    const house_style *h = b->house;
    double page = wide ? h->page_height : h->page_width;
    return page - h->margin_left - h->margin_right;
}

int block_columns(build_ctx *b, const block_args *a, const char *block, const char *const *ids, int n,
                  int *cols)
{
    const char *colopt = opts_get(a->opts, "columns");
    if (!colopt) return 0;
    int nc = 0;
    char *list = xstrdup(colopt), *save = NULL;
    for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        int k;
        for (k = 0; k < n; k++)
            if (strcmp(w, ids[k]) == 0) break;
        if (k == n) {
            strbuf all = STRBUF_INIT;
            sb_word_list(&all, ids, (size_t)n, (size_t)n, NULL);
            const char *near = closest_word(w, ids, (size_t)n);
            if (near)
                diag_error(b->diags, a->pos, "%s block: unknown column '%s'; did you mean '%s'? (columns: %s)",
                           block, w, near, all.data);
            else
                diag_error(b->diags, a->pos, "%s block: unknown column '%s' (columns: %s)", block, w, all.data);
            sb_free(&all);
            free(list);
            return -1;
        }
        int dup = 0;
        for (int i = 0; i < nc; i++) dup |= cols[i] == k;
        if (dup) {
            diag_error(b->diags, a->pos, "%s block: column '%s' is named twice", block, w);
            free(list);
            return -1;
        }
        cols[nc++] = k;
    }
    free(list);
    if (!nc) {
        strbuf all = STRBUF_INIT;
        sb_word_list(&all, ids, (size_t)n, (size_t)n, NULL);
        diag_error(b->diags, a->pos, "%s block: columns= names no columns (columns: %s)", block, all.data);
        sb_free(&all);
        return -1;
    }
    return nc;
}

const char *block_status_words(build_ctx *b, const size_t count[STATUS__COUNT])
{
    strbuf sb = STRBUF_INIT;
    int n = 0, total = 0;
    for (int k = 0; k < STATUS__COUNT; k++) total += count[status_order[k]] > 0;
    for (int k = 0; k < STATUS__COUNT; k++) {
        status_kind s = status_order[k];
        if (!count[s]) continue;
        n++;
        if (n > 1) sb_puts(&sb, n == total ? " and " : ", ");
        sb_printf(&sb, "%zu ", count[s]);
        for (const char *c = status_kind_name(s); *c; c++)
            sb_putc(&sb, *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c);
    }
    const char *out = arena_strdup(&b->d->arena, sb.len ? sb.data : "none");
    sb_free(&sb);
    return out;
}
