/* blocks.h - computed blocks: a fenced block whose info string names plan content
 * (```rollup theme=B```) becomes content made from the analysis. Every block is one
 * entry of the table in blocks.c - its name, the options it takes and its builder - so
 * a new block is one entry and one builder. Builders read the analysis and word it
 * with labels.c; none decides a status. */
#ifndef TABLED_BLOCKS_H
#define TABLED_BLOCKS_H

#include "build_ctx.h"

/* What a builder is given: its options (already checked against the block's list),
 * where the block is, and the theme= option resolved (NULL: every theme). */
typedef struct {
    const opt_list *opts;
    srcpos pos;
    const theme *theme;
} block_args;

typedef void (*block_builder)(build_ctx *b, rnode *parent, const block_args *a);

typedef struct {
    const char *name;               /* the info string's first word */
    const char *const *options;     /* the option keys it takes; "theme" is resolved */
    size_t n_options;
    block_builder build;
} block_def;

/* The registered blocks, in the order the README lists them; n in *n. */
const block_def *block_table(size_t *n);

/* The builders (block_*.c). */
void block_rollup(build_ctx *b, rnode *parent, const block_args *a);
void block_exceptions(build_ctx *b, rnode *parent, const block_args *a);
void block_plan(build_ctx *b, rnode *parent, const block_args *a);
void block_risks(build_ctx *b, rnode *parent, const block_args *a);
void block_indicators(build_ctx *b, rnode *parent, const block_args *a);
void block_changes(build_ctx *b, rnode *parent, const block_args *a);
void block_ragsummary(build_ctx *b, rnode *parent, const block_args *a);
void block_gantt(build_ctx *b, rnode *parent, const block_args *a);
void block_riskmatrix(build_ctx *b, rnode *parent, const block_args *a);
void block_statuskey(build_ctx *b, rnode *parent, const block_args *a);
/* The periods of the indicators (of one theme, or all): every target period and every
 * period with an actual known at T, by first day; malloc'd, count returned. */
size_t indicator_periods(build_ctx *b, const theme *only, fuzzy_date **out);
/* The indicators block's trend chart (block_indtrend.c). */
void block_indicator_trends(build_ctx *b, rnode *parent, const block_args *a);

/* Helpers the builders share. */
/* A date as printed ("31 December 2010"), in the document's arena. */
const char *block_date(rdoc *d, fuzzy_date f);
/* The analysis date as printed. */
const char *block_as_at(build_ctx *b);
/* The caption= option, else dflt (copied). */
const char *block_caption(build_ctx *b, const opt_list *o, const char *dflt);
/* A cell with a status in words and its RAG colour. */
void block_status_cell(build_ctx *b, rnode *row, derived_status s);
/* Values an example plan made up (schedule.illustrative): when bits has any of which,
 * the mark after the cell's text, counted in *marks; a table with marks ends with the
 * note row that says what the mark means. */
#define ILLUSTRATIVE_MARK "\xE2\x80\xA0"   /* dagger */
void block_mark_illustrative(build_ctx *b, rnode *cell, unsigned bits, unsigned which, int *marks);
void block_illustrative_note(build_ctx *b, rnode *t, int marks);
/* The mark on a status cell worked out from made-up values: its due date or entered
 * status, or its start for Late start and Not yet due. */
void block_mark_status(build_ctx *b, rnode *cell, const schedule *s, derived_status st, int *marks);
/* The rows of a by-theme block: each theme (only the one given), then the whole plan
 * (unless a theme is given). */
typedef struct {
    const theme *theme;             /* NULL: the whole plan */
    const rollup_counts *counts;
    const char *name;               /* "A Consultation and engagement", "Whole plan" */
} theme_row;
/* The rows in *rows (document arena); their number. */
size_t block_theme_rows(build_ctx *b, const theme *only, theme_row **rows);
/* A row of table t headed by the row's name. */
rnode *block_theme_row(build_ctx *b, rnode *t, const theme_row *r);
/* Counts by status in words, in the status order: "3 complete, 2 on target and 10 not
 * yet due" ("none" when all are 0); in the document's arena. */
const char *block_status_words(build_ctx *b, const size_t count[STATUS__COUNT]);
/* A right-aligned numeric cell. */
void block_num_cell(build_ctx *b, rnode *row, size_t v);
/* The columns= option of the named block (names from ids[0..n)) as indices in cols[] (room for
 * n); 0 when the option is not given, -1 after reporting an unknown name, a name given
 * twice or a list with no names. */
int block_columns(build_ctx *b, const block_args *a, const char *block, const char *const *ids, int n,
                  int *cols);
/* The width a figure may take, in points: the text measure of a portrait page, or of a
 * landscape one when wide (from the house style's page and margins). */
double block_measure(build_ctx *b, int wide);

#endif
