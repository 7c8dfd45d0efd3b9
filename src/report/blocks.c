/* blocks.c - the table of computed blocks, the dispatcher that checks a block's
 * options and resolves theme= for it, and the helpers the builders share. */
#include "blocks.h"

#include <stdio.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/suggest.h"
#include "labels.h"
#include "table_build.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const theme_caption[] = {"theme", "caption"};
static const char *const exceptions_opts[] = {"theme", "caption", "columns"};
static const char *const indicators_opts[] = {"period", "caption", "theme"};
static const char *const changes_opts[] = {"kinds", "theme", "caption"};
static const char *const ragbars_opts[] = {"theme", "caption", "landscape", "table"};

static const block_def blocks[] = {
    {"rollup", theme_caption, N(theme_caption), block_rollup},
    {"exceptions", exceptions_opts, N(exceptions_opts), block_exceptions},
    {"plan", theme_caption, N(theme_caption), block_plan},
    {"risks", theme_caption, N(theme_caption), block_risks},
    {"indicators", indicators_opts, N(indicators_opts), block_indicators},
    {"changes", changes_opts, N(changes_opts), block_changes},
    {"rag-bars", ragbars_opts, N(ragbars_opts), block_ragbars},
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
    date_format(f, buf, sizeof buf);
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
    rnode *row = tb_row(b->d, t, 0);
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
